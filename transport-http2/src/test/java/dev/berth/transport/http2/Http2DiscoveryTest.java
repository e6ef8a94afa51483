package dev.berth.transport.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.config.EngineConfig;
import dev.berth.config.Engines;
import dev.berth.testkit.EngineTest;
import dev.berth.transport.Endpoint;
import dev.berth.transport.TlsConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selecting HTTP/2 by configuration: {@code BERTH_HTTP_VERSION=2} with the docker CLI's variables
 * connects through {@link Http2Doer} (found as a {@code DoerProvider}), h2c and h2 over TLS.
 */
@EngineTest
class Http2DiscoveryTest {
  @TempDir Path home;

  @Test
  void berthHttpVersion2OverAUnixSocketSpeaksH2c() {
    EngineConfig c = Engines.resolve(Map.of("DOCKER_HOST", H2Rig.endpoint(H2Rig.Mode.UNIX).toString(),
        "BERTH_HTTP_VERSION", "2"), home);
    try (EngineClient client = c.connect()) {
      assertInstanceOf(Http2Doer.class, client.doer());
      assertTrue(client.ping().apiVersion() != null);
      assertEquals(1, ((Http2Doer) client.doer()).stats().dialedConnections());
    }
  }

  @Test
  void aListenerGivenToConnectHearsTheHttp2Dial() {
    Endpoint unix = H2Rig.endpoint(H2Rig.Mode.UNIX);
    EngineConfig c = Engines.resolve(Map.of("DOCKER_HOST", unix.toString(), "BERTH_HTTP_VERSION", "2"), home);
    Http2ListenerTest.Recorder rec = new Http2ListenerTest.Recorder(false);
    try (EngineClient client = c.connect(rec)) {
      assertInstanceOf(Http2Doer.class, client.doer());
      assertTrue(client.ping().apiVersion() != null);
    }
    assertEquals(List.of("dialStart " + unix, "dialEnd", "acquired reused=false", "sent", "head 200"),
        rec.callerEvents().subList(0, 5));
    assertEquals(1, rec.count("closed"), "closing the client closed the doer and its connection: " + rec.events);
  }

  @Test
  void berthHttpVersion2WithDockerTlsVariablesSpeaksH2OverTls() {
    Endpoint tls = H2Rig.endpoint(H2Rig.Mode.TLS);
    EngineConfig c = Engines.resolve(Map.of("DOCKER_HOST", "tcp://" + tls.host() + ":" + tls.port(),
        "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", H2Rig.env("BERTH_TEST_H2_CERT_PATH", "/tmp/berth-rig/tls/client"),
        "BERTH_HTTP_VERSION", "2"), home);
    try (EngineClient client = c.connect()) {
      Http2Doer doer = assertInstanceOf(Http2Doer.class, client.doer());
      assertTrue(client.ping().apiVersion() != null);
      assertEquals(java.util.Optional.of(true), doer.usesHttp2(), "ALPN chose h2 with the DOCKER_CERT_PATH material");
    }
  }

  @Test
  void builderRejectsEndpointsAndSettingsThatDoNotFit() throws Exception {
    TlsConfig tls = H2Rig.tls();
    assertThrows(IllegalArgumentException.class,
        () -> Http2Doer.builder(Endpoint.parse("unix:///tmp/x.sock")).tls(tls).build());
    assertThrows(IllegalArgumentException.class,
        () -> Http2Doer.builder(Endpoint.parse("http://127.0.0.1:1")).tls(tls).build());
    assertThrows(IllegalArgumentException.class,
        () -> Http2Doer.builder(Endpoint.parse("ssh://me@host")).build());
    assertThrows(NullPointerException.class, () -> Http2Doer.builder(null));
    assertThrows(IllegalArgumentException.class, () -> Http2Doer.builder(Endpoint.parse("unix:///x")).streamWindow(100));
    assertThrows(IllegalArgumentException.class, () -> Http2Doer.builder(Endpoint.parse("unix:///x")).ioThreads(0));
  }
}
