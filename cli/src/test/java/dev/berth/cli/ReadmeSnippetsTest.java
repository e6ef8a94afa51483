package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.RegistryAuth;
import dev.berth.config.DockerCredentials;
import dev.berth.images.ImageService;
import dev.berth.transport.Doer;
import dev.berth.transport.Endpoint;
import dev.berth.transport.ForwardingDoer;
import dev.berth.transport.ForwardingResponse;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.InMemoryResponse;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.transport.TlsConfig;
import dev.berth.transport.ssh.SshDialer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** README snippets that need no engine, run as written (regions checked by {@link ReadmeTest}). */
class ReadmeSnippetsTest {

  /** A Doer answering every call with a small JSON body. */
  private static final class Canned implements Doer {
    Request last;

    @Override
    public Response send(Request request) {
      last = request;
      return InMemoryResponse.builder(200).json("{\"Descriptor\":{\"digest\":\"sha256:0\"}}").build();
    }

    @Override
    public RawStream sendRaw(Request request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  @Test
  void registryCredentialsAsALambda() {
    Canned doer = new Canned();
    EngineClient client = EngineClient.builder(doer).apiVersion("1.41").build();
    String token = "t0ken";
    // README: registry-credentials-lambda
    RegistryAuth ghcr = RegistryAuth.basic("me", token, "ghcr.io");
    ImageService images = ImageService.create(client,
        registry -> registry.equals("ghcr.io") ? Optional.of(ghcr) : Optional.empty());   // else anonymous
    // END README
    images.distributionInspect("ghcr.io/me/app:1");
    assertEquals(ghcr.headerValue(), doer.last.headers().first("X-Registry-Auth"));
    images.distributionInspect("quay.io/me/app:1");
    assertEquals(RegistryAuth.ANONYMOUS, doer.last.headers().first("X-Registry-Auth"));
  }

  @Test
  void dockerCredentialsFromConfigJson() {
    // README: docker-credentials
    DockerCredentials credentials = DockerCredentials.load();   // a RegistryCredentials for ImageService.create
    String header = credentials.headerForImage("localhost:5000/app:1");   // X-Registry-Auth; "e30=" if none
    // END README
    assertTrue(header.matches("[A-Za-z0-9_=-]+"), "a base64url header value");
    assertTrue(credentials.forImage("localhost:5000/app:1").isPresent() || header.equals(RegistryAuth.ANONYMOUS));
  }

  @Test
  void mutualTlsFromACertPathFailsClearlyWithoutTheFiles() {
    // the paths and host are the README's examples, absent here: the snippet runs until it reads them
    IOException e = assertThrows(IOException.class, () -> {
      // README: mtls-cert-path
      // DOCKER_CERT_PATH layout: ca.pem (CAs to trust), cert.pem + key.pem (client certificate)
      TlsConfig tls = TlsConfig.fromCertPath(Path.of("/home/me/.docker/build-host"), true);
      try (Http1Doer doer = Http1Doer.of(Endpoint.parse("tcp://build-host.example:2376").dialer(tls));
           EngineClient client = EngineClient.builder(doer).build()) {
        System.out.println(client.ping().apiVersion());
      }
      // END README
    });
    assertTrue(e.getMessage().contains("/home/me/.docker/build-host"), e.getMessage());
  }

  @Test
  void sshFailsClearlyWithoutTheReadmesKeyFile() {
    // the key and host are the README's examples, absent here: the snippet runs until it needs them
    Exception e = assertThrows(Exception.class, () -> {
      // README: ssh
      SshDialer ssh = SshDialer.builder(Endpoint.parse("ssh://me@build-host.example"))  // path = remote socket
          .identity(Path.of("/home/me/.ssh/id_ed25519"))          // or identity(key, passphrase)
          .build();                                                // known_hosts is checked by default
      try (Http1Doer doer = Http1Doer.of(ssh); EngineClient client = EngineClient.builder(doer).build()) {
        System.out.println(client.ping().apiVersion());
      }
      // END README
    });
    String message = String.valueOf(e.getMessage());
    assertTrue(message.contains("/home/me/.ssh/id_ed25519") || message.contains("build-host.example"), message);
  }

  // README: byte-counting
  final class ByteCounting extends ForwardingDoer {
    final LongAdder bytes = new LongAdder();
    ByteCounting(Doer next) { super(next); }
    @Override public Response send(Request request) throws IOException {
      return ForwardingResponse.observe(super.send(request), end -> bytes.add(end.bytesRead()));
    }
  }
  // END README

  @Test
  void aByteCountingDecoratorCountsWhatTheCallerReads() throws IOException {
    ByteCounting doer = new ByteCounting(new Canned());
    try (EngineClient client = EngineClient.builder(doer).apiVersion("1.41").build()) {
      client.call(Request.get("/info").build(), java.util.Map.class);
    }
    assertEquals("{\"Descriptor\":{\"digest\":\"sha256:0\"}}".length(), doer.bytes.sum());
  }
}
