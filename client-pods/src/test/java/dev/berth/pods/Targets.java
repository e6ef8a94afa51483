package dev.berth.pods;

import dev.berth.transport.Doer;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A doer over a real engine's doer that notes each request line it passes on. */
final class Targets implements Doer {
  private final Doer delegate;
  final List<String> lines = new CopyOnWriteArrayList<>();

  Targets(Doer delegate) {
    this.delegate = delegate;
  }

  @Override
  public Response send(Request request) throws IOException {
    lines.add(request.method() + " " + request.path());
    return delegate.send(request);
  }

  @Override
  public RawStream sendRaw(Request request) throws IOException {
    lines.add(request.method() + " " + request.path());
    return delegate.sendRaw(request);
  }

  @Override
  public void close() {} // the engine's doer belongs to the test engine
}
