package dev.berth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.TransportException;
import dev.berth.tlstest.OpenSsl;
import dev.berth.transport.Dialer;
import dev.berth.transport.Dialers;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.transport.TlsConfig;
import dev.berth.types.system.Ping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mutual TLS against the real dockerd on 127.0.0.1:2376 ({@code --tlsverify}, certificates from
 * scripts/engine-up): what works, and that each way of getting it wrong ends in a
 * {@link TransportException} whose message names the cause, promptly. Extra keys and certificates
 * are made with openssl in a temporary directory; EC client certificates the engine accepts are
 * signed with the rig's CA key ({@link TestEngines#dockerTlsCaKey()}).
 */
@EngineTest
class TlsEngineTest {
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir
  static Path dir;
  static OpenSsl ssl;
  static Path certPath;
  static Path ca;
  static Path cert;
  static Path key;
  static String host;
  static int port;

  @BeforeAll
  static void material() throws IOException {
    certPath = TestEngines.dockerCertPath();
    ca = certPath.resolve("ca.pem");
    cert = certPath.resolve("cert.pem");
    key = certPath.resolve("key.pem");
    if (!Files.isReadable(key)) {
      throw new AssertionError("no TLS material in " + certPath + ": start the engine with scripts/engine-up");
    }
    Endpoint e = Endpoint.parse(TestEngines.dockerTls());
    host = e.host();
    port = e.port();
    ssl = new OpenSsl(dir);
    // a CA the engine does not know, a client certificate from it
    ssl.ca("other-ca", "berth other CA");
    ssl.clientCert("stranger", "P-256", "other-ca");
  }

