package dev.berth.transport.http2;

import dev.berth.transport.Doer;
import dev.berth.transport.ForwardingDoer;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import java.io.IOException;

/** Tags every request with an {@code x-berth-mark} header, which nginx writes to its access log. */
final class Marking extends ForwardingDoer {
  private final String mark;

  Marking(Doer next, String mark) {
    super(next);
    this.mark = mark;
  }

  @Override
  public Response send(Request request) throws IOException {
    return super.send(request.toBuilder().header("x-berth-mark", mark).build());
  }

  @Override
  public RawStream sendRaw(Request request) throws IOException {
    return super.sendRaw(request.toBuilder().header("x-berth-mark", mark).build());
  }
}
