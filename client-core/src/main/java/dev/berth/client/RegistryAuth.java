package dev.berth.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.berth.client.internal.Codec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials for one registry: a user name and password, or an identity token (an OAuth refresh
 * token from {@code docker login} against some registries). Immutable. {@link #toString()} never
 * shows the password or token.
 *
 * <p>The engine takes them in the {@code X-Registry-Auth} header of pull, push and build
 * requests: {@link #header(RegistryAuth)} encodes it.
 */
public final class RegistryAuth {
  /** The header's name. */
  public static final String HEADER = "X-Registry-Auth";
  /**
   * The header value for no credentials: {@code {}} encoded. Send it rather than no header: a
   * push without the header fails with HTTP 400 even for a registry without authentication.
   */
  public static final String ANONYMOUS = "e30=";

  private final String username;
  private final String password;
  private final String identityToken;
  private final String serverAddress;

  private RegistryAuth(String username, String password, String identityToken, String serverAddress) {
    this.username = username;
    this.password = password;
    this.identityToken = identityToken;
    this.serverAddress = serverAddress;
  }

  /**
   * A user name and password for {@code serverAddress} (e.g. {@code localhost:5000}, or
   * {@code https://index.docker.io/v1/} for Docker Hub; {@code null} if unknown).
   */
  public static RegistryAuth basic(String username, String password, String serverAddress) {
    return new RegistryAuth(Objects.requireNonNull(username, "username"), Objects.requireNonNull(password, "password"),
        null, serverAddress);
  }

  /** An identity token for {@code serverAddress}; {@code username} may be {@code null}. */
  public static RegistryAuth identityToken(String username, String identityToken, String serverAddress) {
    return new RegistryAuth(username, null, Objects.requireNonNull(identityToken, "identityToken"), serverAddress);
  }

  /** The user name, if any. */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** The password, if any. Secret: do not log it. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** The identity token, if any. Secret: do not log it. */
  public Optional<String> identityToken() {
    return Optional.ofNullable(identityToken);
  }

  /** The registry these are for, as written in {@code config.json} or by the helper. */
  public Optional<String> serverAddress() {
    return Optional.ofNullable(serverAddress);
  }

  /**
   * The {@code X-Registry-Auth} value: base64url, with padding, of
   * {@code {"username","password","serveraddress"}}, or of {@code {"identitytoken","serveraddress"}}
   * when there is a token. (The engine reads unpadded or standard-alphabet values as no
   * credentials, silently.)
   */
  public String headerValue() {
    Map<String, String> json = new LinkedHashMap<>();
    if (identityToken != null) {
      json.put("identitytoken", identityToken);
    } else {
      json.put("username", username);
      json.put("password", password);
    }
    if (serverAddress != null) {
      json.put("serveraddress", serverAddress);
    }
    try {
      byte[] bytes = Codec.mapper().writeValueAsBytes(json);
      return Base64.getUrlEncoder().encodeToString(bytes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode registry credentials", e); // strings always encode
    }
  }

  /** The {@code X-Registry-Auth} value for {@code auth}, or {@link #ANONYMOUS} for {@code null}. */
  public static String header(RegistryAuth auth) {
    return auth == null ? ANONYMOUS : auth.headerValue();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegistryAuth r && Objects.equals(r.username, username) && Objects.equals(r.password, password)
        && Objects.equals(r.identityToken, identityToken) && Objects.equals(r.serverAddress, serverAddress);
  }

  @Override
  public int hashCode() {
    return Objects.hash(username, password, identityToken, serverAddress);
  }

  /** Names the user and registry; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return "RegistryAuth[" + (username == null ? "" : "username=" + username + ", ")
        + (password == null ? "" : "password=***, ") + (identityToken == null ? "" : "identitytoken=***, ")
        + "serveraddress=" + serverAddress + "]";
  }
}
