package dev.berth.transport.internal;

import dev.berth.transport.internal.Der.DerException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads a private key from a PEM file in the forms found in the wild: PKCS#8
 * ({@code BEGIN PRIVATE KEY}), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), SEC1
 * ({@code BEGIN EC PRIVATE KEY}, with or without a preceding {@code EC PARAMETERS} block),
 * encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}: PBES2 with PBKDF2 and AES-CBC or
 * 3DES-CBC, decoded here; PBES1 and PKCS#12 schemes through the JDK) and OpenSSL's legacy
 * encrypted PEM ({@code Proc-Type: 4,ENCRYPTED} with {@code DEK-Info} AES-128/192/256-CBC,
 * DES-EDE3-CBC or DES-CBC; key from EVP_BytesToKey with MD5).
 *
 * <p>Messages name the file and what is wrong; never key bytes or the password.
 */
final class PemKeys {
  static final String OID_RSA = "1.2.840.113549.1.1.1";
  static final String OID_RSASSA_PSS = "1.2.840.113549.1.1.10";
  static final String OID_EC = "1.2.840.10045.2.1";
  static final String OID_ED25519 = "1.3.101.112";
  static final String OID_ED448 = "1.3.101.113";
  static final String OID_DSA = "1.2.840.10040.4.1";
  static final String OID_PBES2 = "1.2.840.113549.1.5.13";
  static final String OID_PBKDF2 = "1.2.840.113549.1.5.12";
  static final String OID_SCRYPT = "1.3.6.1.4.1.11591.4.11";

  /** PBKDF2 PRF OIDs to the JDK's SecretKeyFactory names. */
  private static final Map<String, String> PRFS = Map.of(
      "1.2.840.113549.2.7", "PBKDF2WithHmacSHA1",
      "1.2.840.113549.2.8", "PBKDF2WithHmacSHA224",
      "1.2.840.113549.2.9", "PBKDF2WithHmacSHA256",
      "1.2.840.113549.2.10", "PBKDF2WithHmacSHA384",
      "1.2.840.113549.2.11", "PBKDF2WithHmacSHA512");

  /** A symmetric cipher in CBC mode: JCA transformation, key algorithm, key and IV length. */
  private record CbcCipher(String name, String transformation, String keyAlgorithm, int keyLength, int ivLength) {}

  private static final Map<String, CbcCipher> PBES2_CIPHERS = Map.of(
      "2.16.840.1.101.3.4.1.2", new CbcCipher("aes128-CBC", "AES/CBC/PKCS5Padding", "AES", 16, 16),
      "2.16.840.1.101.3.4.1.22", new CbcCipher("aes192-CBC", "AES/CBC/PKCS5Padding", "AES", 24, 16),
      "2.16.840.1.101.3.4.1.42", new CbcCipher("aes256-CBC", "AES/CBC/PKCS5Padding", "AES", 32, 16),
      "1.2.840.113549.3.7", new CbcCipher("des-ede3-cbc", "DESede/CBC/PKCS5Padding", "DESede", 24, 8),
      "1.3.14.3.2.7", new CbcCipher("des-cbc", "DES/CBC/PKCS5Padding", "DES", 8, 8));

  private static final Map<String, CbcCipher> LEGACY_CIPHERS = Map.of(
      "AES-128-CBC", new CbcCipher("AES-128-CBC", "AES/CBC/PKCS5Padding", "AES", 16, 16),
      "AES-192-CBC", new CbcCipher("AES-192-CBC", "AES/CBC/PKCS5Padding", "AES", 24, 16),
      "AES-256-CBC", new CbcCipher("AES-256-CBC", "AES/CBC/PKCS5Padding", "AES", 32, 16),
      "DES-EDE3-CBC", new CbcCipher("DES-EDE3-CBC", "DESede/CBC/PKCS5Padding", "DESede", 24, 8),
      "DES-CBC", new CbcCipher("DES-CBC", "DES/CBC/PKCS5Padding", "DES", 8, 8));

