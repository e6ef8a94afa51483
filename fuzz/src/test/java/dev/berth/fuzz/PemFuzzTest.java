package dev.berth.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.berth.transport.TlsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PEM and DER readers behind {@link TlsConfig} (certificates, PKCS#1 / PKCS#8 / SEC1 keys,
 * encrypted keys) on arbitrary files, as a user's {@code DOCKER_CERT_PATH} may hold. Allowed
 * outcome: a configuration, or an {@link IOException} naming the file.
 */
class PemFuzzTest {
  private static final Path DIR;

  static {
    try {
      DIR = Files.createTempDirectory("berth-fuzz-pem");
      DIR.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void certificates(FuzzedDataProvider data) throws IOException {
    Path ca = DIR.resolve("ca.pem");
    Path cert = DIR.resolve("cert.pem");
    Path key = DIR.resolve("key.pem");
    Files.write(ca, data.consumeBytes(data.consumeInt(0, 4096)));
    Files.write(cert, data.consumeBytes(data.consumeInt(0, 4096)));
    boolean encrypted = data.consumeBoolean();
    String password = encrypted ? data.consumeString(16) : null;
    Files.write(key, data.consumeRemainingAsBytes());
    try {
      TlsConfig.Builder b = TlsConfig.builder().caCertificates(ca);
      if (encrypted) {
        b.clientCertificate(cert, key, password.toCharArray());
      } else {
        b.clientCertificate(cert, key);
      }
      b.build().toString();
    } catch (IOException expected) {
      // not a certificate or key, or the wrong password: the documented failure
    }
  }
}
