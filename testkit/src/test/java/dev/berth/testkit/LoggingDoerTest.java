package dev.berth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.NotFoundException;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.LoggingDoer;
import dev.berth.transport.Request;
import java.util.List;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** One DEBUG line per call, without ids. */
@EngineTest
class LoggingDoerTest {

  static final class Recording implements System.Logger {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final boolean debug;

    Recording(boolean debug) {
      this.debug = debug;
    }

    @Override
    public String getName() {
      return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
      return debug && level.getSeverity() >= Level.DEBUG.getSeverity();
    }

    @Override
    public void log(Level level, Supplier<String> msg) {
      lines.add(msg.get());
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(msg);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(format);
    }
  }

  @Test
  void logsOneDebugLinePerCallWithTheTemplateNotTheId(TestEngine engine) {
    Recording logger = new Recording(true);
    try (Http1Doer http = Http1Doer.of(Endpoint.parse(engine.address()).dialer())) {
      EngineClient client = EngineClient.builder(LoggingDoer.wrap(http, logger)).apiVersion("1.41").build();
      String id = "berth-missing-" + UUID.randomUUID();
      Request inspect = Request.get("/containers/" + id + "/json")
          .operation("ContainerInspect", "/containers/{id}/json").build();
      assertThrows(NotFoundException.class, () -> client.call(inspect, Object.class));
      assertEquals(1, logger.lines.size(), logger.lines.toString());
      String line = logger.lines.get(0);
      assertTrue(line.matches("ContainerInspect GET /containers/\\{id\\}/json 404 [0-9.]+ ms"), line);
      assertFalse(line.contains(id));

      Recording quiet = new Recording(false);
      EngineClient silent = EngineClient.builder(LoggingDoer.wrap(http, quiet)).apiVersion("1.41").build();
      silent.ping();
      assertTrue(quiet.lines.isEmpty());
    }
  }
}
