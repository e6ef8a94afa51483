package dev.berth.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shared poller thread lives only while there are connections to watch. A thread blocked in
 * the kernel's select holds up {@code System.exit} (HotSpot waits up to 300 ms for threads in
 * native code), which made every short-lived program (the CLI) 300 ms slower at exit.
 *
 * <p>Runs in a child JVM, so that connections other tests leave in this JVM do not matter. The
 * peer is a tiny HTTP server on loopback: the behaviour under test is the client's threads.
 */
class PollerThreadTest {

  /** The child: one call over TCP, then reports whether the poller thread ran and whether it ended. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        Thread peer = new Thread(() -> {
          try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buf = new byte[4096];
            in.read(buf); // the request head (small: one read is enough here)
            Thread.sleep(200); // the client waits: through the poller
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in.read(buf); // until the client closes
          } catch (Exception ignored) {
            // the client went away
          }
        });
        peer.start();
        boolean ran;
        try (Http1Doer doer = Http1Doer.of(Endpoint.parse("tcp://127.0.0.1:" + server.getLocalPort()).dialer());
             Response r = doer.send(Request.get("/_ping").build())) {
          r.body().bytes(16);
          ran = pollerAlive();
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pollerAlive() && System.nanoTime() < until) {
          Thread.sleep(10);
        }
        System.out.println("ran=" + ran + " alive=" + pollerAlive());
      }
    }

    private static boolean pollerAlive() {
      return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("berth-poller") && t.isAlive());
    }
  }

  @Test
  void thePollerThreadEndsOnceTheLastConnectionIsClosed() throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = Path.of(Http1Doer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        + java.io.File.pathSeparator
        + Path.of(Child.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Process p = new ProcessBuilder(List.of(javaBin, "-cp", classpath, Child.class.getName()))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor(30, TimeUnit.SECONDS);
    assertEquals("ran=true alive=false", out, "the child's report (and any error it printed)");
  }
}
