package dev.berth.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.config.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The docker CLI's context store: {@code contexts/meta/<sha256(name)>/meta.json} holds the
 * endpoints, {@code contexts/tls/<sha256(name)>/docker/} the TLS files of the docker endpoint.
 */
public final class Contexts {
  /** The context that means "no context": environment and defaults. */
  public static final String DEFAULT = "default";

  private Contexts() {}

  /** The docker endpoint of a context. */
  public record DockerEndpoint(String host, boolean skipTlsVerify, Path metaFile) {}

  /** The store's folder name for a context: the hex SHA-256 of its name. */
  public static String digest(String name) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** {@code configDir/contexts/meta/<digest>/meta.json}. */
  public static Path metaFile(Path configDir, String name) {
    return configDir.resolve("contexts").resolve("meta").resolve(digest(name)).resolve("meta.json");
  }

  /** {@code configDir/contexts/tls/<digest>/docker}. */
  public static Path tlsDirectory(Path configDir, String name) {
    return configDir.resolve("contexts").resolve("tls").resolve(digest(name)).resolve("docker");
  }

  /**
   * Reads the docker endpoint of context {@code name}.
   *
   * @param origin where the name came from, for messages (e.g. {@code "DOCKER_CONTEXT"})
   * @throws ConfigurationException when the context does not exist or has no docker endpoint
   */
  public static DockerEndpoint read(Path configDir, String name, String origin) {
    Path meta = metaFile(configDir, name);
    if (!Files.isRegularFile(meta)) {
      throw new ConfigurationException("context \"" + name + "\" (from " + origin + ") not found: no " + meta
          + " (the docker CLI's `docker context ls` lists the contexts; \"default\" means no context)");
    }
    JsonNode root = ConfigFile.readJson(meta);
    JsonNode docker = root == null ? null : root.path("Endpoints").get("docker");
    String host = docker == null ? null : ConfigFile.text(docker, "Host");
    if (host == null) {
      throw new ConfigurationException("context \"" + name + "\" (from " + origin + ") has no docker endpoint host in "
          + meta);
    }
    JsonNode skip = docker.get("SkipTLSVerify");
    return new DockerEndpoint(host.trim(), skip != null && skip.asBoolean(false), meta);
  }
}
