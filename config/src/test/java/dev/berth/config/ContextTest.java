package dev.berth.config;

import static dev.berth.config.Fixtures.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.config.EngineConfig.Source;
import dev.berth.config.internal.Contexts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker contexts: meta.json under the SHA-256 of the name, TLS files beside it. */
class ContextTest {
  @TempDir Path home;

  private Path config() {
    return home.resolve(".docker");
  }

  @Test
  void storeFolderIsTheHexSha256OfTheName() {
    // the value `docker context create local` uses
    assertEquals("25bf8e1a2393f1108d37029b3df5593236c755742ec93465bbafa9b290bddcf6", Contexts.digest("local"));
  }

  @Test
  void contextWithoutTlsFilesIsPlainTcp() throws Exception {
    Path meta = Fixtures.context(config(), "remote", "tcp://192.0.2.10:2375", false);
    EngineConfig c = Engines.resolve(env("DOCKER_CONTEXT", "remote"), home);
    assertEquals(Source.DOCKER_CONTEXT, c.source());
    assertEquals("tcp://192.0.2.10:2375", c.endpoint().orElseThrow().toString());
    assertTrue(c.tls().isEmpty());
    assertTrue(c.origin().contains(meta.toString()), c.origin());
  }

  @Test
  void contextTlsFilesAreUsedWithVerification() throws Exception {
    Fixtures.context(config(), "secure", "tcp://192.0.2.10:2376", false);
    Path tlsDir = Fixtures.contextTls(config(), "secure");
    Fixtures.pemFiles(tlsDir, "ca.pem", "cert.pem", "key.pem");
    TlsMaterial tls = Engines.resolve(env("DOCKER_CONTEXT", "secure"), home).tls().orElseThrow();
    assertTrue(tls.verifyServer());
    assertEquals(tlsDir.resolve("ca.pem"), tls.caCertificate().orElseThrow());
    assertEquals(tlsDir.resolve("cert.pem"), tls.clientCertificate().orElseThrow());
    assertEquals(tlsDir.resolve("key.pem"), tls.clientKey().orElseThrow());
  }

  @Test
  void skipTlsVerifyTurnsOnTlsWithoutVerification() throws Exception {
    Fixtures.context(config(), "lax", "tcp://192.0.2.10:2376", true);
    TlsMaterial tls = Engines.resolve(env("DOCKER_CONTEXT", "lax"), home).tls().orElseThrow();
    assertFalse(tls.verifyServer());
    assertTrue(tls.caCertificate().isEmpty());
    assertTrue(tls.toString().startsWith("INSECURE"), tls.toString());
  }

  @Test
  void environmentTlsVariablesDoNotApplyToAContext() throws Exception {
    Fixtures.context(config(), "remote", "tcp://192.0.2.10:2375", false);
    Path certs = home.resolve("certs");
    Fixtures.pemFiles(certs, "ca.pem");
    EngineConfig c = Engines.resolve(env("DOCKER_CONTEXT", "remote", "DOCKER_TLS_VERIFY", "1",
        "DOCKER_CERT_PATH", certs.toString()), home);
    assertTrue(c.tls().isEmpty());
    assertTrue(c.notes().stream().anyMatch(n -> n.contains("do not apply to a context")), c.notes()::toString);
  }

  @Test
  void unixContextNeverUsesTls() throws Exception {
    Fixtures.context(config(), "local", "unix:///var/run/docker.sock", true);
    EngineConfig c = Engines.resolve(env("DOCKER_CONTEXT", "local"), home);
    assertEquals("unix:///var/run/docker.sock", c.endpoint().orElseThrow().toString());
    assertTrue(c.tls().isEmpty());
  }

  @Test
  void missingContextIsAnErrorNamingItAndTheFile() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> Engines.resolve(env("DOCKER_CONTEXT", "nope"), home));
    assertTrue(e.getMessage().contains("context \"nope\" (from DOCKER_CONTEXT) not found"), e.getMessage());
    assertTrue(e.getMessage().contains(Contexts.digest("nope")), e.getMessage());
  }

  @Test
  void missingCurrentContextNamesConfigJson() throws Exception {
    Fixtures.write(config().resolve("config.json"), "{\"currentContext\":\"gone\"}");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> Engines.resolve(env(), home));
    assertTrue(e.getMessage().contains("from currentContext in " + config().resolve("config.json")), e.getMessage());
  }

  @Test
  void contextWithoutDockerEndpointIsAnError() throws Exception {
    Fixtures.write(Contexts.metaFile(config(), "k8s"), "{\"Name\":\"k8s\",\"Endpoints\":{\"kubernetes\":{}}}");
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> Engines.resolve(env("DOCKER_CONTEXT", "k8s"), home));
    assertTrue(e.getMessage().contains("has no docker endpoint host"), e.getMessage());
  }

  @Test
  void defaultContextMeansEnvironmentAndDefaults() throws Exception {
    Fixtures.context(config(), "other", "tcp://192.0.2.10:2375", false);
    Fixtures.write(config().resolve("config.json"), "{\"currentContext\":\"other\"}");
    EngineConfig c = Engines.resolve(env("DOCKER_CONTEXT", "default", "XDG_RUNTIME_DIR", "/run/user/1000"), home);
    assertEquals(Source.SOCKET_PROBE, c.source());
    assertTrue(c.origin().contains("context \"default\""), c.origin());
  }

  @Test
  void sshContextResolvesButThisBuildCannotDialIt() throws Exception {
    Fixtures.context(config(), "box", "ssh://me@192.0.2.10", false);
    EngineConfig c = Engines.resolve(env("DOCKER_CONTEXT", "box"), home);
    assertEquals("ssh", c.endpoint().orElseThrow().scheme());
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, c::connect);
    assertTrue(e.getMessage().contains("ssh://"), e.getMessage());
  }
}
