package dev.berth.config.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.config.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of the docker CLI's {@code config.json} that berth reads. A missing file is an empty
 * configuration (as for the docker CLI); a malformed one is an error naming the file.
 */
public final class ConfigFile {
  /** Config files are small; anything bigger is not one. */
  static final long MAX_SIZE = 4L * 1024 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One entry of {@code auths}; fields are null when absent. */
  public record AuthEntry(String auth, String username, String password, String identityToken) {}

  private final Path path;
  private final boolean exists;
  private final String currentContext;
  private final String credsStore;
  private final Map<String, String> credHelpers;
  private final Map<String, AuthEntry> auths;

  private ConfigFile(Path path, boolean exists, String currentContext, String credsStore,
      Map<String, String> credHelpers, Map<String, AuthEntry> auths) {
    this.path = path;
    this.exists = exists;
    this.currentContext = currentContext;
    this.credsStore = credsStore;
    this.credHelpers = Collections.unmodifiableMap(credHelpers);
    this.auths = Collections.unmodifiableMap(auths);
  }

  /** Reads {@code directory/config.json}. */
  public static ConfigFile read(Path directory) {
    Path file = directory.resolve("config.json");
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_SIZE) {
        throw new ConfigurationException(file + " is larger than " + MAX_SIZE + " bytes: not a docker config file");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new ConfigFile(file, false, null, null, Map.of(), Map.of());
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + file + ": " + e, e);
    }
    JsonNode root = Json.parse(MAPPER, bytes, file);
    if (root == null || root.isMissingNode()) {
      return new ConfigFile(file, true, null, null, Map.of(), Map.of());
    }
    if (!root.isObject()) {
      throw new ConfigurationException(file + " is not a JSON object");
    }
    Map<String, String> helpers = new LinkedHashMap<>();
    JsonNode h = root.get("credHelpers");
    if (h != null && h.isObject()) {
      for (Map.Entry<String, JsonNode> e : h.properties()) {
        if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
          helpers.put(e.getKey(), e.getValue().asText().trim());
        }
      }
    }
    Map<String, AuthEntry> auths = new LinkedHashMap<>();
    JsonNode a = root.get("auths");
    if (a != null && a.isObject()) {
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode v = e.getValue();
        if (v.isObject()) {
          auths.put(e.getKey(), new AuthEntry(text(v, "auth"), text(v, "username"), text(v, "password"),
              text(v, "identitytoken")));
        }
      }
    }
    return new ConfigFile(file, true, text(root, "currentContext"), text(root, "credsStore"), helpers, auths);
  }

  /** Non-blank text of a field, else null. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }

  /** The file ({@code config.json}), whether or not it exists. */
  public Path path() {
    return path;
  }

  /** Whether the file exists. */
  public boolean exists() {
    return exists;
  }

  /** {@code currentContext}, or null. */
  public String currentContext() {
    return currentContext;
  }

  /** {@code credsStore}, or null. */
  public String credsStore() {
    return credsStore;
  }

  /** {@code credHelpers}: registry to helper suffix. */
  public Map<String, String> credHelpers() {
    return credHelpers;
  }

  /** {@code auths}: registry key to entry, in file order. */
  public Map<String, AuthEntry> auths() {
    return auths;
  }

  /** Shared JSON parsing with messages that name the file and never echo its content. */
  static final class Json {
    private Json() {}

    static JsonNode parse(ObjectMapper mapper, byte[] bytes, Path file) {
      try {
        return mapper.readTree(bytes);
      } catch (JacksonException e) {
        JsonLocation l = e.getLocation();
        throw new ConfigurationException(file + " is not valid JSON"
            + (l == null ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")"), null);
      } catch (IOException e) {
        throw new ConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Parses a small JSON file such as a context's {@code meta.json}. */
  public static JsonNode readJson(Path file) {
    try {
      if (Files.size(file) > MAX_SIZE) {
        throw new ConfigurationException(file + " is larger than " + MAX_SIZE + " bytes");
      }
      return Json.parse(MAPPER, Files.readAllBytes(file), file);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + file + ": " + e, e);
    }
  }

  /** The shared mapper (thread-safe once configured). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
