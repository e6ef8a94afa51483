package dev.berth.cli;

import dev.berth.client.NotFoundException;
import dev.berth.client.TransportException;
import dev.berth.config.ConfigurationException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code berth [global options] COMMAND [options] [arguments]}: a small docker-like command line
 * over the berth library. {@code berth --help} lists the commands; the exit statuses
 * are the constants below (and in {@code --help}).
 */
public final class Main {
  /** Exit status: the engine refused or failed the request. */
  static final int ENGINE_ERROR = 1;
  /** Exit status: the command line is wrong. */
  static final int USAGE_ERROR = 2;
  /** Exit status: no engine could be reached, or its configuration is unusable. */
  static final int CONNECT_ERROR = 3;
  /** Exit status: the container, image or path does not exist. */
  static final int NOT_FOUND = 4;

  static final List<Args.Opt> GLOBAL = List.of(
      Args.opt("ADDRESS", "-H", "--host", "engine address (unix://, tcp://, https://, ssh://); overrides DOCKER_HOST and contexts"),
      Args.opt("NAME", "-c", "--context", "Docker context to use; overrides DOCKER_HOST and DOCKER_CONTEXT"),
      Args.flag("--tls", "use TLS without verifying the engine (as DOCKER_TLS)"),
      Args.flag("--tlsverify", "use TLS and verify the engine; certificates from DOCKER_CERT_PATH or ~/.docker (as DOCKER_TLS_VERIFY)"),
      Args.flag("-D", "--debug", "print the stack trace of an error"),
      Args.flag("-h", "--help", "this help"),
      Args.flag("-v", "--version", "print berth's version"));

  static final String USAGE = "usage: berth [-H ADDRESS | -c CONTEXT] [--debug] COMMAND [options] [arguments]\n"
      + "\nA docker-like command line over the berth library. The engine is found as the docker CLI finds it\n"
      + "(-H, --context, DOCKER_HOST, DOCKER_CONTEXT, config.json, then the well-known sockets): see `berth where`.\n";

  static final String EXIT_STATUSES = "exit status: 0 ok; 1 the engine refused or failed; 2 bad command line;"
      + " 3 no engine reachable or bad configuration;\n4 no such container, image or path; `run`/`exec`: the"
      + " container's own status (125 when it could not be started); 130 Ctrl-C.\n";

  private final Map<String, Command> commands = new LinkedHashMap<>();
  private final Session.Io io;
  private final PrintStream out;
  private volatile Session current;

  Main(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path home, boolean terminal) {
    this.io = new Session.Io(out, err, in, env, home, terminal);
    this.out = out;
    for (List<Command> group : List.of(SystemCommands.all(), ContainerCommands.all(), ImageCommands.all(),
        CatalogCommands.all())) {
      group.forEach(c -> commands.put(c.name(), c));
    }
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
    Main main = new Main(out, System.err, System.in, System.getenv(), Path.of(System.getProperty("user.home")),
        stdoutIsTerminal());
    // Ctrl-C: the JVM runs this hook; it closes the open stream (the main thread's read returns)
    // and removes a --rm container. The JVM then exits with 130.
    Runtime.getRuntime().addShutdownHook(new Thread(main::interrupted, "berth-interrupt"));
    int status = main.run(args);
    out.flush();
    System.exit(status);
  }

