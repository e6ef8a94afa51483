package dev.berth.transport.ssh;

import dev.berth.testkit.DialerContract;
import dev.berth.transport.Dialer;

/** The Dialer contract over SSH, each connection a direct-streamlocal channel to the remote engine socket. */
class SshDirectDialerContractTest extends DialerContract {
  @Override
  protected Dialer dialer() {
    return SshRig.builder(SshRig.host()).build();
  }
}
