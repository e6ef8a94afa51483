package dev.berth.tracing.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.BerthException;
import dev.berth.client.EngineClient;
import dev.berth.client.RegistryAuth;
import dev.berth.config.CredentialHelperException;
import dev.berth.config.DockerCredentials;
import dev.berth.images.ImagePullOptions;
import dev.berth.images.ImagePushOptions;
import dev.berth.images.ImageService;
import dev.berth.testkit.EngineTest;
import dev.berth.testkit.TestEngine;
import dev.berth.testkit.TestEngines;
import dev.berth.transport.Doer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.ForwardingDoer;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.LoggingDoer;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.transport.ssh.SshDialer;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 (credentials) and issue 18: a session that uses registry passwords (right and wrong),
 * an identity token, credential helpers (one answering, one failing with the secret in its
 * output) and an encrypted SSH key (right and wrong passphrase) against the real Docker engine,
 * its registry with authentication and the rig's sshd. Every exception message (with causes and
 * suppressed), every {@code toString} of the objects involved, every line the {@link LoggingDoer}
 * logs and every span (name, attributes, events, status) is collected; no secret, nor its base64
 * or {@code X-Registry-Auth} form, may appear in any of them.
 */
@EngineTest
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CredentialsNeverLeakEngineTest {
  private final TestTelemetry otel = new TestTelemetry();
  private final BerthTelemetry telemetry = BerthTelemetry.create(otel.sdk);
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final List<Request> sent = new CopyOnWriteArrayList<>();
  private final List<String> seen = new ArrayList<>();
  private final List<String> secrets = new ArrayList<>();
  private TestEngine engine;
  private EngineClient client;

  @TempDir Path home;

  /** A logger that keeps every line (all levels), as a log shipper would. */
  private final System.Logger logger = new System.Logger() {
    @Override
    public String getName() {
      return "capture";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      logged.add(msg + (thrown == null ? "" : " " + thrown));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      logged.add(format + " " + java.util.Arrays.toString(params));
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
      logged.add(msgSupplier.get());
    }
  };

  @BeforeEach
  void connect(TestEngine engine) {
    this.engine = engine;
    Doer recording = new ForwardingDoer(Http1Doer.of(engine.dialer())) {
      @Override
      public Response send(Request request) throws IOException {
        sent.add(request);
        return super.send(request);
      }
    };
    client = EngineClient.builder(telemetry.wrap(LoggingDoer.wrap(recording, logger), Endpoint.parse(engine.address())))
        .listener(telemetry.clientListener()).ownsDoer(true).build();
  }

  @AfterEach
  void close() {
    client.close();
    otel.close();
  }

  /** Records a secret and the forms it travels in. */
  private void secret(String s) {
    secrets.add(s);
    secrets.add(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
  }

  private void auth(RegistryAuth a) {
    String header = a.headerValue();
    secrets.add(header);
    secrets.add(header.replace("=", ""));
    see(a);
  }

  private void see(Object o) {
    seen.add(String.valueOf(o));
  }

  private void see(Throwable t) {
    for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
      seen.add(x.getClass().getName() + ": " + x.getMessage() + " | " + x + " | " + x.getLocalizedMessage());
      for (Throwable s : x.getSuppressed()) {
        see(s);
      }
      for (StackTraceElement e : x.getStackTrace()) {
        seen.add(e.toString());
      }
    }
  }

  private <T extends Throwable> void fails(Class<T> type, org.junit.jupiter.api.function.Executable call) {
    see(assertThrows(type, call));
  }

  @Test
  void noSecretReachesAnExceptionToStringLogOrSpan() throws Exception {
    String user = TestEngines.authRegistryUser();
    String password = TestEngines.authRegistryPassword();
    String wrongPassword = "wrong-pw-" + UUID.randomUUID();
    String identityToken = "idtok-" + UUID.randomUUID();
    String helperSecret = "helper-leak-" + UUID.randomUUID();
    String registry = TestEngines.authRegistry();
    secret(password);
    secret(user + ":" + password);
    secret(wrongPassword);
    secret(user + ":" + wrongPassword);
    secret(identityToken);
    secret(helperSecret);

    RegistryAuth right = RegistryAuth.basic(user, password, registry);
    RegistryAuth wrong = RegistryAuth.basic(user, wrongPassword, registry);
    RegistryAuth token = RegistryAuth.identityToken(null, identityToken, registry);
    auth(right);
    auth(wrong);
    auth(token);

    // config.json with the password (auths) and a helper that fails after printing a secret
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path helper = bin.resolve("docker-credential-leaky");
    Files.writeString(helper, "#!/bin/sh\ncat >/dev/null\necho '{\"Secret\":\"" + helperSecret + "\"}'\n"
        + "echo 'decrypt failed for " + helperSecret + "' >&2\nexit 1\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
    Path config = Files.createDirectories(home.resolve(".docker"));
    Files.writeString(config.resolve("config.json"), "{\"auths\":{\"" + registry + "\":{\"auth\":\""
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\"}},"
        + "\"credHelpers\":{\"leaky.example\":\"leaky\"}}");
    DockerCredentials credentials = DockerCredentials.load(Map.of("PATH", bin + ":/usr/bin:/bin"), home);
    see(credentials);
    see(credentials.forRegistry(registry).orElseThrow());
    fails(CredentialHelperException.class, () -> credentials.forRegistry("leaky.example"));

    ImageService images = ImageService.create(client, credentials);
    String repository = engine.imageName(registry, "leak");
    images.tag(engine.image(), repository, "1");
    try {
      // the right password, from config.json: push and pull succeed
      images.push(repository + ":1");
      images.pull(repository + ":1");
      see(ImagePushOptions.builder().auth(right).build());
      see(ImagePullOptions.builder().auth(token).build());
      // a wrong password: Docker 20.10 refuses the pull with 500 and the push inside the stream
      fails(BerthException.class, () -> images.pull(repository + ":1", o -> o.auth(wrong)));
      fails(BerthException.class, () -> images.push(repository + ":1", o -> o.auth(wrong)));
      fails(BerthException.class, () -> images.distributionInspect(repository + ":1", o -> o.auth(wrong)));
      // an identity token this registry does not take
      fails(BerthException.class, () -> images.pull(repository + ":1", o -> o.auth(token)));
    } finally {
      images.remove(repository + ":1", o -> o.force(true));
    }

    // an encrypted SSH key: the right passphrase pings the engine, a wrong one is a typed error
    Path sshDir = Path.of(System.getenv().getOrDefault("BERTH_TEST_SSH_DIR", "/tmp/berth-rig/ssh"));
    String sshHost = System.getenv().getOrDefault("BERTH_TEST_SSH_HOST", "ssh://root@127.0.0.1:2222");
    String passphrase = Files.readString(sshDir.resolve("passphrase")).strip();
    String wrongPassphrase = "wrong-pass-" + UUID.randomUUID();
    secret(passphrase);
    secret(wrongPassphrase);
    for (String pp : new String[] {passphrase, wrongPassphrase}) {
      SshDialer dialer = SshDialer.builder(Endpoint.parse(sshHost)).identity(sshDir.resolve("id_ed25519_pass"),
          pp.toCharArray()).knownHosts(sshDir.resolve("known_hosts")).sshConfig(null).agent(false).build();
      see(dialer);
      try (EngineClient ssh = EngineClient.builder(telemetry.wrap(LoggingDoer.wrap(Http1Doer.of(dialer), logger)))
          .listener(telemetry.clientListener()).ownsDoer(true).build()) {
        see(ssh);
        if (pp.equals(passphrase)) {
          see(ssh.ping());
        } else {
          fails(BerthException.class, ssh::ping);
        }
      }
    }
    // ssh://user:password@host is refused without printing the password
    String sshPassword = "ssh-pw-" + UUID.randomUUID();
    secret(sshPassword);
    fails(IllegalArgumentException.class, () -> Endpoint.parse("ssh://root:" + sshPassword + "@127.0.0.1:2222"));

    see(client);
    for (Request r : sent) {
      see(r);
      see(r.headers());
    }
    seen.addAll(logged);
    List<SpanData> spans = otel.exporter.getFinishedSpanItems();
    for (SpanData span : spans) {
      seen.add(span.getName() + " " + span.getAttributes() + " " + span.getStatus());
      for (EventData e : span.getEvents()) {
        seen.add(e.getName() + " " + e.getAttributes());
      }
    }

    // the session did what it says: credentials went out, spans and log lines came back
    assertTrue(sent.stream().anyMatch(r -> right.headerValue().equals(r.headers().first(RegistryAuth.HEADER))),
        "the config.json password was sent");
    assertTrue(sent.stream().anyMatch(r -> token.headerValue().equals(r.headers().first(RegistryAuth.HEADER))),
        "the identity token was sent");
    assertTrue(spans.size() >= 8, spans::toString);
    assertTrue(logged.size() >= 8, logged::toString);
    assertTrue(seen.stream().anyMatch(s -> s.contains("SshException")), "the wrong passphrase failed");

    List<String> leaks = new ArrayList<>();
    for (String text : seen) {
      for (String s : secrets) {
        if (text.contains(s)) {
          leaks.add("secret " + s.substring(0, Math.min(6, s.length())) + "… in: " + text);
        }
      }
    }
    assertEquals(List.of(), leaks);
    assertFalse(seen.isEmpty());
  }
}
