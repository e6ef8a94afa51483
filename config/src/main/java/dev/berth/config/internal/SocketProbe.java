package dev.berth.config.internal;

import dev.berth.client.BerthException;
import dev.berth.client.EngineClient;
import dev.berth.client.EngineException;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.TransportException;
import dev.berth.client.TransportTimeoutException;
import dev.berth.config.ProbeAttempt;
import dev.berth.config.ProbeAttempt.Outcome;
import dev.berth.config.SocketCandidate;
import dev.berth.transport.Dialers;
import dev.berth.transport.Http1Doer;
import dev.berth.types.system.Ping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Locale;

/** Probes one socket with {@code GET /_ping} and says, in a few words, what happened. */
public final class SocketProbe {
  private SocketProbe() {}

  /** Probes {@code candidate}; every wait is bounded by {@code timeout}. Never throws. */
  public static ProbeAttempt probe(SocketCandidate candidate, Duration timeout) {
    Path p = candidate.socket();
    // Looking at the file first gives a precise reason for the common cases without a dial.
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(p, BasicFileAttributes.class);
    } catch (IOException e) {
      if (Files.isSymbolicLink(p)) {
        return new ProbeAttempt(candidate, Outcome.MISSING, "dangling symbolic link" + linkTarget(p));
      }
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) || !(e instanceof java.nio.file.NoSuchFileException)) {
        return new ProbeAttempt(candidate, Outcome.FAILED, "cannot look at it: " + e);
      }
      return new ProbeAttempt(candidate, Outcome.MISSING, "no such file");
    }
    String untrusted = SocketTrust.whyUntrusted(p);
    if (untrusted != null) {
      return new ProbeAttempt(candidate, Outcome.UNTRUSTED, untrusted + "; not used");
    }
    if (attributes.isDirectory()) {
      return new ProbeAttempt(candidate, Outcome.NOT_A_SOCKET, "a directory");
    }
    if (attributes.isRegularFile()) {
      return new ProbeAttempt(candidate, Outcome.NOT_A_SOCKET, "a regular file");
    }
    Path dial = p;
    if (Files.isSymbolicLink(p)) {
      try {
        dial = p.toRealPath(); // checked above: dial what was checked, not what the link says later
      } catch (IOException e) {
        return new ProbeAttempt(candidate, Outcome.MISSING, "dangling symbolic link" + linkTarget(p));
      }
    }
    try (Http1Doer doer = Http1Doer.builder(Dialers.unix(dial))
            .connectTimeout(timeout).callTimeout(timeout).readTimeout(timeout).maxIdleConnections(0).build();
        EngineClient client = EngineClient.builder(doer).build()) {
      Ping ping = client.ping();
      String server = ping.server() != null ? ping.server() : ping.kind().toString();
      return new ProbeAttempt(candidate, Outcome.ANSWERED,
          server + (ping.apiVersion() == null ? "" : ", API " + ping.apiVersion()));
    } catch (TransportTimeoutException e) {
      return new ProbeAttempt(candidate, Outcome.TIMEOUT, "no answer to GET /_ping within " + timeout.toMillis() + " ms");
    } catch (EngineException e) {
      return new ProbeAttempt(candidate, Outcome.NOT_AN_ENGINE, "GET /_ping answered HTTP " + e.status());
    } catch (MalformedResponseException e) {
      return new ProbeAttempt(candidate, Outcome.NOT_AN_ENGINE, "the answer is not an engine's: " + rootMessage(e));
    } catch (TransportException e) {
      return connectFailure(candidate, e);
    } catch (BerthException | UnsupportedOperationException | IllegalArgumentException e) {
      return new ProbeAttempt(candidate, Outcome.FAILED, rootMessage(e));
    }
  }

  /** Words for a failure to connect, from the whole cause chain (the OS's words are innermost). */
  static ProbeAttempt connectFailure(SocketCandidate candidate, Throwable e) {
    String lower = chain(e).toLowerCase(Locale.ROOT);
    if (lower.contains("refused")) {
      return new ProbeAttempt(candidate, Outcome.REFUSED, "connection refused: the file exists but nobody listens");
    }
    if (lower.contains("permission denied") || lower.contains("access denied")) {
      return new ProbeAttempt(candidate, Outcome.PERMISSION_DENIED,
          "permission denied: this user may not open it (for Docker: the docker group)");
    }
    return new ProbeAttempt(candidate, Outcome.FAILED, rootMessage(e));
  }

  private static String linkTarget(Path p) {
    try {
      return " to " + Files.readSymbolicLink(p);
    } catch (IOException e) {
      return "";
    }
  }

  private static String chain(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null && b.length() < 4096; t = t.getCause() == t ? null : t.getCause()) {
      b.append(t.getMessage()).append('\n');
    }
    return b.toString();
  }

  /** The innermost message: the transport's words without the operation prefix repeated. */
  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    return m;
  }
}
