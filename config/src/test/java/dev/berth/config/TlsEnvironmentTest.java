package dev.berth.config;

import static dev.berth.config.Fixtures.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.config.EngineConfig.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DOCKER_TLS_VERIFY, DOCKER_TLS and DOCKER_CERT_PATH, read as the docker CLI reads them. */
class TlsEnvironmentTest {
  @TempDir Path home;

  @Test
  void certPathGivesTheThreeFiles() throws Exception {
    Path certs = home.resolve("certs");
    Fixtures.pemFiles(certs, "ca.pem", "cert.pem", "key.pem");
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "tcp://192.0.2.10:2376", "DOCKER_TLS_VERIFY", "1",
        "DOCKER_CERT_PATH", certs.toString()), home);
    TlsMaterial tls = c.tls().orElseThrow();
    assertTrue(tls.verifyServer());
    assertEquals(certs, tls.directory());
    assertEquals(certs.resolve("ca.pem"), tls.caCertificate().orElseThrow());
    assertEquals(certs.resolve("cert.pem"), tls.clientCertificate().orElseThrow());
    assertEquals(certs.resolve("key.pem"), tls.clientKey().orElseThrow());
  }

  @Test
  void certPathDefaultsToTheConfigFolder() throws Exception {
    Fixtures.pemFiles(home.resolve(".docker"), "ca.pem");
    TlsMaterial tls = Engines.resolve(env("DOCKER_HOST", "tcp://192.0.2.10:2376", "DOCKER_TLS_VERIFY", "1"), home)
        .tls().orElseThrow();
    assertEquals(home.resolve(".docker"), tls.directory());
    assertEquals(home.resolve(".docker/ca.pem"), tls.caCertificate().orElseThrow());
    assertTrue(tls.clientCertificate().isEmpty());
  }

  @Test
  void anyNonEmptyTlsVerifyValueTurnsVerificationOnLikeTheDockerCli() {
    TlsMaterial tls = Engines.resolve(env("DOCKER_HOST", "tcp://192.0.2.10:2376", "DOCKER_TLS_VERIFY", "0"), home)
        .tls().orElseThrow();
    assertTrue(tls.verifyServer());
  }

  @Test
  void dockerTlsAloneEncryptsWithoutVerifying() {
    TlsMaterial tls = Engines.resolve(env("DOCKER_HOST", "tcp://192.0.2.10:2376", "DOCKER_TLS", "1"), home)
        .tls().orElseThrow();
    assertFalse(tls.verifyServer());
  }

  @Test
  void certPathWithoutTlsVerifyIsIgnoredWithANote() throws Exception {
    Path certs = home.resolve("certs");
    Fixtures.pemFiles(certs, "ca.pem", "cert.pem", "key.pem");
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "tcp://192.0.2.10:2376", "DOCKER_CERT_PATH", certs.toString()),
        home);
    assertTrue(c.tls().isEmpty());
    assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("DOCKER_CERT_PATH is set but ignored")), c.notes()::toString);
    assertTrue(c.describe().contains("note:        DOCKER_CERT_PATH is set but ignored"), c.describe());
    // issue 18, finding 6: said loudly, naming what it means for the connection
    assertTrue(c.describe().contains("WARNING: without it the connection is NOT encrypted and the engine NOT verified"
        + " (tcp://192.0.2.10:2376 is plain TCP); set DOCKER_TLS_VERIFY=1"), c.describe());
  }

  @Test
  void tlsVariablesDoNotApplyToUnixSockets() {
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "unix:///var/run/docker.sock", "DOCKER_TLS_VERIFY", "1"), home);
    assertTrue(c.tls().isEmpty());
  }

  @Test
  void tlsVerifyWithoutHostMeansLocalhost2376() {
    EngineConfig c = Engines.resolve(env("DOCKER_TLS_VERIFY", "1"), home);
    assertEquals(Source.DEFAULT_TLS_HOST, c.source());
    assertEquals("tcp://localhost:2376", c.endpoint().orElseThrow().toString());
    assertTrue(c.tls().orElseThrow().verifyServer());
  }

  @Test
  void httpsHostAlwaysUsesVerifiedTls() {
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "https://engine.example:2376"), home);
    assertTrue(c.tls().orElseThrow().verifyServer());
  }

  @Test
  void httpsHostReadsTheCertPath() throws Exception {
    Path certs = home.resolve("certs");
    Fixtures.pemFiles(certs, "ca.pem");
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "https://engine.example:2376", "DOCKER_CERT_PATH",
        certs.toString()), home);
    assertEquals(certs.resolve("ca.pem"), c.tls().orElseThrow().caCertificate().orElseThrow());
    assertTrue(c.notes().isEmpty(), c.notes()::toString);
  }

  @Test
  void httpHostMeansPlainHttpEvenWithTlsVerify() {
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "http://192.0.2.10:2375", "DOCKER_TLS_VERIFY", "1"), home);
    assertTrue(c.tls().isEmpty());
    assertTrue(c.notes().stream().anyMatch(n -> n.contains("ignored for http://")), c.notes()::toString);
  }

  @Test
  void halfAKeyPairIsAConfigurationErrorAtConnect() throws Exception {
    Path certs = home.resolve("certs");
    Fixtures.pemFiles(certs, "cert.pem");
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "tcp://192.0.2.10:2376", "DOCKER_TLS_VERIFY", "1",
        "DOCKER_CERT_PATH", certs.toString()), home);
    ConfigurationException e = assertThrows(ConfigurationException.class, c::connect);
    assertEquals("TLS files in " + certs + ": found cert.pem but no key.pem; a client certificate needs both",
        e.getMessage());
  }

  @Test
  void unusableTlsFilesAreAConfigurationErrorNamingTheFolder() throws Exception {
    Path certs = home.resolve("certs");
    Files.createDirectories(certs);
    Files.writeString(certs.resolve("ca.pem"), "not a certificate\n");
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "tcp://192.0.2.10:2376", "DOCKER_TLS_VERIFY", "1",
        "DOCKER_CERT_PATH", certs.toString()), home);
    ConfigurationException e = assertThrows(ConfigurationException.class, c::connect);
    assertTrue(e.getMessage().startsWith("TLS files in " + certs + " cannot be used: "), e.getMessage());
    assertTrue(e.getMessage().contains("ca.pem"), e.getMessage());
  }

  @Test
  void plainTcpHostHasNoTls() {
    EngineConfig c = Engines.resolve(env("DOCKER_HOST", "tcp://127.0.0.1:2375"), home);
    assertTrue(c.tls().isEmpty());
    assertTrue(c.describe().contains("tls:         none"), c.describe());
  }

  @Test
  void certPathNamingAMissingDirectoryFailsAtConfigurationTime() {
    String missing = home.resolve("no-such-certs").toString();
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> Engines.resolve(env(
        "DOCKER_HOST", "tcp://127.0.0.1:2376", "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", missing), home));
    assertTrue(e.getMessage().contains("DOCKER_CERT_PATH"), e.getMessage());
    assertTrue(e.getMessage().contains(missing), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }
}
