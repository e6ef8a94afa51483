package dev.berth.images.internal;

import dev.berth.client.internal.TarWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A build context made from a local directory the way the docker CLI makes it: the entries not
 * ignored by the directory's {@code .dockerignore}, always including the Dockerfile and the
 * {@code .dockerignore} itself (the engine drops those two again when the file ignores them).
 * The list of entries is computed up front (names only); {@link #writeTo} then streams the files
 * with bounded memory and may be called again.
 */
public final class ContextTar {
  /** The file holding the ignore rules, at the context root. */
  public static final String IGNORE_FILE = ".dockerignore";
  /** The Dockerfile's name when none is given. */
  public static final String DEFAULT_DOCKERFILE = "Dockerfile";

  private final Path root;
  private final List<String> entries;

  private ContextTar(Path root, List<String> entries) {
    this.root = root;
    this.entries = entries;
  }

  /**
   * The context of {@code directory} for a build of {@code dockerfile} (a path relative to it,
   * {@code /}-separated; {@code null} for {@code Dockerfile}).
   *
   * @throws IllegalArgumentException when the directory or the Dockerfile does not exist, the
   *     Dockerfile is outside the directory, or the {@code .dockerignore} has a malformed rule
   * @throws UncheckedIOException when the directory cannot be read
   */
  public static ContextTar of(Path directory, String dockerfile) {
    Path root = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("the build context is not a directory: " + directory);
    }
    String relDockerfile = dockerfilePath(dockerfile);
    if (!Files.isRegularFile(root.resolve(relDockerfile))) {
      throw new IllegalArgumentException("cannot find the Dockerfile " + relDockerfile + " in the build context "
          + directory);
    }
    DockerIgnore rules = readIgnore(root);
    // the CLI's TrimBuildFilesFromExcludes: the engine needs both files, and removes them itself
    if (rules.matches(IGNORE_FILE)) {
      rules = rules.plus("!" + IGNORE_FILE);
    }
    if (rules.matches(relDockerfile)) {
      rules = rules.plus("!" + relDockerfile);
    }
    List<String> entries = new ArrayList<>();
    try {
      walk(root, root, "", rules, entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the build context " + directory + ": " + e.getMessage(), e);
    }
    return new ContextTar(root, Collections.unmodifiableList(entries));
  }

  /**
   * A Dockerfile path relative to the context, cleaned and {@code /}-separated.
   *
   * @throws IllegalArgumentException when it is absolute or leaves the context
   */
  public static String dockerfilePath(String dockerfile) {
    if (dockerfile == null) {
      return DEFAULT_DOCKERFILE;
    }
    String p = DockerIgnore.clean(dockerfile.replace('\\', '/'));
    if (p.startsWith("/") || p.equals("..") || p.startsWith("../") || p.equals(".")) {
      throw new IllegalArgumentException("the Dockerfile must be a file inside the build context, given relative to it: "
          + dockerfile);
    }
    return p;
  }

  private static DockerIgnore readIgnore(Path root) {
    Path file = root.resolve(IGNORE_FILE);
    if (!Files.isRegularFile(file)) {
      return DockerIgnore.NONE;
    }
    try {
      return DockerIgnore.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (MalformedInputException e) {
      throw new IllegalArgumentException(file + " is not UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void walk(Path root, Path dir, String prefix, DockerIgnore rules, List<String> out) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      s.forEach(children::add);
    }
    // Go's filepath.Walk order: by name
    children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    for (Path child : children) {
      String rel = prefix + child.getFileName();
      boolean directory = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
      if (rules.matches(rel)) {
        if (directory && rules.mayReincludeBelow(rel)) {
          walk(root, child, rel + "/", rules, out); // not archived itself, but an exception may apply inside
        }
        continue;
      }
      if (!directory && !Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(child)) {
        continue; // sockets, fifos, devices: not part of a build context here
      }
      if (!directory && !Files.isSymbolicLink(child) && !Files.isReadable(child)) {
        throw new IOException("no permission to read " + child);
      }
      out.add(directory ? rel + "/" : rel);
      if (directory) {
        walk(root, child, rel + "/", rules, out);
      }
    }
  }

  /** The archive's entry names in order; directories end with {@code /}. */
  public List<String> entries() {
    return entries;
  }

  /**
   * Writes the tar archive of the entries, reading each file as it goes.
   *
   * <p>The list was made earlier, and the directory may change meanwhile: a listed directory
   * swapped for a symbolic link must not bring files from outside the context into the archive.
   * Where the platform allows (Linux), every entry is opened relative to the already opened
   * context root, one directory at a time, never following a link ({@code openat} with
   * {@code O_NOFOLLOW}); elsewhere the real path of each entry's directory is checked to be the
   * listed one, inside the root, right before the file is opened without following a link.
   *
   * @throws IOException when reading fails, or an entry vanished or is no longer where it was
   *     listed (a directory replaced by a link)
   */
  public void writeTo(OutputStream out) throws IOException {
    TarWriter w = new TarWriter(out);
    try (DirectoryStream<Path> top = Files.newDirectoryStream(root)) {
      if (top instanceof SecureDirectoryStream) {
        writeSecurely(w, (SecureDirectoryStream<Path>) top);
        w.finish();
        return;
      }
    }
    Path realRoot = root.toRealPath();
    for (String name : entries) {
      String rel = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
      Path source = root.resolve(rel);
      try {
        checkStillListed(realRoot, rel);
        w.writeEntry(source, name);
      } catch (NoSuchFileException e) {
        throw new IOException("a file of the build context vanished while it was sent: " + source, e);
      }
    }
    w.finish();
  }

  /** Opens each entry relative to its directory's descriptor, walking down from the root. */
  private void writeSecurely(TarWriter w, SecureDirectoryStream<Path> rootDir) throws IOException {
    // the open directories of the current entry's path: entries come in walk order, so most
    // entries reuse their parent's descriptor
    List<String> openNames = new ArrayList<>();
    List<SecureDirectoryStream<Path>> open = new ArrayList<>();
    try {
      for (String name : entries) {
        String rel = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        String[] parts = rel.split("/");
        int common = 0;
        while (common < open.size() && common < parts.length - 1 && openNames.get(common).equals(parts[common])) {
          common++;
        }
        while (open.size() > common) {
          open.remove(open.size() - 1).close();
          openNames.remove(openNames.size() - 1);
        }
        try {
          for (int i = common; i < parts.length - 1; i++) {
            SecureDirectoryStream<Path> parent = i == 0 ? rootDir : open.get(i - 1);
            SecureDirectoryStream<Path> dir;
            try {
              dir = parent.newDirectoryStream(Path.of(parts[i]), LinkOption.NOFOLLOW_LINKS);
            } catch (FileSystemException e) {
              if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
                throw e;
              }
              throw moved(String.join("/", java.util.Arrays.asList(parts).subList(0, i + 1)));
            }
            open.add(dir);
            openNames.add(parts[i]);
          }
          SecureDirectoryStream<Path> dir = parts.length == 1 ? rootDir : open.get(parts.length - 2);
          writeEntry(w, dir, Path.of(parts[parts.length - 1]), rel, name);
        } catch (NoSuchFileException e) {
          throw new IOException("a file of the build context vanished while it was sent: " + root.resolve(rel), e);
        }
      }
    } finally {
      for (SecureDirectoryStream<Path> d : open) {
        d.close();
      }
    }
  }

  private void writeEntry(TarWriter w, SecureDirectoryStream<Path> dir, Path file, String rel, String name)
      throws IOException {
    PosixFileAttributes a = dir.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .readAttributes();
    long mtime = a.lastModifiedTime().toMillis() / 1000;
    int mode = TarWriter.mode(a.permissions());
    if (a.isSymbolicLink()) {
      // the link's text only (never its target's content); read by path, after checking that
      // the directory holding it is still the listed one
      checkStillListed(root.toRealPath(), rel);
      w.symlink(name, Files.readSymbolicLink(root.resolve(rel)).toString(), mtime);
    } else if (a.isDirectory()) {
      w.directory(name, mode, mtime);
    } else if (a.isRegularFile()) {
      try (SeekableByteChannel ch = dir.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
          InputStream in = Channels.newInputStream(ch)) {
        w.file(name, a.size(), mode, mtime, in);
      } catch (FileSystemException e) {
        if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
          throw e;
        }
        throw moved(rel); // ELOOP: it became a link after its attributes were read
      }
    } else {
      throw new IOException("cannot archive " + root.resolve(rel) + ": not a regular file, directory or symlink");
    }
  }

  /** Checks that the folder holding {@code rel} is, for real, the listed one inside the root. */
  private void checkStillListed(Path realRoot, String rel) throws IOException {
    int slash = rel.lastIndexOf('/');
    Path expected = slash < 0 ? realRoot : realRoot.resolve(rel.substring(0, slash));
    if (!root.resolve(rel).getParent().toRealPath().equals(expected)) {
      throw moved(rel);
    }
  }

  private IOException moved(String rel) {
    return new IOException("the build context changed while it was sent: " + root.resolve(rel)
        + " is no longer the directory that was listed (replaced by a link?); nothing outside the context is sent");
  }
}