  /** Iteration counts above this are refused rather than spinning for minutes. */
  private static final int MAX_ITERATIONS = 10_000_000;

  private PemKeys() {}

  /** Thrown when the key is fine but the password does not open it. */
  static final class WrongPasswordException extends IOException {
    private static final long serialVersionUID = 1L;

    WrongPasswordException(String message) {
      super(message);
    }
  }

  /**
   * Reads the one private key in {@code file}.
   *
   * @param password for an encrypted key; ignored for an unencrypted one; not kept
   */
  static PrivateKey read(Path file, char[] password) throws IOException {
    return fromBlocks(Pem.read(file), file.toString(), password);
  }

  static PrivateKey fromBlocks(List<Pem.Block> blocks, String file, char[] password) throws IOException {
    List<Pem.Block> keys = new ArrayList<>();
    Pem.Block ecParameters = null;
    for (Pem.Block b : blocks) {
      switch (b.label) {
        case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY" -> keys.add(b);
        case "EC PARAMETERS" -> ecParameters = b;
        case "OPENSSH PRIVATE KEY" -> throw new IOException(file + " holds a key in OpenSSH's own format, which"
            + " TLS cannot use; convert it to PEM (ssh-keygen -p -m PEM -f FILE, or openssl pkey)");
        case "DSA PRIVATE KEY" -> throw new IOException(file + " holds a DSA key, which TLS 1.2/1.3 client"
            + " authentication does not support here; use an RSA or EC key");
        default -> {
          // certificates and other blocks next to the key are fine
        }
      }
    }
    if (keys.isEmpty()) {
      throw new IOException(file + " holds no private key (expected a -----BEGIN PRIVATE KEY----- or"
          + " -----BEGIN RSA/EC/ENCRYPTED PRIVATE KEY----- block; " + Pem.labels(blocks) + ")");
    }
    if (keys.size() > 1) {
      throw new IOException(file + " holds " + keys.size() + " private keys; give a file with exactly one");
    }
    Pem.Block key = keys.get(0);
    byte[] der = key.der;
    boolean decrypted = false;
    String procType = key.headers.get("proc-type");
    if (procType != null && procType.toUpperCase(Locale.ROOT).contains("ENCRYPTED")) {
      der = decryptLegacy(key, file, password);
      decrypted = true;
    } else if (key.label.equals("ENCRYPTED PRIVATE KEY")) {
      der = decryptPkcs8(key.der, file, password);
      decrypted = true;
    }
    try {
      return switch (key.label) {
        case "RSA PRIVATE KEY" -> pkcs8(wrapPkcs1(der, file), file, "PKCS#1 RSA");
        case "EC PRIVATE KEY" -> pkcs8(wrapSec1(der, ecParameters, file), file, "SEC1 EC");
        default -> pkcs8(der, file, "PKCS#8");
      };
    } catch (IOException e) {
      if (decrypted && !(e instanceof UnsupportedKeyException)) {
        // CBC padding happens to check out for about 1 in 256 wrong passwords: the bytes are noise
        throw wrongPassword(file);
      }
      throw e;
    } finally {
      if (decrypted) {
        Arrays.fill(der, (byte) 0);
      }
    }
  }

  /** A well-formed key this code cannot use (unknown algorithm or curve). */
  static final class UnsupportedKeyException extends IOException {
    private static final long serialVersionUID = 1L;

    UnsupportedKeyException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static WrongPasswordException wrongPassword(String file) {
    return new WrongPasswordException("cannot decrypt the private key in " + file + ": wrong password?");
  }

  private static IOException needsPassword(String file) {
    return new IOException("the private key in " + file + " is encrypted, and no password was given"
        + " (use TlsConfig.Builder.clientCertificate(cert, key, password))");
  }

  // ---------------------------------------------------------------- PKCS#8 and the wrappers

