package dev.berth.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.ApiVersion;
import dev.berth.client.ConflictException;
import dev.berth.client.EngineClient;
import dev.berth.client.InvalidRequestException;
import dev.berth.client.JsonStream;
import dev.berth.client.NotFoundException;
import dev.berth.client.NotModifiedException;
import dev.berth.client.Operation;
import dev.berth.client.StreamErrorException;
import dev.berth.client.TransportException;
import dev.berth.client.UnsupportedApiVersionException;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.transport.Doer;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import dev.berth.types.progress.ProgressMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client core against the real engine: version negotiation and the status table. */
@EngineTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineClientTest {
  private static final Operation INSPECT = Operation.of("ContainerInspect", "GET", "/containers/{id}/json");
  private static final Operation CREATE = Operation.of("ContainerCreate", "POST", "/containers/create");
  private static final Operation START = Operation.of("ContainerStart", "POST", "/containers/{id}/start");
  private static final Operation DELETE = Operation.of("ContainerDelete", "DELETE", "/containers/{id}");
  private static final Operation BUILD = Operation.of("ImageBuild", "POST", "/build");

  /** Records the targets a doer was asked for. */
  static final class Recording implements Doer {
    final Doer delegate;
    final List<String> targets = new CopyOnWriteArrayList<>();

    Recording(Doer delegate) {
      this.delegate = delegate;
    }

    @Override
    public Response send(Request request) throws IOException {
      targets.add(request.method() + " " + request.target());
      return delegate.send(request);
    }

    @Override
    public RawStream sendRaw(Request request) throws IOException {
      targets.add(request.method() + " " + request.target());
      return delegate.sendRaw(request);
    }

    @Override
    public void close() {}
  }

  @Test
  void negotiatesOnceWithOnePingAndUsesTheOlderVersion(TestEngine engine) {
    Recording doer = new Recording(engine.doer());
    EngineClient client = EngineClient.builder(doer).build();
    ApiVersion engineVersion = ApiVersion.parse(client.ping().apiVersion());
    doer.targets.clear();
    SystemService system = SystemService.create(client);
    system.version();
    system.info();
    assertEquals(ApiVersion.min(engineVersion, ApiVersion.MAX), client.apiVersion());
    assertEquals(List.of("GET /_ping", "GET /v" + client.apiVersion() + "/version",
        "GET /v" + client.apiVersion() + "/info"), doer.targets);
  }

  @Test
  void aPinnedVersionIsUsedWithoutPinging(TestEngine engine) {
    Recording doer = new Recording(engine.doer());
    EngineClient client = EngineClient.builder(doer).apiVersion("1.40").build();
    SystemService.create(client).version();
    assertEquals(List.of("GET /v1.40/version"), doer.targets);
    assertTrue(client.isVersionPinned());
  }

  @Test
  void negotiationIsCappedByTheClientMaximum(TestEngine engine) {
    Recording doer = new Recording(engine.doer());
    EngineClient client = EngineClient.builder(doer).maxApiVersion(ApiVersion.of(1, 30)).build();
    SystemService.create(client).version();
    assertEquals(ApiVersion.of(1, 30), client.apiVersion());
    assertEquals("GET /v1.30/version", doer.targets.get(doer.targets.size() - 1));
  }

  @Test
  void anOperationNewerThanTheApiInUseFailsBeforeAnyIo(TestEngine engine) {
    Recording doer = new Recording(engine.doer());
    EngineClient client = EngineClient.builder(doer).apiVersion("1.41").build();
    Operation future = Operation.of("FutureThing", "GET", "/future", ApiVersion.of(1, 99));
    UnsupportedApiVersionException e = assertThrows(UnsupportedApiVersionException.class, () -> client.request(future));
    assertEquals(ApiVersion.of(1, 99), e.required());
    assertEquals(ApiVersion.of(1, 41), e.actual());
    assertTrue(doer.targets.isEmpty());
  }

  @Test
  void unknownContainerIsNotFoundWithTheEnginesMessage(TestEngine engine) {
    EngineClient client = engine.client();
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.call(client.request(INSPECT, "berth-missing-x").build(), Map.class));
    assertEquals(404, e.status());
    assertTrue(e.engineMessage().contains("No such container: berth-missing-x"), e.engineMessage());
    assertTrue(e.getMessage().contains("ContainerInspect GET /containers/{id}/json"), e.getMessage());
  }

  @Test
  void nameInUseIsAConflict(TestEngine engine) {
    EngineClient client = engine.client();
    String name = engine.uniqueName("dup");
    Map<String, Object> body = Map.of("Image", engine.image(), "Cmd", List.of("true"), "Labels", engine.labels(),
        "HostConfig", Map.of("NetworkMode", "none"));
    client.execute(client.request(CREATE).query("name", name).body(client.jsonBody(body)).build());
    ConflictException e = assertThrows(ConflictException.class,
        () -> client.execute(client.request(CREATE).query("name", name).body(client.jsonBody(body)).build()));
    assertTrue(e.engineMessage().contains("already in use"), e.engineMessage());
  }

  @Test
  void removingARunningContainerWithoutForceIsAConflict(TestEngine engine) {
    EngineClient client = engine.client();
    String id = engine.createContainer("sleep", "60");
    engine.start(id);
    ConflictException e = assertThrows(ConflictException.class, () -> client.execute(client.request(DELETE, id).build()));
    assertEquals(409, e.status());
  }

  @Test
  void startingARunningContainerIsNotModified(TestEngine engine) {
    EngineClient client = engine.client();
    String id = engine.createContainer("sleep", "60");
    engine.start(id);
    NotModifiedException e = assertThrows(NotModifiedException.class, () -> client.execute(client.request(START, id).build()));
    assertEquals(304, e.status());
  }

  @Test
  void anInvalidNameIsAnInvalidRequest(TestEngine engine) {
    EngineClient client = engine.client();
    Map<String, Object> body = Map.of("Image", engine.image(), "Labels", engine.labels());
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> client.execute(client.request(CREATE).query("name", "bad name!").body(client.jsonBody(body)).build()));
    assertTrue(e.engineMessage().toLowerCase().contains("invalid container name"), e.engineMessage());
  }

  @Test
  void aFailedBuildStepSurfacesAsATypedErrorFromInsideThe200Stream(TestEngine engine) {
    EngineClient client = engine.client();
    byte[] context = Tar.of(Map.of("Dockerfile", "FROM " + engine.image() + "\nRUN echo building && false\n"));
    String tag = engine.uniqueName("build");
    Request r = client.request(BUILD).query("t", tag).query("networkmode", "none").query("rm", true)
        .query("forcerm", true).query("labels", client.toJson(engine.labels()))
        .body(RequestBody.of(context, "application/x-tar")).build();
    List<String> lines = new ArrayList<>();
    StreamErrorException e;
    try (JsonStream<ProgressMessage> progress = client.stream(r, ProgressMessage.class, true)) {
      e = assertThrows(StreamErrorException.class, () -> {
        while (progress.hasNext()) {
          ProgressMessage m = progress.next();
          if (m.stream() != null) {
            lines.add(m.stream());
          }
        }
      });
    }
    assertTrue(e.engineMessage().contains("returned a non-zero code: 1"), e.engineMessage());
    assertTrue(String.join("", lines).contains("building"), "build output before the error: " + lines);
  }

  @Test
  void rawCallsMapErrorStatusesToo(TestEngine engine) {
    EngineClient client = engine.client();
    Request attach = client.request(Operation.of("ContainerAttach", "POST", "/containers/{id}/attach"), "berth-missing-y")
        .query("stream", 1).query("stdout", 1).build();
    assertThrows(NotFoundException.class, () -> client.openRaw(attach).close());
  }

  @Test
  void aRefusedConnectionIsATransportErrorNamingTheEndpoint() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (EngineClient client = EngineClient.connect("tcp://127.0.0.1:" + port)) {
      TransportException e = assertThrows(TransportException.class, client::ping);
      assertTrue(e.getMessage().contains("tcp://127.0.0.1:" + port), e.getMessage());
      assertTrue(e.getMessage().contains("SystemPing"), e.getMessage());
    }
  }

  @Test
  void aMissingSocketFileIsATransportErrorSayingSo() {
    try (EngineClient client = EngineClient.connect("unix:///tmp/berth-no-such-socket.sock")) {
      TransportException e = assertThrows(TransportException.class, () -> client.apiVersion());
      assertTrue(e.getMessage().contains("/tmp/berth-no-such-socket.sock"), e.getMessage());
      assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
      assertInstanceOf(java.net.ConnectException.class, e.getCause());
    }
  }

  @Test
  void connectGivesAWorkingClient(TestEngine engine) {
    try (EngineClient client = EngineClient.connect(engine.address())) {
      assertNotNull(SystemService.create(client).version().version());
      assertFalse(client.isVersionPinned());
    }
  }

  /** Writes a small ustar archive (regular files only) for build contexts. */
  static final class Tar {
    static byte[] of(Map<String, String> files) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (Map.Entry<String, String> f : files.entrySet()) {
        byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
        byte[] h = new byte[512];
        put(h, 0, f.getKey());
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", data.length));
        put(h, 136, String.format("%011o", 0));
        h[156] = '0';
        put(h, 257, "ustar");
        h[262] = 0;
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
          h[i] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
          sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        out.writeBytes(h);
        out.writeBytes(data);
        out.writeBytes(new byte[(512 - data.length % 512) % 512]);
      }
      out.writeBytes(new byte[1024]);
      return out.toByteArray();
    }

    private static void put(byte[] h, int off, String s) {
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(b, 0, h, off, b.length);
    }
  }
}
