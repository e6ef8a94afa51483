package dev.berth.bench.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.bench.BerthContainers;
import dev.berth.client.EngineClient;
import dev.berth.client.internal.Codec;
import dev.berth.transport.Doer;
import dev.berth.transport.Headers;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.transport.ResponseBody;
import dev.berth.types.containers.ContainerInspect;
import dev.berth.types.containers.ContainerSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The decodes the decode-only benchmarks compare, all over the same captured bytes and berth's
 * one mapper ({@link Codec#mapper()}):
 * <ul>
 *   <li>{@code map}: the floor, {@code mapper.readValue(byte[], Map.class)} (a list: into
 *       {@code List<Map<String, Object>>});
 *   <li>{@code mapStream}: the same into a Map, but over an InputStream parser as berth reads
 *       (tells the parser path's share apart from binding);
 *   <li>{@code typed}: into berth's records the way {@code EngineClient.decode} does it (parser
 *       over the body's InputStream, first token, bind, drain);
 *   <li>{@code service}: berth's public {@code ContainerService.inspect}/{@code list} end to end
 *       over a {@link Doer} that answers with the captured bytes (request building, versioning,
 *       status check and {@code EngineClient.decode} itself; no socket).
 * </ul>
 */
public final class Decoders {
  static final ObjectMapper JSON = Codec.mapper();
  static final JavaType LIST_OF_MAPS = JSON.getTypeFactory().constructCollectionType(List.class,
      JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));

  final byte[] inspect;
  final byte[] list;
  final String inspectId;
  final BerthContainers inspectService;
  final BerthContainers listService;

  public Decoders() {
    this(Captured.load(Captured.INSPECT), Captured.load(Captured.LIST));
  }

  public Decoders(byte[] inspect, byte[] list) {
    this.inspect = inspect;
    this.list = list;
    try {
      this.inspectId = (String) JSON.readValue(inspect, Map.class).get("Id");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    this.inspectService = new BerthContainers(canned(inspect));
    this.listService = new BerthContainers(canned(list));
    check();
  }

  /** The typed decodes see what the Map decodes see: a guard against a broken capture or binding. */
  private void check() {
    try {
      ContainerInspect i = inspectTyped();
      if (!inspectId.equals(i.id()) || i.hostConfig() == null || i.config() == null || !i.equals(inspectService())) {
        throw new IllegalStateException("inspect decodes differ: " + i);
      }
      List<ContainerSummary> l = listTyped();
      int n = listMap().size();
      if (l.size() != n || n == 0 || !l.equals(listService())) {
        throw new IllegalStateException("list decodes differ: " + l.size() + " vs " + n);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- inspect

  public Map<?, ?> inspectMap() throws IOException {
    return JSON.readValue(inspect, Map.class);
  }

  public Map<?, ?> inspectMapStream() throws IOException {
    return berthPath(new ByteArrayInputStream(inspect), JSON.constructType(Map.class));
  }

  public ContainerInspect inspectTyped() throws IOException {
    // as EngineClient.call(Request, Class) does
    return berthPath(new ByteArrayInputStream(inspect), JSON.constructType(ContainerInspect.class));
  }

  public ContainerInspect inspectService() {
    return inspectService.inspect(inspectId);
  }

  // ---------------------------------------------------------------- list

  public List<Map<String, Object>> listMap() throws IOException {
    return JSON.readValue(list, LIST_OF_MAPS);
  }

  public List<Map<String, Object>> listMapStream() throws IOException {
    return berthPath(new ByteArrayInputStream(list), LIST_OF_MAPS);
  }

  public List<ContainerSummary> listTyped() throws IOException {
    // as EngineClient.callList(Request, Class) does
    return berthPath(new ByteArrayInputStream(list),
        JSON.getTypeFactory().constructCollectionType(List.class, ContainerSummary.class));
  }

  public List<ContainerSummary> listService() {
    return listService.listByLabel("dev.berth.bench");
  }

  // ---------------------------------------------------------------- plumbing

  /** What {@code EngineClient.decode} does with a response body (as of this commit). */
  static <T> T berthPath(InputStream in, JavaType type) throws IOException {
    try (JsonParser p = JSON.getFactory().createParser(in)) {
      if (p.nextToken() == null) {
        return null;
      }
      T value = JSON.readValue(p, type);
      while (in.read() >= 0) {
        // drain (EngineClient reads what is left so the connection can be reused)
      }
      return value;
    }
  }

  /** A client whose every request is answered 200 with {@code body}, API version pinned. */
  static EngineClient canned(byte[] body) {
    Doer doer = new Doer() {
      @Override
      public Response send(Request request) {
        return new Canned(body);
      }

      @Override
      public RawStream sendRaw(Request request) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void close() {}
    };
    return EngineClient.builder(doer).apiVersion("1.41").build();
  }

  /** A 200 JSON answer over a byte array (no copy, no headers beyond the content type). */
  private static final class Canned implements Response, ResponseBody {
    private static final Headers HEADERS = Headers.of("Content-Type", "application/json");
    private final byte[] body;
    private final InputStream in;

    Canned(byte[] body) {
      this.body = body;
      this.in = new ByteArrayInputStream(body);
    }

    @Override
    public int status() {
      return 200;
    }

    @Override
    public String reason() {
      return "OK";
    }

    @Override
    public Headers headers() {
      return HEADERS;
    }

    @Override
    public ResponseBody body() {
      return this;
    }

    @Override
    public void close() {}

    @Override
    public long contentLength() {
      return body.length;
    }

    @Override
    public String contentType() {
      return "application/json";
    }

    @Override
    public InputStream stream() {
      return in;
    }

    @Override
    public byte[] bytes(int maxBytes) throws IOException {
      return in.readNBytes(maxBytes);
    }
  }
}
