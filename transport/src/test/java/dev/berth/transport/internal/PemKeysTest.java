package dev.berth.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.tlstest.OpenSsl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Private keys in every PEM form openssl writes, generated at test time. Each decoded key must
 * sign data that the public key (exported by openssl) verifies: the same key, not just a key.
 */
class PemKeysTest {
  private static final char[] PASSWORD = "s3cret-Pässword".toCharArray();
  private static final String PASS = "pass:s3cret-Pässword";

  @TempDir
  static Path dir;
  static OpenSsl ssl;

  @BeforeAll
  static void keys() throws IOException {
    ssl = new OpenSsl(dir);
    ssl.key("rsa.pem", "rsa");
    ssl.run("pkey", "-in", "rsa.pem", "-pubout", "-out", "rsa.pub");
    for (String curve : List.of("P-256", "P-384", "P-521")) {
      ssl.key(curve + ".pem", curve);
      ssl.run("pkey", "-in", curve + ".pem", "-pubout", "-out", curve + ".pub");
    }
    ssl.key("ed25519.pem", "ed25519");
    ssl.run("pkey", "-in", "ed25519.pem", "-pubout", "-out", "ed25519.pub");
  }

  /** name, source key (for its public key), openssl arguments producing {@code <name>}, password */
  static Stream<Arguments> forms() {
    return Stream.of(
        Arguments.of("rsa-pkcs8", "rsa", List.of("pkey", "-in", "rsa.pem"), false),
        Arguments.of("rsa-pkcs1", "rsa", List.of("pkey", "-in", "rsa.pem", "-traditional"), false),
        Arguments.of("rsa-pkcs8-openssl3-default", "rsa", List.of("pkcs8", "-topk8", "-in", "rsa.pem", "-passout", PASS), true),
        Arguments.of("rsa-pkcs8-aes256", "rsa", List.of("pkcs8", "-topk8", "-in", "rsa.pem", "-v2", "aes-256-cbc", "-passout", PASS), true),
        Arguments.of("rsa-pkcs8-aes128-sha1", "rsa", List.of("pkcs8", "-topk8", "-in", "rsa.pem", "-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1", "-passout", PASS), true),
        Arguments.of("rsa-pkcs8-aes192-sha512", "rsa", List.of("pkcs8", "-topk8", "-in", "rsa.pem", "-v2", "aes-192-cbc", "-v2prf", "hmacWithSHA512", "-passout", PASS), true),
        Arguments.of("rsa-pkcs8-des3", "rsa", List.of("pkcs8", "-topk8", "-in", "rsa.pem", "-v2", "des3", "-passout", PASS), true),
        Arguments.of("rsa-legacy-aes128", "rsa", List.of("rsa", "-in", "rsa.pem", "-traditional", "-aes128", "-passout", PASS), true),
        Arguments.of("rsa-legacy-aes192", "rsa", List.of("rsa", "-in", "rsa.pem", "-traditional", "-aes192", "-passout", PASS), true),
        Arguments.of("rsa-legacy-aes256", "rsa", List.of("rsa", "-in", "rsa.pem", "-traditional", "-aes256", "-passout", PASS), true),
        Arguments.of("rsa-legacy-des3", "rsa", List.of("rsa", "-in", "rsa.pem", "-traditional", "-des3", "-passout", PASS), true),
        Arguments.of("rsa-legacy-des", "rsa", List.of("pkey", "-provider", "legacy", "-provider", "default", "-in", "rsa.pem", "-traditional", "-des", "-passout", PASS), true),
        Arguments.of("p256-pkcs8", "P-256", List.of("pkey", "-in", "P-256.pem"), false),
        Arguments.of("p256-sec1", "P-256", List.of("pkey", "-in", "P-256.pem", "-traditional"), false),
        Arguments.of("p384-sec1", "P-384", List.of("pkey", "-in", "P-384.pem", "-traditional"), false),
        Arguments.of("p521-sec1", "P-521", List.of("pkey", "-in", "P-521.pem", "-traditional"), false),
        Arguments.of("p384-sec1-legacy-aes256", "P-384", List.of("ec", "-in", "P-384.pem", "-aes256", "-passout", PASS), true),
        Arguments.of("p256-pkcs8-aes256", "P-256", List.of("pkcs8", "-topk8", "-in", "P-256.pem", "-v2", "aes-256-cbc", "-passout", PASS), true),
        Arguments.of("ed25519-pkcs8", "ed25519", List.of("pkey", "-in", "ed25519.pem"), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void everyFormDecodesToTheSameKey(String name, String source, List<String> args, boolean encrypted)
      throws Exception {
    Path file = dir.resolve(name + ".key");
    String[] cmd = Stream.concat(args.stream(), Stream.of("-out", file.toString())).toArray(String[]::new);
    ssl.run(cmd);
    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
    if (name.contains("legacy")) {
      assertTrue(text.contains("Proc-Type: 4,ENCRYPTED"), "openssl wrote the legacy form: " + text.lines().limit(3).toList());
    } else if (encrypted) {
      assertTrue(text.contains("BEGIN ENCRYPTED PRIVATE KEY"));
    } else if (name.contains("pkcs1")) {
      assertTrue(text.contains("BEGIN RSA PRIVATE KEY"));
    } else if (name.contains("sec1")) {
      assertTrue(text.contains("BEGIN EC PRIVATE KEY"));
    }
    PrivateKey key = PemKeys.read(file, encrypted ? PASSWORD.clone() : null);
    assertSamePair(key, dir.resolve(source + ".pub"));
  }

  @Test
  void sec1WithEcParametersBlockFromEcparamGenkey() throws Exception {
    ssl.run("ecparam", "-name", "secp384r1", "-genkey", "-out", "ecparam.key");
    assertTrue(Files.readString(dir.resolve("ecparam.key")).contains("BEGIN EC PARAMETERS"));
    ssl.run("pkey", "-in", "ecparam.key", "-pubout", "-out", "ecparam.pub");
    assertSamePair(PemKeys.read(dir.resolve("ecparam.key"), null), dir.resolve("ecparam.pub"));
  }

  @Test
  void sec1WithoutCurveInsideTakesItFromTheEcParametersBlock() throws Exception {
    // openssl always writes the curve into the key; strip it as some tools do
    byte[] sec1 = stripCurve(onlyBlock(dir.resolve("P-256.pem"), "P-256", "-traditional"));
    String params = pem("EC PARAMETERS", Der.oid("1.2.840.10045.3.1.7"));
    Path withParams = Files.writeString(dir.resolve("nocurve-params.key"), params + pem("EC PRIVATE KEY", sec1));
    assertSamePair(PemKeys.read(withParams, null), dir.resolve("P-256.pub"));

    Path without = Files.writeString(dir.resolve("nocurve.key"), pem("EC PRIVATE KEY", sec1));
    IOException e = assertThrows(IOException.class, () -> PemKeys.read(without, null));
    assertTrue(e.getMessage().contains("does not name its curve") && e.getMessage().contains(without.toString()),
        e.getMessage());
  }

  @Test
  void wrongPasswordSaysSoAndNeverShowsThePassword() throws Exception {
    ssl.run("pkcs8", "-topk8", "-in", "rsa.pem", "-v2", "aes-256-cbc", "-passout", PASS, "-out", "wrong1.key");
    ssl.run("rsa", "-in", "rsa.pem", "-traditional", "-aes256", "-passout", PASS, "-out", "wrong2.key");
    ssl.run("rsa", "-in", "rsa.pem", "-traditional", "-des3", "-passout", PASS, "-out", "wrong3.key");
    ssl.run("pkcs8", "-topk8", "-in", "rsa.pem", "-v1", "PBE-SHA1-3DES", "-passout", "pass:ascii", "-out", "wrong4.key");
    for (String f : List.of("wrong1.key", "wrong2.key", "wrong3.key", "wrong4.key")) {
      Path file = dir.resolve(f);
      for (String guess : List.of("nope", "s3cret-Passsword", "")) {
        IOException e = assertThrows(IOException.class, () -> PemKeys.read(file, guess.toCharArray()), f);
        assertEquals("cannot decrypt the private key in " + file + ": wrong password?", e.getMessage());
        assertFalse(!guess.isEmpty() && e.getMessage().contains(guess));
      }
    }
  }

  @Test
  void encryptedKeyWithoutPasswordAsksForOne() throws Exception {
    ssl.run("pkcs8", "-topk8", "-in", "rsa.pem", "-passout", PASS, "-out", "nopw1.key");
    ssl.run("rsa", "-in", "rsa.pem", "-traditional", "-aes256", "-passout", PASS, "-out", "nopw2.key");
    for (String f : List.of("nopw1.key", "nopw2.key")) {
      Path file = dir.resolve(f);
      IOException e = assertThrows(IOException.class, () -> PemKeys.read(file, null));
      assertTrue(e.getMessage().contains("is encrypted") && e.getMessage().contains("no password")
          && e.getMessage().contains(file.toString()), e.getMessage());
    }
  }

  @Test
  void pkcs12SchemeDecodesThroughTheJdkWithAnAsciiPassword() throws Exception {
    ssl.run("pkcs8", "-topk8", "-in", "rsa.pem", "-v1", "PBE-SHA1-3DES", "-passout", "pass:ascii-only", "-out", "p12.key");
    assertSamePair(PemKeys.read(dir.resolve("p12.key"), "ascii-only".toCharArray()), dir.resolve("rsa.pub"));
    IOException e = assertThrows(IOException.class, () -> PemKeys.read(dir.resolve("p12.key"), PASSWORD.clone()));
    assertTrue(e.getMessage().contains("only ASCII passwords"), e.getMessage());
  }

  @Test
  void scryptIsRefusedByName() throws Exception {
    ssl.run("pkcs8", "-topk8", "-in", "rsa.pem", "-scrypt", "-passout", PASS, "-out", "scrypt.key");
    IOException e = assertThrows(IOException.class, () -> PemKeys.read(dir.resolve("scrypt.key"), PASSWORD.clone()));
    assertTrue(e.getMessage().contains("scrypt"), e.getMessage());
  }

  @Test
  void passwordForAnUnencryptedKeyIsIgnored() throws Exception {
    assertSamePair(PemKeys.read(dir.resolve("rsa.pem"), PASSWORD.clone()), dir.resolve("rsa.pub"));
  }

  @Test
  void fileWithoutKeyNamesWhatItFound() throws Exception {
    ssl.run("req", "-x509", "-new", "-key", "rsa.pem", "-subj", "/CN=x", "-days", "1", "-out", "only-cert.pem");
    IOException e = assertThrows(IOException.class, () -> PemKeys.read(dir.resolve("only-cert.pem"), null));
    assertTrue(e.getMessage().contains("holds no private key") && e.getMessage().contains("CERTIFICATE"), e.getMessage());
  }

  @Test
  void keyNextToCertificateInOneFileIsFound() throws Exception {
    ssl.run("req", "-x509", "-new", "-key", "rsa.pem", "-subj", "/CN=x", "-days", "1", "-out", "c.pem");
    Path both = Files.writeString(dir.resolve("both.pem"), "Bag Attributes: from a pkcs12 export\n"
        + Files.readString(dir.resolve("c.pem")) + Files.readString(dir.resolve("rsa.pem")));
    assertSamePair(PemKeys.read(both, null), dir.resolve("rsa.pub"));
  }

  @Test
  void twoKeysAreRefused() throws Exception {
    Path two = Files.writeString(dir.resolve("two.pem"),
        Files.readString(dir.resolve("rsa.pem")) + Files.readString(dir.resolve("P-256.pem")));
    IOException e = assertThrows(IOException.class, () -> PemKeys.read(two, null));
    assertTrue(e.getMessage().contains("2 private keys"), e.getMessage());
  }

  @Test
  void malformedFilesGiveClearMessages() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    assertTrue(assertThrows(IOException.class, () -> PemKeys.read(empty, null)).getMessage().contains("no PEM blocks"));

    String good = Files.readString(dir.resolve("rsa.pem"));
    Path truncated = Files.writeString(dir.resolve("truncated.pem"), good.substring(0, good.indexOf("-----END")));
    assertTrue(assertThrows(IOException.class, () -> PemKeys.read(truncated, null)).getMessage().contains("no '-----END"));

    Path badBase64 = Files.writeString(dir.resolve("bad64.pem"), "-----BEGIN PRIVATE KEY-----\n@@@@\n-----END PRIVATE KEY-----\n");
    assertTrue(assertThrows(IOException.class, () -> PemKeys.read(badBase64, null)).getMessage().contains("base64"));

    Path garbage = Files.writeString(dir.resolve("garbage.pem"), pem("PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}));
    IOException g = assertThrows(IOException.class, () -> PemKeys.read(garbage, null));
    assertTrue(g.getMessage().contains("malformed") && g.getMessage().contains(garbage.toString()), g.getMessage());

    Path ssh = Files.writeString(dir.resolve("id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n");
    assertTrue(assertThrows(IOException.class, () -> PemKeys.read(ssh, null)).getMessage().contains("OpenSSH"));

    IOException missing = assertThrows(IOException.class, () -> PemKeys.read(dir.resolve("nope.pem"), null));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
  }

  @Test
  void evpBytesToKeyMatchesOpenSsl() throws Exception {
    // openssl enc -P prints the key and IV EVP_BytesToKey(MD5, 1 iteration) derives
    String out = ssl.run("enc", "-aes-256-cbc", "-md", "md5", "-pass", "pass:abc", "-S", "0102030405060708", "-P");
    String keyHex = out.lines().filter(l -> l.startsWith("key=")).findFirst().orElseThrow().substring(4).trim();
    byte[] key = PemKeys.evpBytesToKey("abc".getBytes(StandardCharsets.UTF_8),
        new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 32);
    assertEquals(keyHex, java.util.HexFormat.of().withUpperCase().formatHex(key));
  }

  // ------------------------------------------------------------------ helpers

  private static void assertSamePair(PrivateKey key, Path publicPem) throws Exception {
    String alg = key.getAlgorithm();
    byte[] pub = Pem.read(publicPem).get(0).der;
    PublicKey publicKey = KeyFactory.getInstance(alg.startsWith("Ed") ? "EdDSA" : alg)
        .generatePublic(new X509EncodedKeySpec(pub));
    String sigAlg = switch (alg) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> "EdDSA";
    };
    byte[] data = "berth".getBytes(StandardCharsets.US_ASCII);
    Signature s = Signature.getInstance(sigAlg);
    s.initSign(key);
    s.update(data);
    byte[] sig = s.sign();
    Signature v = Signature.getInstance(sigAlg);
    v.initVerify(publicKey);
    v.update(data);
    assertTrue(v.verify(sig), "the decoded private key belongs to " + publicPem.getFileName());
  }

  private static byte[] onlyBlock(Path source, String name, String... pkeyArgs) throws IOException {
    Path out = dir.resolve(name + "-only.key");
    String[] cmd = Stream.concat(Stream.of("pkey", "-in", source.toString()), Stream.concat(Stream.of(pkeyArgs),
        Stream.of("-out", out.toString()))).toArray(String[]::new);
    ssl.run(cmd);
    List<Pem.Block> blocks = Pem.read(out);
    assertEquals(1, blocks.size());
    return blocks.get(0).der;
  }

  /** The SEC1 key without its [0] curve parameters (keeping version, key and [1] public key). */
  private static byte[] stripCurve(byte[] sec1) throws Exception {
    Der.Reader r = Der.Reader.single(sec1, "sec1").contents();
    byte[] version = Der.integer(r.next("v").smallInt("v"));
    byte[] priv = Der.octetString(r.next("k").octets("k"));
    byte[] rest = new byte[0];
    while (r.hasMore()) {
      Der.Value v = r.next("opt");
      if (v.isContext(1)) {
        rest = Der.tlv(v.tag, v.content());
      }
    }
    return Der.sequence(version, priv, rest);
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  @Test
  void derRoundTripsOids() throws Exception {
    for (String oid : List.of("1.2.840.113549.1.1.1", "1.3.101.112", "2.16.840.1.101.3.4.1.42", "1.3.6.1.4.1.11591.4.11")) {
      byte[] der = Der.oid(oid);
      assertEquals(oid, Der.Reader.single(der, "oid").oid("oid"));
    }
    assertInstanceOf(Der.DerException.class, assertThrows(Der.DerException.class,
        () -> Der.Reader.single(new byte[] {0x30, (byte) 0x80, 0, 0}, "indefinite")));
  }
}
