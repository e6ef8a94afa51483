package dev.berth.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The tar archives of {@code berth cp}. {@link #extract} unpacks what the engine sends for
 * {@code GET /containers/{id}/archive}: ustar with GNU long names and PAX paths; files,
 * directories and symbolic links (other entry types are skipped). Entries that would land outside
 * the target are refused. {@link #pack} archives local files under names of the caller's choice
 * ({@code berth cp ./a c:/tmp/b} sends {@code a} as {@code b}), as it is read.
 */
final class Tar {
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
    byte[] header = new byte[512];
    String longName = null;
    while (readFully(tar, header)) {
      if (isZero(header)) {
        break;
      }
      String name = longName != null ? longName : name(header);
      longName = null;
      char type = (char) header[156];
      long size = size(header);
      if (type == 'L' || type == 'x') {
        byte[] data = tar.readNBytes((int) size);
        skip(tar, pad(size));
        longName = type == 'L' ? cString(data, 0, data.length) : paxPath(data);
        continue;
      }
      if (rename != null) {
        int slash = name.indexOf('/');
        name = rename + (slash < 0 ? "" : name.substring(slash));
      }
      Path out = root.resolve(name).normalize();
      if (!out.startsWith(root)) {
        throw new IOException("the archive holds a path outside the target: " + name);
      }
      int mode = (int) octal(header, 100, 8);
      switch (type) {
        case '5' -> Files.createDirectories(out);
        case '2' -> {
          Files.deleteIfExists(out);
          Files.createSymbolicLink(out, Path.of(cString(header, 157, 100)));
        }
        case '0', '\0', '7' -> {
          Files.createDirectories(out.getParent());
          try (OutputStream o = Files.newOutputStream(out)) {
            copy(tar, o, size);
          }
          skip(tar, pad(size));
          permissions(out, mode);
          continue;
        }
        default -> { }
      }
      skip(tar, size + pad(size));
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

  private static String paxPath(byte[] data) {
    for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
      int sp = line.indexOf(' ');
      if (sp > 0 && line.startsWith("path=", sp + 1)) {
        return line.substring(sp + 6);
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

  // ------------------------------------------------------------------ packing

  /** A local file, directory (with everything under it) or symbolic link and its name in the archive. */
  record Source(Path path, String name) {
  }

  /**
   * A tar stream of {@code sources}, produced as it is read: no thread, no temporary file, one
   * open file at a time. Owners are 0 (the engine gives the files to the container's root, as
   * {@code docker cp}); links are stored as links. A file that shrinks while it is read fails the
   * read; one that grows is cut at the size its header gave. Close it to close the open file.
   */
  static InputStream pack(List<Source> sources) {
    return new Packer(sources);
  }

  /** A stream that reads in blocks: one byte is a block of one. */
  private abstract static class BlockStream extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }
  }

  private static final class Packer extends BlockStream {
    private final Deque<Source> todo;
    private InputStream current = InputStream.nullInputStream();
    private boolean trailerSent;

    Packer(List<Source> sources) {
      this.todo = new ArrayDeque<>(sources);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (true) {
        int n = current.read(b, off, len);
        if (n > 0) {
          return n;
        }
        if (!advance()) {
          return -1;
        }
      }
    }

    /** Moves on to the next entry (header, content, padding), or to the trailer; false at the end. */
    private boolean advance() throws IOException {
      current.close();
      if (todo.isEmpty()) {
        if (trailerSent) {
          return false;
        }
        trailerSent = true;
        current = new ByteArrayInputStream(new byte[2 * BLOCK]);
        return true;
      }
      Source next = todo.pop();
      Path p = next.path();
      BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      long mtime = attrs.lastModifiedTime().toMillis() / 1000;
      if (attrs.isSymbolicLink()) {
        current = new ByteArrayInputStream(header(next.name(), '2', 0, 0777, mtime, Files.readSymbolicLink(p).toString()));
      } else if (attrs.isDirectory()) {
        current = new ByteArrayInputStream(header(next.name() + "/", '5', 0, mode(p, 0755), mtime, ""));
        List<Path> children = new ArrayList<>();
        try (Stream<Path> list = Files.list(p)) {
          list.sorted().forEach(children::add);
        }
        for (int i = children.size() - 1; i >= 0; i--) { // depth first, in name order
          todo.push(new Source(children.get(i), next.name() + "/" + children.get(i).getFileName()));
        }
      } else if (attrs.isRegularFile()) {
        long size = attrs.size();
        byte[] head = header(next.name(), '0', size, mode(p, 0644), mtime, "");
        current = new SequenceInputStream(new ByteArrayInputStream(head), new SequenceInputStream(
            new Exactly(Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS), size, p),
            new ByteArrayInputStream(new byte[(int) pad(size)])));
      } else {
        throw new IOException(p + ": cannot copy it (not a file, directory or symbolic link)");
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      todo.clear();
      trailerSent = true;
      current.close();
    }
  }

  /** The first {@code size} bytes of a file; fewer is an error (the header promised them). */
  private static final class Exactly extends BlockStream {
    private final InputStream in;
    private final Path path;
    private long left;

    Exactly(InputStream in, long size, Path path) {
      this.in = in;
      this.left = size;
      this.path = path;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left == 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new IOException(path + " became shorter while it was being copied");
      }
      left -= n;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static final int BLOCK = 512;
  private static final long MAX_OCTAL_SIZE = 077777777777L;

  /** One entry's header block, after a PAX block for a name or link target ustar cannot hold. */
  private static byte[] header(String name, char type, long size, int mode, long mtime, String link) {
    StringBuilder pax = new StringBuilder();
    if (!fitsUstar(name)) {
      pax.append(paxRecord("path", name));
    }
    if (!fitsUstar(link)) {
      pax.append(paxRecord("linkpath", link));
    }
    if (size > MAX_OCTAL_SIZE) {
      pax.append(paxRecord("size", Long.toString(size)));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(3 * BLOCK);
    if (pax.length() > 0) {
      byte[] records = pax.toString().getBytes(StandardCharsets.UTF_8);
      out.writeBytes(block(ascii("PaxHeaders/" + name), 'x', records.length, 0644, mtime, ""));
      out.writeBytes(records);
      out.writeBytes(new byte[(int) pad(records.length)]);
    }
    out.writeBytes(block(ascii(name), type, size > MAX_OCTAL_SIZE ? 0 : size, mode, mtime, ascii(link)));
    return out.toByteArray();
  }

  private static boolean fitsUstar(String s) {
    return s.length() <= 100 && s.chars().allMatch(c -> c < 128);
  }

  /** {@code s} as ustar can hold it (the PAX record has the real one): ASCII, at most 100 characters. */
  private static String ascii(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().limit(100).forEach(c -> b.append(c < 128 ? (char) c : '_'));
    return b.toString();
  }

  /** {@code "LEN key=value\n"}, where LEN counts the whole record, its own digits too. */
  private static String paxRecord(String key, String value) {
    int rest = key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length + 3;
    int len = rest + String.valueOf(rest).length();
    if (String.valueOf(len).length() > String.valueOf(rest).length()) {
      len++;
    }
    return len + " " + key + "=" + value + "\n";
  }

  private static byte[] block(String name, char type, long size, int mode, long mtime, String link) {
    byte[] h = new byte[BLOCK];
    text(h, 0, name);
    octalField(h, 100, 8, mode);
    octalField(h, 108, 8, 0); // uid
    octalField(h, 116, 8, 0); // gid
    octalField(h, 124, 12, size);
    octalField(h, 136, 12, Math.max(0, mtime));
    h[156] = (byte) type;
    text(h, 157, link);
    text(h, 257, "ustar");
    text(h, 263, "00");
    java.util.Arrays.fill(h, 148, 156, (byte) ' '); // the checksum counts its own field as spaces
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octalField(h, 148, 7, sum);
    return h;
  }

  private static void text(byte[] h, int off, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, b.length);
  }

  /** {@code value} in octal, zero-padded to {@code len - 1} digits and a NUL. */
  private static void octalField(byte[] h, int off, int len, long value) {
    String digits = Long.toOctalString(value);
    text(h, off, "0".repeat(Math.max(0, len - 1 - digits.length())) + digits);
    h[off + len - 1] = 0;
  }

  private static int mode(Path p, int fallback) {
    try {
      int m = 0;
      for (PosixFilePermission perm : Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).permissions()) {
        m |= 1 << (8 - perm.ordinal());
      }
      return m;
    } catch (IOException | UnsupportedOperationException e) {
      return fallback;
    }
  }
}
