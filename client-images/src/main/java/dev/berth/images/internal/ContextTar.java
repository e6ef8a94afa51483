package dev.berth.images.internal;

import dev.berth.client.internal.TarWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

  /** Writes the tar archive of the entries, reading each file as it goes. */
  public void writeTo(OutputStream out) throws IOException {
    TarWriter w = new TarWriter(out);
    for (String name : entries) {
      Path source = root.resolve(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
      try {
        w.writeEntry(source, name);
      } catch (NoSuchFileException e) {
        throw new IOException("a file of the build context vanished while it was sent: " + source, e);
      }
    }
    w.finish();
  }
}
