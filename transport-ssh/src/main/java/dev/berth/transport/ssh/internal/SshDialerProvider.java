package dev.berth.transport.ssh.internal;

import dev.berth.transport.Dialer;
import dev.berth.transport.DialerProvider;
import dev.berth.transport.Endpoint;
import dev.berth.transport.ssh.SshDialer;

/**
 * Serves {@code ssh://} for {@link Endpoint#dialer()}: an {@link SshDialer} with its defaults, direct
 * mode falling back to dial-stdio where the server forbids stream-local forwarding.
 */
public final class SshDialerProvider implements DialerProvider {
  /** For {@link java.util.ServiceLoader}. */
  public SshDialerProvider() {}

  @Override
  public String scheme() {
    return "ssh";
  }

  @Override
  public Dialer dialer(Endpoint endpoint) {
    return SshDialer.builder(endpoint).fallbackToDialStdio(true).build();
  }
}
