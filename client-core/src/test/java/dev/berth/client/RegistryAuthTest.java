package dev.berth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The X-Registry-Auth value: base64url with padding, as the engine requires. */
class RegistryAuthTest {

  private static Map<?, ?> decode(String header) throws Exception {
    return new ObjectMapper().readValue(Base64.getUrlDecoder().decode(header), Map.class);
  }

  @Test
  void anonymousIsEncodedEmptyObject() {
    assertEquals("e30=", RegistryAuth.header(null));
    assertEquals("{}", new String(Base64.getUrlDecoder().decode(RegistryAuth.ANONYMOUS), StandardCharsets.UTF_8));
  }

  @Test
  void basicCredentialsEncodeUserPasswordAndServer() throws Exception {
    String h = RegistryAuth.header(RegistryAuth.basic("alice", "s3cret", "localhost:5000"));
    assertEquals(Map.of("username", "alice", "password", "s3cret", "serveraddress", "localhost:5000"), decode(h));
  }

  @Test
  void identityTokenReplacesUserAndPassword() throws Exception {
    String h = RegistryAuth.identityToken("alice", "tok-123", "https://index.docker.io/v1/").headerValue();
    assertEquals(Map.of("identitytoken", "tok-123", "serveraddress", "https://index.docker.io/v1/"), decode(h));
  }

  @Test
  void paddingIsKeptAndTheAlphabetIsUrlSafe() throws Exception {
    // "??>" encodes to "Pz8-" in base64url and "Pz8+" in standard base64; lengths vary the padding
    for (String password : new String[] {"??>", "??>?", "??>??", "~~~~~~"}) {
      String h = RegistryAuth.basic("u", password, "r").headerValue();
      assertEquals(0, h.length() % 4, "padded to a multiple of 4: " + h);
      assertFalse(h.contains("+") || h.contains("/"), "url-safe alphabet: " + h);
      assertEquals(password, decode(h).get("password"));
    }
    boolean sawPadding = false;
    boolean sawUrlChar = false;
    for (String password : new String[] {"a", "ab", "abc", "??>", "~~~~"}) {
      String h = RegistryAuth.basic("u", password, null).headerValue();
      sawPadding |= h.endsWith("=");
      sawUrlChar |= h.contains("-") || h.contains("_");
    }
    assertTrue(sawPadding, "some value needs padding, and keeps it");
    assertTrue(sawUrlChar, "some value uses - or _");
  }

  @Test
  void toStringNeverShowsSecrets() {
    String basic = RegistryAuth.basic("alice", "hunter2", "localhost:5000").toString();
    assertFalse(basic.contains("hunter2"), basic);
    assertTrue(basic.contains("alice") && basic.contains("password=***"), basic);
    String token = RegistryAuth.identityToken(null, "tok-secret", "r").toString();
    assertFalse(token.contains("tok-secret"), token);
  }
}