  /** A private key from PKCS#8 PrivateKeyInfo DER. */
  static PrivateKey pkcs8(byte[] der, String file, String form) throws IOException {
    String oid;
    String curveOid = null;
    try {
      Der.Reader seq = Der.Reader.single(der, "PrivateKeyInfo").contents();
      seq.next("version").smallInt("version");
      Der.Reader alg = seq.next("algorithm").contents();
      oid = alg.next("algorithm OID").oid("algorithm OID");
      if (oid.equals(OID_EC) && alg.hasMore()) {
        Der.Value params = alg.next("EC parameters");
        if (params.tag == Der.OID) {
          curveOid = params.oid("EC curve");
        } else {
          throw new UnsupportedKeyException("the EC private key in " + file + " spells out its curve"
              + " parameters instead of naming the curve; re-export it with a named curve"
              + " (openssl ec -param_enc named_curve)", null);
        }
      }
      seq.next("privateKey").octets("privateKey");
    } catch (DerException e) {
      throw new IOException("the " + form + " private key in " + file + " is malformed (" + e.getMessage() + ")");
    }
    String algorithm = switch (oid) {
      case OID_RSA -> "RSA";
      case OID_RSASSA_PSS -> "RSASSA-PSS";
      case OID_EC -> "EC";
      case OID_ED25519 -> "Ed25519";
      case OID_ED448 -> "Ed448";
      case OID_DSA -> throw new UnsupportedKeyException(file + " holds a DSA key, which TLS 1.2/1.3 client"
          + " authentication does not support here; use an RSA or EC key", null);
      default -> throw new UnsupportedKeyException("the private key in " + file + " uses an unsupported"
          + " algorithm (OID " + oid + "); use an RSA or EC key", null);
    };
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (NoSuchAlgorithmException e) {
      throw new UnsupportedKeyException("the private key in " + file + " is an " + algorithm
          + " key, which this JDK does not support", e);
    } catch (InvalidKeySpecException | RuntimeException e) {
      if (curveOid != null && !isKnownCurve(curveOid)) {
        throw new UnsupportedKeyException("the EC private key in " + file + " uses curve " + curveName(curveOid)
            + ", which this JDK does not support (P-256, P-384 and P-521 are)", e);
      }
      throw new IOException("the " + form + " private key in " + file + " is malformed ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static boolean isKnownCurve(String oid) {
    return oid.equals("1.2.840.10045.3.1.7") || oid.equals("1.3.132.0.34") || oid.equals("1.3.132.0.35");
  }

  static String curveName(String oid) {
    return switch (oid) {
      case "1.2.840.10045.3.1.7" -> "P-256";
      case "1.3.132.0.34" -> "P-384";
      case "1.3.132.0.35" -> "P-521";
      case "1.3.132.0.10" -> "secp256k1";
      case "1.3.36.3.3.2.8.1.1.7" -> "brainpoolP256r1";
      default -> "OID " + oid;
    };
  }

  /** PKCS#1 RSAPrivateKey into PKCS#8. */
  static byte[] wrapPkcs1(byte[] pkcs1, String file) throws IOException {
    try {
      Der.Reader seq = Der.Reader.single(pkcs1, "RSAPrivateKey").contents();
      seq.next("version").smallInt("version");
      seq.next("modulus").integer("modulus");
    } catch (DerException e) {
      throw new IOException("the PKCS#1 RSA private key in " + file + " is malformed (" + e.getMessage() + ")");
    }
    return Der.sequence(Der.integer(0), Der.sequence(Der.oid(OID_RSA), Der.nullValue()), Der.octetString(pkcs1));
  }

  /** SEC1 ECPrivateKey into PKCS#8, the curve from its own [0] or from an EC PARAMETERS block. */
  static byte[] wrapSec1(byte[] sec1, Pem.Block ecParameters, String file) throws IOException {
    String curve = null;
    try {
      Der.Reader seq = Der.Reader.single(sec1, "ECPrivateKey").contents();
      int version = seq.next("version").smallInt("version");
      if (version != 1) {
        throw new DerException("version " + version + ", expected 1");
      }
      seq.next("privateKey").octets("privateKey");
      while (seq.hasMore()) {
        Der.Value v = seq.next("optional field");
        if (v.isContext(0)) {
          curve = namedCurve(v.contents().next("parameters"), file);
        }
      }
      if (curve == null && ecParameters != null) {
        curve = namedCurve(Der.Reader.single(ecParameters.der, "EC PARAMETERS"), file);
      }
    } catch (DerException e) {
      throw new IOException("the SEC1 EC private key in " + file + " is malformed (" + e.getMessage() + ")");
    }
    if (curve == null) {
      throw new IOException("the EC private key in " + file + " does not name its curve (no parameters in"
          + " the key and no EC PARAMETERS block before it)");
    }
    return Der.sequence(Der.integer(0), Der.sequence(Der.oid(OID_EC), Der.oid(curve)), Der.octetString(sec1));
  }

  private static String namedCurve(Der.Value params, String file) throws DerException, IOException {
    if (params.tag == Der.OID) {
      return params.oid("curve");
    }
    throw new UnsupportedKeyException("the EC private key in " + file + " spells out its curve parameters"
        + " instead of naming the curve; re-export it with a named curve (openssl ec -param_enc named_curve)", null);
  }

  // ---------------------------------------------------------------- encrypted PKCS#8

  static byte[] decryptPkcs8(byte[] der, String file, char[] password) throws IOException {
    String scheme;
    Der.Value params = null;
    byte[] encrypted;
    try {
      Der.Reader seq = Der.Reader.single(der, "EncryptedPrivateKeyInfo").contents();
      Der.Reader alg = seq.next("encryptionAlgorithm").contents();
      scheme = alg.next("algorithm OID").oid("algorithm OID");
      if (alg.hasMore()) {
        params = alg.next("parameters");
      }
      encrypted = seq.next("encryptedData").octets("encryptedData");
    } catch (DerException e) {
      throw new IOException("the encrypted private key in " + file + " is malformed (" + e.getMessage() + ")");
    }
    if (password == null) {
      throw needsPassword(file);
    }
    if (scheme.equals(OID_PBES2)) {
      if (params == null || params.tag != Der.SEQUENCE) {
        throw new IOException("the encrypted private key in " + file + " is malformed (PBES2 without parameters)");
      }
      return decryptPbes2(params, encrypted, file, password);
    }
    return decryptWithJdk(der, scheme, file, password);
  }

  private static byte[] decryptPbes2(Der.Value params, byte[] encrypted, String file, char[] password)
      throws IOException {
    String kdf;
    byte[] salt;
    int iterations;
    int keyLength = -1;
    String prf = "1.2.840.113549.2.7"; // hmacWithSHA1, the default
    String cipherOid;
    byte[] iv;
    try {
      Der.Reader p = params.contents();
      Der.Reader kdfAlg = p.next("keyDerivationFunc").contents();
      kdf = kdfAlg.next("KDF OID").oid("KDF OID");
      if (kdf.equals(OID_SCRYPT)) {
        throw new UnsupportedKeyException("the private key in " + file + " is encrypted with scrypt, which is"
            + " not supported; re-encrypt it with PBKDF2 (openssl pkcs8 -topk8 -v2 aes-256-cbc)", null);
      }
      if (!kdf.equals(OID_PBKDF2)) {
        throw new UnsupportedKeyException("the private key in " + file + " is encrypted with an unsupported"
            + " key derivation (OID " + kdf + "); re-encrypt it with PBKDF2 (openssl pkcs8 -topk8 -v2 aes-256-cbc)", null);
      }
      Der.Reader k = kdfAlg.next("PBKDF2 parameters").contents();
      Der.Value saltValue = k.next("salt");
      if (saltValue.tag != Der.OCTET_STRING) {
        throw new UnsupportedKeyException("the private key in " + file + " uses a PBKDF2 salt source other than"
            + " plain bytes, which is not supported", null);
      }
      salt = saltValue.content();
      iterations = k.next("iterationCount").smallInt("iterationCount");
      while (k.hasMore()) {
        Der.Value v = k.next("PBKDF2 parameter");
        if (v.tag == Der.INTEGER) {
          keyLength = v.smallInt("keyLength");
        } else if (v.tag == Der.SEQUENCE) {
          prf = v.contents().next("PRF OID").oid("PRF OID");
        }
      }
      Der.Reader enc = p.next("encryptionScheme").contents();
      cipherOid = enc.next("cipher OID").oid("cipher OID");
      iv = PBES2_CIPHERS.containsKey(cipherOid) ? enc.next("IV").octets("IV") : null;
    } catch (DerException e) {
      throw new IOException("the encrypted private key in " + file + " is malformed (" + e.getMessage() + ")");
    }
    CbcCipher cipher = PBES2_CIPHERS.get(cipherOid);
    if (cipher == null) {
      throw new UnsupportedKeyException("the private key in " + file + " is encrypted with an unsupported cipher"
          + " (OID " + cipherOid + "); AES-CBC and 3DES-CBC are supported", null);
    }
    String kdfName = PRFS.get(prf);
    if (kdfName == null) {
      throw new UnsupportedKeyException("the private key in " + file + " uses an unsupported PBKDF2 hash"
          + " (OID " + prf + "); HMAC-SHA1/224/256/384/512 are supported", null);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IOException("the encrypted private key in " + file + " has an implausible iteration count ("
          + iterations + ")");
    }
    if (keyLength != -1 && keyLength != cipher.keyLength()) {
      throw new IOException("the encrypted private key in " + file + " is malformed (key length " + keyLength
          + " does not fit " + cipher.name() + ")");
    }
    if (iv.length != cipher.ivLength()) {
      throw new IOException("the encrypted private key in " + file + " is malformed (IV of " + iv.length
          + " bytes for " + cipher.name() + ")");
    }
    byte[] key = null;
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, cipher.keyLength() * 8);
    try {
      key = SecretKeyFactory.getInstance(kdfName).generateSecret(spec).getEncoded();
      return decryptCbc(cipher, key, iv, encrypted, file);
    } catch (NoSuchAlgorithmException e) {
      throw new UnsupportedKeyException("the private key in " + file + " needs " + kdfName
          + ", which this JDK does not provide", e);
    } catch (InvalidKeySpecException e) {
      throw new IOException("cannot derive the key for the private key in " + file + " ("
          + e.getClass().getSimpleName() + ")", e);
    } finally {
      spec.clearPassword();
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  /** PBES1 and PKCS#12 PBE schemes, which the JDK implements (PBEWithMD5AndDES, PBEWithSHA1AndDESede, …). */
  private static byte[] decryptWithJdk(byte[] der, String scheme, String file, char[] password) throws IOException {
    for (char c : password) {
      if (c < 0x20 || c > 0x7e) {
        throw new UnsupportedKeyException("the private key in " + file + " is encrypted with an old scheme"
            + " (OID " + scheme + ") for which the JDK accepts only ASCII passwords; re-encrypt it with"
            + " openssl pkcs8 -topk8 -v2 aes-256-cbc", null);
      }
    }
    PBEKeySpec spec = new PBEKeySpec(password);
    try {
      EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
      String name = info.getAlgName();
      Cipher cipher = Cipher.getInstance(name);
      cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(name).generateSecret(spec),
          info.getAlgParameters());
      try {
        return info.getKeySpec(cipher).getEncoded();
      } catch (InvalidKeySpecException e) {
        throw wrongPassword(file);
      }
    } catch (NoSuchAlgorithmException e) {
      throw new UnsupportedKeyException("the private key in " + file + " is encrypted with an unsupported scheme"
          + " (OID " + scheme + "); re-encrypt it with openssl pkcs8 -topk8 -v2 aes-256-cbc", e);
    } catch (IOException e) {
      throw e;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IOException("cannot decrypt the private key in " + file + " (" + e.getClass().getSimpleName() + ")", e);
    } finally {
      spec.clearPassword();
    }
  }

  // ---------------------------------------------------------------- OpenSSL legacy encrypted PEM

  static byte[] decryptLegacy(Pem.Block block, String file, char[] password) throws IOException {
    String dekInfo = block.headers.get("dek-info");
    if (dekInfo == null) {
      throw new IOException("the encrypted private key in " + file + " has Proc-Type but no DEK-Info header");
    }
    int comma = dekInfo.indexOf(',');
    if (comma < 0) {
      throw new IOException("the encrypted private key in " + file + " has a malformed DEK-Info header");
    }
    String name = dekInfo.substring(0, comma).trim().toUpperCase(Locale.ROOT);
    CbcCipher cipher = LEGACY_CIPHERS.get(name);
    if (cipher == null) {
      throw new UnsupportedKeyException("the private key in " + file + " is encrypted with " + name
          + ", which is not supported (AES-128/192/256-CBC, DES-EDE3-CBC and DES-CBC are)", null);
    }
    byte[] iv;
    try {
      iv = HexFormat.of().parseHex(dekInfo.substring(comma + 1).trim());
    } catch (IllegalArgumentException e) {
      throw new IOException("the encrypted private key in " + file + " has a malformed DEK-Info IV");
    }
    if (iv.length != cipher.ivLength()) {
      throw new IOException("the encrypted private key in " + file + " has a DEK-Info IV of " + iv.length
          + " bytes; " + name + " needs " + cipher.ivLength());
    }
    if (password == null) {
      throw needsPassword(file);
    }
    byte[] pw = utf8(password);
    byte[] key = null;
    try {
      key = evpBytesToKey(pw, Arrays.copyOf(iv, 8), cipher.keyLength());
      return decryptCbc(cipher, key, iv, block.der, file);
    } finally {
      Arrays.fill(pw, (byte) 0);
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  /** OpenSSL's EVP_BytesToKey with MD5 and one iteration, as its PEM encryption uses. */
  static byte[] evpBytesToKey(byte[] password, byte[] salt, int keyLength) {
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
    byte[] key = new byte[keyLength];
    byte[] previous = new byte[0];
    int filled = 0;
    while (filled < keyLength) {
      md5.update(previous);
      md5.update(password);
      md5.update(salt);
      byte[] d = md5.digest();
      Arrays.fill(previous, (byte) 0);
      previous = d;
      int n = Math.min(d.length, keyLength - filled);
      System.arraycopy(d, 0, key, filled, n);
      filled += n;
    }
    Arrays.fill(previous, (byte) 0);
    return key;
  }

  private static byte[] decryptCbc(CbcCipher cipher, byte[] key, byte[] iv, byte[] encrypted, String file)
      throws IOException {
    try {
      Cipher c = Cipher.getInstance(cipher.transformation());
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, cipher.keyAlgorithm()), new IvParameterSpec(iv));
      return c.doFinal(encrypted);
    } catch (BadPaddingException e) {
      throw wrongPassword(file);
    } catch (NoSuchAlgorithmException e) {
      throw new UnsupportedKeyException("the private key in " + file + " is encrypted with " + cipher.name()
          + ", which this JDK does not provide", e);
    } catch (GeneralSecurityException e) {
      // e.g. IllegalBlockSizeException: the ciphertext is not whole blocks
      throw new IOException("the encrypted private key in " + file + " is malformed ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static byte[] utf8(char[] password) {
    ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] out = new byte[b.remaining()];
    b.get(out);
    if (b.hasArray()) {
      Arrays.fill(b.array(), (byte) 0);
    }
    return out;
  }
}
