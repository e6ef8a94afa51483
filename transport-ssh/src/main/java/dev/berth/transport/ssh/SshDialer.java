package dev.berth.transport.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.ChannelDirectStreamLocal;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.OpenSSHConfig;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UserInfo;
import dev.berth.transport.Connection;
import dev.berth.transport.Connections;
import dev.berth.transport.Dialer;
import dev.berth.transport.Endpoint;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Vector;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Dials a Docker or Podman engine on another host over SSH, in pure Java (no {@code ssh} binary,
 * and in the default mode no docker CLI on the remote host).
 *
 * <ul>
 *   <li><b>Direct</b> (default): each connection is a {@code direct-streamlocal@openssh.com}
 *       channel to the remote engine socket ({@code /var/run/docker.sock}, the address's path, or
 *       {@link Builder#remoteSocket}); needs {@code AllowStreamLocalForwarding} on the server.
 *   <li><b>dial-stdio</b> ({@link Builder#dialStdio()}): each connection is an exec of
 *       {@code docker system dial-stdio} (or another command) speaking HTTP over its stdin/stdout,
 *       as the docker CLI does: for servers that forbid forwarding, rootless or Podman remotes.
 *   <li><b>Local ssh client</b> ({@link Builder#localSsh(String)}): dial-stdio through the local
 *       {@code ssh} binary, one process per connection, so the user's whole OpenSSH setup applies.
 * </ul>
 *
 * <p>One SSH session per dialer carries all its connections as channels; it is opened on the first
 * dial, re-opened when it has died, and closed when its last channel closes (so a closed
 * {@link dev.berth.transport.Http1Doer} leaves no session or thread behind). Authentication is by
 * public key: the keys given, else those of {@code ~/.ssh/config} ({@code HostName},
 * {@code Port}, {@code User}, {@code IdentityFile}, {@code IdentitiesOnly},
 * {@code UserKnownHostsFile}) or the default {@code ~/.ssh/id_*}, plus ssh-agent when
 * {@code SSH_AUTH_SOCK} is set (or its socket is given with {@link Builder#agent(Path)}). Host keys are checked against {@code ~/.ssh/known_hosts} (hashed
 * entries too); an unknown or changed key fails the dial with an {@link SshHostKeyException}.
 * Failures are {@link SshException}s. Thread-safe.
 *
 * <pre>{@code
 * SshDialer ssh = SshDialer.builder(Endpoint.parse("ssh://me@build-host"))
 *     .identity(Path.of("/home/me/.ssh/id_ed25519"))
 *     .build();
 * try (Http1Doer doer = Http1Doer.of(ssh); EngineClient client = EngineClient.builder(doer).build()) {
 *   client.ping();
 * }
 * }</pre>
 */
public final class SshDialer implements Dialer, Closeable {
  /** The engine socket of a rootful Docker Engine, the default remote socket. */
  public static final String DEFAULT_REMOTE_SOCKET = "/var/run/docker.sock";
  /**
   * The most bytes held for one connection whose reader is behind; beyond it that connection fails
   * rather than stall the session's other channels (JSch delivers all channels on one thread).
   */
  static final long MAX_BUFFERED = 16L * 1024 * 1024;

  /** The command of {@link Builder#dialStdio()}. */
  public static final String DIAL_STDIO = "docker system dial-stdio";

  private final String host; // connect to (after ssh config)
  private final int port;
  private final String user;
  private final String remoteSocket; // null in dial-stdio mode
  private final String command; // null in direct mode
  private final boolean fallback; // to dial-stdio when the server refuses stream-local channels
  private final String sshBinary; // non-null: run the local ssh client instead of JSch
  private final String alias; // the host as given (for the local ssh client, which reads its config)
  private final Path sshConfigFile;
  private final boolean explicitKnownHosts;
  private volatile boolean fellBack;
  private final List<Key> keys;
  private final boolean useAgent;
  private final Path agentSocket; // null: SSH_AUTH_SOCK
  private final Path knownHosts;
  private final boolean acceptUnknown;
  private final String description;

  private final Object lock = new Object();
  private Ref current; // guarded by lock
  private boolean closed; // guarded by lock

  private SshDialer(Builder b, String host, int port, String user, List<Key> keys, boolean useAgent, Path knownHosts) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.keys = keys;
    this.useAgent = useAgent;
    this.agentSocket = b.agentSocket;
    this.knownHosts = knownHosts;
    this.acceptUnknown = b.acceptUnknown;
    this.command = b.command;
    this.fallback = b.fallback;
    this.sshBinary = b.sshBinary;
    this.alias = b.host;
    this.sshConfigFile = b.sshConfig;
    this.explicitKnownHosts = b.knownHosts != null;
    this.remoteSocket = b.command != null ? null : b.remoteSocket != null ? b.remoteSocket : DEFAULT_REMOTE_SOCKET;
    this.description = "ssh://" + target() + (command != null ? " (" + command + ")" : remoteSocket);
  }

  /**
   * A builder for an {@code ssh://[user@]host[:port][/remote/socket]} endpoint. The host may be an
   * alias of {@code ~/.ssh/config}; a user, a port other than 22 or a path in the address wins over
   * the config.
   *
   * @throws IllegalArgumentException when the endpoint is not {@code ssh://}
   */
  public static Builder builder(Endpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (!endpoint.scheme().equals("ssh")) {
      throw new IllegalArgumentException("not an ssh:// engine address: " + endpoint);
    }
    Builder b = new Builder(endpoint.host());
    b.user = endpoint.user();
    // Endpoint fills in 22 for a missing port: then the ssh config's Port (if any) applies
    b.port = endpoint.port() == 22 ? -1 : endpoint.port();
    String p = endpoint.path();
    if (p != null && !p.isEmpty() && !p.equals("/")) {
      b.remoteSocket = p;
    }
    return b;
  }

  /** A builder for {@code host}: a host name, an address or an alias of {@code ~/.ssh/config}. */
  public static Builder builder(String host) {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    return new Builder(host);
  }

  // ------------------------------------------------------------------------------ dialing

  @Override
  public Connection dial(Duration connectTimeout) throws IOException {
    int ms = connectTimeout.isZero() ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    if (sshBinary != null) {
      return dialLocalSsh(ms);
    }
    Ref ref = acquire(ms);
    boolean ok = false;
    try {
      Connection c;
      if (command != null) {
        c = openExec(ref, ms, command);
      } else if (fellBack) {
        c = openExec(ref, ms, DIAL_STDIO);
      } else {
        try {
          c = openDirect(ref, ms);
        } catch (SshException e) {
          if (!fallback || e.reason() != SshException.Reason.CHANNEL_REFUSED) {
            throw e;
          }
          c = openExec(ref, ms, DIAL_STDIO);
          fellBack = true; // the server's policy will not change for this session's lifetime
        }
      }
      ok = true;
      return c;
    } finally {
      if (!ok) {
        release(ref);
      }
    }
  }

  private Connection openDirect(Ref ref, int ms) throws IOException {
    ChannelDirectStreamLocal ch = null;
    try {
      ch = (ChannelDirectStreamLocal) ref.session.openChannel("direct-streamlocal@openssh.com");
      ch.setSocketPath(remoteSocket);
      OutputStream out = ch.getOutputStream();
      Connections.Pushed c = Connections.ofPushed(description, out, closer(ref, ch), out::close, MAX_BUFFERED);
      ch.setOutputStream(c.receiver(), false);
      ch.connect(ms);
      return c;
    } catch (JSchException e) {
      throw directChannelFailed(ref, e, ch);
    }
  }

  private IOException directChannelFailed(Ref ref, JSchException e, com.jcraft.jsch.Channel ch) {
    String code = ch == null ? "" : " (server reason code " + ch.getExitStatus() + ")";
    if (!ref.session.isConnected()) {
      return new SshException(SshException.Reason.CONNECT, target(), "the SSH session to " + target()
          + " ended while opening a channel to " + remoteSocket + ": " + e.getMessage(), e);
    }
    // OpenSSH answers "connect failed" both when forwarding is off and when the socket is
    // missing; a quick look at the remote path tells the two apart
    Boolean exists = remoteSocketExists(ref);
    if (Boolean.FALSE.equals(exists)) {
      return new SshException(SshException.Reason.REMOTE_SOCKET_MISSING, target(), "no engine socket at "
          + remoteSocket + " on " + target() + " (is the engine running there? set the socket with the address's"
          + " path, e.g. ssh://" + target() + "/run/user/1000/docker.sock)", e);
    }
    return new SshException(SshException.Reason.CHANNEL_REFUSED, target(), "the SSH server at " + target()
        + " refused a stream-local channel to " + remoteSocket + " (AllowStreamLocalForwarding no in its"
        + " sshd_config, or no permission on the socket for user " + user + "); use dial-stdio mode instead" + code, e);
  }

  /** Whether a socket exists at the remote path, by {@code test -S}; null when that cannot be told. */
  private Boolean remoteSocketExists(Ref ref) {
    ChannelExec probe = null;
    try {
      probe = (ChannelExec) ref.session.openChannel("exec");
      probe.setCommand("test -S '" + remoteSocket.replace("'", "'\\''") + "'");
      probe.setInputStream(null);
      probe.connect(5000);
      long until = System.nanoTime() + 5_000_000_000L;
      while (!probe.isClosed() && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      int status = probe.getExitStatus();
      return status == 0 ? Boolean.TRUE : status == 1 ? Boolean.FALSE : null;
    } catch (JSchException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      if (probe != null) {
        probe.disconnect();
      }
    }
  }

  private Connection openExec(Ref ref, int ms, String command) throws IOException {
    ChannelExec ch;
    Connections.Pushed pushed;
    CappedBuffer err = new CappedBuffer(4096);
    try {
      ch = (ChannelExec) ref.session.openChannel("exec");
      ch.setCommand(command);
      ch.setErrStream(err, true);
      OutputStream out = ch.getOutputStream();
      pushed = Connections.ofPushed(description, out, closer(ref, ch), out::close, MAX_BUFFERED);
      ch.setOutputStream(pushed.receiver(), false);
      ch.connect(ms);
    } catch (JSchException e) {
      if (!ref.session.isConnected()) {
        throw new SshException(SshException.Reason.CONNECT, target(), "the SSH session to " + target()
            + " ended while starting `" + command + "`: " + e.getMessage(), e);
      }
      throw new SshException(SshException.Reason.CHANNEL_REFUSED, target(), "the SSH server at " + target()
          + " refused to run `" + command + "` (a session channel; MaxSessions in its sshd_config?): "
          + e.getMessage(), e);
    }
    Connection c = new ExecConnection(pushed, new ExecInput(pushed.input(), ch, err, command));
    try {
      awaitReady(c, ms, command);
      return c;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  // ------------------------------------------------------------------------------ local ssh client

  /**
   * Runs {@code ssh [options] host -- command}: the user's whole OpenSSH setup applies (ProxyJump,
   * agent, config). One process per connection, adapted with {@link Connections#ofStreams}.
   */
  private Connection dialLocalSsh(int ms) throws IOException {
    String cmd = command != null ? command : DIAL_STDIO;
    List<String> argv = new ArrayList<>(List.of(sshBinary, "-o", "BatchMode=yes", "-T", "-e", "none"));
    if (sshConfigFile == null) {
      argv.addAll(List.of("-F", "/dev/null")); // sshConfig(null): no config at all
    } else if (Files.isRegularFile(sshConfigFile)) {
      argv.addAll(List.of("-F", sshConfigFile.toString()));
    }
    if (ms > 0) {
      argv.addAll(List.of("-o", "ConnectTimeout=" + Math.max(1, (ms + 999) / 1000)));
    }
    if (explicitKnownHosts) {
      argv.addAll(List.of("-o", "UserKnownHostsFile=" + knownHosts));
    }
    argv.addAll(List.of("-o", "StrictHostKeyChecking=" + (acceptUnknown ? "accept-new" : "yes")));
    for (Key k : keys) {
      if (!k.fromDefaults) {
        argv.addAll(List.of("-i", k.path.toString()));
      }
    }
    if (useAgent && agentSocket != null) {
      argv.addAll(List.of("-o", "IdentityAgent=" + agentSocket));
    }
    argv.addAll(List.of("-p", Integer.toString(port), "-l", user, alias, "--", cmd));
    Process p;
    try {
      p = new ProcessBuilder(argv).start();
    } catch (IOException e) {
      throw new SshException(SshException.Reason.CONNECT, target(), "cannot run the local ssh client "
          + sshBinary + ": " + e.getMessage(), e);
    }
    CappedBuffer err = new CappedBuffer(4096);
    Thread errCopy = new Thread(() -> {
      try (InputStream e = p.getErrorStream()) {
        e.transferTo(err);
      } catch (IOException ignored) {
        // the process ended
      }
    }, "berth-ssh-stderr");
    errCopy.setDaemon(true);
    errCopy.start();
    OutputStream out = p.getOutputStream();
    Connection streams = Connections.ofStreams(description, p.getInputStream(), out, () -> {
      p.destroy();
      p.getInputStream().close();
    }, out::close);
    Connection c = new ExecConnection(streams, new ProcessInput(streams.input(), p, err, errCopy, cmd));
    try {
      awaitReady(c, ms, cmd);
      return c;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** The ssh process's stdout; an end before any byte means ssh or the remote command failed. */
  private final class ProcessInput extends InputStream {
    private final InputStream in;
    private final Process p;
    private final CappedBuffer err;
    private final Thread errCopy;
    private final String cmd;
    private boolean any;

    ProcessInput(InputStream in, Process p, CappedBuffer err, Thread errCopy, String cmd) {
      this.in = in;
      this.p = p;
      this.err = err;
      this.errCopy = errCopy;
      this.cmd = cmd;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        any = true;
      } else if (n < 0 && !any) {
        failed();
      }
      return n;
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    private void failed() throws IOException {
      int status;
      try {
        status = p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) ? p.exitValue() : -1;
        errCopy.join(2000); // all of stderr: it ends with the process
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while running ssh to " + target());
      }
      String stderr = err.text().strip();
      String lower = stderr.toLowerCase(Locale.ROOT);
      String said = "(exit status " + status + (stderr.isEmpty() ? "" : ": " + stderr) + ")";
      SshException.Reason reason;
      if (status == 255 && lower.contains("host key verification failed")) {
        reason = lower.contains("changed") ? SshException.Reason.HOST_KEY_CHANGED : SshException.Reason.HOST_KEY_UNKNOWN;
      } else if (status == 255 && lower.contains("permission denied")) {
        reason = SshException.Reason.AUTHENTICATION;
      } else if (status == 255) {
        reason = SshException.Reason.CONNECT;
      } else if (status == 127 || lower.contains("not found")) {
        reason = SshException.Reason.REMOTE_COMMAND_MISSING;
      } else if (lower.contains("no such file or directory")) {
        reason = SshException.Reason.REMOTE_SOCKET_MISSING;
      } else {
        reason = SshException.Reason.REMOTE_COMMAND_FAILED;
      }
      throw new SshException(reason, target(), "ssh to " + target() + " running `" + cmd + "` ended without answering "
          + said, null);
    }
  }

  /** The exec channel's connection, whose input tells a failed command from a clean end. */
  private static final class ExecConnection implements Connection {
    private final Connection c;
    private final InputStream in;

    ExecConnection(Connection c, InputStream in) {
      this.c = c;
      this.in = in;
    }

    @Override
    public InputStream input() {
      return in;
    }

    @Override
    public OutputStream output() {
      return c.output();
    }

    @Override
    public void setReadTimeout(Duration timeout) throws IOException {
      c.setReadTimeout(timeout);
    }

    @Override
    public void shutdownOutput() throws IOException {
      c.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
      c.close();
    }

    @Override
    public String toString() {
      return c.toString();
    }
  }

  private static final byte[] READY_PROBE = "HEAD /_ping HTTP/1.1\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /**
   * Waits until the remote command relays to the engine, by one {@code HEAD /_ping} on the new
   * connection (no body, so the connection stays clean for the caller): a dial then returns a
   * connection as ready as a connected socket, however long the remote CLI takes to start, and a
   * missing CLI fails the dial itself with a typed error.
   */
  private void awaitReady(Connection c, int ms, String command) throws IOException {
    c.setReadTimeout(Duration.ofMillis(ms == 0 ? 60_000 : ms));
    c.output().write(READY_PROBE);
    c.output().flush();
    InputStream in = c.input();
    StringBuilder head = new StringBuilder();
    while (head.length() < 8192 && (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n"))) {
      int b = in.read();
      if (b < 0) {
        throw new SshException(SshException.Reason.REMOTE_COMMAND_FAILED, target(), "`" + command + "` on "
            + target() + " ended before the engine answered", null);
      }
      head.append((char) b);
    }
    if (!head.toString().startsWith("HTTP/1.")) {
      throw new SshException(SshException.Reason.REMOTE_COMMAND_FAILED, target(), "`" + command + "` on "
          + target() + " does not relay to an engine: it answered "
          + head.toString().lines().findFirst().orElse("").strip(), null);
    }
    c.setReadTimeout(Duration.ZERO);
  }

  private Connections.IoAction closer(Ref ref, com.jcraft.jsch.Channel ch) {
    AtomicBoolean done = new AtomicBoolean();
    return () -> {
      if (done.compareAndSet(false, true)) {
        try {
          ch.disconnect();
        } finally {
          release(ref);
        }
      }
    };
  }

  /**
   * The exec channel's stdout; an end before any byte means the command failed: the exit status
   * and stderr say why.
   */
  private final class ExecInput extends InputStream {
    private final InputStream in;
    private final ChannelExec ch;
    private final CappedBuffer err;
    private final String command;
    private boolean any;

    ExecInput(InputStream in, ChannelExec ch, CappedBuffer err, String command) {
      this.in = in;
      this.ch = ch;
      this.err = err;
      this.command = command;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        any = true;
      } else if (n < 0 && !any) {
        failed();
      }
      return n;
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    private void failed() throws SshException {
      long until = System.nanoTime() + 2_000_000_000L; // the exit status follows the end of output
      while (!ch.isClosed() && System.nanoTime() < until) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      int status = ch.getExitStatus();
      String stderr = err.text().strip();
      String said = stderr.isEmpty() ? "" : ": " + stderr;
      if (status == 127 || stderr.toLowerCase(Locale.ROOT).contains("not found")) {
        throw new SshException(SshException.Reason.REMOTE_COMMAND_MISSING, target(), "`" + command
            + "` is not available on " + target() + " (exit status " + status + said
            + "); install the docker CLI there, or use the direct mode (no remote CLI needed)", null);
      }
      if (status != 0 || !stderr.isEmpty()) {
        boolean socket = stderr.toLowerCase(Locale.ROOT).contains("no such file or directory");
        throw new SshException(socket ? SshException.Reason.REMOTE_SOCKET_MISSING
            : SshException.Reason.REMOTE_COMMAND_FAILED, target(), "`" + command + "` on " + target()
            + " ended without answering (exit status " + status + said + ")", null);
      }
    }
  }

  /** Collects a command's stderr, keeping the first bytes only. */
  private static final class CappedBuffer extends OutputStream {
    private final byte[] buf;
    private int len;

    CappedBuffer(int cap) {
      buf = new byte[cap];
    }

    @Override
    public synchronized void write(int b) {
      if (len < buf.length) {
        buf[len++] = (byte) b;
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int n) {
      int k = Math.min(n, buf.length - len);
      System.arraycopy(b, off, buf, len, k);
      len += k;
    }

    synchronized String text() {
      return new String(buf, 0, len, StandardCharsets.UTF_8);
    }
  }

  // ------------------------------------------------------------------------------ the session

  /** A session and the number of channels (open or being opened) on it. */
  private static final class Ref {
    final Session session;
    int channels; // guarded by SshDialer.lock

    Ref(Session session) {
      this.session = session;
    }
  }

  private Ref acquire(int ms) throws IOException {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the SSH dialer for " + target() + " is closed");
      }
      if (current == null || !current.session.isConnected()) {
        if (current != null && current.channels == 0) {
          current.session.disconnect();
        }
        current = new Ref(connect(ms));
      }
      current.channels++;
      return current;
    }
  }

  private void release(Ref ref) {
    synchronized (lock) {
      ref.channels--;
      if (ref.channels > 0) {
        return;
      }
      if (current == ref) {
        current = null;
      }
    }
    ref.session.disconnect();
  }

  /**
   * Closes the SSH session now, ending every connection made by this dialer; later dials fail.
   * Not needed otherwise: the session closes with its last connection.
   */
  @Override
  public void close() {
    Ref ref;
    synchronized (lock) {
      closed = true;
      ref = current;
      current = null;
    }
    if (ref != null) {
      ref.session.disconnect();
    }
  }

  /** Drops the SSH session as if the network had failed (tests). */
  void killSessionForTest() {
    synchronized (lock) {
      if (current != null) {
        current.session.disconnect();
      }
    }
  }

  private Session connect(int ms) throws IOException {
    JSch jsch = new JSch();
    HostKeyCheck check;
    try {
      if (knownHosts != null && Files.isRegularFile(knownHosts)) {
        jsch.setKnownHosts(knownHosts.toString());
      } else {
        jsch.setKnownHosts(new ByteArrayInputStream(new byte[0]));
      }
      check = new HostKeyCheck(jsch.getHostKeyRepository(), acceptUnknown);
      jsch.setHostKeyRepository(check);
    } catch (JSchException e) {
      throw new SshException(SshException.Reason.HOST_KEY_UNKNOWN, target(), "cannot read known_hosts file "
          + knownHosts + ": " + e.getMessage(), e);
    }
    List<String> tried = new ArrayList<>();
    for (Key k : keys) {
      if (addKey(jsch, k)) {
        tried.add(k.path.toString());
      }
    }
    boolean agent = false;
    String envSocket = System.getenv("SSH_AUTH_SOCK");
    Path agentPath = agentSocket != null ? agentSocket : envSocket != null && !envSocket.isBlank() ? Path.of(envSocket) : null;
    if (useAgent && agentPath != null) {
      try {
        SSHAgentConnector connector = new SSHAgentConnector(agentPath);
        if (connector.isAvailable()) {
          jsch.setIdentityRepository(new Both(jsch.getIdentityRepository(), new AgentIdentityRepository(connector)));
          agent = true;
        }
      } catch (AgentProxyException | RuntimeException e) {
        // no usable agent: keys alone
      }
    }
    Session s;
    try {
      s = jsch.getSession(user, host, port);
      s.setConfig("StrictHostKeyChecking", "yes");
      s.setConfig("PreferredAuthentications", "publickey");
      s.setUserInfo(NO_PROMPTS);
      s.setDaemonThread(true);
      s.setServerAliveInterval(30_000);
      s.setServerAliveCountMax(3);
      s.connect(ms);
      return s;
    } catch (JSchUnknownHostKeyException | JSchChangedHostKeyException e) {
      boolean changed = e instanceof JSchChangedHostKeyException;
      String type = check.lastKeyType();
      String fp = check.lastFingerprint();
      String msg = changed
          ? "the host key of " + check.lastHost() + " (" + type + " " + fp + ") does not match the one in "
              + knownHostsName() + ": the server was reinstalled, or someone is intercepting the connection."
              + " Check the fingerprint with the server's administrator, then fix " + knownHostsName()
          : "the host key of " + check.lastHost() + " (" + type + " " + fp + ") is not in " + knownHostsName()
              + ". Check the fingerprint out of band, then add it (ssh-keyscan, or one interactive ssh login),"
              + " or build the dialer with acceptUnknownHostKeys(true)";
      throw new SshHostKeyException(changed ? SshException.Reason.HOST_KEY_CHANGED : SshException.Reason.HOST_KEY_UNKNOWN,
          target(), type, fp, msg, e);
    } catch (JSchException e) {
      String m = String.valueOf(e.getMessage());
      if (m.startsWith("Auth ")
          || m.contains("USERAUTH")) {
        throw new SshException(SshException.Reason.AUTHENTICATION, target(), "the SSH server at " + target()
            + " refused the keys offered for user " + user + " (keys: " + (tried.isEmpty() ? "none" : String.join(", ", tried))
            + (agent ? "; and ssh-agent's" : "") + "): add the public key to the user's authorized_keys, or give"
            + " the right key with identity(...) or IdentityFile in ~/.ssh/config", e);
      }
      throw new SshException(SshException.Reason.CONNECT, target(), "cannot connect to ssh://" + target() + ": "
          + (e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : m), e);
    }
  }

  private String knownHostsName() {
    return knownHosts == null ? "known_hosts (none given)" : knownHosts.toString();
  }

  /** Adds a key; false for a default key that cannot be used without a passphrase. */
  private boolean addKey(JSch jsch, Key k) throws SshException {
    KeyPair kp;
    try {
      kp = KeyPair.load(jsch, k.path.toString());
    } catch (JSchException e) {
      if (k.fromDefaults) {
        return false;
      }
      throw new SshException(SshException.Reason.AUTHENTICATION, target(), "cannot read the private key "
          + k.path + ": " + e.getMessage(), e);
    }
    try {
      if (kp.isEncrypted()) {
        if (k.passphrase == null) {
          if (k.fromDefaults) {
            return false;
          }
          throw new SshException(SshException.Reason.AUTHENTICATION, target(), "the private key " + k.path
              + " is encrypted and no passphrase was given", null);
        }
        byte[] pp = k.passphrase.clone();
        try {
          if (!kp.decrypt(pp)) {
            throw new SshException(SshException.Reason.AUTHENTICATION, target(), "the passphrase given for the"
                + " private key " + k.path + " does not decrypt it", null);
          }
        } finally {
          Arrays.fill(pp, (byte) 0);
        }
      }
    } finally {
      kp.dispose();
    }
    try {
      jsch.addIdentity(k.path.toString(), k.passphrase == null ? null : k.passphrase.clone());
    } catch (JSchException e) {
      throw new SshException(SshException.Reason.AUTHENTICATION, target(), "cannot use the private key "
          + k.path + ": " + e.getMessage(), e);
    }
    return true;
  }

  private String target() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return user + "@" + h + ":" + port;
  }

  /** The remote engine socket in direct mode, else empty. */
  public java.util.Optional<String> remoteSocket() {
    return java.util.Optional.ofNullable(remoteSocket);
  }

  /** The remote command in dial-stdio mode, else empty. */
  public java.util.Optional<String> command() {
    return java.util.Optional.ofNullable(command);
  }

  @Override
  public String authority() {
    return "docker";
  }

  /** {@code ssh://user@host:port/socket}, or with the command in dial-stdio mode. */
  @Override
  public String toString() {
    return description;
  }

  private static final UserInfo NO_PROMPTS = new UserInfo() {
    @Override
    public String getPassphrase() {
      return null;
    }

    @Override
    public String getPassword() {
      return null;
    }

    @Override
    public boolean promptPassword(String message) {
      return false;
    }

    @Override
    public boolean promptPassphrase(String message) {
      return false;
    }

    @Override
    public boolean promptYesNo(String message) {
      return false;
    }

    @Override
    public void showMessage(String message) {}
  };

  // ------------------------------------------------------------------------------ host keys

  /** known_hosts, remembering the last key checked for the error message. */
  private static final class HostKeyCheck implements HostKeyRepository {
    private final HostKeyRepository known;
    private final boolean acceptUnknown;
    private volatile String host;
    private volatile byte[] key;

    HostKeyCheck(HostKeyRepository known, boolean acceptUnknown) {
      this.known = known;
      this.acceptUnknown = acceptUnknown;
    }

    @Override
    public int check(String host, byte[] key) {
      this.host = host;
      this.key = key.clone();
      int r = known.check(host, key);
      return r == NOT_INCLUDED && acceptUnknown ? OK : r;
    }

    String lastHost() {
      return host;
    }

    String lastKeyType() {
      byte[] k = key;
      if (k == null || k.length < 4) {
        return "?";
      }
      int n = ((k[0] & 0xff) << 24) | ((k[1] & 0xff) << 16) | ((k[2] & 0xff) << 8) | (k[3] & 0xff);
      return n > 0 && n <= k.length - 4 ? new String(k, 4, n, StandardCharsets.US_ASCII) : "?";
    }

    String lastFingerprint() {
      byte[] k = key;
      if (k == null) {
        return "?";
      }
      try {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(k);
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
      // never written: trusting a key is the user's decision, made outside berth
    }

    @Override
    public void remove(String host, String type) {}

    @Override
    public void remove(String host, String type, byte[] key) {}

    @Override
    public String getKnownHostsRepositoryID() {
      return known.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
      return known.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
      return known.getHostKey(host, type);
    }
  }

  /** The given keys first, then the agent's. */
  private static final class Both implements IdentityRepository {
    private final IdentityRepository local;
    private final IdentityRepository agent;

    Both(IdentityRepository local, IdentityRepository agent) {
      this.local = local;
      this.agent = agent;
    }

    @Override
    public String getName() {
      return "keys and ssh-agent";
    }

    @Override
    public int getStatus() {
      return RUNNING;
    }

    @Override
    public Vector<Identity> getIdentities() {
      Vector<Identity> all = new Vector<>(local.getIdentities());
      try {
        all.addAll(agent.getIdentities());
      } catch (RuntimeException e) {
        // the agent went away: keys alone
      }
      return all;
    }

    @Override
    public boolean add(byte[] identity) {
      return local.add(identity);
    }

    @Override
    public boolean remove(byte[] blob) {
      return local.remove(blob);
    }

    @Override
    public void removeAll() {
      local.removeAll();
    }
  }

  // ------------------------------------------------------------------------------ builder

  private static final class Key {
    final Path path;
    final byte[] passphrase; // null when not encrypted
    final boolean fromDefaults;

    Key(Path path, byte[] passphrase, boolean fromDefaults) {
      this.path = path;
      this.passphrase = passphrase;
      this.fromDefaults = fromDefaults;
    }
  }

  /** Configures an {@link SshDialer}. Not thread-safe; {@link #build()} may be called again. */
  public static final class Builder {
    private final String host;
    private String user;
    private int port = -1;
    private String remoteSocket;
    private String command;
    private final List<Key> keys = new ArrayList<>();
    private boolean useAgent = true;
    private Path agentSocket;
    private Path knownHosts;
    private boolean acceptUnknown;
    private Path sshConfig = home().resolve(".ssh/config");
    private boolean fallback;
    private String sshBinary;

    private Builder(String host) {
      this.host = host;
    }

    /** The remote user; default: {@code User} of ssh config, else the local user name. */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user");
      return this;
    }

    /** The SSH port; default: {@code Port} of ssh config, else 22. */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Direct mode (the default) to this remote engine socket, e.g.
     * {@code /run/user/1000/docker.sock}; default {@value SshDialer#DEFAULT_REMOTE_SOCKET}.
     */
    public Builder remoteSocket(String path) {
      Objects.requireNonNull(path, "path");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("the remote socket path must be absolute: " + path);
      }
      this.remoteSocket = path;
      this.command = null;
      return this;
    }

    /** dial-stdio mode with {@value SshDialer#DIAL_STDIO}. */
    public Builder dialStdio() {
      return dialStdio(DIAL_STDIO);
    }

    /**
     * dial-stdio mode with {@code command}, run by the remote user's shell, which must relay its
     * stdin and stdout to the engine (e.g. {@code podman system dial-stdio}).
     */
    public Builder dialStdio(String command) {
      Objects.requireNonNull(command, "command");
      if (command.isBlank()) {
        throw new IllegalArgumentException("command must not be empty");
      }
      this.command = command;
      return this;
    }

    /**
     * In direct mode, whether to switch to {@value SshDialer#DIAL_STDIO} when the server refuses
     * stream-local channels (default false: the dial fails with
     * {@link SshException.Reason#CHANNEL_REFUSED}). {@link dev.berth.transport.Endpoint#dialer()}
     * turns it on, so that {@code DOCKER_HOST=ssh://…} works wherever the docker CLI's does.
     */
    public Builder fallbackToDialStdio(boolean fallback) {
      this.fallback = fallback;
      return this;
    }

    /**
     * Runs the local OpenSSH client instead of the built-in SSH implementation:
     * {@code ssh -p PORT -l USER HOST -- docker system dial-stdio} (or the {@link #dialStdio(String)}
     * command) per connection, so that the user's whole OpenSSH setup applies (ProxyJump, agent,
     * certificates, config). Keys, known_hosts and the ssh config given here are passed as
     * {@code -i}, {@code UserKnownHostsFile} and {@code -F}; {@code BatchMode=yes}, so nothing
     * prompts. Costs a process and an SSH handshake per connection; failures are still typed from
     * ssh's exit status and message.
     *
     * @param ssh the client to run, e.g. {@code ssh} (found on PATH) or {@code /usr/bin/ssh}
     */
    public Builder localSsh(String ssh) {
      this.sshBinary = Objects.requireNonNull(ssh, "ssh");
      return this;
    }

    /** Authenticates with this unencrypted private key (OpenSSH format or PEM). Repeatable. */
    public Builder identity(Path privateKey) {
      keys.add(new Key(Objects.requireNonNull(privateKey, "privateKey"), null, false));
      return this;
    }

    /**
     * Authenticates with this encrypted private key. The passphrase is copied (clear your array
     * when done) and used only to decrypt the key; it appears in no message.
     */
    public Builder identity(Path privateKey, char[] passphrase) {
      Objects.requireNonNull(privateKey, "privateKey");
      Objects.requireNonNull(passphrase, "passphrase");
      java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase));
      byte[] exact = Arrays.copyOf(encoded.array(), encoded.limit());
      Arrays.fill(encoded.array(), (byte) 0);
      keys.add(new Key(privateKey, exact, false));
      return this;
    }

    /** Whether to use ssh-agent when {@code SSH_AUTH_SOCK} is set (default true). */
    public Builder agent(boolean use) {
      this.useAgent = use;
      return this;
    }

    /**
     * Uses the ssh-agent listening on this Unix socket instead of {@code SSH_AUTH_SOCK}'s (turns
     * {@link #agent(boolean)} on, even when the ssh config says {@code IdentitiesOnly yes}). Its
     * keys are offered after those given with {@link #identity(Path)}; an agent that does not
     * answer is skipped. With {@link #localSsh(String)} it is passed as {@code IdentityAgent}.
     */
    public Builder agent(Path socket) {
      this.agentSocket = Objects.requireNonNull(socket, "socket");
      this.useAgent = true;
      return this;
    }

    /**
     * The known_hosts file host keys are checked against (hashed entries too); default:
     * {@code UserKnownHostsFile} of ssh config, else {@code ~/.ssh/known_hosts}. The file is only
     * read, never written.
     */
    public Builder knownHosts(Path file) {
      this.knownHosts = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Accepts a host key that known_hosts does not list, without recording it (default false). A
     * key that differs from a listed one is still refused. Use only on networks you trust.
     */
    public Builder acceptUnknownHostKeys(boolean accept) {
      this.acceptUnknown = accept;
      return this;
    }

    /** The OpenSSH client config to read; default {@code ~/.ssh/config}; {@code null} reads none. */
    public Builder sshConfig(Path file) {
      this.sshConfig = file;
      return this;
    }

    /**
     * The dialer. Reads the ssh config now; keys and known_hosts are read at each new session.
     *
     * @throws UncheckedIOException when the ssh config exists but cannot be read
     */
    public SshDialer build() {
      ConfigRepository.Config cfg = null;
      if (sshConfig != null && Files.isRegularFile(sshConfig)) {
        try {
          cfg = OpenSSHConfig.parseFile(sshConfig.toString()).getConfig(host);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the ssh config " + sshConfig + ": " + e.getMessage(), e);
        }
      }
      String h = cfg != null && cfg.getHostname() != null ? cfg.getHostname() : host;
      int p = port != -1 ? port : cfg != null && cfg.getPort() != -1 ? cfg.getPort() : 22;
      String u = user != null ? user : cfg != null && cfg.getUser() != null ? cfg.getUser()
          : System.getProperty("user.name");
      boolean identitiesOnly = cfg != null && "yes".equalsIgnoreCase(cfg.getValue("IdentitiesOnly"));
      List<Key> k = new ArrayList<>(keys);
      if (k.isEmpty()) {
        String[] files = cfg != null ? cfg.getValues("IdentityFile") : null;
        if (files != null && files.length > 0) {
          for (String f : files) {
            k.add(new Key(expand(f), null, false));
          }
        } else if (!identitiesOnly || cfg == null) {
          for (String f : new String[] {"id_ed25519", "id_ecdsa", "id_rsa"}) {
            Path d = home().resolve(".ssh").resolve(f);
            if (Files.isRegularFile(d)) {
              k.add(new Key(d, null, true));
            }
          }
        }
      }
      Path kh = knownHosts;
      if (kh == null) {
        String f = cfg != null ? cfg.getValue("UserKnownHostsFile") : null;
        kh = f != null ? expand(f.trim().split("\\s+")[0]) : home().resolve(".ssh/known_hosts");
      }
      return new SshDialer(this, h, p, u, List.copyOf(k),
          useAgent && (agentSocket != null || !identitiesOnly), kh);
    }

    private static Path expand(String f) {
      return f.startsWith("~/") ? home().resolve(f.substring(2)) : Path.of(f);
    }

    private static Path home() {
      return Path.of(System.getProperty("user.home"));
    }
  }
}
