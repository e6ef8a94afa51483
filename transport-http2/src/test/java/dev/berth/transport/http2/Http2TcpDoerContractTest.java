package dev.berth.transport.http2;

import dev.berth.testkit.DoerContract;
import dev.berth.transport.Dialer;
import dev.berth.transport.Doer;

/**
 * The Doer contract over HTTP/2 through nginx (Tcp). Raw calls go through the tracked HTTP/1.1
 * dialer ({@link H2Rig#http1Dialer}); HTTP/2 multiplexes, so dial counts are not asserted here
 * (Http2MultiplexTest counts connections at the peer).
 */
class Http2TcpDoerContractTest extends DoerContract {
  @Override
  protected Dialer dialer() {
    return H2Rig.http1Dialer(H2Rig.Mode.TCP);
  }

  @Override
  protected Doer newDoer(Dialer dialer) {
    return H2Rig.doer(H2Rig.Mode.TCP, dialer).build();
  }

  @Override
  protected boolean countsDials() {
    return false;
  }
}
