package dev.berth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.transport.Doer;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineClientOwnershipTest {

  static final class CountingDoer implements Doer {
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public Response send(Request request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RawStream sendRaw(Request request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }

  @Test
  void clientFromBuilderLeavesTheDoerOpenByDefault() {
    CountingDoer doer = new CountingDoer();
    EngineClient.builder(doer).build().close();
    assertEquals(0, doer.closed.get());
  }

  @Test
  void clientThatOwnsItsDoerClosesIt() {
    CountingDoer doer = new CountingDoer();
    EngineClient.builder(doer).ownsDoer(true).build().close();
    assertEquals(1, doer.closed.get());
  }

  @Test
  void aClosedClientRefusesNewCallsWithAClearError() {
    CountingDoer doer = new CountingDoer();
    EngineClient client = EngineClient.builder(doer).apiVersion("1.41").build();
    client.close();
    client.close();
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> client.execute(Request.post("/containers/x/start").build()));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("closed"), e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, client::ping);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> client.openRaw(Request.post("/exec/x/start").build()));
  }
}
