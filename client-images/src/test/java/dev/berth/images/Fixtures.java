package dev.berth.images;

import dev.berth.containers.Archive;
import dev.berth.containers.ContainerService;
import dev.berth.client.internal.TarWriter;
import dev.berth.testkit.TestEngine;
import dev.berth.transport.Doer;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.types.containers.ContainerCreateRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test support: small tars, tiny unique images, reading files back through a container. */
final class Fixtures {
  private Fixtures() {}

  /** A tar of regular files (name to content); parent directories are implied. */
  static byte[] tar(Map<String, String> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      TarWriter w = new TarWriter(out);
      for (Map.Entry<String, String> f : files.entrySet()) {
        byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
        w.file(f.getKey(), data.length, 0644, 1_700_000_000L, new ByteArrayInputStream(data));
      }
      w.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Imports a one-file image named {@code reference} (or none when null), unique by its content
   * and labelled for the test's clean-up; returns its ID. Podman 4.3's compatible import ignores
   * the {@code tag} parameter (it tags {@code :latest}), so on Podman the image is imported under
   * the repository and then tagged, and the {@code :latest} name removed.
   */
  static String tinyImage(ImageService images, TestEngine engine, boolean podman, String reference) {
    String label = TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL);
    byte[] rootFs = tar(Map.of("id.txt", reference + " " + System.nanoTime() + "\n"));
    References ref = reference == null ? null : References.of(reference);
    String id = images.importImage(new ByteArrayInputStream(rootFs), o -> {
      o.change("LABEL " + label).message("berth test image");
      if (ref != null) {
        o.repository(ref.repository).tag(podman ? null : ref.tag);
      }
    });
    if (podman && ref != null && ref.tag != null && !ref.tag.equals("latest")) {
      images.tag(ref.repository + ":latest", ref.repository, ref.tag);
      images.remove(ref.repository + ":latest", ImageRemoveOptions.DEFAULT);
    }
    return id;
  }

  /**
   * A name as the engine lists it: Podman 4.3 reports a name without a registry fully qualified
   * ({@code docker.io/library/x:1}), Docker as given.
   */
  static String listed(boolean podman, String name) {
    if (!podman) {
      return name;
    }
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
      return name;
    }
    return "docker.io/" + (slash < 0 ? "library/" : "") + name;
  }

  /**
   * An image ID without its {@code sha256:} prefix: Podman 4.3 leaves the prefix off in some
   * answers (commit, an image's Parent, prune's Deleted), Docker never does.
   */
  static String bare(String id) {
    return id != null && id.startsWith("sha256:") ? id.substring(7) : id;
  }

  /** A reference's repository and tag, split at the last ':' after the last '/'. */
  static final class References {
    final String repository;
    final String tag;

    private References(String repository, String tag) {
      this.repository = repository;
      this.tag = tag;
    }

    static References of(String reference) {
      int colon = reference.lastIndexOf(':');
      int slash = reference.lastIndexOf('/');
      return colon > slash ? new References(reference.substring(0, colon), reference.substring(colon + 1))
          : new References(reference, null);
    }
  }

  /**
   * The regular files below {@code dir} in a (never started) container of {@code image}, path
   * relative to {@code dir} to content, read with {@code GET /containers/{id}/archive}.
   */
  static Map<String, String> filesIn(TestEngine engine, String image, String dir) throws IOException {
    ContainerService containers = ContainerService.create(engine.client());
    String id = containers.create(ContainerCreateRequest.builder().image(image).cmd("true")
        .labels(engine.labels()).hostConfig(h -> h.networkMode("none")).build()).id();
    try (Archive archive = containers.archive(id, dir)) {
      Map<String, String> files = new TreeMap<>();
      String statName = archive.stat().name();
      // "/" for the root; Podman 4.3 names the root "." in the stat header (its entries start with "/")
      String base = statName.equals(".") ? "/" : statName.endsWith("/") ? statName : statName + "/";
      readTar(archive.tar()).forEach((name, data) -> {
        if (data != null && name.startsWith(base)) {
          files.put(name.substring(base.length()), new String(data, StandardCharsets.UTF_8));
        }
      });
      return files;
    } finally {
      engine.remove(id);
    }
  }

  /**
   * The regular files of an image's root file system, without the ones the engine adds to every
   * container ({@code /.dockerenv}, {@code /dev/console}, {@code /etc/hostname}, {@code /etc/hosts},
   * {@code /etc/resolv.conf}).
   */
  static Map<String, String> imageFiles(TestEngine engine, String image) throws IOException {
    Map<String, String> files = filesIn(engine, image, "/");
    for (String added : List.of(".dockerenv", "dev/console", "etc/hostname", "etc/hosts", "etc/resolv.conf")) {
      files.remove(added);
    }
    return files;
  }

  /** Entry name to content (null for directories and links), in archive order. */
  static Map<String, byte[]> readTar(InputStream in) throws IOException {
    Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    byte[] h = new byte[512];
    String paxPath = null;
    while (true) {
      if (in.readNBytes(h, 0, 512) < 512) {
        throw new IOException("truncated tar");
      }
      boolean zero = true;
      for (byte b : h) {
        zero &= b == 0;
      }
      if (zero) {
        return out;
      }
      String name = cstr(h, 0, 100);
      String prefix = cstr(h, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      String sizeField = cstr(h, 124, 12).trim();
      long size = sizeField.isEmpty() ? 0 : Long.parseLong(sizeField, 8);
      char type = (char) h[156];
      byte[] data = in.readNBytes((int) size);
      in.readNBytes((int) ((512 - size % 512) % 512));
      if (type == 'x') {
        for (String rec : new String(data, StandardCharsets.UTF_8).split("\n")) {
          int sp = rec.indexOf(' ');
          if (sp > 0 && rec.substring(sp + 1).startsWith("path=")) {
            paxPath = rec.substring(sp + 6);
          }
        }
        continue;
      }
      if (paxPath != null) {
        name = paxPath;
        paxPath = null;
      }
      out.put(name, type == '0' || type == '\0' ? data : null);
    }
  }

  private static String cstr(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  /** A doer that forwards to the test engine's and records each request it sends. */
  static final class Recording implements Doer {
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Doer target;

    Recording(TestEngine engine) {
      this.target = engine.doer();
    }

    @Override
    public Response send(Request r) throws IOException {
      requests.add(r);
      return target.send(r);
    }

    @Override
    public RawStream sendRaw(Request r) throws IOException {
      requests.add(r);
      return target.sendRaw(r);
    }

    @Override
    public void close() {}

    /** The requests for an operation id, in order. */
    List<Request> of(String operationId) {
      List<Request> out = new ArrayList<>();
      for (Request r : requests) {
        if (operationId.equals(r.operationId())) {
          out.add(r);
        }
      }
      return out;
    }
  }
}