  /** The launcher says whether stdout is a terminal ({@code -Dberth.tty}); else the JDK's guess. */
  private static boolean stdoutIsTerminal() {
    String p = System.getProperty("berth.tty");
    if (p != null) {
      return Boolean.parseBoolean(p);
    }
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try { // JDK 22+ returns a console for redirected streams too; isTerminal() tells them apart
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  private void interrupted() {
    Session s = current;
    if (s != null) {
      s.interrupt();
    }
  }

  /** Runs one command line; returns the exit status. */
  int run(String[] argv) {
    List<String> all = Arrays.asList(argv);
    int cmdAt = commandIndex(all);
    Session session = new Session(io);
    current = session;
    Command command = null;
    try (session) {
      Args global = Args.parse(all.subList(0, cmdAt), GLOBAL, false);
      session.host = global.get("host", null);
      session.context = global.get("context", null);
      session.debug = global.has("debug");
      session.tls = global.has("tlsverify") ? "DOCKER_TLS_VERIFY" : global.has("tls") ? "DOCKER_TLS" : null;
      if (session.host != null && session.context != null) {
        throw new UsageException("give either --host or --context, not both");
      }
      if (global.has("version")) {
        out.println("berth " + SystemCommands.clientVersion());
        return 0;
      }
      if (cmdAt == all.size() || global.has("help")) {
        out.print(help());
        return cmdAt == all.size() && !global.has("help") ? USAGE_ERROR : 0;
      }
      String name = all.get(cmdAt);
      List<String> rest = all.subList(cmdAt + 1, all.size());
      if (name.equals("help")) {
        if (rest.isEmpty()) {
          out.print(help());
          return 0;
        }
        name = rest.get(0);
        rest = List.of("--help");
      }
      command = commands.get(name);
      if (command == null) {
        throw new UsageException("unknown command \"" + name + "\" (berth --help lists them)");
      }
      if (rest.contains("-h") || rest.contains("--help")) {
        int dashes = rest.indexOf("--");
        int h = Math.max(rest.indexOf("-h"), rest.indexOf("--help"));
        // `run busybox sh --help` passes --help to the container's command
        if ((dashes < 0 || h < dashes) && (!command.stopAtFirstPositional() || helpBeforePositional(rest))) {
          out.print(command.usage());
          return 0;
        }
      }
      Args args = Args.parse(rest, command.options(), command.stopAtFirstPositional());
      return command.action().run(session, args);
    } catch (UsageException e) {
      PrintStream err = io.err();
      err.println("berth: " + e.getMessage());
      err.println(command == null ? "usage: berth [global options] COMMAND; berth --help lists the commands"
          : "usage: berth " + command.name() + (command.synopsis().isEmpty() ? "" : " " + command.synopsis())
              + " (berth " + command.name() + " --help)");
      return USAGE_ERROR;
    } catch (Exception e) {
      if (session.interrupted()) {
        return 130;
      }
      if (session.debug) {
        e.printStackTrace(io.err());
      }
      io.err().println("berth: " + message(e));
      return status(e);
    } finally {
      current = null;
    }
  }

  private static boolean helpBeforePositional(List<String> rest) {
    for (String s : rest) {
      if (s.equals("-h") || s.equals("--help")) {
        return true;
      }
      if (!s.startsWith("-")) {
        return false;
      }
    }
    return false;
  }

  /** The index of the command word: the first argument that is neither a global option nor its value. */
  private static int commandIndex(List<String> all) {
    int i = 0;
    while (i < all.size()) {
      String s = all.get(i);
      if (!s.startsWith("-") || s.equals("-")) {
        return i;
      }
      boolean takesValue = false;
      for (Args.Opt o : GLOBAL) {
        if (o.takesValue() && o.names().contains(s)) {
          takesValue = true;
        }
      }
      i += takesValue ? 2 : 1;
    }
    return Math.min(i, all.size());
  }

  /** One line: the typed error's own message (it names the operation and the engine's words). */
  static String message(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    return m.strip();
  }

  static int status(Throwable e) {
    if (e instanceof NotFoundException) {
      return NOT_FOUND;
    }
    if (e instanceof TransportException || e instanceof ConfigurationException
        || e instanceof UnsupportedOperationException) {
      return CONNECT_ERROR;
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return NOT_FOUND;
    }
    if (e instanceof IllegalArgumentException) { // the catalog's unknown operation or bad parameter
      return USAGE_ERROR;
    }
    return ENGINE_ERROR;
  }

  private String help() {
    StringBuilder b = new StringBuilder(USAGE).append("\nglobal options:\n");
    for (Args.Opt o : GLOBAL) {
      b.append(String.format("  %-24s %s%n", String.join(", ", o.names()) + (o.takesValue() ? " " + o.value() : ""),
          o.help()));
    }
    b.append("\ncommands:\n");
    List<String> names = new ArrayList<>(commands.keySet());
    for (String n : names) {
      b.append(String.format("  %-10s %s%n", n, commands.get(n).summary().lines().findFirst().orElse("")));
    }
    return b.append("\n`berth COMMAND --help` shows a command's options.\n").append(EXIT_STATUSES).toString();
  }
}
