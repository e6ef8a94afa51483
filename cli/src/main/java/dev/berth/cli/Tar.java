package dev.berth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The tar archives of {@code berth cp}. {@link #extract} unpacks what the engine sends for
 * {@code GET /containers/{id}/archive}: ustar with GNU long names and PAX paths; files,
 * directories, symbolic links and hard links (to an entry the archive wrote before; others are
 * skipped, as are other entry types). Entries that would land outside
 * the target are refused. (Packing is the library's: {@code ContainerService.copyInto}.)
 */
final class Tar {
  /** The largest long-name or PAX record taken: a bigger one is a hostile or broken archive. */
  private static final int MAX_META = 1 << 20;

  private Tar() {}

  /**
   * Extracts {@code tar} under {@code base}; when {@code rename} is non-null the first path element
   * of every entry becomes {@code rename} ({@code docker cp c:/etc/hosts ./h} writes {@code ./h}).
   */
  static void extract(InputStream tar, Path target, String rename, Path base) throws IOException {
    if (base == null || !Files.isDirectory(base)) {
      throw new java.nio.file.NoSuchFileException(String.valueOf(target), null, "its parent directory does not exist");
    }
    Path root = base.toAbsolutePath().normalize();
    // every entry stays under this: the target itself (with rename, root is only its parent)
    Path top = rename == null ? root : root.resolve(rename).normalize();
    if (!top.startsWith(root) || rename != null && top.equals(root)) {
      throw new IOException("not a name for the copy: " + rename);
    }
    Set<Path> written = new HashSet<>(); // regular files this extraction wrote: what hard links may share
    Map<Path, String> symlinks = new HashMap<>(); // links it made, and their targets
    byte[] header = new byte[512];
    String longName = null;
    String longLink = null;
    while (readFully(tar, header)) {
      if (isZero(header)) {
        break;
      }
      String name = longName != null ? longName : name(header);
      String link = longLink != null ? longLink : cString(header, 157, 100);
      longName = null;
      longLink = null;
      char type = (char) header[156];
      long size = size(header);
      if (size < 0) {
        throw new IOException("the archive holds an entry of negative size: " + name);
      }
      if (type == 'L' || type == 'K' || type == 'x') {
        if (size > MAX_META) {
          throw new IOException("the archive holds a " + size + "-byte header record (at most " + MAX_META + ")");
        }
        byte[] data = tar.readNBytes((int) size);
        skip(tar, pad(size));
        if (type == 'L') {
          longName = cString(data, 0, data.length);
        } else if (type == 'K') {
          longLink = cString(data, 0, data.length);
        } else {
          longName = paxRecord(data, "path");
          longLink = paxRecord(data, "linkpath");
        }
        continue;
      }
      if (rename != null) {
        int slash = name.indexOf('/');
        name = rename + (slash < 0 ? "" : name.substring(slash));
      }
      Path out = root.resolve(name).normalize();
      if (!out.startsWith(top) || out.equals(root) && type != '5') {
        throw new IOException("the archive holds a path outside the target: " + name);
      }
      if (out.equals(root)) { // DIR/. starts with "./": the target exists (it may be a link the user chose)
        skip(tar, size + pad(size));
        continue;
      }
      refuseLinksOnTheWay(root, out, name);
      int mode = (int) octal(header, 100, 8);
      switch (type) {
        case '5' -> {
          if (Files.isSymbolicLink(out)) {
            Files.delete(out); // a directory replaces a link, never goes through it
          }
          Files.createDirectories(out);
        }
        case '2' -> {
          Files.deleteIfExists(out);
          Files.createSymbolicLink(out, Path.of(link));
          symlinks.put(out, link);
        }
        case '1' -> { // a hard link to an entry this archive wrote before (rebased like the names)
          String linked = rename != null && link.indexOf('/') >= 0
              ? rename + link.substring(link.indexOf('/')) : rename != null ? rename : link;
          Path from = root.resolve(linked).normalize();
          if (!from.startsWith(top) || from.equals(root)) {
            throw new IOException("the archive links to a path outside the target: " + name + " -> " + link);
          }
          Files.createDirectories(out.getParent());
          if (written.contains(from)) {
            Files.deleteIfExists(out);
            try {
              Files.createLink(out, from); // both inside the target: one file, as docker cp makes it
            } catch (IOException | UnsupportedOperationException e) {
              Files.copy(from, out, LinkOption.NOFOLLOW_LINKS, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
            written.add(out);
          } else if (symlinks.containsKey(from)) {
            Files.deleteIfExists(out);
            Files.createSymbolicLink(out, Path.of(symlinks.get(from)));
            symlinks.put(out, symlinks.get(from));
          } // else a link to an entry not extracted (a device, a pipe) or never sent: skipped like it
        }
        case '0', '\0', '7' -> {
          Files.createDirectories(out.getParent());
          if (Files.isSymbolicLink(out)) {
            Files.delete(out); // a file replaces a link, never writes through it
          }
          try (OutputStream o = Files.newOutputStream(out, LinkOption.NOFOLLOW_LINKS, StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            copy(tar, o, size);
          }
          written.add(out);
          skip(tar, pad(size));
          permissions(out, mode);
          continue;
        }
        default -> { }
      }
      skip(tar, size + pad(size));
    }
  }

  /**
   * Refuses an entry whose way down from {@code root} passes through a symbolic link, whether the
   * archive made it a moment ago or it was there before: writing through it would land outside
   * the target (an archive with {@code x -> /etc} and then {@code x/passwd}).
   */
  private static void refuseLinksOnTheWay(Path root, Path out, String name) throws IOException {
    Path p = root;
    Path rel = root.relativize(out);
    for (int i = 0; i < rel.getNameCount() - 1; i++) {
      p = p.resolve(rel.getName(i));
      if (Files.isSymbolicLink(p)) {
        throw new IOException("the archive writes through a symbolic link (" + root.relativize(p) + "): " + name);
      }
    }
  }

  private static void permissions(Path p, int mode) {
    Set<PosixFilePermission> perms = new HashSet<>();
    PosixFilePermission[] all = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE = bits 8..0
    for (int i = 0; i < 9; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        perms.add(all[i]);
      }
    }
    try {
      Files.setPosixFilePermissions(p, perms);
    } catch (IOException | UnsupportedOperationException e) {
      // not a POSIX file system: keep the default permissions
    }
  }

  private static String name(byte[] h) {
    String name = cString(h, 0, 100);
    String prefix = cString(h, 345, 155);
    boolean ustar = cString(h, 257, 5).equals("ustar");
    return ustar && !prefix.isEmpty() ? prefix + "/" + name : name;
  }

  /** The value of one PAX record ({@code "LEN key=value"}), or null. */
  private static String paxRecord(byte[] data, String key) {
    for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
      int sp = line.indexOf(' ');
      if (sp > 0 && line.startsWith(key + "=", sp + 1)) {
        return line.substring(sp + key.length() + 2);
      }
    }
    return null;
  }

  private static long size(byte[] h) {
    if ((h[124] & 0x80) != 0) { // base-256 for sizes of 8 GiB and more
      long v = 0;
      for (int i = 125; i < 136; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
      return v;
    }
    return octal(h, 124, 12);
  }

  private static long octal(byte[] h, int off, int len) {
    long v = 0;
    for (int i = off; i < off + len; i++) {
      byte b = h[i];
      if (b >= '0' && b <= '7') {
        v = v * 8 + (b - '0');
      } else if (b == 0 || (b == ' ' && v > 0)) {
        break;
      }
    }
    return v;
  }

  private static String cString(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static long pad(long size) {
    return (512 - size % 512) % 512;
  }

  private static boolean isZero(byte[] h) {
    for (byte b : h) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean readFully(InputStream in, byte[] b) throws IOException {
    int n = in.readNBytes(b, 0, b.length);
    if (n == 0) {
      return false;
    }
    if (n < b.length) {
      throw new IOException("the archive ends inside a header");
    }
    return true;
  }

  private static void copy(InputStream in, OutputStream out, long n) throws IOException {
    byte[] buf = new byte[8192];
    while (n > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, n));
      if (r < 0) {
        throw new IOException("the archive ends inside a file");
      }
      out.write(buf, 0, r);
      n -= r;
    }
  }

  private static void skip(InputStream in, long n) throws IOException {
    while (n > 0) {
      long k = in.skip(n);
      if (k <= 0) {
        if (in.read() < 0) {
          return;
        }
        k = 1;
      }
      n -= k;
    }
  }
}
