package dev.berth.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.tlstest.OpenSsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building TLS settings: files read and checked at build time, clear messages, no secrets shown. */
class TlsConfigTest {
  @TempDir
  static Path dir;
  static OpenSsl ssl;
  static Path certDir; // DOCKER_CERT_PATH layout

  @BeforeAll
  static void pki() throws IOException {
    ssl = new OpenSsl(dir);
    ssl.ca("ca", "config test CA");
    ssl.clientCert("client", "rsa", "ca");
    ssl.clientCert("other", "P-256", "ca");
    ssl.run("pkcs8", "-topk8", "-in", "client-key.pem", "-v2", "aes-256-cbc", "-passout", "pass:hunter2hunter2",
        "-out", "client-key-enc.pem");
    certDir = Files.createDirectory(dir.resolve("certs"));
    Files.copy(dir.resolve("ca.pem"), certDir.resolve("ca.pem"));
    Files.copy(dir.resolve("client.pem"), certDir.resolve("cert.pem"));
    Files.copy(dir.resolve("client-key.pem"), certDir.resolve("key.pem"));
  }

  private static String message(ThrowingBuild b) {
    IOException e = assertThrows(IOException.class, b::build);
    assertNotNull(e.getMessage());
    return e.getMessage();
  }

  private interface ThrowingBuild {
    void build() throws IOException;
  }

  @Test
  void defaultsVerifyTheServerAgainstTheJdkTrustStore() throws IOException {
    TlsConfig c = TlsConfig.builder().build();
    assertTrue(c.verifiesServer());
    assertTrue(c.toString().contains("JDK's default trust store"), c.toString());
  }

  @Test
  void fromCertPathReadsDockersLayout() throws IOException {
    TlsConfig c = TlsConfig.fromCertPath(certDir, true);
    assertTrue(c.verifiesServer());
    String s = c.toString();
    assertTrue(s.contains("CN=client") && s.contains(certDir.resolve("ca.pem").toString()), s);
  }

  @Test
  void fromCertPathWithoutVerificationIgnoresTheCaFileAsDockerDoes() throws IOException {
    Path d = Files.createDirectory(dir.resolve("noverify"));
    Files.writeString(d.resolve("ca.pem"), "not a certificate");
    Files.copy(dir.resolve("client.pem"), d.resolve("cert.pem"));
    Files.copy(dir.resolve("client-key.pem"), d.resolve("key.pem"));
    TlsConfig c = TlsConfig.fromCertPath(d, false);
    assertFalse(c.verifiesServer());
    assertTrue(c.toString().contains("INSECURE"), c.toString());
  }

  @Test
  void fromCertPathProblemsNameTheDirectoryAndTheFile() throws IOException {
    String m = message(() -> TlsConfig.fromCertPath(dir.resolve("missing"), true));
    assertTrue(m.contains("does not exist") && m.contains("missing"), m);

    Path onlyCert = Files.createDirectory(dir.resolve("onlycert"));
    Files.copy(dir.resolve("client.pem"), onlyCert.resolve("cert.pem"));
    m = message(() -> TlsConfig.fromCertPath(onlyCert, true));
    assertTrue(m.contains("cert.pem but no key.pem"), m);

    Path badCa = Files.createDirectory(dir.resolve("badca"));
    Files.writeString(badCa.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    m = message(() -> TlsConfig.fromCertPath(badCa, true));
    assertTrue(m.contains("malformed") && m.contains(badCa.resolve("ca.pem").toString()), m);
  }

  @Test
  void missingOrWrongFilesAreNamed() {
    String m = message(() -> TlsConfig.builder().caCertificates(dir.resolve("nope.pem")).build());
    assertTrue(m.contains("CA certificate") && m.contains("nope.pem") && m.contains("does not exist"), m);

    m = message(() -> TlsConfig.builder().caCertificates(dir.resolve("client-key.pem")).build());
    assertTrue(m.contains("holds no certificate") && m.contains("swapped"), m);

    m = message(() -> TlsConfig.builder()
        .clientCertificate(dir.resolve("client-key.pem"), dir.resolve("client.pem")).build());
    assertTrue(m.contains("holds no certificate") && m.contains("swapped"), m);
  }

  @Test
  void keyOfAnotherCertificateIsRefused() {
    String m = message(() -> TlsConfig.builder()
        .clientCertificate(dir.resolve("client.pem"), dir.resolve("other-key.pem")).build());
    assertTrue(m.contains("does not belong to the certificate") && m.contains("other-key.pem"), m);

    Path sameType = dir.resolve("client2-key.pem");
    m = message(() -> {
      ssl.key("client2-key.pem", "rsa");
      TlsConfig.builder().clientCertificate(dir.resolve("client.pem"), sameType).build();
    });
    assertTrue(m.contains("does not belong to the certificate"), m);
  }

  @Test
  void encryptedKeyNeedsTheRightPasswordWhichIsNeverShown() throws IOException {
    char[] password = "hunter2hunter2".toCharArray();
    TlsConfig c = TlsConfig.builder()
        .clientCertificate(dir.resolve("client.pem"), dir.resolve("client-key-enc.pem"), password).build();
    assertArrayEquals("hunter2hunter2".toCharArray(), password, "the caller's array is not touched");
    assertFalse(c.toString().contains("hunter2"), c.toString());

    String m = message(() -> TlsConfig.builder()
        .clientCertificate(dir.resolve("client.pem"), dir.resolve("client-key-enc.pem"), "hunter3".toCharArray())
        .build());
    assertTrue(m.equals("cannot decrypt the private key in " + dir.resolve("client-key-enc.pem") + ": wrong password?"), m);

    m = message(() -> TlsConfig.builder()
        .clientCertificate(dir.resolve("client.pem"), dir.resolve("client-key-enc.pem")).build());
    assertTrue(m.contains("is encrypted") && m.contains("no password"), m);
  }

  @Test
  void callersContextCannotBeMadeInsecure() throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, null, null);
    assertThrows(IllegalStateException.class,
        () -> TlsConfig.builder().sslContext(ctx).insecureSkipVerify().build());
    TlsConfig c = TlsConfig.builder().sslContext(ctx).serverName("engine.example").build();
    assertTrue(c.verifiesServer());
    assertTrue(c.toString().contains("given SSLContext") && c.toString().contains("engine.example"), c.toString());
  }

  @Test
  void serverNameMustBeAHostName() {
    assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder().serverName(""));
    assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder().serverName("a b"));
    assertThrows(IllegalArgumentException.class, () -> TlsConfig.builder().serverName("x/y"));
  }

  @Test
  void tlsDialerChecksHostAndPort() throws IOException {
    TlsConfig c = TlsConfig.builder().build();
    assertThrows(IllegalArgumentException.class, () -> Dialers.tls("", 2376, c));
    assertThrows(IllegalArgumentException.class, () -> Dialers.tls("h", 0, c));
    assertThrows(NullPointerException.class, () -> Dialers.tls("h", 2376, null));
    assertTrue(Dialers.tls("::1", 2376, c).toString().equals("tcp://[::1]:2376"));
    assertTrue(Dialers.tls("::1", 2376, c).authority().equals("[::1]:2376"));
  }
}
