package dev.berth.config;

import static dev.berth.config.Fixtures.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BERTH_HTTP_VERSION: berth's own switch to HTTP/2, kept whatever source decides the endpoint. */
class HttpVersionTest {
  @TempDir Path home;

  @Test
  void http2IsKeptWithTheEndpointAndShownInDescribe() {
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "unix:///tmp/x.sock", "BERTH_HTTP_VERSION", "2"), home);
    assertEquals(Optional.of("2"), c.httpVersion());
    assertTrue(c.describe().contains("http:        2 (BERTH_HTTP_VERSION)"), c.describe());
    assertTrue(c.toString().contains("HTTP/2"), c.toString());
  }

  @Test
  void http11AndUnsetMeanTheBuiltInTransport() {
    assertEquals(Optional.empty(), Engines.resolve(env("DOCKER_HOST", "unix:///tmp/x.sock"), home).httpVersion());
    assertEquals(Optional.empty(), Engines.resolve(env("DOCKER_HOST", "unix:///tmp/x.sock",
        "BERTH_HTTP_VERSION", "1.1"), home).httpVersion());
  }

  @Test
  void anUnknownVersionIsAConfigurationError() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> Engines.resolve(env("DOCKER_HOST", "unix:///tmp/x.sock", "BERTH_HTTP_VERSION", "3"), home));
    assertTrue(e.getMessage().contains("BERTH_HTTP_VERSION=3"), e.getMessage());
  }

  @Test
  void http2WithoutTheModuleSaysWhichArtifactIsMissing() {
    // berth-transport-http2 is not on this module's test class path
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "unix:///tmp/x.sock", "BERTH_HTTP_VERSION", "2"), home);
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, c::connect);
    assertTrue(e.getMessage().contains("berth-transport-http2"), e.getMessage());
  }
}
