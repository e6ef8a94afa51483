/**
 * {@code ssh://user@host[:port][/remote/socket]} engine endpoints, in pure Java:
 * {@link dev.berth.transport.ssh.SshDialer} opens one SSH session per endpoint and one channel per
 * connection, either a {@code direct-streamlocal@openssh.com} channel straight to the remote
 * engine socket (no docker CLI needed on the remote host) or an exec of
 * {@code docker system dial-stdio}. Host keys are verified against known_hosts by default; failures
 * are {@link dev.berth.transport.ssh.SshException}s with a
 * {@link dev.berth.transport.ssh.SshException.Reason}. With this module present,
 * {@link dev.berth.transport.Endpoint#dialer()} and {@code DOCKER_HOST=ssh://…} dial through it.
 *
 * <p>Why JSch (the maintained {@code com.github.mwiede:jsch} fork) rather than Apache MINA SSHD:
 * one jar with no further dependencies and a JPMS module, about 300 KB against MINA's core plus
 * common plus an SLF4J dependency; blocking streams that fit berth's blocking
 * {@link dev.berth.transport.Connection} directly; OpenSSH-format, PEM and encrypted keys, hashed
 * known_hosts, ssh-agent over the JDK's Unix sockets, and {@code ChannelDirectStreamLocal} for
 * stream-local forwarding. MINA's asynchronous I/O and server side bring nothing a client needs
 * here. JSch is used only inside this module; nothing of it shows in the API.
 */
package dev.berth.transport.ssh;
