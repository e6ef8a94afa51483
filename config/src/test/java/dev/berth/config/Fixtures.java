package dev.berth.config;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes docker CLI configuration into temporary folders, never the real home. */
final class Fixtures {
  private Fixtures() {}

  /** An environment with only these variables (pairs of name, value). */
  static Map<String, String> env(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  static Path write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes {@code contexts/meta/<sha256(name)>/meta.json} as {@code docker context create} does. */
  static Path context(Path configDir, String name, String host, boolean skipTlsVerify) throws Exception {
    return write(configDir.resolve("contexts/meta/" + sha256(name) + "/meta.json"),
        "{\"Name\":\"" + name + "\",\"Metadata\":{\"Description\":\"test\"},"
            + "\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":" + skipTlsVerify + "}}}");
  }

  /** The folder of a context's docker TLS files. */
  static Path contextTls(Path configDir, String name) throws Exception {
    return configDir.resolve("contexts/tls/" + sha256(name) + "/docker");
  }

  /** Placeholder PEM files (discovery only looks at which exist). */
  static void pemFiles(Path dir, String... names) throws IOException {
    Files.createDirectories(dir);
    for (String n : names) {
      Files.writeString(dir.resolve(n), "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    }
  }

  /** A Unix socket file that nobody listens on: bound, then closed (the file stays). */
  static Path deadSocket(Path file) throws IOException {
    try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      s.bind(UnixDomainSocketAddress.of(file));
    }
    return file;
  }

  /** An executable shell script. */
  static Path script(Path file, String body) throws IOException {
    write(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
