package dev.berth.images.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a directory go into a build context, as the docker CLI decides it. */
class ContextTarTest {
  @TempDir
  Path dir;

  private void write(String rel, String content) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  @Test
  void noIgnoreFileSendsEverythingInNameOrderWithDirectories() throws IOException {
    write("Dockerfile", "FROM scratch\n");
    write("b.txt", "b");
    write("a/z.txt", "z");
    write("a/y/x.txt", "x");
    assertEquals(List.of("Dockerfile", "a/", "a/y/", "a/y/x.txt", "a/z.txt", "b.txt"),
        ContextTar.of(dir, null).entries());
  }

  @Test
  void ignoredDirectoriesAreSkippedUnlessAnExceptionReachesIntoThem() throws IOException {
    write("Dockerfile", "FROM scratch\n");
    write(".dockerignore", "node_modules\ndocs\n!docs/keep.md\n*.log\n**/*.tmp\n");
    write("node_modules/x/index.js", "");
    write("docs/keep.md", "k");
    write("docs/drop.md", "d");
    write("app.log", "");
    write("src/main.c", "");
    write("src/deep/a.tmp", "");
    write("src/deep/b.c", "");
    assertEquals(List.of(".dockerignore", "Dockerfile", "docs/keep.md", "src/", "src/deep/", "src/deep/b.c", "src/main.c"),
        ContextTar.of(dir, null).entries(),
        "docs/ itself is not archived, only what the exception re-includes");
  }

  @Test
  void theDockerfileAndIgnoreFileAreSentEvenWhenIgnored() throws IOException {
    write(".dockerignore", "*\n");
    write("build/Dockerfile.dev", "FROM scratch\n");
    write("other", "");
    assertEquals(List.of(".dockerignore", "build/Dockerfile.dev"), ContextTar.of(dir, "build/Dockerfile.dev").entries());
    assertEquals(List.of(".dockerignore", "build/Dockerfile.dev"), ContextTar.of(dir, "./build//Dockerfile.dev").entries());
  }

  @Test
  void symlinksAreArchivedAsLinksNotFollowed() throws IOException {
    write("Dockerfile", "FROM scratch\n");
    write("real/f", "data");
    Files.createSymbolicLink(dir.resolve("link"), Path.of("real"));
    List<String> entries = ContextTar.of(dir, null).entries();
    assertEquals(List.of("Dockerfile", "link", "real/", "real/f"), entries);
  }

  @Test
  void callerMistakesAreIllegalArgumentsBeforeAnythingIsSent() throws IOException {
    assertThrows(IllegalArgumentException.class, () -> ContextTar.of(dir.resolve("missing"), null));
    assertThrows(IllegalArgumentException.class, () -> ContextTar.of(dir, null), "no Dockerfile");
    write("Dockerfile", "FROM scratch\n");
    assertThrows(IllegalArgumentException.class, () -> ContextTar.of(dir, "../Dockerfile"));
    assertThrows(IllegalArgumentException.class, () -> ContextTar.of(dir, "/etc/Dockerfile"));
    assertThrows(IllegalArgumentException.class, () -> ContextTar.of(dir, "nested/Dockerfile"));
    write(".dockerignore", "ok\n[bad\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContextTar.of(dir, null));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void writesAReadableTarWithContentsAndModes() throws IOException {
    write("Dockerfile", "FROM scratch\n");
    write("bin/run.sh", "#!/bin/sh\necho hi\n");
    dir.resolve("bin/run.sh").toFile().setExecutable(true, false);
    String longName = "d/" + "n".repeat(120) + ".txt";
    write(longName, "long");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ContextTar.of(dir, null).writeTo(out);
    byte[] tar = out.toByteArray();
    assertEquals(0, tar.length % 512);
    List<String> names = new ArrayList<>();
    int i = 0;
    String pax = null;
    while (i + 512 <= tar.length && tar[i] != 0) {
      String name = new String(tar, i, 100, StandardCharsets.US_ASCII).replace("\0", "");
      long size = Long.parseLong(new String(tar, i + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
      char type = (char) tar[i + 156];
      String body = new String(tar, i + 512, (int) size, StandardCharsets.UTF_8);
      if (type == 'x') {
        pax = body.substring(body.indexOf("path=") + 5, body.indexOf('\n'));
      } else {
        names.add(pax != null ? pax : name);
        pax = null;
        if (name.equals("bin/run.sh")) {
          assertEquals("#!/bin/sh\necho hi\n", body);
          int mode = Integer.parseInt(new String(tar, i + 100, 7, StandardCharsets.US_ASCII).trim(), 8);
          assertEquals(0111, mode & 0111, "executable bits kept");
        }
      }
      i += 512 + (int) ((size + 511) / 512 * 512);
    }
    assertEquals(List.of("Dockerfile", "bin/", "bin/run.sh", "d/", longName), names);
    assertArrayEquals(new byte[1024], java.util.Arrays.copyOfRange(tar, i, tar.length));
  }

  /**
   * Issue 18, finding 5: a crafted context whose listed directory is swapped for a link to a
   * directory outside the context between listing and sending (as a concurrent process or a
   * build step of a hostile repository can). Nothing from outside may reach the archive.
   */
  @Test
  void aDirectorySwappedForALinkAfterListingSendsNothingFromOutside() throws IOException {
    Path ctx = Files.createDirectories(dir.resolve("ctx"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\n");
    Files.createDirectories(ctx.resolve("sub"));
    Files.writeString(ctx.resolve("sub/a.txt"), "inside");
    Files.writeString(outside.resolve("a.txt"), "SECRET-FROM-OUTSIDE");
    ContextTar tar = ContextTar.of(ctx, null);
    assertEquals(List.of("Dockerfile", "sub/", "sub/a.txt"), tar.entries());

    Files.move(ctx.resolve("sub"), dir.resolve("sub-was-here"));
    Files.createSymbolicLink(ctx.resolve("sub"), outside);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IOException e = assertThrows(IOException.class, () -> tar.writeTo(out));
    assertTrue(e.getMessage().contains("the build context changed while it was sent"), e.getMessage());
    assertTrue(!new String(out.toByteArray(), StandardCharsets.ISO_8859_1).contains("SECRET-FROM-OUTSIDE"),
        "a file from outside the context reached the archive");
  }

  /** Issue 18, finding 5: a listed file replaced by a link to a file outside is not followed. */
  @Test
  void aFileSwappedForALinkAfterListingIsSentAsTheLinkNotItsTarget() throws IOException {
    Path ctx = Files.createDirectories(dir.resolve("ctx"));
    Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\n");
    Files.writeString(ctx.resolve("a.txt"), "inside");
    Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-FROM-OUTSIDE");
    ContextTar tar = ContextTar.of(ctx, null);
    Files.delete(ctx.resolve("a.txt"));
    Files.createSymbolicLink(ctx.resolve("a.txt"), secret);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    tar.writeTo(out);
    assertTrue(!new String(out.toByteArray(), StandardCharsets.ISO_8859_1).contains("SECRET-FROM-OUTSIDE"),
        "the link was followed");
  }
}
