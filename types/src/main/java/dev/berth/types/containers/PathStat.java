package dev.berth.types.containers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.types.internal.MiniJson;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Facts about a path inside a container, as the engine reports them in the
 * {@code X-Docker-Container-Path-Stat} header of {@code HEAD} and {@code GET
 * /containers/{id}/archive} (base64-encoded JSON); decode the header with
 * {@link #fromHeader(String)}.
 *
 * <p>{@code mode} holds Go's {@code os.FileMode} bits, not POSIX ones: the permission bits are
 * the low nine, but the file type and the setuid, setgid and sticky bits sit in the high bits
 * (a directory is {@code 1<<31}, a symbolic link {@code 1<<27}, sticky {@code 1<<20}).
 *
 * @param name       the last element of the path
 * @param size       size in bytes (for a symbolic link, the length of its target)
 * @param mode       Go file mode bits
 * @param mtime      last modification time, RFC 3339
 * @param linkTarget for a symbolic link, its target resolved to an absolute path inside the
 *                   container; otherwise empty
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PathStat(
    @JsonProperty("name") String name,
    @JsonProperty("size") Long size,
    @JsonProperty("mode") Long mode,
    @JsonProperty("mtime") String mtime,
    @JsonProperty("linkTarget") String linkTarget) {

  /** Go's {@code os.ModeDir}. */
  public static final long MODE_DIR = 1L << 31;
  /** Go's {@code os.ModeSymlink}. */
  public static final long MODE_SYMLINK = 1L << 27;
  /** Go's {@code os.ModeSetuid}. */
  public static final long MODE_SETUID = 1L << 23;
  /** Go's {@code os.ModeSetgid}. */
  public static final long MODE_SETGID = 1L << 22;
  /** Go's {@code os.ModeSticky}. */
  public static final long MODE_STICKY = 1L << 20;

  /**
   * Decodes the value of an {@code X-Docker-Container-Path-Stat} header.
   *
   * @param base64 the header value: standard base64 of a JSON object
   * @return the path's facts; members the JSON lacks are {@code null}
   * @throws NullPointerException     if {@code base64} is {@code null}
   * @throws IllegalArgumentException if the value is not base64 of a JSON object with the
   *                                  expected member types
   */
  public static PathStat fromHeader(String base64) {
    Objects.requireNonNull(base64, "base64");
    byte[] json;
    try {
      json = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("path stat header is not base64: " + e.getMessage(),
          e);
    }
    Map<String, Object> members = MiniJson.parseObject(new String(json,
        StandardCharsets.UTF_8));
    return new PathStat(
        member(members, "name", String.class),
        number(members, "size"),
        number(members, "mode"),
        member(members, "mtime", String.class),
        member(members, "linkTarget", String.class));
  }

  private static <T> T member(Map<String, Object> members, String name, Class<T> type) {
    Object value = members.get(name);
    if (value != null && !type.isInstance(value)) {
      throw new IllegalArgumentException("path stat member " + name + " is not a "
          + type.getSimpleName());
    }
    return type.cast(value);
  }

  private static Long number(Map<String, Object> members, String name) {
    Object value = members.get(name);
    if (value instanceof BigInteger) {
      throw new IllegalArgumentException("path stat member " + name + " out of range");
    }
    return member(members, name, Long.class);
  }

  /**
   * Tells whether the path is a directory.
   *
   * @return {@code true} if the directory bit of {@link #mode()} is set
   */
  @JsonIgnore
  public boolean isDirectory() {
    return has(MODE_DIR);
  }

  /**
   * Tells whether the path is a symbolic link (the engine does not follow a link at the end
   * of the path).
   *
   * @return {@code true} if the symbolic-link bit of {@link #mode()} is set
   */
  @JsonIgnore
  public boolean isSymlink() {
    return has(MODE_SYMLINK);
  }

  /**
   * Returns the POSIX permission bits ({@code rwxrwxrwx}), without type or special bits.
   *
   * @return {@code mode & 0777}, e.g. {@code 0755}; 0 when {@code mode} is absent
   */
  public int permissions() {
    return mode == null ? 0 : (int) (mode & 0777);
  }

  private boolean has(long bit) {
    return mode != null && (mode & bit) != 0;
  }
}
