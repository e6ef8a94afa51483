package dev.berth.config.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether a socket discovery did not configure may be trusted, checked as OpenSSH checks its
 * files ({@code StrictModes}): the socket, every directory above it and every link on the way
 * belong to this user or root, and no directory is writable by others unless sticky (as
 * {@code /tmp}). The real path of a link is checked the same way. Otherwise another user could
 * have planted the socket (in a shared runtime directory, say) and would receive the registry
 * credentials of the next pull.
 */
public final class SocketTrust {
  private static final int GROUP_OR_OTHER_WRITE = 0022;
  private static final int STICKY = 01000;
  private static volatile Long uid;

  private SocketTrust() {}

  /**
   * Why {@code socket} is not to be used, or {@code null} when it may be; also {@code null} where
   * the file system has no owners and modes (not POSIX) or this process's uid is unknown.
   */
  public static String whyUntrusted(Path socket) {
    long me = currentUid();
    if (me < 0) {
      return null;
    }
    try {
      Path p = socket.toAbsolutePath();
      String why = checkChain(p, me);
      if (why != null) {
        return why;
      }
      if (Files.isSymbolicLink(p)) {
        Path real = p.toRealPath();
        why = checkChain(real, me);
        if (why != null) {
          return why + " (the target of the link " + p + ")";
        }
      }
      return null;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return null; // no unix attribute view: nothing to check against
    } catch (IOException e) {
      // fail closed: a socket that cannot be checked (it vanished, or is being swapped in and out
      // of a directory someone else controls) is not dialled
      return "the socket " + socket + " could not be checked (" + e.getClass().getSimpleName() + ")";
    }
  }

  /**
   * Each directory above the file, both lexically and for real, then the file itself (owner only):
   * directories first, since another user cannot race their modes the way they can swap a file.
   */
  private static String checkChain(Path file, long me) throws IOException {
    String why;
    Path parent = file.getParent();
    for (Path d = parent; d != null; d = d.getParent()) {
      why = directory(d, me);
      if (why != null) {
        return why;
      }
    }
    if (parent != null) {
      Path realParent = parent.toRealPath();
      for (Path d = realParent; d != null; d = d.getParent()) {
        why = directory(d, me);
        if (why != null) {
          return why;
        }
      }
    }
    return owner(file, me, "the socket");
  }

  private static String directory(Path d, long me) throws IOException {
    boolean link = Files.isSymbolicLink(d);
    String why = owner(d, me, link ? "the link" : "the directory");
    if (why != null || link) {
      return why; // a link's own mode means nothing; its target is checked on the real path
    }
    int mode = ((Number) Files.getAttribute(d, "unix:mode", LinkOption.NOFOLLOW_LINKS)).intValue();
    if ((mode & GROUP_OR_OTHER_WRITE) != 0 && (mode & STICKY) == 0) {
      return "the directory " + d + " is writable by " + ((mode & 0002) != 0 ? "every user" : "its group")
          + " (mode " + Integer.toOctalString(mode & 07777) + "): someone else could have put the socket there";
    }
    return null;
  }

  private static String owner(Path p, long me, String what) throws IOException {
    long owner = ((Number) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    if (owner != me && owner != 0) {
      return what + " " + p + " belongs to uid " + owner + ", neither this user (uid " + me
          + ") nor root: another user may have planted it";
    }
    return null;
  }

  /** This process's uid, or -1 when it cannot be found. */
  public static long currentUid() {
    Long u = uid;
    if (u == null) {
      u = findUid();
      uid = u;
    }
    return u;
  }

  private static long findUid() {
    try {
      // /proc/self belongs to this process's user: a uid without JNI or an extra module
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      // no /proc (macOS): a file this process creates is owned by its user
    }
    Path probe = null;
    try {
      probe = Files.createTempFile("berth-uid", "");
      return ((Number) Files.getAttribute(probe, "unix:uid")).longValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      return -1;
    } finally {
      if (probe != null) {
        try {
          Files.deleteIfExists(probe);
        } catch (IOException ignored) {
          // a leftover empty temporary file
        }
      }
    }
  }
}
