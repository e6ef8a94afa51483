package dev.berth.testkit.peer;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted fake HTTP/1.1 server, over TCP or a Unix domain socket, for the few transport
 * behaviours that a real Docker or Podman daemon cannot be made to show: truncated chunked
 * bodies, stalls, garbage status lines, early close, oversized headers, closing a kept-alive
 * connection, and the like.
 *
 * <p><b>Rule for callers:</b> everything a real daemon can do is tested against a real daemon.
 * A test may use this peer only for what a real daemon cannot be made to do, and every test that
 * uses it must say why in a comment (which misbehaviour it needs, and why a real daemon cannot
 * produce it).
 *
 * <p>Each accepted connection runs the {@link Script} on its own daemon thread (named
 * {@code misbehaving-peer-<n>-conn-<index>}; the accept thread is {@code misbehaving-peer-<n>-accept}).
 * The script talks to the client through an {@link Exchange}. When the script returns, or throws,
 * the connection is closed. Closing is a plain close: if the client sent bytes that the script did
 * not read, the kernel answers with a reset instead of a FIN; a script that wants a clean FIN reads
 * the whole request first (or calls {@link Exchange#shutdownOutput()} and
 * {@link Exchange#awaitClientClose(Duration)}).
 *
 * <p>Failures: an exception thrown by a script is recorded and {@link #close()} rethrows the first
 * one as an {@link AssertionError} that wraps it (later ones are attached as suppressed). Not
 * recorded, because they are normal: an {@link IOException} caused by the client having closed the
 * connection (broken pipe, connection reset, socket closed, {@link ClosedChannelException}), and
 * any {@code IOException} or {@link InterruptedException} thrown while {@link #close()} is tearing
 * the peer down. Note that an end of stream in the middle of a request is <em>not</em> treated as
 * normal: {@link Exchange#readRequest()} throws {@link EOFException}, which is recorded.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * // Why a fake: a real daemon never ends a chunked body without its last chunk.
 * try (MisbehavingPeer peer = MisbehavingPeer.tcp(ex -> {
 *     ex.readRequest();
 *     ex.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel");
 *   })) {
 *   ... point the client at 127.0.0.1:peer.port() and assert how it fails ...
 * }
 * }</pre>
 */
public final class MisbehavingPeer implements AutoCloseable {

  /** Per-connection script; runs on the peer's own thread for each accepted connection. */
  @FunctionalInterface
  public interface Script {
    void run(Exchange exchange) throws Exception;
  }

  /** Maximum size of a request head (request line, header lines and the empty line ending them). */
  private static final int MAX_HEAD_BYTES = 64 * 1024;
  /** Maximum size of one chunk-size or trailer line of a chunked request body. */
  private static final int MAX_CHUNK_LINE_BYTES = 64 * 1024;
  /** How long {@link #close()} waits for the peer's threads to end. */
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);
  private static final AtomicInteger PEERS = new AtomicInteger();

  private final ServerSocketChannel server;
  private final Script script;
  private final int port; // -1 for unix
  private final Path socketFile; // null for tcp
  private final String threadPrefix;
  private final Thread acceptThread;

  private final Object lock = new Object();
  private final List<Connection> connections = new ArrayList<>(); // guarded by lock
  private volatile boolean closing; // written under lock, so that no connection is added after close()
  private final AtomicBoolean closed = new AtomicBoolean();

  private final AtomicInteger accepted = new AtomicInteger();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());

  private record Failure(String where, Throwable cause) {}

  private MisbehavingPeer(ServerSocketChannel server, Script script, int port, Path socketFile) {
    this.server = server;
    this.script = script;
    this.port = port;
    this.socketFile = socketFile;
    this.threadPrefix = "misbehaving-peer-" + PEERS.incrementAndGet();
    this.acceptThread = new Thread(this::acceptLoop, threadPrefix + "-accept");
    this.acceptThread.setDaemon(true);
  }

  /** Starts a peer listening on {@code 127.0.0.1} at an ephemeral port; see {@link #port()}. */
  public static MisbehavingPeer tcp(Script script) throws IOException {
    Objects.requireNonNull(script, "script");
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
    try {
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
      return start(new MisbehavingPeer(server, script, port, null));
    } catch (IOException | RuntimeException | Error e) {
      closeQuietly(server);
      throw e;
    }
  }

  /**
   * Starts a peer listening on a Unix domain socket bound at {@code socketFile}, which must not
   * exist yet (and whose path must be short enough for the platform, about 100 bytes). The file is
   * deleted by {@link #close()}.
   */
  public static MisbehavingPeer unix(Path socketFile, Script script) throws IOException {
    Objects.requireNonNull(socketFile, "socketFile");
    Objects.requireNonNull(script, "script");
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(socketFile));
      return start(new MisbehavingPeer(server, script, -1, socketFile));
    } catch (IOException | RuntimeException | Error e) {
      closeQuietly(server);
      throw e;
    }
  }

  private static MisbehavingPeer start(MisbehavingPeer peer) {
    peer.acceptThread.start();
    return peer;
  }

  /** The TCP port the peer listens on ({@code 127.0.0.1}); {@link IllegalStateException} for a unix peer. */
  public int port() {
    if (socketFile != null) {
      throw new IllegalStateException("a unix-socket peer has no port; use socketFile()");
    }
    return port;
  }

  /** The socket file the peer listens on; {@link IllegalStateException} for a TCP peer. */
  public Path socketFile() {
    if (socketFile == null) {
      throw new IllegalStateException("a TCP peer has no socket file; use port()");
    }
    return socketFile;
  }

  /** How many connections the peer has accepted so far. */
  public int connectionsAccepted() {
    return accepted.get();
  }

  /**
   * Every request read through {@link Exchange#readRequest()}, on any connection, in the order they
   * were read; an unmodifiable snapshot.
   */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * Connections accepted and not yet closed by the peer or the client. The peer learns that the
   * client closed a connection only when a read sees end of stream or a reset, or a write fails, so
   * the count follows the client asynchronously: poll it, do not sample it once.
   */
  public int openConnections() {
    synchronized (lock) {
      int open = 0;
      for (Connection c : connections) {
        if (c.isOpen()) {
          open++;
        }
      }
      return open;
    }
  }

  /**
   * Stops accepting, closes every open connection, interrupts the scripts and waits (at most 5 s)
   * for the peer's threads to end; deletes the socket file of a unix peer. Idempotent.
   *
   * @throws AssertionError wrapping the first exception a script threw (see the class comment for
   *     what is not counted), or when a thread did not end within the bounded wait
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<Connection> open;
    synchronized (lock) {
      closing = true;
      open = new ArrayList<>(connections);
    }
    closeQuietly(server);
    acceptThread.interrupt();
    for (Connection c : open) {
      c.closeQuietly();
      c.thread.interrupt();
    }

    List<Thread> threads = new ArrayList<>();
    threads.add(acceptThread);
    for (Connection c : open) {
      threads.add(c.thread);
    }
    boolean interrupted = false;
    long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
    List<Thread> stuck = new ArrayList<>();
    for (Thread t : threads) {
      if (t == Thread.currentThread()) {
        continue; // close() called from a script: cannot wait for ourselves
      }
      long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (!interrupted && remainingMillis > 0) {
        try {
          t.join(remainingMillis);
        } catch (InterruptedException e) {
          interrupted = true; // stop waiting, restore the flag below
        }
      }
      if (t.isAlive()) {
        stuck.add(t);
      }
    }

    if (socketFile != null) {
      try {
        Files.deleteIfExists(socketFile);
      } catch (IOException e) {
        failures.add(new Failure("deleting socket file " + socketFile, e));
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }

    AssertionError error = null;
    List<Failure> recorded;
    synchronized (failures) {
      recorded = new ArrayList<>(failures);
    }
    if (!recorded.isEmpty()) {
      Failure first = recorded.get(0);
      error = new AssertionError(
          "MisbehavingPeer: script failed on " + first.where() + ": " + first.cause(), first.cause());
      for (Failure f : recorded.subList(1, recorded.size())) {
        error.addSuppressed(f.cause());
      }
    }
    if (!stuck.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Thread t : stuck) {
        names.add(t.getName());
      }
      AssertionError s = new AssertionError("MisbehavingPeer: threads still running "
          + JOIN_TIMEOUT.toSeconds() + " s after close(): " + names
          + " (does a script swallow interrupts or closed-channel exceptions?)");
      s.setStackTrace(stuck.get(0).getStackTrace());
      if (error == null) {
        error = s;
      } else {
        error.addSuppressed(s);
      }
    }
    if (error != null) {
      throw error;
    }
  }

  @Override
  public String toString() {
    return "MisbehavingPeer[" + (socketFile != null ? "unix " + socketFile : "tcp 127.0.0.1:" + port) + "]";
  }

  private void acceptLoop() {
    try {
      while (true) {
        SocketChannel channel = server.accept();
        synchronized (lock) {
          if (closing) {
            closeQuietly(channel);
            return;
          }
          Connection c = new Connection(accepted.getAndIncrement(), channel);
          connections.add(c);
          c.thread.start();
        }
      }
    } catch (IOException e) {
      if (!closing) {
        failures.add(new Failure("the accept thread", e));
      }
    } catch (RuntimeException | Error e) {
      failures.add(new Failure("the accept thread", e));
    }
  }

  private void recordScriptFailure(int index, Throwable t) {
    if (isClientGone(t)) {
      return;
    }
    if (closing && isTeardownException(t)) {
      return;
    }
    failures.add(new Failure("connection " + index, t));
  }

  /** An IOException (anywhere in the cause chain) saying the connection is gone. */
  private static boolean isClientGone(Throwable t) {
    int depth = 0;
    for (Throwable c = t; c != null && depth < 32; c = c.getCause(), depth++) {
      if (c instanceof ClosedChannelException) {
        return true; // includes AsynchronousCloseException and ClosedByInterruptException
      }
      if (c instanceof IOException && (isResetOrBrokenPipe((IOException) c) || saysSocketClosed(c))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTeardownException(Throwable t) {
    int depth = 0;
    for (Throwable c = t; c != null && depth < 32; c = c.getCause(), depth++) {
      if (c instanceof IOException || c instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isResetOrBrokenPipe(IOException e) {
    String m = e.getMessage();
    if (m == null) {
      return false;
    }
    m = m.toLowerCase(Locale.ROOT);
    return m.contains("broken pipe")
        || m.contains("connection reset")
        || m.contains("connection aborted")
        || m.contains("connection was aborted");
  }

  private static boolean saysSocketClosed(Throwable e) {
    String m = e.getMessage();
    if (m == null) {
      return false;
    }
    m = m.toLowerCase(Locale.ROOT);
    return m.contains("socket closed") || m.contains("socket is closed");
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // best effort
    }
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** One accepted connection, as seen by its script. Not thread-safe: use it from the script's thread. */
  public interface Exchange {
    /** 0 for the first accepted connection, 1 for the next, and so on. */
    int connectionIndex();

    /**
     * Reads and parses one HTTP/1.1 request: request line, headers (ISO-8859-1, at most 64 KiB for
     * the whole head), and a body framed by {@code Transfer-Encoding: chunked} (decoded; trailers
     * are read and dropped) or {@code Content-Length}; without either there is no body. Records the
     * request in {@link MisbehavingPeer#requests()}.
     *
     * @return the request, or {@code null} on a clean end of stream before any byte of a request
     * @throws EOFException when the client closes in the middle of a request
     * @throws IOException on a malformed or oversized request head or chunked framing
     */
    RecordedRequest readRequest() throws IOException;

    /** Writes the bytes as they are; nothing is buffered. */
    void write(byte[] bytes) throws IOException;

    /** Writes the ISO-8859-1 bytes of {@code ascii}, line ends ({@code "\r\n"}) as the caller gives them. */
    void write(String ascii) throws IOException;

    /**
     * Writes, in one write, {@code "HTTP/1.1 <status> <reason>\r\nContent-Type: application/json\r\n"
     * + "Content-Length: <n>\r\n\r\n<body>"} where the body is UTF-8 and {@code n} its byte length.
     */
    void respond(int status, String body) throws IOException;

    /** Sleeps for {@code d}; {@link MisbehavingPeer#close()} interrupts it. */
    void stall(Duration d) throws InterruptedException;

    /** Half-closes: sends FIN, the client sees end of stream, and can still send. */
    void shutdownOutput() throws IOException;

    /** Closes this connection (plain close: a reset if unread input is pending). */
    void close() throws IOException;

    /**
     * Reads and discards input until the client closes the connection (end of stream, or a reset)
     * or {@code max} has passed.
     *
     * @return true if the client closed, false on timeout
     */
    boolean awaitClientClose(Duration max) throws IOException;

    /**
     * The raw input of this connection, shared with {@link #readRequest()}: after a request it
     * continues right after the request's body. Closing it closes the connection.
     */
    InputStream input();
  }

  /**
   * A request read by {@link Exchange#readRequest()}.
   *
   * @param method the request method, e.g. {@code GET}
   * @param target the request target as sent, e.g. {@code /v1.43/containers/json?all=1}
   * @param headers header values by lower-cased name, in the order received
   * @param body the body (decoded if chunked); empty if none
   * @param chunked whether the body came with {@code Transfer-Encoding: chunked}
   */
  public record RecordedRequest(
      String method, String target, Map<String, List<String>> headers, byte[] body, boolean chunked) {

    public RecordedRequest {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(target, "target");
      Map<String, List<String>> normalized = new LinkedHashMap<>();
      if (headers != null) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
          normalized
              .computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
              .addAll(e.getValue());
        }
      }
      Map<String, List<String>> copy = new LinkedHashMap<>();
      normalized.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      headers = Collections.unmodifiableMap(copy);
      body = body == null ? new byte[0] : body;
    }

    /** The first value of the header, matched case-insensitively, or null. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
      return "RecordedRequest[" + method + " " + target + ", headers=" + headers + ", body="
          + body.length + " bytes" + (chunked ? " (chunked)" : "") + "]";
    }
  }

  private final class Connection implements Exchange {
    final int index;
    final SocketChannel channel;
    final Thread thread;
    final ConnectionInput in = new ConnectionInput();
    volatile boolean clientGone;

    Connection(int index, SocketChannel channel) {
      this.index = index;
      this.channel = channel;
      this.thread = new Thread(this::runScript, threadPrefix + "-conn-" + index);
      this.thread.setDaemon(true);
    }

    boolean isOpen() {
      return channel.isOpen() && !clientGone;
    }

    void runScript() {
      try {
        script.run(this);
      } catch (Throwable t) {
        recordScriptFailure(index, t);
      } finally {
        closeQuietly();
      }
    }

    void closeQuietly() {
      MisbehavingPeer.closeQuietly(channel);
    }

    @Override
    public int connectionIndex() {
      return index;
    }

    @Override
    public RecordedRequest readRequest() throws IOException {
      int[] budget = {MAX_HEAD_BYTES};
      String requestLine;
      do {
        requestLine = readLine(budget, "request head");
        if (requestLine == null) {
          return null; // clean end of stream before a request (blank lines before it are ignored)
        }
      } while (requestLine.isEmpty());

      String[] parts = requestLine.split(" ", -1);
      if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/")) {
        throw new IOException("malformed request line: \"" + requestLine + "\"");
      }

      Map<String, List<String>> headers = new LinkedHashMap<>();
      while (true) {
        String line = readLine(budget, "request head");
        if (line == null) {
          throw new EOFException("client closed the connection in the middle of the request head");
        }
        if (line.isEmpty()) {
          break;
        }
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
          throw new IOException("obsolete header line folding is not supported: \"" + line + "\"");
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || hasWhitespace(line.substring(0, colon))) {
          throw new IOException("malformed header line: \"" + line + "\"");
        }
        String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = trimOws(line.substring(colon + 1));
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }

      byte[] body;
      boolean chunked = false;
      List<String> transferEncoding = headers.get("transfer-encoding");
      List<String> contentLength = headers.get("content-length");
      if (transferEncoding != null) {
        String[] codings = String.join(",", transferEncoding).split(",");
        String last = trimOws(codings[codings.length - 1]).toLowerCase(Locale.ROOT);
        if (!last.equals("chunked")) {
          throw new IOException("cannot frame a request body with Transfer-Encoding: " + transferEncoding);
        }
        body = readChunkedBody();
        chunked = true;
      } else if (contentLength != null) {
        body = readFixedBody(parseContentLength(contentLength));
      } else {
        body = new byte[0];
      }

      RecordedRequest request = new RecordedRequest(parts[0], parts[1], headers, body, chunked);
      requests.add(request);
      return request;
    }

    /**
     * Reads one line ending in LF (a CR before it is dropped), charging its bytes to {@code budget[0]}.
     * Returns null on end of stream before the first byte.
     */
    private String readLine(int[] budget, String what) throws IOException {
      StringBuilder line = new StringBuilder();
      boolean any = false;
      while (true) {
        int b = in.read();
        if (b < 0) {
          if (!any) {
            return null;
          }
          throw new EOFException("client closed the connection in the middle of the " + what);
        }
        any = true;
        if (--budget[0] < 0) {
          throw new IOException("the " + what + " exceeds " + (MAX_HEAD_BYTES / 1024) + " KiB");
        }
        if (b == '\n') {
          int len = line.length();
          if (len > 0 && line.charAt(len - 1) == '\r') {
            line.setLength(len - 1);
          }
          return line.toString();
        }
        line.append((char) b); // ISO-8859-1
      }
    }

    private byte[] readChunkedBody() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        int[] budget = {MAX_CHUNK_LINE_BYTES};
        String sizeLine = readLine(budget, "chunk size line");
        if (sizeLine == null) {
          throw new EOFException("client closed the connection before the last chunk");
        }
        int semicolon = sizeLine.indexOf(';');
        String hex = trimOws(semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine);
        long size = parseHex(hex, sizeLine);
        if (size == 0) {
          break;
        }
        copyExactly(size, body, "chunk");
        int cr = in.read();
        int lf = cr == '\r' ? in.read() : cr;
        if (lf != '\n') {
          if (lf < 0) {
            throw new EOFException("client closed the connection after chunk data, before its CRLF");
          }
          throw new IOException("chunk data longer than its declared size " + size + " (no CRLF after it)");
        }
      }
      int[] budget = {MAX_CHUNK_LINE_BYTES};
      while (true) {
        String trailer = readLine(budget, "chunked trailer section");
        if (trailer == null) {
          throw new EOFException("client closed the connection in the chunked trailer section");
        }
        if (trailer.isEmpty()) {
          return body.toByteArray();
        }
      }
    }

    private long parseHex(String hex, String line) throws IOException {
      if (hex.isEmpty() || hex.length() > 15) {
        throw new IOException("malformed chunk size line: \"" + line + "\"");
      }
      for (int i = 0; i < hex.length(); i++) {
        if (Character.digit(hex.charAt(i), 16) < 0) {
          throw new IOException("malformed chunk size line: \"" + line + "\"");
        }
      }
      return Long.parseLong(hex, 16);
    }

    private long parseContentLength(List<String> values) throws IOException {
      long length = -1;
      for (String value : values) {
        for (String part : value.split(",", -1)) {
          String digits = trimOws(part);
          if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IOException("malformed Content-Length: " + values);
          }
          long n = Long.parseLong(digits);
          if (length >= 0 && n != length) {
            throw new IOException("conflicting Content-Length values: " + values);
          }
          length = n;
        }
      }
      return length;
    }

    private byte[] readFixedBody(long length) throws IOException {
      if (length > Integer.MAX_VALUE - 16) {
        throw new IOException("Content-Length too large for the peer: " + length);
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(length, 64 * 1024));
      copyExactly(length, body, "body");
      return body.toByteArray();
    }

    private void copyExactly(long length, ByteArrayOutputStream out, String what) throws IOException {
      byte[] buffer = new byte[8192];
      long remaining = length;
      while (remaining > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (n < 0) {
          throw new EOFException("client closed the connection after " + (length - remaining)
              + " of " + length + " " + what + " bytes");
        }
        out.write(buffer, 0, n);
        remaining -= n;
      }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      try {
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      } catch (IOException e) {
        if (isResetOrBrokenPipe(e)) {
          clientGone = true;
        }
        throw e;
      }
    }

    @Override
    public void write(String ascii) throws IOException {
      write(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void respond(int status, String body) throws IOException {
      byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      byte[] head = ("HTTP/1.1 " + status + " " + reasonPhrase(status) + "\r\n"
              + "Content-Type: application/json\r\n"
              + "Content-Length: " + payload.length + "\r\n"
              + "\r\n")
          .getBytes(StandardCharsets.ISO_8859_1);
      byte[] all = new byte[head.length + payload.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(payload, 0, all, head.length, payload.length);
      write(all);
    }

    @Override
    public void stall(Duration d) throws InterruptedException {
      long nanos = saturatedNanos(Objects.requireNonNull(d, "d"));
      if (nanos <= 0) {
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        return;
      }
      TimeUnit.NANOSECONDS.sleep(nanos);
    }

    @Override
    public void shutdownOutput() throws IOException {
      channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }

    @Override
    public boolean awaitClientClose(Duration max) throws IOException {
      long deadline = System.nanoTime() + Math.max(0, saturatedNanos(Objects.requireNonNull(max, "max")));
      if (deadline < System.nanoTime()) {
        deadline = Long.MAX_VALUE; // overflow: wait "forever"
      }
      in.discardBuffered();
      if (in.eof) {
        return true;
      }
      ByteBuffer sink = ByteBuffer.allocate(8192);
      try {
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
          channel.register(selector, SelectionKey.OP_READ);
          while (true) {
            sink.clear();
            int n;
            try {
              n = channel.read(sink);
            } catch (IOException e) {
              if (isResetOrBrokenPipe(e)) {
                clientGone = true;
                return true;
              }
              throw e;
            }
            if (n < 0) {
              in.eof = true;
              clientGone = true;
              return true;
            }
            if (n > 0) {
              continue;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
              return false;
            }
            if (Thread.currentThread().isInterrupted()) {
              throw new InterruptedIOException("interrupted while awaiting the client's close");
            }
            // ceil to whole milliseconds; 0 would mean "forever"
            selector.select(Math.max(1, (remaining + 999_999) / 1_000_000));
            selector.selectedKeys().clear();
          }
        }
      } finally {
        if (channel.isOpen()) {
          channel.configureBlocking(true); // the selector is closed, so the channel is deregistered
        }
      }
    }

    @Override
    public InputStream input() {
      return in;
    }

    /** Buffered blocking input over the channel, shared by readRequest() and input(). */
    private final class ConnectionInput extends InputStream {
      private final byte[] buffer = new byte[16 * 1024];
      private int pos;
      private int limit;
      volatile boolean eof;

      private boolean fill() throws IOException {
        if (pos < limit) {
          return true;
        }
        if (eof) {
          return false;
        }
        ByteBuffer bb = ByteBuffer.wrap(buffer);
        int n;
        try {
          do {
            n = channel.read(bb);
          } while (n == 0);
        } catch (IOException e) {
          if (isResetOrBrokenPipe(e)) {
            clientGone = true;
          }
          throw e;
        }
        if (n < 0) {
          eof = true;
          clientGone = true;
          return false;
        }
        pos = 0;
        limit = n;
        return true;
      }

      void discardBuffered() {
        pos = limit;
      }

      @Override
      public int read() throws IOException {
        return fill() ? buffer[pos++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
          return 0;
        }
        if (!fill()) {
          return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
      }

      @Override
      public int available() {
        return limit - pos;
      }

      @Override
      public void close() throws IOException {
        Connection.this.close();
      }
    }
  }

  private static boolean hasWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t') {
        return true;
      }
    }
    return false;
  }

  /** Trims optional whitespace (SP and HTAB only) from both ends. */
  private static String trimOws(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.substring(start, end);
  }

  private static String reasonPhrase(int status) {
    switch (status) {
      case 100: return "Continue";
      case 101: return "Switching Protocols";
      case 200: return "OK";
      case 201: return "Created";
      case 202: return "Accepted";
      case 204: return "No Content";
      case 206: return "Partial Content";
      case 301: return "Moved Permanently";
      case 302: return "Found";
      case 304: return "Not Modified";
      case 307: return "Temporary Redirect";
      case 308: return "Permanent Redirect";
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 406: return "Not Acceptable";
      case 408: return "Request Timeout";
      case 409: return "Conflict";
      case 410: return "Gone";
      case 411: return "Length Required";
      case 412: return "Precondition Failed";
      case 413: return "Content Too Large";
      case 415: return "Unsupported Media Type";
      case 416: return "Range Not Satisfiable";
      case 417: return "Expectation Failed";
      case 422: return "Unprocessable Content";
      case 426: return "Upgrade Required";
      case 429: return "Too Many Requests";
      case 431: return "Request Header Fields Too Large";
      case 500: return "Internal Server Error";
      case 501: return "Not Implemented";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      case 505: return "HTTP Version Not Supported";
      default: return "Unknown";
    }
  }
}
