package dev.berth.config;

import static dev.berth.config.Fixtures.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.EngineException;
import dev.berth.client.TransportException;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngines;
import dev.berth.transport.Dialers;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.TlsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery over mutual TLS against the real engine's {@code --tlsverify} listener, which
 * {@code scripts/engine-up} serves on 127.0.0.1:2376 with certificates it generates.
 */
@EngineTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsEngineTest {
  @TempDir Path home;

  static String tlsHost;
  static Path rigCerts;

  @BeforeAll
  static void rig() {
    tlsHost = TestEngines.dockerTls();
    rigCerts = TestEngines.dockerCertPath();
  }

  private static void assertAnswers(EngineClient client) {
    assertNotNull(client.ping().apiVersion());
  }

  /** Copies some of the rig's client files into {@code dir}. */
  private static Path copy(Path dir, String... names) throws Exception {
    Files.createDirectories(dir);
    for (String n : names) {
      Files.copy(rigCerts.resolve(n), dir.resolve(n));
    }
    return dir;
  }

  @Test
  void environmentWithTlsVerifyAndCertPathConnects() {
    Map<String, String> env = env("DOCKER_HOST", tlsHost, "DOCKER_TLS_VERIFY", "1",
        "DOCKER_CERT_PATH", rigCerts.toString());
    try (EngineClient client = Engines.connect(env, home)) {
      assertAnswers(client);
    }
  }

  @Test
  void certPathDefaultsToTheConfigFolder() throws Exception {
    copy(home.resolve(".docker"), "ca.pem", "cert.pem", "key.pem");
    try (EngineClient client = Engines.connect(env("DOCKER_HOST", tlsHost, "DOCKER_TLS_VERIFY", "1"), home)) {
      assertAnswers(client);
    }
  }

  @Test
  void contextWithTlsFilesConnects() throws Exception {
    Path config = home.resolve(".docker");
    Fixtures.context(config, "remote-tls", tlsHost, false);
    copy(Fixtures.contextTls(config, "remote-tls"), "ca.pem", "cert.pem", "key.pem");
    Fixtures.write(config.resolve("config.json"), "{\"currentContext\":\"remote-tls\"}");
    try (EngineClient client = Engines.connect(env(), home)) {
      assertAnswers(client);
    }
  }

  @Test
  void contextSkippingVerificationStillSendsItsClientCertificate() throws Exception {
    // no ca.pem: the rig's CA is not trusted, so only skipping verification can connect
    Path config = home.resolve(".docker");
    Fixtures.context(config, "lax", tlsHost, true);
    copy(Fixtures.contextTls(config, "lax"), "cert.pem", "key.pem");
    try (EngineClient client = Engines.connect(env("DOCKER_CONTEXT", "lax"), home)) {
      assertAnswers(client);
    }
  }

  @Test
  void readmeBuilderFormConnects() throws Exception {
    Path certs = rigCerts;
    Endpoint ep = Endpoint.parse(tlsHost);
    // as in README.md, "Connecting"
    TlsConfig tls = TlsConfig.builder()
        .caCertificates(certs.resolve("ca.pem"))
        .clientCertificate(certs.resolve("cert.pem"), certs.resolve("key.pem"))
        .build();
    try (EngineClient client = EngineClient.builder(Http1Doer.of(Dialers.tls(ep.host(), ep.port(), tls)))
        .ownsDoer(true).build()) {
      assertAnswers(client);
    }
  }

  @Test
  void withoutTheCaTheEngineIsNotTrusted() throws Exception {
    Path certs = copy(home.resolve("certs"), "cert.pem", "key.pem");
    try (EngineClient client = Engines.connect(env("DOCKER_HOST", tlsHost, "DOCKER_TLS_VERIFY", "1",
        "DOCKER_CERT_PATH", certs.toString()), home)) {
      TransportException e = assertThrows(TransportException.class, client::ping);
      assertTrue(e.getMessage().contains(Endpoint.parse(tlsHost).toString()), e.getMessage());
      assertTrue(e.getMessage().contains("not trusted"), e.getMessage()); // JDK roots, not the rig's CA
    }
  }

  @Test
  void withoutAClientCertificateTheEngineRefuses() throws Exception {
    Path certs = copy(home.resolve("certs"), "ca.pem");
    try (EngineClient client = Engines.connect(env("DOCKER_HOST", tlsHost, "DOCKER_TLS_VERIFY", "1",
        "DOCKER_CERT_PATH", certs.toString()), home)) {
      TransportException e = assertThrows(TransportException.class, client::ping);
      assertTrue(e.getMessage().contains("client certificate"), e.getMessage());
    }
  }

  @Test
  void certPathWithoutTlsVerifyTalksPlainHttpLikeTheDockerCli() {
    EngineConfig config = Engines.resolve(env("DOCKER_HOST", tlsHost, "DOCKER_CERT_PATH", rigCerts.toString()), home);
    assertTrue(config.describe().contains("DOCKER_CERT_PATH is set but ignored"), config.describe());
    try (EngineClient client = config.connect()) {
      // the engine's TLS listener answers plain HTTP with 400 "Client sent an HTTP request to an HTTPS server"
      EngineException e = assertThrows(EngineException.class, client::ping);
      assertEquals(400, e.status());
    }
  }

  @Test
  void plainHttpToTheTlsPortSaysToUseTls() {
    // the rig's real --tlsverify listener, spoken to in plain HTTP
    try (EngineClient client = EngineClient.connect(tlsHost)) {
      dev.berth.client.InvalidRequestException e =
          assertThrows(dev.berth.client.InvalidRequestException.class, client::ping);
      assertEquals(400, e.status());
      assertTrue(e.getMessage().contains("Client sent an HTTP request to an HTTPS server"), e.getMessage());
      assertTrue(e.getMessage().contains("DOCKER_TLS_VERIFY"), e.getMessage());
    }
  }
}
