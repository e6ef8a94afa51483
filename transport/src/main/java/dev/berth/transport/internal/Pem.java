package dev.berth.transport.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PEM files (RFC 7468, plus the RFC 1421 headers of OpenSSL's legacy encrypted keys): the
 * {@code -----BEGIN X-----} blocks of a file, decoded. Text outside blocks is ignored, as OpenSSL
 * does. Error messages name the file and the block, never the decoded bytes.
 */
final class Pem {
  /** Larger files are refused: no PEM the engine's TLS needs comes near it. */
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private Pem() {}

  /** One block: its label ({@code CERTIFICATE}, {@code RSA PRIVATE KEY}, …), headers and bytes. */
  static final class Block {
    final String label;
    final Map<String, String> headers;
    final byte[] der;

    Block(String label, Map<String, String> headers, byte[] der) {
      this.label = label;
      this.headers = headers;
      this.der = der;
    }

    @Override
    public String toString() {
      return "PEM block " + label; // never the bytes
    }
  }

  /** Reads all blocks of {@code file}; messages start with the file name. */
  static List<Block> read(Path file) throws IOException {
    byte[] bytes;
    if (Files.isDirectory(file)) {
      throw new IOException(file + " is a directory, not a PEM file");
    }
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new IOException(file + " is too large for a PEM file (" + size + " bytes)");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IOException(file + " does not exist", e);
    } catch (AccessDeniedException e) {
      throw new IOException(file + " is not readable (permission denied)", e);
    } catch (FileSystemException e) {
      throw new IOException(file + " cannot be read: "
          + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()), e);
    }
    return parse(new String(bytes, StandardCharsets.ISO_8859_1), file.toString());
  }

  /** Parses PEM text; {@code source} names it in error messages. */
  static List<Block> parse(String text, String source) throws IOException {
    List<Block> blocks = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    int i = 0;
    while (i < lines.length) {
      String line = lines[i++].trim();
      if (!line.startsWith("-----BEGIN ") || !line.endsWith("-----") || line.length() < 16) {
        continue;
      }
      String label = line.substring(11, line.length() - 5).trim();
      String endLine = "-----END " + label + "-----";
      Map<String, String> headers = new LinkedHashMap<>();
      StringBuilder b64 = new StringBuilder();
      boolean inHeaders = true;
      boolean ended = false;
      while (i < lines.length) {
        String l = lines[i++].trim();
        if (l.equals(endLine)) {
          ended = true;
          break;
        }
        if (l.startsWith("-----")) {
          throw new IOException("malformed PEM in " + source + ": the " + label
              + " block ends with '" + l + "' instead of '" + endLine + "'");
        }
        if (inHeaders) {
          int colon = l.indexOf(':');
          if (colon > 0 && b64.length() == 0) {
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            continue;
          }
          if (l.isEmpty()) {
            if (!headers.isEmpty()) {
              inHeaders = false;
            }
            continue;
          }
          inHeaders = false;
        }
        b64.append(l);
      }
      if (!ended) {
        throw new IOException("malformed PEM in " + source + ": the " + label + " block has no '"
            + endLine + "' line");
      }
      byte[] der;
      try {
        der = Base64.getDecoder().decode(b64.toString().replace(" ", "").replace("\t", ""));
      } catch (IllegalArgumentException e) {
        throw new IOException("malformed PEM in " + source + ": the " + label + " block is not valid base64");
      }
      if (der.length == 0) {
        throw new IOException("malformed PEM in " + source + ": the " + label + " block is empty");
      }
      blocks.add(new Block(label, Collections.unmodifiableMap(headers), der));
    }
    return blocks;
  }

  /** The labels of {@code blocks}, for messages such as "found: CERTIFICATE, CERTIFICATE". */
  static String labels(List<Block> blocks) {
    if (blocks.isEmpty()) {
      return "no PEM blocks at all";
    }
    List<String> l = new ArrayList<>();
    for (Block b : blocks) {
      l.add(b.label);
    }
    return "found " + String.join(", ", l);
  }
}
