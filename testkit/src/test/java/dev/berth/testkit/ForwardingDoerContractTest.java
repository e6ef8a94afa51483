package dev.berth.testkit;

import dev.berth.transport.Dialer;
import dev.berth.transport.Doer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.ForwardingDoer;
import dev.berth.transport.ForwardingRawStream;
import dev.berth.transport.ForwardingResponse;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A decorator written with the public forwarding helpers alone passes the whole Doer contract:
 * it counts bytes of every body and raw stream without changing what the caller sees.
 */
class ForwardingDoerContractTest extends DoerContract {
  // ---- the decorator: under 20 lines
  static final class ByteCounting extends ForwardingDoer {
    final AtomicLong bytes = new AtomicLong();

    ByteCounting(Doer next) {
      super(next);
    }

    @Override
    public Response send(Request request) throws IOException {
      return ForwardingResponse.observe(super.send(request), end -> bytes.addAndGet(end.bytesRead()));
    }

    @Override
    public RawStream sendRaw(Request request) throws IOException {
      return ForwardingRawStream.observe(super.sendRaw(request), end -> bytes.addAndGet(end.bytesRead()));
    }
  }
  // ----

  @Override
  protected Dialer dialer() {
    return Endpoint.parse(TestEngines.dockerHost()).dialer();
  }

  @Override
  protected Doer newDoer(Dialer dialer) {
    return new ByteCounting(Http1Doer.of(dialer));
  }
}
