package dev.berth.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Catalog;
import dev.berth.client.BerthException;
import dev.berth.client.CancelledException;
import dev.berth.client.EngineClient;
import dev.berth.client.JsonStream;
import dev.berth.client.FrameReader;
import dev.berth.client.NotFoundException;
import dev.berth.client.Operation;
import dev.berth.client.RegistryAuth;
import dev.berth.client.TransportException;
import dev.berth.config.DockerCredentials;
import dev.berth.config.Engines;
import dev.berth.containers.Archive;
import dev.berth.containers.AttachedStream;
import dev.berth.containers.ContainerService;
import dev.berth.containers.WaitCondition;
import dev.berth.images.ImageService;
import dev.berth.networks.NetworkService;
import dev.berth.volumes.VolumeService;
import dev.berth.types.volumes.Volume;
import dev.berth.system.SystemService;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.tracing.micrometer.BerthObservations;
import dev.berth.tracing.micrometer.BerthPoolMetrics;
import dev.berth.tracing.micrometer.BerthTransportMetrics;
import dev.berth.tracing.opentelemetry.BerthTelemetry;
import dev.berth.transport.CancelToken;
import dev.berth.transport.Dialers;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.transport.TlsConfig;
import dev.berth.types.containers.ContainerCreateRequest;
import dev.berth.types.progress.ProgressMessage;
import dev.berth.types.system.Event;
import dev.berth.types.system.EventType;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * README snippets run as written against the real engine (regions checked by {@link ReadmeTest}).
 * The README's examples name {@code busybox} and {@code localhost:5000}: the test tags the test
 * image as {@code busybox} when the engine has no such image (and removes that name afterwards),
 * and needs the rig's registry on port 5000.
 */
@EngineTest
class ReadmeEngineSnippetsTest {
  private static final String DOCKER_SOCK = "unix:///var/run/docker.sock";

