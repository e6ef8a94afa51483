package dev.berth.transport;

import dev.berth.transport.internal.PushedConnection;
import dev.berth.transport.internal.SocketConnection;
import dev.berth.transport.internal.StreamConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Objects;

/**
 * Adapters that turn whatever gives bytes into a {@link Connection} keeping the whole contract
 * (read timeouts, close from another thread, half-close, a reader and a writer at once), so that a
 * new {@link Dialer} is a few lines:
 *
 * <pre>{@code
 * Dialer viaProcess = timeout -> {
 *   Process p = new ProcessBuilder("ssh", "host", "docker", "system", "dial-stdio").start();
 *   return Connections.ofStreams("ssh host", p.getInputStream(), p.getOutputStream(),
 *       p::destroy, () -> p.getOutputStream().close());
 * };
 * }</pre>
 *
 * <p>Three shapes of source: a {@link Socket} ({@link #ofSocket}); a pair of blocking streams
 * ({@link #ofStreams}, which reads ahead on a thread of its own); a callback-driven source that
 * pushes what it receives ({@link #ofPushed}: no thread, the source never blocks).
 */
public final class Connections {
  private Connections() {}

  /** An action that may fail with an {@link IOException}: closing a channel, a half-close. */
  @FunctionalInterface
  public interface IoAction {
    /** Runs the action. */
    void run() throws IOException;
  }

  /**
   * A {@link Connection} fed by a callback-driven source (an SSH library's channel, a Netty or NIO
   * handler): the source writes what it receives to {@link #receiver()} and closes it at the end
   * of the stream. Obtain one from {@link Connections#ofPushed}.
   */
  public interface Pushed extends Connection {
    /**
     * Where the source delivers incoming bytes. Writes copy and return at once, never blocking
     * the source's thread; {@code close()} is the end of the stream. Readers see the bytes, then
     * the end.
     */
    OutputStream receiver();

    /** The source failed: readers get {@code e} once the bytes delivered before are read. */
    void receiveFailed(IOException e);
  }

  /**
   * A connection whose incoming bytes a callback-driven source pushes into
   * {@link Pushed#receiver()}. Reads wait on the buffered bytes, so read timeouts, interrupts and
   * {@link Connection#close()} from another thread work with no thread of ours.
   *
   * <p>Why the source must never block: one source thread often serves many connections (an SSH
   * session's does), and a blocked write to one reader that stopped reading would stall all
   * others. The cost is memory: bytes a slow reader has not taken yet are buffered, up to
   * {@code maxBuffered}; beyond it the connection fails (the reader gets an {@link IOException}
   * after what was buffered is dropped) and {@code close} runs, on a thread of its own.
   *
   * @param description what the connection goes to, for messages
   * @param out the outgoing bytes; writes may block (e.g. for the peer's flow-control window)
   * @param close closes the source; called once, from any thread
   * @param halfClose signals end-of-stream to the peer; {@code null} closes {@code out}
   * @param maxBuffered the most bytes held for a reader that is behind
   */
  public static Pushed ofPushed(String description, OutputStream out, IoAction close, IoAction halfClose,
      long maxBuffered) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(close, "close");
    if (maxBuffered < 1) {
      throw new IllegalArgumentException("maxBuffered must be positive: " + maxBuffered);
    }
    return new PushedConnection(description, out, close, halfClose == null ? out::close : halfClose, maxBuffered);
  }

  /**
   * A connection over a connected blocking {@link Socket}. Read timeouts use
   * {@link Socket#setSoTimeout}; {@link Socket#close()} wakes a blocked reader; half-close is
   * {@link Socket#shutdownOutput()}. No extra thread.
   *
   * @param description what the connection goes to, for messages (e.g. {@code tcp://host:2375})
   */
  public static Connection ofSocket(Socket socket, String description) throws IOException {
    return new SocketConnection(Objects.requireNonNull(socket, "socket"), description);
  }

  /**
   * {@link #ofSocket(Socket, String)} with its own half-close, for sockets whose
   * {@link Socket#shutdownOutput()} does not work (e.g. junixsocket's on newer JDKs).
   */
  public static Connection ofSocket(Socket socket, String description, IoAction halfClose) throws IOException {
    Objects.requireNonNull(halfClose, "halfClose");
    return new SocketConnection(Objects.requireNonNull(socket, "socket"), description) {
      @Override
      public void shutdownOutput() throws IOException {
        halfClose.run();
      }
    };
  }

  /**
   * A connection over a pair of blocking streams that know nothing of timeouts, such as an SSH
   * channel's or a subprocess's.
   *
   * <p>How: a reader pump, one daemon thread per connection started on the first read, copies
   * {@code in} into a 64 KiB buffer; reads wait on that buffer, so they honour the read timeout,
   * interruption and {@link Connection#close()} although {@code in} does not. The cost is that
   * thread (parked while the peer is quiet), one extra copy of each byte and up to 64 KiB read
   * ahead; a source with timeouts of its own (a {@link Socket}) should use
   * {@link #ofSocket(Socket, String)} instead. The pump ends when {@code in} ends or fails, which
   * {@code close} must bring about (closing the channel, destroying the process).
   *
   * <p>Writes go straight to {@code out}; after close they fail with a
   * {@link java.net.SocketException}.
   *
   * @param description what the connection goes to, for messages and the pump thread's name
   * @param close closes the underlying source; called once, from any thread
   * @param halfClose signals end-of-stream to the peer while reading continues; {@code null}
   *     closes {@code out}
   */
  public static Connection ofStreams(String description, InputStream in, OutputStream out, IoAction close,
      IoAction halfClose) {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(close, "close");
    return new StreamConnection(description, in, out, close, halfClose == null ? out::close : halfClose);
  }
}
