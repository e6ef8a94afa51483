/**
 * {@code ssh://} engine endpoints for berth: a stream-local channel to the remote engine socket or
 * {@code docker system dial-stdio}, over JSch. Registers a {@link dev.berth.transport.DialerProvider}
 * so that {@link dev.berth.transport.Endpoint#dialer()} dials {@code ssh://} addresses.
 */
module dev.berth.transport.ssh {
  requires transitive dev.berth.transport;
  requires com.jcraft.jsch;

  exports dev.berth.transport.ssh;

  provides dev.berth.transport.DialerProvider with dev.berth.transport.ssh.internal.SshDialerProvider;
}
