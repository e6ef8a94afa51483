package dev.berth.tlstest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the openssl command line in a directory: test keys and certificates are made at test time,
 * never committed. openssl is on every machine the suite runs on (Debian 12); its absence fails
 * the test with a message saying so.
 */
public final class OpenSsl {
  private final Path dir;

  public OpenSsl(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Runs {@code openssl args...} in the directory; fails with its output when it fails. */
  public String run(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add("openssl");
    cmd.addAll(Arrays.asList(args));
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("the TLS tests need the openssl command line (apt-get install openssl): " + e.getMessage(), e);
    }
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("openssl " + String.join(" ", args) + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException("openssl " + String.join(" ", args) + " failed (" + p.exitValue() + "): " + out);
    }
    return out;
  }

  /** A key: {@code rsa} (2048 bits) or an EC curve name such as {@code P-256}; PKCS#8 PEM. */
  public Path key(String name, String type) throws IOException {
    if (type.equals("rsa")) {
      run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", name);
    } else if (type.equals("ed25519")) {
      run("genpkey", "-algorithm", "ED25519", "-out", name);
    } else {
      run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + type, "-out", name);
    }
    return dir.resolve(name);
  }

  /** A self-signed CA certificate {@code <name>.pem} with key {@code <name>-key.pem}. */
  public Path ca(String name, String cn) throws IOException {
    key(name + "-key.pem", "P-256");
    run("req", "-x509", "-new", "-key", name + "-key.pem", "-sha256", "-days", "30", "-subj", "/CN=" + cn,
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        "-out", name + ".pem");
    return dir.resolve(name + ".pem");
  }

  /**
   * A certificate {@code <name>.pem} for the existing key {@code keyFile}, signed by the CA
   * {@code ca}.pem/{@code ca}-key.pem, with the given extension lines (e.g.
   * {@code extendedKeyUsage=clientAuth}).
   */
  public Path sign(String name, String keyFile, String cn, String caCert, String caKey, String... ext)
      throws IOException {
    Files.write(dir.resolve(name + ".ext"), List.of(ext));
    run("req", "-new", "-key", keyFile, "-subj", "/CN=" + cn, "-out", name + ".csr");
    run("x509", "-req", "-in", name + ".csr", "-CA", caCert, "-CAkey", caKey, "-set_serial",
        String.valueOf(System.nanoTime()), "-days", "30", "-sha256", "-extfile", name + ".ext", "-out", name + ".pem");
    return dir.resolve(name + ".pem");
  }

  /** Server certificate for 127.0.0.1 and localhost, signed by CA {@code ca}. */
  public Path serverCert(String name, String ca) throws IOException {
    key(name + "-key.pem", "P-256");
    return sign(name, name + "-key.pem", "localhost", ca + ".pem", ca + "-key.pem",
        "basicConstraints=CA:FALSE", "keyUsage=critical,digitalSignature", "extendedKeyUsage=serverAuth",
        "subjectAltName=IP:127.0.0.1,DNS:localhost");
  }

  /** Client certificate {@code <name>.pem} with key {@code <name>-key.pem} of {@code keyType}. */
  public Path clientCert(String name, String keyType, String ca) throws IOException {
    key(name + "-key.pem", keyType);
    return sign(name, name + "-key.pem", name, ca + ".pem", ca + "-key.pem",
        "basicConstraints=CA:FALSE", "keyUsage=critical,digitalSignature", "extendedKeyUsage=clientAuth");
  }
}
