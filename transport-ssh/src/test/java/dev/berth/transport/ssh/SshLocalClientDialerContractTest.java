package dev.berth.transport.ssh;

import dev.berth.testkit.DialerContract;
import dev.berth.transport.Dialer;

/** The Dialer contract over the local OpenSSH client running {@code docker system dial-stdio}. */
class SshLocalClientDialerContractTest extends DialerContract {
  @Override
  protected Dialer dialer() {
    return SshRig.builder(SshRig.host()).localSsh("ssh").build();
  }
}
