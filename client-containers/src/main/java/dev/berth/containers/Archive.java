package dev.berth.containers;

import dev.berth.types.containers.PathStat;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A tar archive of a path inside a container ({@code GET /containers/{id}/archive}) with the
 * path's stat. The caller must close it.
 */
public final class Archive implements Closeable {
  private final PathStat stat;
  private final InputStream tar;

  Archive(PathStat stat, InputStream tar) {
    this.stat = stat;
    this.tar = tar;
  }

  /** What the path is (name, size, mode, modification time, link target). */
  public PathStat stat() {
    return stat;
  }

  /** The tar stream; read it to its end or close the archive. */
  public InputStream tar() {
    return tar;
  }

  @Override
  public void close() {
    try {
      tar.close();
    } catch (IOException e) {
      // the response is discarded either way
    }
  }
}
