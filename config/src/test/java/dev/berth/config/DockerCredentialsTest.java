package dev.berth.config;

import static dev.berth.config.Fixtures.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.RegistryAuth;
import dev.berth.client.RegistryCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** config.json credentials: auths, credsStore and credHelpers with helper scripts the test writes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DockerCredentialsTest {
  @TempDir Path home;

  private Path bin() {
    return home.resolve("bin");
  }

  private Map<String, String> helperEnv() {
    return env("PATH", bin() + ":/usr/bin:/bin", "HELPER_LOG", home.resolve("helper.log").toString());
  }

  private DockerCredentials withConfig(String json) throws Exception {
    Fixtures.write(home.resolve(".docker/config.json"), json);
    return DockerCredentials.load(helperEnv(), home);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A helper that logs its argument and stdin, then prints the given JSON. */
  private void helper(String name, String json) throws Exception {
    Fixtures.script(bin().resolve("docker-credential-" + name),
        "read -r url || true\n"
            + "echo \"$1 $url\" >> \"$HELPER_LOG\"\n"
            + "cat <<'JSON'\n" + json + "\nJSON");
  }

  private String helperLog() throws Exception {
    return Files.readString(home.resolve("helper.log")).strip();
  }

  @ParameterizedTest
  @CsvSource(value = {
      "docker.io|https://index.docker.io/v1/",
      "|https://index.docker.io/v1/",
      "index.docker.io|https://index.docker.io/v1/",
      "https://index.docker.io/v1/|https://index.docker.io/v1/",
      "localhost:5000|localhost:5000",
      "https://localhost:5000/v2/|localhost:5000"}, delimiter = '|')
  void configKeyOfARegistry(String registry, String key) {
    assertEquals(key, DockerCredentials.configKey(registry == null ? "" : registry));
  }

  @Test
  void authsBase64UserAndPassword() throws Exception {
    DockerCredentials c = withConfig("{\"auths\":{\"localhost:5000\":{\"auth\":\"" + b64("alice:pa:ss") + "\"}}}");
    RegistryAuth a = c.forImage("localhost:5000/foo/bar:tag").orElseThrow();
    assertEquals("alice", a.username().orElseThrow());
    assertEquals("pa:ss", a.password().orElseThrow()); // only the first colon separates
    assertEquals("localhost:5000", a.serverAddress().orElseThrow());
  }

  @Test
  void dockerHubIsFoundUnderItsUrlKey() throws Exception {
    DockerCredentials c = withConfig("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("bob:pw") + "\"}}}");
    for (String image : new String[] {"ubuntu", "library/ubuntu", "docker.io/bob/app"}) {
      assertEquals("bob", c.forImage(image).orElseThrow().username().orElseThrow(), image);
    }
    assertEquals("bob", c.forRegistry("").orElseThrow().username().orElseThrow());
    assertEquals("https://index.docker.io/v1/", c.forRegistry("docker.io").orElseThrow().serverAddress().orElseThrow());
  }

  @Test
  void answersThroughTheClientCoreInterface() throws Exception {
    RegistryCredentials c = withConfig("{\"auths\":{\"localhost:5000\":{\"auth\":\"" + b64("alice:pw") + "\"}}}");
    assertEquals("alice", c.forImage("localhost:5000/app:1").orElseThrow().username().orElseThrow());
    assertEquals(Optional.empty(), c.forRegistry(RegistryCredentials.registryOf("ghcr.io/app")));
  }

  @Test
  void keysWrittenAsUrlsMatchTheirHost() throws Exception {
    DockerCredentials c = withConfig("{\"auths\":{\"https://registry.example:5000/v2/\":{\"auth\":\"" + b64("u:p") + "\"}}}");
    assertEquals("u", c.forRegistry("registry.example:5000").orElseThrow().username().orElseThrow());
  }

  @Test
  void plainUsernameAndPasswordFields() throws Exception {
    DockerCredentials c = withConfig("{\"auths\":{\"reg.example\":{\"username\":\"u\",\"password\":\"p\"}}}");
    assertEquals("p", c.forRegistry("reg.example").orElseThrow().password().orElseThrow());
  }

  @Test
  void identityTokenFromAuths() throws Exception {
    DockerCredentials c = withConfig("{\"auths\":{\"reg.example\":{\"auth\":\"" + b64("carol:") + "\","
        + "\"identitytoken\":\"refresh-tok\"}}}");
    RegistryAuth a = c.forRegistry("reg.example").orElseThrow();
    assertEquals("refresh-tok", a.identityToken().orElseThrow());
    assertEquals("carol", a.username().orElseThrow());
    assertTrue(a.password().isEmpty());
  }

  @Test
  void unknownRegistryAndMissingFileGiveNothing() throws Exception {
    assertEquals(Optional.empty(), DockerCredentials.load(helperEnv(), home).forImage("ubuntu"));
    DockerCredentials c = withConfig("{\"auths\":{\"reg.example\":{\"auth\":\"" + b64("u:p") + "\"}}}");
    assertEquals(Optional.empty(), c.forRegistry("other.example"));
    assertEquals(RegistryAuth.ANONYMOUS, c.headerForImage("other.example/app"));
  }

  @Test
  void malformedAuthIsAnErrorThatDoesNotEchoTheValue() throws Exception {
    DockerCredentials c = withConfig("{\"auths\":{\"reg.example\":{\"auth\":\"not*base64\"}}}");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> c.forRegistry("reg.example"));
    assertTrue(e.getMessage().contains("reg.example"), e.getMessage());
    assertFalse(e.getMessage().contains("not*base64"), e.getMessage());
  }

  @Test
  void credsStoreAsksTheHelperWithTheServerOnStdin() throws Exception {
    helper("teststore", "{\"ServerURL\":\"https://index.docker.io/v1/\",\"Username\":\"dave\",\"Secret\":\"pw\"}");
    DockerCredentials c = withConfig("{\"credsStore\":\"teststore\",\"auths\":{\"https://index.docker.io/v1/\":{}}}");
    RegistryAuth a = c.forImage("ubuntu").orElseThrow();
    assertEquals("dave", a.username().orElseThrow());
    assertEquals("pw", a.password().orElseThrow());
    assertEquals("get https://index.docker.io/v1/", helperLog());
  }

  @Test
  void credHelpersBeatCredsStoreForTheirRegistry() throws Exception {
    helper("store", "{\"ServerURL\":\"x\",\"Username\":\"from-store\",\"Secret\":\"s\"}");
    helper("special", "{\"ServerURL\":\"localhost:5000\",\"Username\":\"from-special\",\"Secret\":\"s\"}");
    DockerCredentials c = withConfig("{\"credsStore\":\"store\",\"credHelpers\":{\"localhost:5000\":\"special\"}}");
    assertEquals("from-special", c.forImage("localhost:5000/app").orElseThrow().username().orElseThrow());
    assertEquals("from-store", c.forImage("ghcr.io/app").orElseThrow().username().orElseThrow());
  }

  @Test
  void tokenUserMeansTheSecretIsAnIdentityToken() throws Exception {
    helper("tok", "{\"ServerURL\":\"reg.example\",\"Username\":\"<token>\",\"Secret\":\"refresh\"}");
    DockerCredentials c = withConfig("{\"credHelpers\":{\"reg.example\":\"tok\"}}");
    RegistryAuth a = c.forRegistry("reg.example").orElseThrow();
    assertEquals("refresh", a.identityToken().orElseThrow());
    assertTrue(a.username().isEmpty() && a.password().isEmpty());
  }

  @Test
  void helperSayingCredentialsNotFoundGivesNothing() throws Exception {
    Fixtures.script(bin().resolve("docker-credential-empty"),
        "cat >/dev/null\necho 'credentials not found in native keychain'\nexit 1");
    DockerCredentials c = withConfig("{\"credsStore\":\"empty\"}");
    assertEquals(Optional.empty(), c.forImage("ubuntu"));
    assertEquals("e30=", c.headerForImage("ubuntu"));
  }

  @Test
  void missingHelperIsAClearErrorNamingIt() throws Exception {
    DockerCredentials c = withConfig("{\"credsStore\":\"nosuch\"}");
    CredentialHelperException e = assertThrows(CredentialHelperException.class, () -> c.forImage("ubuntu"));
    assertEquals("docker-credential-nosuch", e.helper());
    assertTrue(e.getMessage().contains("docker-credential-nosuch not found on PATH"), e.getMessage());
    assertTrue(e.getMessage().contains("credsStore in " + home.resolve(".docker/config.json")), e.getMessage());
  }

  @Test
  void helperThatFailsOtherwiseIsAnError() throws Exception {
    Fixtures.script(bin().resolve("docker-credential-broken"), "cat >/dev/null\necho 'keychain locked' >&2\nexit 3");
    DockerCredentials c = withConfig("{\"credHelpers\":{\"reg.example\":\"broken\"}}");
    CredentialHelperException e = assertThrows(CredentialHelperException.class, () -> c.forRegistry("reg.example"));
    assertTrue(e.getMessage().contains("failed with exit status 3"), e.getMessage());
    assertFalse(e.getMessage().contains("keychain locked"), e.getMessage());
    assertTrue(e.getMessage().contains("credHelpers[\"reg.example\"]"), e.getMessage());
  }

  // Issue 18, finding 1: the helper's own words may be the secret (the protocol JSON printed before
  // failing, a token inside a decryption error); the exception carries only helper, registry, status.
  @Test
  void failingHelperOutputNeverReachesTheException() throws Exception {
    Fixtures.script(bin().resolve("docker-credential-leaky"), "cat >/dev/null\n"
        + "echo '{\"ServerURL\":\"reg.example\",\"Username\":\"eve\",\"Secret\":\"s3cr3t-from-stdout\"}'\nexit 1");
    Fixtures.script(bin().resolve("docker-credential-gpg"), "cat >/dev/null\n"
        + "echo 'gpg decrypt failed for token tok-from-stderr-42' >&2\nexit 2");
    DockerCredentials c = withConfig("{\"credHelpers\":{\"reg.example\":\"leaky\",\"other.example\":\"gpg\"}}");
    CredentialHelperException out = assertThrows(CredentialHelperException.class, () -> c.forRegistry("reg.example"));
    CredentialHelperException err = assertThrows(CredentialHelperException.class, () -> c.forRegistry("other.example"));
    for (CredentialHelperException e : new CredentialHelperException[] {out, err}) {
      String all = e.getMessage() + "|" + e + "|" + e.getLocalizedMessage();
      assertFalse(all.contains("s3cr3t-from-stdout") || all.contains("tok-from-stderr-42") || all.contains("eve"), all);
    }
    assertTrue(out.getMessage().contains("docker-credential-leaky") && out.getMessage().contains("exit status 1"),
        out.getMessage());
    assertTrue(err.getMessage().contains("exit status 2") && err.getMessage().contains("other.example"), err.getMessage());
  }

  // Issue 18, finding 6: Go's exec.LookPath refuses relative PATH entries; a helper planted in the
  // current directory (a checked-out repository) under a relative entry must not run.
  @Test
  void relativePathEntriesAreNotSearchedForHelpers() throws Exception {
    Path marker = home.resolve("planted-ran");
    Fixtures.script(bin().resolve("docker-credential-planted"), "touch " + marker + "\necho '{\"Secret\":\"x\"}'");
    String relative = Path.of("").toAbsolutePath().relativize(bin()).toString();
    assertFalse(Path.of(relative).isAbsolute());
    Fixtures.write(home.resolve(".docker/config.json"), "{\"credsStore\":\"planted\"}");
    DockerCredentials c = DockerCredentials.load(env("PATH", relative + ":/usr/bin:/bin"), home);
    CredentialHelperException e = assertThrows(CredentialHelperException.class, () -> c.forImage("ubuntu"));
    assertTrue(e.getMessage().contains("not found on PATH"), e.getMessage());
    assertFalse(Files.exists(marker), "the helper under a relative PATH entry ran");
  }

  // Issue 18, finding 6: on a timeout the helper's children die with it (a helper that started gpg).
  @Test
  void helperTimeoutKillsTheWholeProcessTree() throws Exception {
    Path childPid = home.resolve("child.pid");
    DockerCredentials c = slowHelper("forks", "sleep 30 >/dev/null 2>&1 &\necho $! > " + childPid + "\nexec sleep 30");
    assertThrows(CredentialHelperException.class, () -> c.forImage("ubuntu"));
    assertDies(childPid, "the helper's child survived");
  }

  /** A credsStore helper running {@code script}, with a 500 ms timeout. */
  private DockerCredentials slowHelper(String name, String script) throws Exception {
    Fixtures.script(bin().resolve("docker-credential-" + name), script);
    Fixtures.write(home.resolve(".docker/config.json"), "{\"credsStore\":\"" + name + "\"}");
    return DockerCredentials.builder().environment(helperEnv())
        .configDirectory(home.resolve(".docker")).helperTimeout(Duration.ofMillis(500)).build();
  }

  /** Waits up to 5 s for the process whose pid is in {@code pidFile} to be gone. */
  private static void assertDies(Path pidFile, String message) throws Exception {
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
      Thread.sleep(100);
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), message);
  }

  // A helper that starts a process keeping its stdout open (an agent) answers as soon as it exits:
  // reading its output must not wait for that process.
  @Test
  void aHelperWhoseChildKeepsTheOutputOpenStillAnswers() throws Exception {
    Path childPid = home.resolve("agent.pid");
    Fixtures.script(bin().resolve("docker-credential-agent"), "cat >/dev/null\n"
        + "sleep 120 &\necho $! > " + childPid + "\n"
        + "echo '{\"ServerURL\":\"reg.example\",\"Username\":\"u\",\"Secret\":\"p\"}'");
    DockerCredentials c = withConfig("{\"credsStore\":\"agent\"}");
    try {
      assertEquals("p", c.forRegistry("reg.example").orElseThrow().password().orElseThrow());
    } finally {
      ProcessHandle.of(Long.parseLong(Files.readString(childPid).strip())).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  // Issue 18, finding 6: a NUL in the name is the documented typed error, not InvalidPathException.
  @Test
  void nulInHelperNameIsATypedError() throws Exception {
    DockerCredentials c = withConfig("{\"credsStore\":\"pass\\u0000evil\"}");
    CredentialHelperException e = assertThrows(CredentialHelperException.class, () -> c.forImage("ubuntu"));
    assertTrue(e.getMessage().contains("invalid credential helper name \"pass\\u0000evil\""), e.getMessage());
    assertFalse(e.getMessage().contains("\u0000"), "raw NUL in the message");
  }

  @Test
  void helperOutputThatIsNotJsonIsAnErrorWithoutEchoingIt() throws Exception {
    Fixtures.script(bin().resolve("docker-credential-garbled"), "cat >/dev/null\necho 'user=eve secret=leak'");
    DockerCredentials c = withConfig("{\"credsStore\":\"garbled\"}");
    CredentialHelperException e = assertThrows(CredentialHelperException.class, () -> c.forImage("ubuntu"));
    assertFalse(e.getMessage().contains("leak"), e.getMessage());
    assertTrue(e.getMessage().contains("not the credential helper protocol's JSON"), e.getMessage());
  }

  @Test
  void helperThatHangsIsKilledAfterTheTimeout() throws Exception {
    Path pidFile = home.resolve("hang.pid");
    DockerCredentials c = slowHelper("hang", "echo $$ > " + pidFile + "\nexec sleep 30");
    long start = System.nanoTime();
    CredentialHelperException e = assertThrows(CredentialHelperException.class, () -> c.forImage("ubuntu"));
    assertTrue(e.getMessage().contains("did not answer within 500 ms"), e.getMessage());
    assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000);
    assertDies(pidFile, "the helper was killed");
  }

  @Test
  void helperRunsWithTheGivenEnvironmentOnly() throws Exception {
    Fixtures.script(bin().resolve("docker-credential-envcheck"),
        "cat >/dev/null\nprintf '{\"ServerURL\":\"r\",\"Username\":\"%s\",\"Secret\":\"%s\"}' \"$MARKER\" \"${HOME:-nohome}\"");
    Fixtures.write(home.resolve(".docker/config.json"), "{\"credsStore\":\"envcheck\"}");
    Map<String, String> env = new java.util.HashMap<>(helperEnv());
    env.put("MARKER", "from-test");
    RegistryAuth a = DockerCredentials.load(env, home).forImage("ubuntu").orElseThrow();
    assertEquals("from-test", a.username().orElseThrow());
    assertEquals("nohome", a.password().orElseThrow()); // HOME of this JVM is not passed on
  }

  @Test
  void dockerConfigVariableMovesTheFile() throws Exception {
    Path other = home.resolve("other");
    Fixtures.write(other.resolve("config.json"), "{\"auths\":{\"reg.example\":{\"auth\":\"" + b64("o:p") + "\"}}}");
    DockerCredentials c = DockerCredentials.load(env("DOCKER_CONFIG", other.toString()), home);
    assertEquals(other.resolve("config.json"), c.configFile());
    assertEquals("o", c.forRegistry("reg.example").orElseThrow().username().orElseThrow());
  }

  @Test
  void toStringListsRegistriesButNoSecrets() throws Exception {
    DockerCredentials c = withConfig("{\"auths\":{\"reg.example\":{\"auth\":\"" + b64("u:topsecret") + "\"}}}");
    assertFalse(c.toString().contains(b64("u:topsecret")));
    assertTrue(c.toString().contains("reg.example"));
  }
}
