package dev.berth.cli;

import java.io.IOException;

/** {@code run -it} / {@code exec -it} on a terminal: raw mode while attached, as the docker CLI. */
final class Terminal {
  private Terminal() {}

  /** Puts the controlling terminal in raw mode (via {@code stty}); returns how to restore it. */
  static Runnable raw() {
    String saved = stty("-g").trim();
    if (saved.isEmpty()) {
      return () -> { };
    }
    stty("raw -echo");
    return () -> stty(saved);
  }

  private static String stty(String args) {
    try {
      Process p = new ProcessBuilder("sh", "-c", "stty " + args + " < /dev/tty").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
