package dev.berth.cli;

import static dev.berth.cli.Args.flag;
import static dev.berth.cli.Args.opt;

import dev.berth.client.BerthException;
import dev.berth.client.FrameReader;
import dev.berth.client.NotFoundException;
import dev.berth.containers.Archive;
import dev.berth.containers.AttachedStream;
import dev.berth.containers.ContainerListOptions;
import dev.berth.containers.ContainerLogsOptions;
import dev.berth.containers.ContainerService;
import dev.berth.types.containers.ContainerCreateRequest;
import dev.berth.types.containers.ContainerSummary;
import dev.berth.types.containers.PathStat;
import dev.berth.types.exec.ExecCreateRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ps}, {@code run}, {@code logs}, {@code exec}, {@code rm}, {@code inspect}, {@code cp}. */
final class ContainerCommands {
  private ContainerCommands() {}

  /** Exit status of {@code run} when the container could not be created or started (as docker). */
  static final int RUN_FAILED = 125;

  private static final Args.Opt INTERACTIVE = flag("-i", "--interactive", "send this process's stdin to the container");
  private static final Args.Opt TTY = flag("-t", "--tty", "give the container a terminal");
  private static final Args.Opt ENV = opt("K=V", "-e", "--env", "set an environment variable (K alone: take it from here; repeatable)");

  static List<Command> all() {
    return List.of(
        Command.of("ps", "[options]", "Lists containers (running ones unless -a).", List.of(
            flag("-a", "--all", "all containers, also stopped ones"),
            opt("KEY=VALUE", "-f", "--filter", "only those matching: name=, label=K=V, status=, ancestor=, id=, exited= (repeatable)"),
            flag("-q", "--quiet", "IDs only"),
            Json.FORMAT), ContainerCommands::ps),
        Command.of("run", "[options] IMAGE [COMMAND [ARG...]]",
            "Creates and starts a container, shows its output and ends with its exit status.\n"
                + "Its network is `none` unless --network says otherwise.", List.of(
            INTERACTIVE, TTY, ENV,
            flag("-d", "--detach", "start it in the background and print its ID"),
            opt("NAME", "--name", "the container's name"),
            flag("--rm", "remove it when it exits (also on Ctrl-C)"),
            opt("SRC:DST[:ro]", "-v", "--volume", "bind a host path or a named volume (repeatable)"),
            opt("NET", "--network", "network mode (default none)"),
            opt("DIR", "-w", "--workdir", "working directory inside the container"),
            opt("USER", "-u", "--user", "user (name or uid[:gid])"),
            opt("CMD", "--entrypoint", "override the image's entrypoint"),
            opt("K=V", "-l", "--label", "set a label (repeatable)")), ContainerCommands::run).stoppingAtFirstPositional(),
        Command.of("logs", "[options] CONTAINER", "Shows a container's output (stdout here, stderr to stderr).", List.of(
            flag("-f", "--follow", "keep following until Ctrl-C or the container ends"),
            opt("TIME", "--since", "from this time: RFC 3339, Unix seconds, or a duration ago (10m)"),
            opt("TIME", "--until", "up to this time (same forms)"),
            opt("N", "-n", "--tail", "only the last N lines (or all)"),
            flag("-t", "--timestamps", "prefix each line with its time")), ContainerCommands::logs),
        Command.of("exec", "[options] CONTAINER COMMAND [ARG...]",
            "Runs a command in a running container; ends with its exit status.", List.of(
            INTERACTIVE, TTY, ENV,
            opt("DIR", "-w", "--workdir", "working directory"),
            opt("USER", "-u", "--user", "user (name or uid[:gid])")), ContainerCommands::exec).stoppingAtFirstPositional(),
        Command.of("rm", "[options] CONTAINER...", "Removes containers.", List.of(
            flag("-f", "--force", "kill running ones first; one that does not exist is no error"),
            flag("-v", "--volumes", "remove their anonymous volumes too")), ContainerCommands::rm),
        Command.of("inspect", "[options] NAME...", "Shows containers or images as JSON (containers first, as docker).",
            List.of(opt("TYPE", "--type", "container or image")), ContainerCommands::inspect),
        Command.of("cp", "CONTAINER:SRC LOCAL|- | LOCAL|- CONTAINER:DEST",
            "Copies files or directories out of a container or into one, following docker cp's rules.\n"
                + "  DEST an existing directory: SRC goes into it (SRC ending in /. : what SRC holds);\n"
                + "  DEST missing: SRC is copied as DEST (its parent must exist; DEST ending in / must exist for a file);\n"
                + "  DEST an existing file: a file overwrites it, a directory is an error.\n"
                + "- as LOCAL: a tar stream to stdout, or from stdin (extracted into the directory DEST).", List.of(),
            ContainerCommands::cp));
  }

