package dev.berth.transport.ssh;

import dev.berth.testkit.DialerContract;
import dev.berth.transport.Dialer;

/** The Dialer contract over SSH, each connection an exec of {@code docker system dial-stdio}. */
class SshDialStdioDialerContractTest extends DialerContract {
  @Override
  protected Dialer dialer() {
    return SshRig.builder(SshRig.host()).dialStdio().build();
  }
}
