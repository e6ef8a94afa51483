package dev.berth.fuzz;

import dev.berth.transport.Doer;
import dev.berth.transport.InMemoryResponse;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import java.io.IOException;

/** A Doer that answers every request with status 200 and the given bytes as a JSON body. */
final class AnswerDoer implements Doer {
  private final byte[] body;

  AnswerDoer(byte[] body) {
    this.body = body;
  }

  @Override
  public Response send(Request request) {
    return InMemoryResponse.builder(200).body(body, "application/json").build();
  }

  @Override
  public RawStream sendRaw(Request request) throws IOException {
    throw new IOException("no raw streams here");
  }

  @Override
  public void close() {
  }
}
