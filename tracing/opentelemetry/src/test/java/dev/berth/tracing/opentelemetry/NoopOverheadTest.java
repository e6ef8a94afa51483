package dev.berth.tracing.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.transport.Doer;
import dev.berth.transport.InMemoryResponse;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** With a no-op OpenTelemetry the decorator must cost next to nothing. */
class NoopOverheadTest {
  private static final Request PING = Request.get("/_ping").operation("SystemPing", "/_ping").build();

  /** Answers every call with the same response, allocating nothing. */
  private static final class Answering implements Doer {
    private final Response answer;

    Answering(Response answer) {
      this.answer = answer;
    }

    @Override
    public Response send(Request request) {
      return answer;
    }

    @Override
    public dev.berth.transport.RawStream sendRaw(Request request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  private static long allocatedPerCall(Doer doer, int calls) throws IOException {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    for (int i = 0; i < calls; i++) { // warm up: let the JIT remove what escape analysis can
      doer.send(PING).close();
    }
    long before = mx.getThreadAllocatedBytes(id);
    for (int i = 0; i < calls; i++) {
      doer.send(PING).close();
    }
    return (mx.getThreadAllocatedBytes(id) - before) / calls;
  }

  @Test
  void aNoopOpenTelemetryAddsAtMostTwoHundredBytesPerCall() throws IOException {
    Response answer = InMemoryResponse.builder(200).build(); // closing it twice is fine
    Doer plain = new Answering(answer);
    Doer traced = BerthTelemetry.create(OpenTelemetry.noop()).wrap(new Answering(answer));
    assertSame(answer, traced.send(PING));
    long base = Math.min(allocatedPerCall(plain, 200_000), allocatedPerCall(plain, 200_000));
    long decorated = Math.min(allocatedPerCall(traced, 200_000), allocatedPerCall(traced, 200_000));
    System.out.println("no-op decorator: " + base + " B/call undecorated, " + decorated + " B/call decorated");
    assertTrue(decorated - base <= 200, decorated + " - " + base + " bytes per call");
  }
}