  // ------------------------------------------------------------------ ps

  private static int ps(Session s, Args a) {
    a.positional(0, 0, "");
    ContainerListOptions.Builder o = ContainerListOptions.builder().all(a.has("all"));
    for (String f : a.all("filter")) {
      String[] kv = SystemCommands.keyValue(f, "--filter");
      o.filter(kv[0], kv[1]);
    }
    boolean json = Json.wanted(a);
    List<ContainerSummary> list = s.containers().list(o.build());
    if (json) {
      Json.print(s.out, list);
      return 0;
    }
    if (a.has("quiet")) {
      list.forEach(c -> s.out.println(Table.shortId(c.id())));
      return 0;
    }
    Table t = new Table("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "NAMES");
    for (ContainerSummary c : list) {
      t.row(Table.shortId(c.id()), Table.cut(c.image(), 30), "\"" + Table.cut(c.command(), 20) + "\"", Table.ago(c.created()),
          c.status(), String.join(",", c.names().stream().map(n -> n.startsWith("/") ? n.substring(1) : n).toList()));
    }
    t.print(s.out);
    return 0;
  }

  // ------------------------------------------------------------------ run

  private static int run(Session s, Args a) throws Exception {
    List<String> p = a.positional(1, Integer.MAX_VALUE, "IMAGE");
    String image = p.get(0);
    boolean interactive = a.has("interactive");
    boolean tty = a.has("tty");
    boolean detach = a.has("detach");
    boolean rm = a.has("rm");
    ContainerCreateRequest.Builder req = ContainerCreateRequest.builder().image(image)
        .env(env(s, a)).tty(tty).openStdin(interactive).stdinOnce(interactive).attachStdin(interactive)
        .attachStdout(!detach).attachStderr(!detach)
        .hostConfig(h -> h.networkMode(a.get("network", "none")).binds(a.all("volume")).autoRemove(rm && detach));
    if (p.size() > 1) {
      req.cmd(p.subList(1, p.size()));
    }
    if (a.has("workdir")) {
      req.workingDir(a.get("workdir", null));
    }
    if (a.has("user")) {
      req.user(a.get("user", null));
    }
    if (a.has("entrypoint")) {
      req.entrypoint(a.get("entrypoint", null));
    }
    for (String l : a.all("label")) {
      String[] kv = l.contains("=") ? SystemCommands.keyValue(l, "--label") : new String[] {l, ""};
      req.label(kv[0], kv[1]);
    }
    ContainerService containers = s.containers();
    String name = a.get("name", null);
    String id;
    try {
      id = create(s, containers, req.build(), name, image);
    } catch (BerthException e) {
      s.err.println("berth: " + Main.message(e));
      return RUN_FAILED;
    }
    if (detach) {
      try {
        containers.start(id);
      } catch (BerthException e) {
        s.err.println("berth: " + Main.message(e));
        return RUN_FAILED;
      }
      s.out.println(id);
      return 0;
    }
    if (rm) {
      s.cleanup(() -> removeQuietly(containers, id));
    } else {
      // as the docker CLI's signal proxy: Ctrl-C reaches the container's process too
      s.cleanup(() -> {
        if (s.interrupted()) {
          try {
            containers.kill(id, o -> o.signal("SIGINT"));
          } catch (BerthException e) {
            // it may have ended already
          }
        }
      });
    }
    try (AttachedStream attached = containers.attach(id, o -> o.stdin(interactive).stdout(true).stderr(true).stream(true))) {
      s.closeOnInterrupt(attached);
      try {
        containers.start(id);
      } catch (BerthException e) {
        s.err.println("berth: " + Main.message(e));
        return RUN_FAILED;
      }
      return pumpAndCopy(s, attached, interactive, tty, () -> {
        Long code = containers.wait(id).statusCode();
        return code == null ? 0 : code.intValue();
      });
    }
  }

  /** Creates the container; an image missing here is pulled first, as {@code docker run} does. */
  private static String create(Session s, ContainerService containers, ContainerCreateRequest req, String name, String image) {
    try {
      return containers.create(req, o -> o.name(name)).id();
    } catch (NotFoundException e) {
      if (!e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("image")) {
        throw e;
      }
      s.err.println("berth: image " + image + " is not here; pulling it");
      ImageCommands.pull(s, image, new Progress(s.err, s.terminal));
      return containers.create(req, o -> o.name(name)).id();
    }
  }

  private static void removeQuietly(ContainerService containers, String id) {
    try {
      containers.remove(id, o -> o.force(true));
    } catch (NotFoundException e) {
      // already gone
    }
  }

  /** What ends an attached session: the container's or exec's exit status. */
  @FunctionalInterface
  private interface ExitStatus {
    int get();
  }

  /**
   * Sends stdin (with {@code -i}, see {@link #pumpStdin}), copies the output here on this thread
   * until the stream ends, then returns the exit status.
   */
  private static int pumpAndCopy(Session s, AttachedStream attached, boolean interactive, boolean tty, ExitStatus exit)
      throws IOException {
    Runnable restore = interactive && tty && s.terminal ? Terminal.raw() : () -> { };
    try {
      if (interactive) {
        pumpStdin(s, attached.stdin(), attached::closeStdin, tty);
      }
      attached.output().copyTo(s.out, s.err);
      s.out.flush();
      return exit.get();
    } finally {
      restore.run();
    }
  }

  /** How the end of stdin is sent: a half-close of the connection. */
  @FunctionalInterface
  interface HalfClose {
    void run() throws IOException;
  }

  /** Ctrl-D: end-of-file for a program reading a terminal (after a partial line, it ends the line first). */
  private static final int EOT = 4;

  /**
   * Sends this process's stdin to {@code stdin} on a daemon thread. At its end, without a TTY,
   * half-closes: the process reads end-of-file. With a TTY the engine would answer a half-close by
   * ending the whole stream, output still to come included; so it types Ctrl-D instead (twice
   * after a partial line), as a person at the terminal would, and the stream ends with the process.
   */
  static void pumpStdin(Session s, OutputStream stdin, HalfClose halfClose, boolean tty) {
    pumpStdin(s, stdin, halfClose, tty ? StdinEnd.TYPE_EOT : StdinEnd.HALF_CLOSE);
  }

  /** What the end of this process's stdin becomes on the engine's side. */
  enum StdinEnd {
    /** A half-close: the process reads end-of-file. */
    HALF_CLOSE,
    /** A typed Ctrl-D, for a TTY (a half-close would end the whole stream). */
    TYPE_EOT,
    /**
     * Nothing: sending stops and the stream stays open (an attach to a TTY container that did not
     * ask for stdin once: a Ctrl-D would end its shell, as docker's attach never does).
     */
    NOTHING
  }

  /** {@link #pumpStdin(Session, OutputStream, HalfClose, boolean)} with the end chosen by the caller. */
  static void pumpStdin(Session s, OutputStream stdin, HalfClose halfClose, StdinEnd end) {
    Thread pump = new Thread(() -> {
      try {
        byte[] buf = new byte[8192];
        int last = '\n';
        for (int n; (n = s.in.read(buf)) >= 0; ) {
          if (n > 0) {
            stdin.write(buf, 0, n);
            stdin.flush();
            last = buf[n - 1];
          }
        }
        if (end == StdinEnd.TYPE_EOT) {
          stdin.write(last == '\n' ? new byte[] {EOT} : new byte[] {EOT, EOT});
          stdin.flush();
        } else if (end == StdinEnd.HALF_CLOSE) {
          halfClose.run();
        }
      } catch (IOException | BerthException e) {
        // the process went away while we were still sending: its exit status tells the story
      }
    }, "berth-stdin");
    pump.setDaemon(true);
    pump.start();
  }

  private static List<String> env(Session s, Args a) {
    List<String> env = new ArrayList<>();
    for (String e : a.all("env")) {
      if (e.contains("=")) {
        env.add(e);
      } else if (s.env.containsKey(e)) {
        env.add(e + "=" + s.env.get(e));
      }
    }
    return env;
  }

  // ------------------------------------------------------------------ logs, exec

  private static int logs(Session s, Args a) {
    String id = a.positional(1, 1, "CONTAINER").get(0);
    ContainerLogsOptions.Builder o = ContainerLogsOptions.builder().stdout(true).stderr(true)
        .follow(a.has("follow")).timestamps(a.has("timestamps"));
    if (a.has("since")) {
      o.since(SystemCommands.time(a.get("since", null), "--since"));
    }
    if (a.has("until")) {
      o.until(SystemCommands.time(a.get("until", null), "--until"));
    }
    String tail = a.get("tail", "all");
    if (!tail.equals("all")) {
      o.tail(a.integer("tail"));
    }
    try (FrameReader logs = s.containers().logs(id, o.build())) {
      s.closeOnInterrupt(logs);
      logs.copyTo(s.out, s.err);
    }
    s.out.flush();
    return 0;
  }

  private static int exec(Session s, Args a) throws IOException {
    List<String> p = a.positional(2, Integer.MAX_VALUE, "CONTAINER and COMMAND");
    boolean interactive = a.has("interactive");
    boolean tty = a.has("tty");
    ExecCreateRequest.Builder req = ExecCreateRequest.builder().cmd(p.subList(1, p.size())).attachStdin(interactive)
        .attachStdout(true).attachStderr(true).tty(tty).env(env(s, a));
    if (a.has("workdir")) {
      req.workingDir(a.get("workdir", null));
    }
    if (a.has("user")) {
      req.user(a.get("user", null));
    }
    ContainerService containers = s.containers();
    String execId = containers.execCreate(p.get(0), req.build());
    try (AttachedStream attached = containers.execStart(execId, o -> o.tty(tty))) {
      s.closeOnInterrupt(attached);
      return pumpAndCopy(s, attached, interactive, tty, () -> {
        Integer code = containers.execInspect(execId).exitCode();
        return code == null ? 0 : code;
      });
    }
  }

  // ------------------------------------------------------------------ rm, inspect

  private static int rm(Session s, Args a) {
    List<String> names = a.positional(1, Integer.MAX_VALUE, "CONTAINER");
    ContainerService containers = s.containers();
    int status = 0;
    for (String n : names) {
      try {
        containers.remove(n, o -> o.force(a.has("force")).volumes(a.has("volumes")));
        s.out.println(n);
      } catch (BerthException e) {
        s.err.println("berth: " + Main.message(e));
        if (!(a.has("force") && e instanceof NotFoundException)) { // as docker: rm -f of what is gone is no failure
          status = Main.status(e);
        }
      }
    }
    return status;
  }

  private static int inspect(Session s, Args a) {
    List<String> names = a.positional(1, Integer.MAX_VALUE, "NAME");
    String type = a.get("type", null);
    if (type != null && !type.equals("container") && !type.equals("image")) {
      throw new UsageException("--type is container or image, not \"" + type + "\"");
    }
    List<Object> found = new ArrayList<>();
    BerthException missing = null;
    for (String n : names) {
      try {
        found.add(inspectOne(s, n, type));
      } catch (NotFoundException e) {
        missing = e;
        s.err.println("berth: no such " + (type == null ? "container or image" : type) + ": " + n);
      }
    }
    Json.print(s.out, found);
    return missing == null ? 0 : Main.NOT_FOUND;
  }

  private static Object inspectOne(Session s, String name, String type) {
    if (!"image".equals(type)) {
      try {
        return s.containers().inspect(name);
      } catch (NotFoundException e) {
        if ("container".equals(type)) {
          throw e;
        }
      }
    }
    return s.images().inspect(name);
  }

  // ------------------------------------------------------------------ cp

  /*
   * The docker CLI's rules, both ways. DEST an existing directory: SRC goes into it (SRC ending in
   * /. : its contents). DEST missing: SRC is copied as DEST (its parent must exist; a DEST ending
   * in / must exist when SRC is a file). DEST an existing file: a file SRC overwrites it, a
   * directory SRC is an error. - instead of the local path: a tar stream on stdout or from stdin
   * (extracted into a directory).
   */

  private static int cp(Session s, Args a) throws IOException {
    List<String> p = a.positional(2, 2, a.positional().isEmpty() ? "a source and a destination" : "the destination");
    String src = p.get(0);
    String dst = p.get(1);
    int srcColon = containerSide(src);
    int dstColon = containerSide(dst);
    if ((srcColon < 0) == (dstColon < 0)) {
      throw new UsageException("one of the two must be CONTAINER:PATH, the other a local path (or -)");
    }
    if (srcColon > 0) {
      return copyOut(s, src.substring(0, srcColon), src.substring(srcColon + 1), dst);
    }
    return copyIn(s, src, dst.substring(0, dstColon), dst.substring(dstColon + 1));
  }

  private static int copyOut(Session s, String id, String path, String dst) throws IOException {
    String where = id + ":" + path;
    boolean srcAsDir = path.endsWith("/") && path.length() > 1;
    ContainerService containers = s.containers();
    // the engine fails "file/" with the path on its own disk in the message: ask for "file" and check here
    try (Archive archive = containers.archive(id, srcAsDir ? withoutTrailingSlashes(path) : path);
        InputStream tar = archive.tar()) {
      boolean srcDir = archive.stat().isDirectory();
      if (srcAsDir && !srcDir) {
        throw new FileSystemException(where, null, "not a directory");
      }
      if (dst.equals("-")) {
        tar.transferTo(s.out);
        s.out.flush();
        return 0;
      }
      Path target = Path.of(dst);
      // DIR/. : Docker names the entries ./x, Podman x; either way they go under the target as they are
      boolean contents = srcDir && (path.endsWith("/.") || path.equals("."));
      if (contents && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
          throw new NoSuchFileException(dst, null, "its parent directory does not exist");
        }
        Files.createDirectory(target);
      }
      if (Files.isDirectory(target)) {
        Tar.extract(tar, target, null, target);
        return 0;
      }
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        if (srcDir) {
          throw new FileSystemException(dst, null, "cannot copy a directory onto a file");
        }
        if (dst.endsWith("/")) {
          throw new FileSystemException(dst, null, "not a directory");
        }
      } else if (!srcDir && dst.endsWith("/")) {
        throw new NoSuchFileException(dst, null, "no such directory (a file is copied into an existing one)");
      }
      Path absolute = target.toAbsolutePath();
      Tar.extract(tar, target, absolute.getFileName().toString(), absolute.getParent());
    }
    return 0;
  }

  private static int copyIn(Session s, String src, String id, String path) throws IOException {
    ContainerService containers = s.containers();
    String where = id + ":" + path;
    boolean asDir = path.endsWith("/") && path.length() > 1;
    String dstPath = path.isEmpty() ? "/" : asDir ? withoutTrailingSlashes(path) : path; // `c:` is the root, as docker
    PathStat dst = statOrNull(containers, id, dstPath);
    if (dst != null && dst.isSymlink() && dst.linkTarget() != null && !dst.linkTarget().isEmpty()) {
      dstPath = dst.linkTarget(); // as the docker CLI: copying onto a link copies onto what it points to
      dst = statOrNull(containers, id, dstPath);
    }
    if (src.equals("-")) {
      if (dst == null) {
        throw new NoSuchFileException(where, null, "no such directory in the container (a tar from stdin is extracted into one)");
      }
      if (!dst.isDirectory()) {
        throw new FileSystemException(where, null, "not a directory (a tar from stdin is extracted into one)");
      }
      containers.putArchive(id, dstPath, s.in);
      return 0;
    }
    Path local = Path.of(src);
    if (!Files.exists(local, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(src, null, "no such local file or directory");
    }
    refuseSpecialFiles(local);
    boolean srcDir = Files.isDirectory(local, LinkOption.NOFOLLOW_LINKS);
    if ((src.endsWith("/") || src.endsWith("/.")) && !srcDir) {
      throw new FileSystemException(src, null, "not a directory");
    }
    Path absolute = local.toAbsolutePath().normalize();
    String name = absolute.getFileName() == null ? "" : absolute.getFileName().toString();
    boolean contents = srcDir && (src.equals(".") || src.endsWith("/.") || name.isEmpty());
    String into;
    String as;
    if (dst != null && dst.isDirectory()) {
      into = dstPath;
      as = contents ? null : name;
    } else if (dst != null) {
      if (srcDir) {
        throw new FileSystemException(where, null, "cannot copy a directory onto a file");
      }
      if (asDir) {
        throw new FileSystemException(where, null, "not a directory");
      }
      into = parent(dstPath);
      as = lastElement(dstPath);
    } else {
      if (asDir && !srcDir) {
        throw new NoSuchFileException(where, null, "no such directory in the container (a file is copied into an existing one)");
      }
      into = parent(dstPath);
      as = lastElement(dstPath);
      PathStat parent = statOrNull(containers, id, into);
      if (parent == null || !parent.isDirectory()) {
        throw new NoSuchFileException(where, null, "no such directory in the container: " + into);
      }
    }
    containers.copyInto(id, local, into, as == null ? "." : as);
    return 0;
  }

  /**
   * Fails before anything is sent when {@code local} is or holds a device, pipe or socket: a tar
   * failing half-way would leave the engine with part of it (and the error would read as a
   * transport failure).
   */
  private static void refuseSpecialFiles(Path local) throws IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(local)) {
      Path special = all.filter(f -> {
        try {
          return Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (IOException e) {
          return false; // gone meanwhile: the tar says so
        }
      }).findFirst().orElse(null);
      if (special != null) {
        throw new FileSystemException(special.toString(), null, "a device, pipe or socket: berth cp copies files, directories and links");
      }
    }
  }

  /**
   * The path's stat, or null when it does not exist. A missing container is an error (the
   * engine's HEAD answer has no text, so its own words come from inspecting the container).
   */
  private static PathStat statOrNull(ContainerService containers, String id, String path) {
    try {
      return containers.stat(id, path);
    } catch (NotFoundException e) {
      containers.inspect(id); // throws "No such container: id" when that is what is missing
      return null;
    }
  }

  private static String withoutTrailingSlashes(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** The directory of a container path ({@code /tmp/a} -> {@code /tmp}, {@code a} -> {@code /}). */
  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  private static String lastElement(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The colon of {@code CONTAINER:PATH}, or -1 for a local path (which may contain none before a slash). */
  private static int containerSide(String s) {
    int colon = s.indexOf(':');
    int slash = s.indexOf('/');
    return colon > 0 && (slash < 0 || colon < slash) ? colon : -1;
  }
}
