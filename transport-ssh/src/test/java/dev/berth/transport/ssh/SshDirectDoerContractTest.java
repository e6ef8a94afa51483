package dev.berth.transport.ssh;

import dev.berth.testkit.DoerContract;
import dev.berth.transport.Dialer;

/** The Doer contract over SSH, each connection a direct-streamlocal channel to the remote engine socket. */
class SshDirectDoerContractTest extends DoerContract {
  @Override
  protected Dialer dialer() {
    return SshRig.builder(SshRig.host()).build();
  }
}
