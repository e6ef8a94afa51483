package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth cp CONTAINER:PATH LOCAL} unpacks what the engine sends: an engine that is not to
 * be trusted must not write outside the target. A real daemon archives a file system, where a
 * path cannot be a link and a directory at once, so these archives are made here.
 */
class TarExtractTest {
  @TempDir
  Path dir;

  @Test
  void anEntryThroughALinkTheArchiveMadeIsRefused() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path target = Files.createDirectories(dir.resolve("target"));
    byte[] tar = tar(entry("x", '2', outside.toString(), ""), entry("x/pwned", '0', "", "owned"));
    IOException e = assertThrows(IOException.class, () -> extract(tar, target));
    assertTrue(e.getMessage().contains("through a symbolic link"), e.getMessage());
    assertFalse(Files.exists(outside.resolve("pwned")));
  }

  @Test
  void anEntryThroughALinkAlreadyInTheTargetIsRefused() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path target = Files.createDirectories(dir.resolve("target"));
    Files.createSymbolicLink(target.resolve("d"), outside);
    assertThrows(IOException.class, () -> extract(tar(entry("d/f", '0', "", "data")), target));
    assertFalse(Files.exists(outside.resolve("f")));
    // with the directory's own entry first, the directory replaces the link
    extract(tar(entry("d/", '5', "", ""), entry("d/f", '0', "", "data")), target);
    assertFalse(Files.exists(outside.resolve("f")));
    assertFalse(Files.isSymbolicLink(target.resolve("d")));
    assertEquals("data", Files.readString(target.resolve("d/f")));
  }

  @Test
  void aFileReplacesALinkInsteadOfWritingThroughIt() throws IOException {
    Path victim = Files.writeString(dir.resolve("victim"), "keep");
    Path target = Files.createDirectories(dir.resolve("target"));
    Files.createSymbolicLink(target.resolve("f"), victim);
    extract(tar(entry("f", '0', "", "new")), target);
    assertEquals("keep", Files.readString(victim));
    assertFalse(Files.isSymbolicLink(target.resolve("f")));
    assertEquals("new", Files.readString(target.resolve("f")));
  }

  @Test
  void dotDotAndAbsoluteNamesAreRefused() throws IOException {
    Path target = Files.createDirectories(dir.resolve("target"));
    assertThrows(IOException.class, () -> extract(tar(entry("../escaped", '0', "", "x")), target));
    assertFalse(Files.exists(dir.resolve("escaped")));
    assertThrows(IOException.class, () -> extract(tar(entry("/abs", '0', "", "y")), target));
    assertEquals(0, Files.list(target).count());
  }

  @Test
  void ordinaryArchivesStillUnpack() throws IOException {
    Path target = Files.createDirectories(dir.resolve("target"));
    extract(tar(entry("a/", '5', "", ""), entry("a/b.txt", '0', "", "bee"), entry("a/l", '2', "b.txt", "")), target);
    assertEquals("bee", Files.readString(target.resolve("a/b.txt")));
    assertEquals("bee", Files.readString(target.resolve("a/l")));
  }

  @Test
  void aTargetThatIsALinkToADirectoryIsKeptAndFilled() throws IOException {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    // what DIR/. gives from Docker: the directory itself as "./", then its contents
    Tar.extract(new ByteArrayInputStream(tar(entry("./", '5', "", ""), entry("./a", '0', "", "aye"))), link, null, link);
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("aye", Files.readString(real.resolve("a")));
  }

  @Test
  void longLinkTargetsAndHardLinksComeThrough() throws IOException {
    Path target = Files.createDirectories(dir.resolve("target"));
    String longTarget = "t".repeat(150);
    byte[] pax = ("164 linkpath=" + longTarget + "\n").getBytes(StandardCharsets.UTF_8);
    assertEquals(164, pax.length); // the record's length counts itself
    extract(tar(entry("f", '0', "", "data"), paxEntry(pax), entry("long", '2', "t".repeat(100), ""),
        entry("hard", '1', "f", "")), target);
    assertEquals(longTarget, Files.readSymbolicLink(target.resolve("long")).toString());
    assertEquals("data", Files.readString(target.resolve("hard")));
    assertFalse(Files.isSymbolicLink(target.resolve("hard")));
    // one file, as the engine's was (busybox's /bin is 400 links to one binary)
    assertEquals(Files.getAttribute(target.resolve("f"), "unix:ino"), Files.getAttribute(target.resolve("hard"), "unix:ino"));
  }

  @Test
  void withANewNameEntriesStayUnderThatName() throws IOException {
    Path parent = Files.createDirectories(dir.resolve("parent"));
    byte[] escape = tar(entry("data/", '5', "", ""), entry("data/../.bashrc", '0', "", "evil"));
    assertThrows(IOException.class,
        () -> Tar.extract(new ByteArrayInputStream(escape), parent.resolve("mydir"), "mydir", parent));
    assertFalse(Files.exists(parent.resolve(".bashrc")));
    Files.writeString(parent.resolve("sibling"), "private");
    byte[] linkOut = tar(entry("data/", '5', "", ""), entry("data/h", '1', "data/../sibling", ""));
    assertThrows(IOException.class,
        () -> Tar.extract(new ByteArrayInputStream(linkOut), parent.resolve("other"), "other", parent));
    assertFalse(Files.exists(parent.resolve("other/h")));
    Tar.extract(new ByteArrayInputStream(tar(entry("data/", '5', "", ""), entry("data/a", '0', "", "ok"))),
        parent.resolve("copy"), "copy", parent);
    assertEquals("ok", Files.readString(parent.resolve("copy/a")));
  }

  @Test
  void hardLinksOutsideAndHugeOrNegativeSizesAreRefused() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret"), "s");
    Path target = Files.createDirectories(dir.resolve("target"));
    assertThrows(IOException.class, () -> extract(tar(entry("h", '1', "../secret", "")), target));
    assertThrows(IOException.class, () -> extract(tar(entry("h", '1', secret.toString(), "")), target));
    Files.writeString(target.resolve("there-before"), "not the archive's");
    // a link to what the archive never wrote is skipped: no copy of a file that was already there
    extract(tar(entry("h", '1', "there-before", ""), entry("g", '1', "never-written", "")), target);
    assertFalse(Files.exists(target.resolve("h")));
    assertFalse(Files.exists(target.resolve("g")));
    byte[] negative = entry("n", '0', "", "");
    negative[124] = (byte) 0xff; // base-256, all ones: a negative size
    java.util.Arrays.fill(negative, 125, 136, (byte) 0xff);
    assertThrows(IOException.class, () -> extract(tar(negative), target));
    byte[] huge = entry("PaxHeader", 'x', "", "");
    put(huge, 124, String.format("%011o", 1L << 30)); // claims 1 GiB of records
    IOException e = assertThrows(IOException.class, () -> extract(tar(huge), target));
    assertTrue(e.getMessage().contains("header record"), e.getMessage());
  }

  private static byte[] paxEntry(byte[] records) {
    return entry("PaxHeader", 'x', "", new String(records, StandardCharsets.UTF_8));
  }

  private static void extract(byte[] tar, Path target) throws IOException {
    Tar.extract(new ByteArrayInputStream(tar), target, null, target);
  }

  /** One ustar entry (header, content, padding); also used by ContainerCommandsTest for a tar on stdin. */
  static byte[] entry(String name, char type, String link, String content) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", data.length));
    put(h, 136, "00000000000");
    h[156] = (byte) type;
    put(h, 157, link);
    put(h, 257, "ustar");
    put(h, 263, "00");
    java.util.Arrays.fill(h, 148, 156, (byte) ' ');
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(h);
    out.writeBytes(data);
    out.writeBytes(new byte[(512 - data.length % 512) % 512]);
    return out.toByteArray();
  }

  static byte[] tar(byte[]... entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] e : entries) {
      out.writeBytes(e);
    }
    out.writeBytes(new byte[1024]);
    return out.toByteArray();
  }

  private static void put(byte[] h, int off, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, off, b.length);
  }
}
