package dev.berth.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

  /** Found by EndpointFuzzTest: a path with line breaks was accepted and printed as given. */
  @ParameterizedTest
  @ValueSource(strings = {"unix:///run/\ndocker.sock", "tcp://127.0.0.1:2375\r\nX-Forged: 1", "ssh://u\u0000@h", "tcp://h\u007f:1"})
  void controlCharactersAreRefusedWithoutBeingEchoed(String address) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(address));
    assertTrue(e.getMessage().contains("control character"), e.getMessage());
    assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20 || c == 0x7f), "message carries a control character");
  }

  @Test
  void unixSocketHasSchemeAndAbsolutePath() {
    Endpoint e = Endpoint.parse("unix:///var/run/docker.sock");
    assertEquals("unix", e.scheme());
    assertEquals("/var/run/docker.sock", e.path());
    assertNull(e.host());
    assertEquals(-1, e.port());
    assertNull(e.user());
    assertNotNull(e.dialer());
  }

  @Test
  void tcpWithHostAndPort() {
    Endpoint e = Endpoint.parse("tcp://127.0.0.1:2375");
    assertEquals("tcp", e.scheme());
    assertEquals("127.0.0.1", e.host());
    assertEquals(2375, e.port());
    assertNull(e.path());
    assertNotNull(e.dialer());
  }

  @Test
  void tcpWithoutPortDefaultsTo2375() {
    Endpoint e = Endpoint.parse("tcp://host");
    assertEquals("host", e.host());
    assertEquals(2375, e.port());
  }

  @Test
  void schemeIsCaseInsensitiveAndSurroundingBlanksAreIgnored() {
    Endpoint e = Endpoint.parse("  TCP://example.org:1234 ");
    assertEquals("tcp", e.scheme());
    assertEquals("example.org", e.host());
    assertEquals(1234, e.port());
  }

  @Test
  void ipv6HostIsReportedWithoutBrackets() {
    Endpoint e = Endpoint.parse("http://[::1]:2375");
    assertEquals("http", e.scheme());
    assertEquals("::1", e.host());
    assertEquals(2375, e.port());
    assertEquals("http://[::1]:2375", e.toString());
  }

  @Test
  void sshCarriesUserAndPort() {
    Endpoint e = Endpoint.parse("ssh://user@host:2222");
    assertEquals("ssh", e.scheme());
    assertEquals("user", e.user());
    assertEquals("host", e.host());
    assertEquals(2222, e.port());
  }

  @Test
  void sshWithoutPortDefaultsTo22() {
    Endpoint e = Endpoint.parse("ssh://me@box");
    assertEquals(22, e.port());
    assertEquals("me", e.user());
  }

  @Test
  void httpsDialsTlsWithTheJdkTrustStore() {
    Dialer d = Endpoint.parse("https://127.0.0.1:2376").dialer();
    assertEquals("https://127.0.0.1:2376", d.toString());
    assertEquals("127.0.0.1:2376", d.authority());
  }

  @Test
  void tlsSettingsApplyToTcpAndHttpsOnly() throws Exception {
    TlsConfig tls = TlsConfig.builder().build();
    assertEquals("tcp://host:2376", Endpoint.parse("tcp://host:2376").dialer(tls).toString());
    assertEquals("https://host:443", Endpoint.parse("https://host").dialer(tls).toString());
    for (String a : new String[] {"unix:///var/run/docker.sock", "http://host:80", "ssh://u@host", "npipe:////./pipe/x"}) {
      IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(a).dialer(tls));
      assertTrue(ex.getMessage().contains("tcp:// and https://"), ex.getMessage());
    }
  }

  @ParameterizedTest
  @CsvSource({
      "ssh://user@host:2222, berth-transport-ssh",
      "npipe:////./pipe/docker_engine, named pipe",
  })
  void unsupportedSchemesParseButCannotDial(String address, String needed) {
    Endpoint e = Endpoint.parse(address);
    UnsupportedOperationException ex = assertThrows(UnsupportedOperationException.class, e::dialer);
    assertNotNull(ex.getMessage());
    assertTrue(ex.getMessage().toLowerCase(Locale.ROOT).contains(needed.toLowerCase(Locale.ROOT)),
        () -> "message should name what is needed (" + needed + "): " + ex.getMessage());
  }

  @Test
  void npipeKeepsItsPath() {
    Endpoint e = Endpoint.parse("npipe:////./pipe/docker_engine");
    assertEquals("npipe", e.scheme());
    assertEquals("//./pipe/docker_engine", e.path());
  }

  @Test
  void emptyAddressIsRejected() {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(""));
    assertTrue(ex.getMessage().contains("empty"), ex.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("   "));
  }

  @Test
  void addressWithoutSchemeIsRejected() {
    IllegalArgumentException ex =
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("/var/run/docker.sock"));
    assertTrue(ex.getMessage().contains("scheme"), ex.getMessage());
    ex = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("127.0.0.1:2375"));
    assertTrue(ex.getMessage().contains("scheme"), ex.getMessage());
  }

  @Test
  void relativeUnixPathIsRejected() {
    IllegalArgumentException ex =
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("unix://relative"));
    assertTrue(ex.getMessage().contains("absolute"), ex.getMessage());
    assertTrue(ex.getMessage().contains("unix://relative"), ex.getMessage());
  }

  @Test
  void unixWithoutPathIsRejected() {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("unix://"));
    assertTrue(ex.getMessage().contains("path"), ex.getMessage());
  }

  @Test
  void unknownSchemeIsRejectedNamingTheKnownOnes() {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("foo://x"));
    assertTrue(ex.getMessage().contains("foo"), ex.getMessage());
    assertTrue(ex.getMessage().contains("unix"), ex.getMessage());
    assertTrue(ex.getMessage().contains("tcp"), ex.getMessage());
  }

  @Test
  void tcpWithPathIsRejected() {
    IllegalArgumentException ex =
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("tcp://host:2375/path"));
    assertTrue(ex.getMessage().contains("path"), ex.getMessage());
  }

  @Test
  void tcpWithQueryIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("tcp://host:2375?x=1"));
  }

  @Test
  void tcpWithUserInfoIsRejectedWithoutEchoingIt() {
    IllegalArgumentException ex =
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("tcp://user@host:1"));
    assertTrue(ex.getMessage().contains("user"), ex.getMessage());
    IllegalArgumentException secret =
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("tcp://bob:s3cr3tpw@host:1"));
    assertTrue(!secret.getMessage().contains("s3cr3tpw"), secret.getMessage());
  }

  @Test
  void tcpWithoutHostIsRejected() {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("tcp://:2375"));
    assertTrue(ex.getMessage().contains("host"), ex.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp://host:65536", "tcp://host:99999", "http://[::1]:70000", "ssh://u@host:123456"})
  void portOutOfRangeIsRejected(String address) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(address));
    assertTrue(ex.getMessage().contains("port"), ex.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "unix:///var/run/docker.sock",
      "tcp://127.0.0.1:2375",
      "tcp://example.org:1",
      "http://[::1]:2375",
      "https://host:2376",
      "ssh://user@host:2222",
      "npipe:////./pipe/docker_engine",
  })
  void toStringRoundTrips(String address) {
    Endpoint e = Endpoint.parse(address);
    assertEquals(address, e.toString());
    Endpoint again = Endpoint.parse(e.toString());
    assertEquals(e, again);
    assertEquals(e.hashCode(), again.hashCode());
    assertEquals(e.scheme(), again.scheme());
    assertEquals(e.host(), again.host());
    assertEquals(e.port(), again.port());
    assertEquals(e.path(), again.path());
    assertEquals(e.user(), again.user());
  }

  @Test
  void toStringMakesTheDefaultPortExplicit() {
    assertEquals("tcp://host:2375", Endpoint.parse("tcp://host").toString());
  }

  /**
   * Issue 18, finding 6: as the docker CLI, a plain-text password in an address is refused, and
   * the password is in no message (nor, since no endpoint is made, in any toString).
   */
  @ParameterizedTest
  @ValueSource(strings = {"ssh://deploy:hunter2-secret@build.example:2222", "ssh://deploy:hunter2-secret@build.example",
      "ssh://deploy:hunter2-secret@", "ssh://deploy:p@hunter2-secret@build.example/run/docker.sock",
      "tcp://admin:hunter2-secret@127.0.0.1:2375", "https://admin:hunter2-secret@engine.example"})
  void passwordsInAddressesAreRefusedAndNeverPrinted(String address) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(address));
    assertTrue(!e.getMessage().contains("hunter2-secret"), e.getMessage());
    assertTrue(e.getMessage().contains(":***@"), e.getMessage());
    if (address.startsWith("ssh")) {
      assertTrue(e.getMessage().startsWith("ssh engine address must not contain a password"), e.getMessage());
    }
  }

  @Test
  void anSshUserWithoutPasswordIsKept() {
    Endpoint e = Endpoint.parse("ssh://deploy@build.example:2222");
    assertEquals("deploy", e.user());
    assertEquals("ssh://deploy@build.example:2222", e.toString());
  }
}