  private static EngineClient client(Dialer dialer) {
    return EngineClient.builder(Http1Doer.builder(dialer).connectTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(20)).build()).build();
  }

  /** Pings through a client that owns its doer; returns the engine's API version. */
  private static String ping(TlsConfig tls) {
    Http1Doer doer = Http1Doer.builder(Dialers.tls(host, port, tls)).connectTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(20)).build();
    try (doer; EngineClient client = EngineClient.builder(doer).build()) {
      Ping p = client.ping();
      assertNotNull(p.apiVersion());
      return p.apiVersion();
    }
  }

  /** The TransportException a ping fails with; it must come quickly (no hang). */
  private static TransportException pingFails(Dialer dialer) {
    long t0 = System.nanoTime();
    Http1Doer doer = Http1Doer.builder(dialer).connectTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(20)).build();
    TransportException e;
    try (doer; EngineClient client = EngineClient.builder(doer).build()) {
      e = assertThrows(TransportException.class, client::ping);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 5000, "failed after " + ms + " ms");
    assertSame(TransportException.class, e.getClass(), "a plain TransportException, not a timeout: " + e);
    assertTrue(e.getCause() instanceof javax.net.ssl.SSLException, "the TLS failure is the cause: " + e.getCause());
    System.out.println("message: " + e.getMessage()); // kept in the surefire output for reading
    return e;
  }

  @Test
  void pingVersionAndContainerListOverMutualTls() throws IOException {
    TlsConfig tls = TlsConfig.fromCertPath(certPath, true);
    try (Http1Doer doer = Http1Doer.of(Endpoint.parse(TestEngines.dockerTls()).dialer(tls));
        EngineClient client = EngineClient.builder(doer).build()) {
      assertNotNull(client.ping().apiVersion());
      Map<?, ?> version = client.call(Request.get("/version").build(), Map.class);
      assertNotNull(version.get("ApiVersion"));
      List<?> containers = client.callList(Request.get("/containers/json").query("all", 1).build(), Map.class);
      assertNotNull(containers);
    }
  }

  @Test
  void noClientCertificateIsAClearTransportException() throws IOException {
    TransportException e = pingFails(Dialers.tls(host, port, TlsConfig.builder().caCertificates(ca).build()));
    assertTrue(e.getMessage().contains("requires a client certificate, and none is configured"), e.getMessage());
    assertTrue(e.getMessage().contains("CN=berth test CA"), "names the CA the engine accepts: " + e.getMessage());
    assertTrue(e.getMessage().contains("tcp://127.0.0.1:2376"), e.getMessage());
  }

  @Test
  void clientCertificateFromAnotherCaIsRefusedByName() throws IOException {
    TlsConfig tls = TlsConfig.builder().caCertificates(ca)
        .clientCertificate(dir.resolve("stranger.pem"), dir.resolve("stranger-key.pem")).build();
    TransportException e = pingFails(Dialers.tls(host, port, tls));
    assertTrue(e.getMessage().contains("refused the client certificate CN=stranger"), e.getMessage());
    assertTrue(e.getMessage().contains("issued by CN=berth other CA, and the engine accepts certificates issued by"
        + " CN=berth test CA"), e.getMessage());
  }

  @Test
  void serverNameMismatchIsNamed() throws IOException {
    TlsConfig tls = TlsConfig.builder().caCertificates(ca).clientCertificate(cert, key).serverName("wrong.example")
        .build();
    TransportException e = pingFails(Dialers.tls(host, port, tls));
    assertTrue(e.getMessage().contains("certificate of tcp://127.0.0.1:2376 does not match host name wrong.example"
        + " (it is for IP:127.0.0.1, DNS:localhost)"), e.getMessage());
  }

  @Test
  void serverNameThatTheCertificateNamesWorks() throws IOException {
    assertNotNull(ping(TlsConfig.builder().caCertificates(ca).clientCertificate(cert, key).serverName("localhost")
        .build()));
  }

  @Test
  void engineCertificateFromAnUnknownCaIsNotTrusted() throws IOException {
    TlsConfig tls = TlsConfig.builder().caCertificates(dir.resolve("other-ca.pem")).clientCertificate(cert, key)
        .build();
    TransportException e = pingFails(Dialers.tls(host, port, tls));
    assertTrue(e.getMessage().contains("certificate of tcp://127.0.0.1:2376 is not trusted: it is issued by"
        + " CN=berth test CA, which is not a trusted CA (trusting the CA certificates in "), e.getMessage());
  }

  @Test
  void httpsWithoutSettingsUsesTheJdkTrustStore() {
    TransportException e = pingFails(Endpoint.parse("https://127.0.0.1:" + port).dialer());
    assertTrue(e.getMessage().contains("certificate of https://127.0.0.1:2376 is not trusted")
        && e.getMessage().contains("the JDK's default trust store"), e.getMessage());
  }

  @Test
  void insecureSkipVerifyWorksWithoutCaAndDespiteAWrongName() throws IOException {
    assertNotNull(ping(TlsConfig.builder().insecureSkipVerify().clientCertificate(cert, key).build()));
    assertNotNull(ping(TlsConfig.builder().insecureSkipVerify().clientCertificate(cert, key)
        .serverName("wrong.example").build()));
    assertNotNull(ping(TlsConfig.fromCertPath(certPath, false)));
  }

  @Test
  void tlsToThePlainTcpPortSaysItIsNotTls() throws IOException {
    Endpoint plain = Endpoint.parse(TestEngines.dockerTcp());
    TransportException e = pingFails(Dialers.tls(plain.host(), plain.port(), TlsConfig.fromCertPath(certPath, true)));
    assertTrue(e.getMessage().contains("did not answer in TLS"), e.getMessage());
  }

  /** The rig's RSA client key rewritten by openssl in each form; the engine must accept them all. */
  static Stream<Arguments> keyForms() {
    String pass = "pass:" + PASSWORD;
    return Stream.of(
        Arguments.of("PKCS#8", List.of("pkey"), false),
        Arguments.of("PKCS#1", List.of("pkey", "-traditional"), false),
        Arguments.of("encrypted PKCS#8 (PBES2, AES-256-CBC)", List.of("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout", pass), true),
        Arguments.of("encrypted PKCS#8 (openssl 3 default)", List.of("pkcs8", "-topk8", "-passout", pass), true),
        Arguments.of("legacy encrypted PEM AES-256-CBC", List.of("rsa", "-traditional", "-aes256", "-passout", pass), true),
        Arguments.of("legacy encrypted PEM AES-128-CBC", List.of("rsa", "-traditional", "-aes128", "-passout", pass), true),
        Arguments.of("legacy encrypted PEM DES-EDE3-CBC", List.of("rsa", "-traditional", "-des3", "-passout", pass), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyForms")
  void everyKeyFormWorksForMutualTls(String form, List<String> args, boolean encrypted) throws IOException {
    Path out = dir.resolve("client-" + Math.abs(form.hashCode()) + ".key");
    String[] cmd = Stream.concat(args.stream(), Stream.of("-in", key.toString(), "-out", out.toString()))
        .toArray(String[]::new);
    ssl.run(cmd);
    TlsConfig.Builder b = TlsConfig.builder().caCertificates(ca);
    if (encrypted) {
      b.clientCertificate(cert, out, PASSWORD.toCharArray());
    } else {
      b.clientCertificate(cert, out);
    }
    assertNotNull(ping(b.build()));
  }

  @Test
  void wrongPasswordFailsAtBuildNamingTheFile() throws IOException {
    ssl.run("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-passout", "pass:" + PASSWORD, "-in", key.toString(),
        "-out", "enc.key");
    ssl.run("rsa", "-traditional", "-des3", "-passout", "pass:" + PASSWORD, "-in", key.toString(), "-out", "enc-legacy.key");
    for (String f : List.of("enc.key", "enc-legacy.key")) {
      Path k = dir.resolve(f);
      IOException e = assertThrows(IOException.class,
          () -> TlsConfig.builder().caCertificates(ca).clientCertificate(cert, k, "battery horse".toCharArray()).build());
      assertEquals("cannot decrypt the private key in " + k + ": wrong password?", e.getMessage());
    }
  }

  /** EC client certificates signed by the rig's CA: SEC1 keys with and without the EC PARAMETERS block. */
  static Stream<Arguments> ecKeys() {
    return Stream.of(
        Arguments.of("P-256 SEC1 with EC PARAMETERS (openssl ecparam -genkey)", "prime256v1", true),
        Arguments.of("P-384 SEC1 without EC PARAMETERS", "secp384r1", false),
        Arguments.of("P-256 PKCS#8", "prime256v1", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ecKeys")
  void ecClientCertificatesWork(String name, String curve, Boolean sec1WithParams) throws IOException {
    Path caKey = TestEngines.dockerTlsCaKey();
    if (!Files.isReadable(caKey)) {
      throw new AssertionError("the rig's CA key " + caKey + " is not readable: scripts/engine-up makes it");
    }
    String base = "ec-" + curve + "-" + sec1WithParams;
    ssl.run("ecparam", "-name", curve, "-genkey", "-out", base + ".gen");
    if (Boolean.TRUE.equals(sec1WithParams)) {
      Files.copy(dir.resolve(base + ".gen"), dir.resolve(base + ".key"));
    } else if (Boolean.FALSE.equals(sec1WithParams)) {
      ssl.run("pkey", "-in", base + ".gen", "-traditional", "-out", base + ".key");
    } else {
      ssl.run("pkey", "-in", base + ".gen", "-out", base + ".key");
    }
    String keyText = Files.readString(dir.resolve(base + ".key"));
    assertEquals(Boolean.TRUE.equals(sec1WithParams), keyText.contains("BEGIN EC PARAMETERS"));
    assertEquals(sec1WithParams != null, keyText.contains("BEGIN EC PRIVATE KEY"));
    ssl.sign(base, base + ".key", base, ca.toString(), caKey.toString(),
        "basicConstraints=CA:FALSE", "keyUsage=critical,digitalSignature", "extendedKeyUsage=clientAuth");
    assertNotNull(ping(TlsConfig.builder().caCertificates(ca)
        .clientCertificate(dir.resolve(base + ".pem"), dir.resolve(base + ".key")).build()));
  }
}
