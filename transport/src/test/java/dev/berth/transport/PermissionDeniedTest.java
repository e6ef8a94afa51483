package dev.berth.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Permission denied on a Unix socket names the fix (the docker group). The kernel checks the
 * socket file's permissions only for a non-root caller (root bypasses them), so the dial runs in a
 * child JVM: as {@code nobody} (via {@code setpriv}) when the tests run as root, else as this user
 * against a socket with mode 000.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PermissionDeniedTest {
  @TempDir Path dir;

  /** Run in the child JVM: dials the socket and prints the failure's message. */
  public static final class Probe {
    public static void main(String[] args) {
      try (Connection c = Dialers.unix(Path.of(args[0])).dial(Duration.ofSeconds(5))) {
        System.out.println("CONNECTED");
      } catch (IOException e) {
        System.out.println(e.getClass().getName() + ": " + e.getMessage());
      }
    }
  }

  @Test
  void permissionDeniedOnTheSocketGivesTheDockerGroupHint() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // others may reach the file
    Path socket = dir.resolve("engine.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("---------"));
      String out = runProbe(socket);
      assertTrue(out.startsWith("java.net.ConnectException: "), out);
      assertTrue(out.contains("unix://" + socket), out);
      assertTrue(out.contains("Permission denied"), out);
      assertTrue(out.contains("docker group"), out);
    }
  }

  private static String runProbe(Path socket) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = Path.of(Dialers.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        + java.io.File.pathSeparator
        + Path.of(Probe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> command = new ArrayList<>();
    String uid = new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(),
        StandardCharsets.US_ASCII).trim();
    if (uid.equals("0")) {
      // root bypasses file permissions: drop to nobody so the kernel really checks them
      command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    command.addAll(List.of(javaBin, "-cp", classpath, Probe.class.getName(), socket.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