  /** Runs {@code body} with the name {@code busybox} on the test image, as the README's examples assume. */
  private static void withBusybox(TestEngine engine, ThrowingRunnable body) throws Exception {
    ImageService images = ImageService.create(engine.client());
    boolean tagged = false;
    try {
      images.inspect("busybox:latest");
    } catch (NotFoundException e) {
      images.tag(engine.image(), "busybox", "latest");
      tagged = true;
    }
    try {
      body.run();
    } finally {
      if (tagged) {
        images.remove("busybox:latest", o -> o.noPrune(true));
      }
    }
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void quickStartPrintsTheVersionAndFollowsEvents(TestEngine engine) throws Exception {
    rigHas(engine.address().equals(DOCKER_SOCK), "the README's example names " + DOCKER_SOCK);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      try {
        quickStart();
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    reader.start();
    Thread.sleep(500);
    Map<String, String> labels = new HashMap<>(engine.labels());
    labels.put("app", "web");
    engine.createContainer(Map.of("Labels", labels), "true"); // an event for the loop to print
    Thread.sleep(300);
    reader.interrupt();                                        // the snippet follows forever
    reader.join(10_000);
    assertFalse(reader.isAlive(), "an interrupt stops the blocked read");
    assertTrue(failure.get() == null || failure.get() instanceof BerthException, String.valueOf(failure.get()));
  }

  private static void quickStart() {
    // README: quick-start
    try (EngineClient client = EngineClient.connect("unix:///var/run/docker.sock")) {
      SystemService system = SystemService.create(client);
      System.out.println(system.version().version());

      try (JsonStream<Event> events = system.events(o -> o.type(EventType.CONTAINER).label("app=web"))) {
        while (events.hasNext()) {               // blocks on this thread; close() from another stops it
          Event e = events.next();
          System.out.println(e.action() + " " + e.actor().id());
        }
      }
    }
    // END README
  }

  @Test
  void containersWithStdinLogsAndFiles(TestEngine engine) throws Exception {
    EngineClient client = engine.client();
    withBusybox(engine, () -> {
      // README: containers
      ContainerService containers = ContainerService.create(client);
      String id = containers.create(ContainerCreateRequest.builder()
          .image("busybox").cmd("sh", "-c", "cat - > /out").openStdin(true).stdinOnce(true).attachStdin(true)
          .hostConfig(h -> h.networkMode("none")).build()).id();
      try (AttachedStream attached = containers.attach(id, o -> o.stdin(true))) {
        containers.start(id);
        attached.stdin().write("hello".getBytes(UTF_8));
        attached.closeStdin();                          // the process reads end-of-file
      }
      containers.wait(id, WaitCondition.NOT_RUNNING);
      try (Archive out = containers.archive(id, "/out")) { /* out.tar(), out.stat() */ }
      try (FrameReader logs = containers.logs(id, o -> o.follow(true))) {
        logs.copyTo(System.out, System.err);            // whole frames, stdout/stderr kept apart
      }
      // END README
      containers.remove(id, o -> o.force(true));
    });
  }

  @Test
  void imagesBuildPushPullSaveLoad(TestEngine engine) throws Exception {
    EngineClient client = engine.client();
    String secret = "unused-by-the-open-registry";
    Path app = Path.of("app");
    Path appTar = Path.of("app.tar");
    rigHas(!Files.exists(app) && !Files.exists(appTar), "the README's relative paths app and app.tar are taken");
    Files.createDirectory(app);
    Files.writeString(app.resolve("Dockerfile"), "FROM busybox\nARG VERSION\nLABEL version=$VERSION\n");
    try {
      withBusybox(engine, () -> {
        // README: images
        ImageService images = ImageService.create(client, DockerCredentials.load()); // or create(client)
        String id = images.build(Path.of("app"), o -> o.tag("localhost:5000/app:1").buildArg("VERSION", "1.2")
            .networkMode("none"));                        // the image ID; a failing RUN is a StreamErrorException
        images.push("localhost:5000/app:1");              // credentials from config.json, else anonymous
        images.pull("localhost:5000/app:1", o -> o.auth(RegistryAuth.basic("me", secret, "localhost:5000")));
        try (JsonStream<ProgressMessage> progress = images.pullStream("localhost:5000/app:1", o -> o.platform("linux/amd64"))) {
          progress.forEachRemaining(m -> System.out.println(m.status() + " " + m.progressDetail()));
        }
        try (InputStream tar = images.saveStream("localhost:5000/app:1")) {  // streamed; bounded memory
          Files.copy(tar, Path.of("app.tar"));
        }
        images.load(Files.newInputStream(Path.of("app.tar")));          // the names it loaded
        // END README
        assertTrue(id.startsWith("sha256:"), id);
        assertEquals("1.2", images.inspect("localhost:5000/app:1").config().labels().get("version"));
      });
    } finally {
      Files.deleteIfExists(app.resolve("Dockerfile"));
      Files.deleteIfExists(app);
      Files.deleteIfExists(appTar);
      try {
        ImageService.create(client).remove("localhost:5000/app:1", o -> o.force(true));
      } catch (NotFoundException gone) {
        // nothing to clean
      }
    }
  }

  @Test
  void networksAndVolumes(TestEngine engine) {
    EngineClient client = engine.client();
    // README: networks-volumes
    NetworkService networks = NetworkService.create(client);
    networks.create("backend", o -> o.internal(true).subnet("10.77.0.0/24", "10.77.0.1").label("app", "demo"));
    VolumeService volumes = VolumeService.create(client);
    Volume data = volumes.create(o -> o.name("demo-data").label("app", "demo"));   // name optional
    System.out.println(networks.inspect("backend").ipam().config() + " " + data.mountpoint());
    networks.prune(o -> o.label("app=demo"));                       // the names it removed
    volumes.prune(o -> o.label("app=demo"));
    // END README
    assertThrows(NotFoundException.class, () -> networks.inspect("backend"));
    assertThrows(NotFoundException.class, () -> volumes.inspect("demo-data"));
  }

  @Test
  void anyRequestThroughTheSameClient(TestEngine engine) {
    EngineClient client = engine.client();
    // README: raw-call
    Map<?, ?> info = client.call(Request.get("/info").build(), Map.class);
    // END README
    assertNotNull(info.get("ID"));
  }

  @Test
  void theCatalogInFiveLines(TestEngine engine) throws Exception {
    EngineClient client = engine.client();
    withBusybox(engine, () -> {
      try {
        // README: catalog
        Catalog catalog = Catalog.of(client);                                 // docker 1.41, podman 4.3.1, ...
        System.out.println(catalog.categories());                             // [Config, Container, Distribution, ...]
        System.out.println(catalog.describe("ContainerCreate").docUrl());
        Map<?, ?> conny = (Map<?, ?>) catalog.invoke(client, "ContainerCreate", Map.of("name", "conny"),
            Map.of("Image", "busybox", "HostConfig", Map.of("NetworkMode", "none")));
        // END README
        assertEquals("/conny", ((Map<?, ?>) catalog.invoke(client, "ContainerInspect", Map.of("id", conny.get("Id"))))
            .get("Name"));
      } finally {
        Catalog.of(client).exchange(client, "ContainerDelete", Map.of("id", "conny", "force", true));
      }
    });
  }

  @Test
  void enginesConnectFindsTheEngine(TestEngine engine) {
    rigHas(engine.address().equals(DOCKER_SOCK), "Engines.connect() probes " + DOCKER_SOCK);
    // README: engines-connect
    try (EngineClient client = Engines.connect()) {
      System.out.println(client.ping().apiVersion());
    }
    // END README
  }

  @Test
  void tlsBuilderReadsTheCertificatesAndDialsTheNamedHost(TestEngine engine) throws Exception {
    String certPath = System.getenv("BERTH_TEST_DOCKER_CERT_PATH");
    rigHas(certPath != null && Files.isDirectory(Path.of(certPath)), "needs the rig's client certificates");
    Path certs = Path.of(certPath);
    // engine.example is the README's placeholder: the snippet runs until it tries to reach it
    TransportException e = assertThrows(TransportException.class, () -> {
      // README: tls-builder
      TlsConfig tls = TlsConfig.builder()
          .caCertificates(certs.resolve("ca.pem"))
          .clientCertificate(certs.resolve("cert.pem"), certs.resolve("key.pem"))
          .build();                                    // or TlsConfig.fromCertPath(certs, true)
      try (EngineClient client = EngineClient.builder(Http1Doer.of(Dialers.tls("engine.example", 2376, tls)))
              .ownsDoer(true).build()) {
        System.out.println(client.ping().apiVersion());
      }
      // END README
    });
    assertTrue(e.getMessage().contains("engine.example"), e.getMessage());
  }

  @Test
  void openTelemetryDecorator(TestEngine engine) throws Exception {
    rigHas(engine.address().equals(DOCKER_SOCK), "the README's example names " + DOCKER_SOCK);
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    try (SdkTracerProvider tracing = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build()) {
      OpenTelemetry openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(tracing).build();
      // README: opentelemetry
      Endpoint endpoint = Endpoint.parse("unix:///var/run/docker.sock");
      BerthTelemetry telemetry = BerthTelemetry.create(openTelemetry);   // .builder(otel).propagation(false) to send no traceparent
      try (Http1Doer http = Http1Doer.of(endpoint.dialer());
           EngineClient client = EngineClient.builder(telemetry.wrap(http, endpoint))
               .listener(telemetry.clientListener())
               .build()) {
        ContainerService containers = ContainerService.create(client);   // every call is a span under Context.current()
      }
      // END README
    }
    assertTrue(spans.getFinishedSpanItems().isEmpty(), "the snippet makes no call");
  }

  @Test
  void micrometerObservationsAndMeters(TestEngine engine) throws Exception {
    rigHas(engine.address().equals(DOCKER_SOCK), "the README's example names " + DOCKER_SOCK);
    ObservationRegistry observationRegistry = ObservationRegistry.create();
    SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
    // README: micrometer
    BerthObservations obs = BerthObservations.create(observationRegistry);
    obs.bindTo(meterRegistry);                                            // berth.client.streams.open
    Http1Doer http = Http1Doer.builder(Endpoint.parse("unix:///var/run/docker.sock").dialer())
        .listener(BerthTransportMetrics.of(meterRegistry, Tags.empty()))  // berth.client.connect
        .build();
    BerthPoolMetrics.of(http, Tags.empty()).bindTo(meterRegistry);        // berth.client.connections.*
    EngineClient client = EngineClient.builder(obs.wrap(http))            // outermost decorator
        .listener(obs.clientListener())                                   // typed errors on the observation
        .build();
    // END README
    try (client; http) {
      SystemService.create(client).version();
    }
    assertNotNull(meterRegistry.find("berth.client.connect").timer());
    assertEquals(0, obs.openStreams());
  }

  @Test
  void cancellingACall(TestEngine engine) {
    EngineClient client = engine.client();
    Operation operation = Operation.of("ContainerInspect", "GET", "/containers/{id}/json");
    String id = engine.createContainer("true");
    // README: cancel
    CancelToken token = new CancelToken();
    Request stop = client.request(operation, id).cancelToken(token).build();
    // elsewhere: token.cancel() -> the call fails with CancelledException (a TransportException)
    // at once, its connection is closed and never reused; one token can cancel many calls.
    // END README
    token.cancel();
    assertThrows(CancelledException.class, () -> client.execute(stop));
  }

  /**
   * Skips (loudly) where the machine is not the project's rig, e.g. an engine elsewhere than the
   * README's example address; under the rig (BERTH_REQUIRE_ENGINE=1, as in CI) it fails instead.
   */
  private static void rigHas(boolean condition, String what) {
    if ("1".equals(System.getenv("BERTH_REQUIRE_ENGINE"))) {
      org.junit.jupiter.api.Assertions.assertTrue(condition, what);
    } else {
      if (!condition) {
        System.err.println("!!! SKIPPING README snippet test: " + what);
      }
      org.junit.jupiter.api.Assumptions.assumeTrue(condition, what);
    }
  }
}
