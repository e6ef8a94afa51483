package dev.berth.config.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.client.RegistryAuth;
import dev.berth.config.CredentialHelperException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code docker-credential-<name> get}: the server address on stdin, {@code
 * {"ServerURL","Username","Secret"}} on stdout. A user name of {@code <token>} means the secret is
 * an identity token. Exit status non-zero with "credentials not found" means no credentials.
 */
public final class CredentialHelper {
  /** What a helper may print; more is not a protocol answer (and would fill the pipe). */
  static final int MAX_OUTPUT = 64 * 1024;
  private static final String TOKEN_USER = "<token>";

  private CredentialHelper() {}

  /** The program name for helper {@code name}: {@code docker-credential-<name>}. */
  public static String program(String name) {
    return "docker-credential-" + name;
  }

  /**
   * Asks helper {@code name} for the credentials of {@code serverAddress}.
   *
   * @param env the helper's whole environment; its {@code PATH} is searched for the program
   * @param origin where the helper was configured, for messages
   * @throws CredentialHelperException when the helper is missing, fails, times out or answers
   *     something else than the protocol's JSON
   */
  public static Optional<RegistryAuth> get(String name, String serverAddress, Map<String, String> env,
      Duration timeout, String origin) {
    String program = program(name);
    String where = program + " (" + origin + ") for " + serverAddress;
    if (name.isEmpty() || name.contains("/") || name.contains(File.separator)
        || name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      // a NUL or other control character would otherwise surface as the JDK's InvalidPathException
      throw new CredentialHelperException(program, "invalid credential helper name \"" + printable(name) + "\" ("
          + origin + "): it must be a non-empty name without '/', white space or control characters", null);
    }
    Path executable = find(program, env.get("PATH"), where);
    ProcessBuilder pb = new ProcessBuilder(List.of(executable.toString(), "get"));
    pb.environment().clear();
    pb.environment().putAll(env);
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new CredentialHelperException(program, "cannot run " + executable + " (" + origin + "): " + e.getMessage(), e);
    }
    try {
      try (OutputStream in = process.getOutputStream()) {
        in.write(serverAddress.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // the helper may exit without reading stdin; its exit status and output tell the rest
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        killTree(process);
        throw new CredentialHelperException(program, where + " did not answer within " + timeout.toMillis() + " ms", null);
      }
      byte[] out = readCapped(process.getInputStream());
      byte[] err = readCapped(process.getErrorStream());
      int status = process.exitValue();
      if (status != 0) {
        if ((new String(out, StandardCharsets.UTF_8) + new String(err, StandardCharsets.UTF_8))
            .toLowerCase(Locale.ROOT).contains("credentials not found")) {
          return Optional.empty();
        }
        // never the helper's words: a failing helper may print the protocol JSON with the secret,
        // or a secret in its diagnostics (a token in a decryption error)
        throw new CredentialHelperException(program, where + " failed with exit status " + status
            + " (its output is not shown, it may hold a secret; run \"" + program
            + " get\" by hand to see it)", null);
      }
      return Optional.ofNullable(parse(out, serverAddress, program, where));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CredentialHelperException(program, "interrupted while waiting for " + where, e);
    } finally {
      killTree(process);
      closeQuietly(process);
    }
  }

  private static RegistryAuth parse(byte[] out, String serverAddress, String program, String where) {
    JsonNode root;
    try {
      root = ConfigFile.mapper().readTree(out);
    } catch (JacksonException e) {
      root = null;
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      // never echo the output: it may hold the secret
      throw new CredentialHelperException(program, where + " printed something that is not the credential helper"
          + " protocol's JSON ({\"ServerURL\",\"Username\",\"Secret\"})", null);
    }
    String user = ConfigFile.text(root, "Username");
    String secret = ConfigFile.text(root, "Secret");
    String server = ConfigFile.text(root, "ServerURL");
    if (secret == null) {
      return null;
    }
    String address = server != null ? server : serverAddress;
    if (TOKEN_USER.equals(user)) {
      return RegistryAuth.identityToken(null, secret, address);
    }
    return RegistryAuth.basic(user == null ? "" : user, secret, address);
  }

  private static Path find(String program, String path, String where) {
    if (path == null || path.isBlank()) {
      throw new CredentialHelperException(program, where + ": " + program + " not found, PATH is not set", null);
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path d;
      try {
        d = Path.of(dir);
      } catch (java.nio.file.InvalidPathException e) {
        continue;
      }
      if (dir.isEmpty() || !d.isAbsolute()) {
        // as Go's exec.LookPath: a relative entry ("", ".", "bin") would run whatever the current
        // directory (a checked-out repository) holds under the helper's name
        continue;
      }
      Path p = d.resolve(program);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p.toAbsolutePath();
      }
    }
    throw new CredentialHelperException(program, where + ": " + program
        + " not found on PATH (" + path + "); install it, or remove the setting from config.json", null);
  }

  /**
   * What the exited helper left in the pipe, up to {@link #MAX_OUTPUT}. Only what is already
   * there: a process the helper started (an agent) may hold the pipe open forever, and reading
   * to its end would then wait for that process instead of the helper.
   */
  private static byte[] readCapped(InputStream in) {
    try (in) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while (out.size() < MAX_OUTPUT && (n = in.available()) > 0) {
        int r = in.read(buf, 0, Math.min(Math.min(n, buf.length), MAX_OUTPUT - out.size()));
        if (r < 0) {
          break;
        }
        out.write(buf, 0, r);
      }
      return out.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /**
   * Kills the helper and everything it started (a helper that runs gpg or an agent): the
   * descendants first, while they can still be found through their parent.
   */
  private static void killTree(Process process) {
    try {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
    } catch (UnsupportedOperationException | SecurityException e) {
      // the direct child is still killed below
    }
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(100).forEach(c -> {
      if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }

  private static void closeQuietly(Process p) {
    for (java.io.Closeable c : new java.io.Closeable[] {p.getInputStream(), p.getErrorStream(), p.getOutputStream()}) {
      try {
        c.close();
      } catch (IOException ignored) {
        // nothing left to do
      }
    }
  }
}
