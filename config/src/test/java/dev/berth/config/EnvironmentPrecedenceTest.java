package dev.berth.config;

import static dev.berth.config.Fixtures.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.ApiVersion;
import dev.berth.config.EngineConfig.Source;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which source wins, as in the docker CLI: DOCKER_HOST, then DOCKER_CONTEXT, then currentContext. */
class EnvironmentPrecedenceTest {
  @TempDir Path home;

  private Path config() {
    return home.resolve(".docker");
  }

  @Test
  void dockerHostBeatsDockerContextAndCurrentContext() throws Exception {
    Fixtures.context(config(), "ctx", "tcp://10.0.0.1:2375", false);
    Fixtures.write(config().resolve("config.json"), "{\"currentContext\":\"ctx\"}");
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "unix:///tmp/x.sock", "DOCKER_CONTEXT", "ctx"), home);
    assertEquals(Source.DOCKER_HOST, c.source());
    assertEquals("unix:///tmp/x.sock", c.endpoint().orElseThrow().toString());
    assertTrue(c.context().isEmpty());
    assertTrue(c.notes().stream().anyMatch(n -> n.contains("DOCKER_HOST overrides DOCKER_CONTEXT=ctx")), c.notes()::toString);
  }

  @Test
  void dockerContextBeatsCurrentContext() throws Exception {
    Fixtures.context(config(), "env-ctx", "tcp://10.0.0.1:2375", false);
    Fixtures.context(config(), "file-ctx", "tcp://10.0.0.2:2375", false);
    Fixtures.write(config().resolve("config.json"), "{\"currentContext\":\"file-ctx\"}");
    EngineConfig c = Engines.resolve(env("DOCKER_CONTEXT", "env-ctx"), home);
    assertEquals(Source.DOCKER_CONTEXT, c.source());
    assertEquals("env-ctx", c.context().orElseThrow());
    assertEquals("tcp://10.0.0.1:2375", c.endpoint().orElseThrow().toString());
  }

  @Test
  void currentContextIsUsedWhenNothingElseIsSet() throws Exception {
    Fixtures.context(config(), "file-ctx", "tcp://10.0.0.2:2375", false);
    Fixtures.write(config().resolve("config.json"), "{\"currentContext\":\"file-ctx\",\"auths\":{}}");
    EngineConfig c = Engines.resolve(env(), home);
    assertEquals(Source.CURRENT_CONTEXT, c.source());
    assertEquals("tcp://10.0.0.2:2375", c.endpoint().orElseThrow().toString());
    assertTrue(c.origin().contains("currentContext in " + config().resolve("config.json")), c.origin());
  }

  @Test
  void dockerHostBeatsContainerHost() {
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "tcp://127.0.0.1:2375",
        "CONTAINER_HOST", "unix:///run/podman/podman.sock"), home);
    assertEquals(Source.DOCKER_HOST, c.source());
    assertEquals("tcp://127.0.0.1:2375", c.endpoint().orElseThrow().toString());
  }

  @Test
  void containerHostIsAnExplicitHostAndBeatsContexts() throws Exception {
    Fixtures.context(config(), "ctx", "tcp://10.0.0.1:2375", false);
    EngineConfig c = Engines.resolve(env("CONTAINER_HOST", "unix:///run/user/1000/podman/podman.sock",
        "DOCKER_CONTEXT", "ctx"), home);
    assertEquals(Source.CONTAINER_HOST, c.source());
    assertEquals("unix:///run/user/1000/podman/podman.sock", c.endpoint().orElseThrow().toString());
  }

  @Test
  void emptyVariablesCountAsUnset() {
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "", "CONTAINER_HOST", "  ", "DOCKER_CONTEXT", "",
        "XDG_RUNTIME_DIR", home.resolve("run").toString()), home);
    assertEquals(Source.SOCKET_PROBE, c.source());
    assertTrue(c.endpoint().isEmpty());
  }

  @Test
  void nothingConfiguredMeansProbing() {
    EngineConfig c = Engines.resolve(env("XDG_RUNTIME_DIR", "/run/user/1000"), home);
    assertEquals(Source.SOCKET_PROBE, c.source());
    assertEquals(EngineDiscovery.defaultCandidates(env("XDG_RUNTIME_DIR", "/run/user/1000"), home), c.candidates());
    assertTrue(c.origin().startsWith("nothing configured (no DOCKER_HOST"), c.origin());
  }

  @Test
  void malformedDockerHostIsAConfigurationErrorNamingTheVariable() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> Engines.resolve(env("DOCKER_HOST", "localhost:2375"), home));
    assertTrue(e.getMessage().startsWith("DOCKER_HOST is not a usable engine address"), e.getMessage());
  }

  @Test
  void dockerApiVersionPinsTheVersion() {
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "tcp://127.0.0.1:2375", "DOCKER_API_VERSION", "1.40"), home);
    assertEquals(ApiVersion.of(1, 40), c.apiVersion().orElseThrow());
    assertTrue(c.describe().contains("api version: 1.40 (pinned by DOCKER_API_VERSION)"), c.describe());
  }

  @Test
  void dockerApiVersionAppliesToContextsToo() throws Exception {
    Fixtures.context(config(), "ctx", "tcp://10.0.0.1:2375", false);
    EngineConfig c = Engines.resolve(env("DOCKER_CONTEXT", "ctx", "DOCKER_API_VERSION", "v1.41"), home);
    assertEquals(ApiVersion.of(1, 41), c.apiVersion().orElseThrow());
  }

  @Test
  void malformedDockerApiVersionIsAConfigurationError() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> Engines.resolve(env("DOCKER_HOST", "tcp://127.0.0.1:2375", "DOCKER_API_VERSION", "latest"), home));
    assertTrue(e.getMessage().contains("DOCKER_API_VERSION=latest"), e.getMessage());
  }

  @Test
  void withoutDockerApiVersionTheClientNegotiates() {
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "tcp://127.0.0.1:2375"), home);
    assertFalse(c.apiVersion().isPresent());
    try (var client = c.connect()) {
      assertFalse(client.isVersionPinned()); // no connection is made until the first call
    }
  }

  @Test
  void dockerConfigMovesTheConfigFolder() throws Exception {
    Path elsewhere = home.resolve("elsewhere");
    Fixtures.context(elsewhere, "ctx", "tcp://10.0.0.3:2375", false);
    Fixtures.write(elsewhere.resolve("config.json"), "{\"currentContext\":\"ctx\"}");
    EngineConfig c = Engines.resolve(env("DOCKER_CONFIG", elsewhere.toString()), home);
    assertEquals(elsewhere, c.configDirectory());
    assertEquals("tcp://10.0.0.3:2375", c.endpoint().orElseThrow().toString());
  }

  @Test
  void configFolderDefaultsToDotDockerInHome() {
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "tcp://127.0.0.1:2375"), home);
    assertEquals(home.resolve(".docker"), c.configDirectory());
  }

  @Test
  void malformedConfigJsonNamesTheFileWithoutEchoingIt() throws Exception {
    Fixtures.write(config().resolve("config.json"), "{\"auths\": {\"x\": {\"auth\": \"c2VjcmV0\"}} oops");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> Engines.resolve(env(), home));
    assertTrue(e.getMessage().contains(config().resolve("config.json").toString()), e.getMessage());
    assertFalse(e.getMessage().contains("c2VjcmV0"), e.getMessage());
  }
}
