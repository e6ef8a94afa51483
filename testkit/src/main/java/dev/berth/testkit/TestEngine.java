package dev.berth.testkit;

import dev.berth.client.EngineClient;
import dev.berth.client.Filters;
import dev.berth.client.NotFoundException;
import dev.berth.client.Operation;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real test engine as one test sees it: a fresh client over a connection-tracking doer, the
 * test image, unique names and a label that marks everything the test creates for removal.
 * Made and cleaned up by {@link EngineExtension}.
 */
public final class TestEngine {
  /** Label key on every object a test creates; the value identifies the test. */
  public static final String LABEL = "dev.berth.test";

  private static final Operation CREATE = Operation.of("ContainerCreate", "POST", "/containers/create");
  private static final Operation START = Operation.of("ContainerStart", "POST", "/containers/{id}/start");
  private static final Operation WAIT = Operation.of("ContainerWait", "POST", "/containers/{id}/wait");
  private static final Operation REMOVE = Operation.of("ContainerDelete", "DELETE", "/containers/{id}");
  private static final Operation LIST = Operation.of("ContainerList", "GET", "/containers/json");

  private final String address;
  private final TrackingDialer dialer;
  private final Http1Doer doer;
  private final EngineClient client;
  private final String testId;

  TestEngine(String address) {
    this.address = address;
    this.dialer = new TrackingDialer(Endpoint.parse(address).dialer());
    this.doer = Http1Doer.builder(dialer).build();
    this.client = EngineClient.builder(doer).build();
    this.testId = UUID.randomUUID().toString().substring(0, 12);
  }

  /** The engine address (e.g. {@code unix:///var/run/docker.sock}). */
  public String address() {
    return address;
  }

  /** A client for this test; closed after it. */
  public EngineClient client() {
    return client;
  }

  /** The doer under {@link #client()}. */
  public Http1Doer doer() {
    return doer;
  }

  /** The dialer under {@link #doer()}, counting connections. */
  public TrackingDialer dialer() {
    return dialer;
  }

  /** The test image. */
  public String image() {
    return TestEngines.image();
  }

  /** A name no other test uses: {@code berth-test-<prefix>-<random>}. */
  public String uniqueName(String prefix) {
    return "berth-test-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Labels to put on every object the test creates, so it is removed afterwards. */
  public Map<String, String> labels() {
    return Map.of(LABEL, testId);
  }

  /**
   * Creates a container of the test image running {@code cmd} with network mode {@code none},
   * labelled for removal, and returns its id. {@code extra} fields are merged into the create body.
   */
  public String createContainer(Map<String, Object> extra, String... cmd) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Image", image());
    body.put("Cmd", List.of(cmd));
    body.put("Labels", labels());
    body.put("HostConfig", Map.of("NetworkMode", "none"));
    body.putAll(extra);
    Request r = client.request(CREATE).query("name", uniqueName("c")).body(client.jsonBody(body)).build();
    @SuppressWarnings("unchecked")
    Map<String, Object> created = client.call(r, Map.class);
    return (String) created.get("Id");
  }

  /** Creates a container running {@code cmd} (see {@link #createContainer(Map, String...)}). */
  public String createContainer(String... cmd) {
    return createContainer(Map.of(), cmd);
  }

  /** Starts a container. */
  public void start(String id) {
    client.execute(client.request(START, id).build());
  }

  /** Waits for a container to exit and returns its exit code. */
  public int waitForExit(String id) {
    Request r = client.request(WAIT, id).readTimeout(Duration.ZERO).build();
    @SuppressWarnings("unchecked")
    Map<String, Object> result = client.call(r, Map.class);
    return ((Number) result.get("StatusCode")).intValue();
  }

  /** Force-removes a container (and its anonymous volumes); absent ones are fine. */
  public void remove(String id) {
    try {
      client.execute(client.request(REMOVE, id).query("force", "true").query("v", "true").build());
    } catch (NotFoundException e) {
      // already gone
    }
  }

  /** Removes every container labelled by this test; returns how many. */
  int cleanUp() {
    Filters f = Filters.builder().add("label", LABEL + "=" + testId).build();
    Request r = client.request(LIST).query("all", "true").query("filters", client.toJson(f.asMap())).build();
    @SuppressWarnings("rawtypes")
    List<Map> list = client.callList(r, Map.class);
    List<String> ids = new ArrayList<>();
    for (Map<?, ?> c : list) {
      ids.add((String) c.get("Id"));
    }
    ids.forEach(this::remove);
    return ids.size();
  }

  void close() {
    client.close();
    doer.close();
  }
}
