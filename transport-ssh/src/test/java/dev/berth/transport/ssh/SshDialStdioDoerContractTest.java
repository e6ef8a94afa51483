package dev.berth.transport.ssh;

import dev.berth.testkit.DoerContract;
import dev.berth.transport.Dialer;

/** The Doer contract over SSH, each connection an exec of {@code docker system dial-stdio}. */
class SshDialStdioDoerContractTest extends DoerContract {
  @Override
  protected Dialer dialer() {
    return SshRig.builder(SshRig.host()).dialStdio().build();
  }
}
