package dev.berth.testkit;

import dev.berth.client.ApiVersion;
import dev.berth.client.EngineClient;
import dev.berth.client.ConflictException;
import dev.berth.client.DockerOperations;
import dev.berth.client.EngineException;
import dev.berth.client.Filters;
import dev.berth.client.NotFoundException;
import dev.berth.client.Operation;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.types.system.EngineKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real test engine as one test sees it: a fresh client over a connection-tracking doer, the
 * test image, unique names and a label that marks everything the test creates for removal.
 * Made and cleaned up by {@link EngineExtension}: containers with the label, then images named
 * with {@link #imageName} (their names are removed) and images with the label (deleted).
 */
public final class TestEngine {
  /** Label key on every object a test creates; the value identifies the test. */
  public static final String LABEL = "dev.berth.test";

  private static final Operation CREATE = DockerOperations.CONTAINER_CREATE;
  private static final Operation START = DockerOperations.CONTAINER_START;
  private static final Operation WAIT = DockerOperations.CONTAINER_WAIT;
  private static final Operation REMOVE = DockerOperations.CONTAINER_DELETE;
  /** Podman's own container delete, which takes a stop timeout (its compatible one does not). */
  private static final Operation REMOVE_LIBPOD =
      Operation.of("ContainerDeleteLibpod", "DELETE", "/libpod/containers/{name}");
  private static final Operation LIST = DockerOperations.CONTAINER_LIST;
  private static final Operation IMAGE_LIST = DockerOperations.IMAGE_LIST;
  private static final Operation IMAGE_DELETE = DockerOperations.IMAGE_DELETE;
  private static final Operation INFO = DockerOperations.SYSTEM_INFO;

  private final String address;
  private final TrackingDialer dialer;
  private final Http1Doer doer;
  private final EngineClient client;
  private final String testId;
  private final String image;
  private final boolean sharesLoopback;
  private Boolean containerdImageStore;

  TestEngine(String address, String image, boolean sharesLoopback) {
    this.address = address;
    this.image = image;
    this.sharesLoopback = sharesLoopback;
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

  /**
   * The API version the client negotiated with this engine (1.41 for Docker 20.10, 1.51 for
   * Docker 28.5): tests assert per engine with it, never one engine's accident.
   */
  public ApiVersion apiVersion() {
    return client.apiVersion();
  }

  /** Whether the API in use is at least {@code major.minor}. */
  public boolean apiAtLeast(int major, int minor) {
    return apiVersion().isAtLeast(ApiVersion.of(major, minor));
  }

  /**
   * Whether the engine keeps images in containerd's image store (Docker's
   * {@code --feature containerd-snapshotter}; {@code /info} reports the driver type
   * {@code io.containerd.snapshotter.v1}) rather than a graph driver.
   */
  public boolean containerdImageStore() {
    if (containerdImageStore == null) {
      @SuppressWarnings("unchecked")
      Map<String, Object> info = client.call(client.request(INFO).build(), Map.class);
      containerdImageStore = String.valueOf(info.get("DriverStatus")).contains("io.containerd.snapshotter");
    }
    return containerdImageStore;
  }

  /**
   * Whether the engine shares the test JVM's loopback, so that it reaches a server a test opens
   * on 127.0.0.1 (false for the Docker 28.5 instances, which run in their own network namespace).
   */
  public boolean sharesLoopback() {
    return sharesLoopback;
  }

  /** The test image. */
  public String image() {
    return image;
  }

  /** A name no other test uses: {@code berth-test-<prefix>-<random>}. */
  public String uniqueName(String prefix) {
    return "berth-test-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * A repository name for an image this test makes, {@code berth-test-<test>-<prefix>-<random>}
   * (lower case); every reference to it (tags, digests) is removed after the test, which deletes
   * the image when nothing else names it. Add a {@code :tag} as needed.
   */
  public String imageName(String prefix) {
    return imageMarker() + prefix.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** {@link #imageName(String)} in a registry: {@code <registry>/berth-test-...}. */
  public String imageName(String registry, String prefix) {
    return registry + "/" + imageName(prefix);
  }

  private String imageMarker() {
    return "berth-test-" + testId + "-";
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
    Request r = client.request(WAIT, id).bodyReadTimeout(Duration.ZERO).build();
    @SuppressWarnings("unchecked")
    Map<String, Object> result = client.call(r, Map.class);
    return ((Number) result.get("StatusCode")).intValue();
  }

  /**
   * Force-removes a container (and its anonymous volumes) without waiting for it to stop; absent
   * ones are fine. On Podman through its libpod route with a zero stop timeout: Podman 5's
   * compatible force-remove first stops the container with its stop timeout (10 s by default for a
   * shell that ignores SIGTERM as PID 1), where Docker and Podman 4.3 kill it at once.
   */
  public void remove(String id) {
    try {
      if (client.engineKind() == EngineKind.PODMAN) {
        client.execute(client.request(REMOVE_LIBPOD, id).query("force", "true").query("volumes", "true")
            .query("timeout", "0").build());
        return;
      }
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
    return ids.size() + cleanUpImages();
  }

  /**
   * Removes the references named by {@link #imageName} (untagging; the engine deletes an image
   * with its last name), then deletes the images labelled by this test, children before parents.
   */
  private int cleanUpImages() {
    int removed = 0;
    Request all = client.request(IMAGE_LIST).query("all", "true").query("digests", "true").build();
    @SuppressWarnings("rawtypes")
    List<Map> images = client.callList(all, Map.class);
    String marker = imageMarker();
    for (Map<?, ?> image : images) {
      for (String key : List.of("RepoTags", "RepoDigests")) {
        Object refs = image.get(key);
        if (refs instanceof List) {
          for (Object ref : (List<?>) refs) {
            if (ref instanceof String && ((String) ref).contains(marker)) {
              removed += deleteImage((String) ref, false) ? 1 : 0;
            }
          }
        }
      }
    }
    Filters f = Filters.builder().add("label", LABEL + "=" + testId).build();
    for (int pass = 0; pass < 5; pass++) {
      Request labelled = client.request(IMAGE_LIST).query("all", "true").query("filters", client.toJson(f.asMap())).build();
      @SuppressWarnings("rawtypes")
      List<Map> left = client.callList(labelled, Map.class);
      if (left.isEmpty()) {
        break;
      }
      for (Map<?, ?> image : left) {
        removed += deleteImage((String) image.get("Id"), true) ? 1 : 0;
      }
    }
    return removed;
  }

  private boolean deleteImage(String reference, boolean force) {
    try {
      client.execute(client.request(IMAGE_DELETE, reference).query("force", force ? "true" : null).build());
      return true;
    } catch (NotFoundException | ConflictException e) {
      return false; // gone already, or a child image is deleted first in the next pass
    } catch (EngineException e) {
      System.err.println("testkit: could not remove image " + reference + ": " + e.getMessage());
      return false;
    }
  }

  void close() {
    client.close();
    doer.close();
  }
}
