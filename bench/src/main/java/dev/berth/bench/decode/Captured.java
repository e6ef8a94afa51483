package dev.berth.bench.decode;

import dev.berth.bench.Engine;
import dev.berth.bench.Fixtures;
import dev.berth.client.EngineClient;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Engine answers captured once for the decode-only benchmarks: {@code inspect.json} (one created,
 * never started container, network mode none, labelled like every fixture) and {@code list50.json}
 * ({@code GET /containers/json?all=1} filtered to 50 such containers). A copy ships in the bench
 * jar (resources {@code dev/berth/bench/decode/}) so that runs compare the same bytes;
 * {@code -Ddecode.dir=DIR} reads another capture, {@code java ... Captured DIR} makes one.
 */
public final class Captured {
  private Captured() {}

  public static final String INSPECT = "inspect.json";
  public static final String LIST = "list50.json";

  /** The bytes of {@code name}, from {@code -Ddecode.dir} when set, else the shipped capture. */
  public static byte[] load(String name) {
    try {
      String dir = System.getProperty("decode.dir");
      if (dir != null) {
        return Files.readAllBytes(Path.of(dir, name));
      }
      try (InputStream in = Captured.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("no capture " + name + " on the class path; run Captured DIR");
        }
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Captures both answers from the engine into {@code args[0]}; the fixtures are removed after. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "bench/src/main/resources/dev/berth/bench/decode");
    Files.createDirectories(dir);
    String value = Fixtures.uniqueValue("decode");
    try {
      List<String> ids = Fixtures.createLabelled(50, value);
      try (EngineClient client = Engine.berth()) {
        String filters = "{\"label\":[\"" + Engine.LABEL + "=" + value + "\"]}";
        Files.write(dir.resolve(LIST), body(client, Request.get("/containers/json").query("all", "1")
            .query("filters", filters).build()));
        Files.write(dir.resolve(INSPECT), body(client, Request.get("/containers/" + ids.get(17) + "/json").build()));
      }
    } finally {
      Fixtures.removeLabelled(value);
    }
    System.out.println("captured " + INSPECT + " and " + LIST + " into " + dir);
  }

  private static byte[] body(EngineClient client, Request request) throws IOException {
    try (Response r = client.open(request)) {
      return r.body().stream().readAllBytes();
    }
  }
}
