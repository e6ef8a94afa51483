package dev.berth.transport.ssh;

import dev.berth.testkit.DoerContract;
import dev.berth.transport.Dialer;

/** The Doer contract over the local OpenSSH client running {@code docker system dial-stdio}. */
class SshLocalClientDoerContractTest extends DoerContract {
  @Override
  protected Dialer dialer() {
    return SshRig.builder(SshRig.host()).localSsh("ssh").build();
  }
}
