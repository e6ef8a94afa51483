package dev.berth.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link SocketTrust} says when checking itself fails, and in which order it checks. A
 * socket that cannot be checked is not trusted (fail closed); a bad directory is reported before
 * the file in it. The "socket" here may be any file: only owners and modes are looked at.
 *
 * <p>Why no unreadable directory: the tests run as root, which may search any directory, so the
 * checks are made to fail on paths no user can resolve (a loop of links, a file used as a
 * directory, a file gone). Why root: only root can give a file to another uid.
 */
class SocketTrustTest {
  @TempDir Path dir;

  private static void assertRoot() throws Exception {
    assertEquals(0L, ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue(),
        "this test gives a file to another user, which needs root (the rig and CI run as root)");
  }

  @Test
  void aFileInTrustedDirectoriesOwnedByThisUserIsTrusted() throws Exception {
    Path sock = Files.createFile(dir.resolve("docker.sock"));
    assertNull(SocketTrust.whyUntrusted(sock)); // the checks below can fail: this one passes
  }

  @Test
  void aLoopOfLinksOnTheWayFailsClosed() throws Exception {
    Path loop = dir.resolve("loop");
    Files.createSymbolicLink(loop, loop.getFileName()); // loop -> loop: nobody can resolve it (ELOOP)
    Path sock = loop.resolve("docker.sock");
    String why = SocketTrust.whyUntrusted(sock);
    assertNotNull(why, "a socket whose path cannot be resolved was trusted");
    assertTrue(why.startsWith("the socket " + sock + " could not be checked ("), why);
  }

  @Test
  void aFileUsedAsADirectoryFailsClosed() throws Exception {
    Path file = Files.createFile(dir.resolve("not-a-directory"));
    Path sock = file.resolve("docker.sock"); // ENOTDIR on the way
    String why = SocketTrust.whyUntrusted(sock);
    assertNotNull(why, "a socket below a regular file was trusted");
    assertTrue(why.contains("could not be checked"), why);
  }

  @Test
  void aSocketThatVanishedFailsClosed() {
    Path sock = dir.resolve("gone.sock"); // as when it is swapped out between the probe's look and the check
    String why = SocketTrust.whyUntrusted(sock);
    assertNotNull(why, "a socket that could not be looked at was trusted");
    assertTrue(why.contains("could not be checked (NoSuchFileException)"), why);
  }

  @Test
  void aDirectoryOthersMayWriteIsReportedBeforeTheFileInIt() throws Exception {
    assertRoot();
    Path open = Files.createDirectory(dir.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx")); // no sticky bit
    Path sock = Files.createFile(open.resolve("docker.sock"));
    Files.setOwner(sock, sock.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
    // both are wrong: the directory's mode is what another user cannot race, so it is named
    String why = SocketTrust.whyUntrusted(sock);
    assertNotNull(why);
    assertTrue(why.startsWith("the directory " + open + " is writable by every user"), why);
  }

  @Test
  void aDirectoryOthersMayWriteIsReportedEvenWhenTheFileIsGone() throws Exception {
    Path open = Files.createDirectory(dir.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    String why = SocketTrust.whyUntrusted(open.resolve("docker.sock"));
    assertNotNull(why);
    assertTrue(why.startsWith("the directory " + open + " is writable by every user"), why);
  }
}
