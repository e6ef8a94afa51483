package dev.berth.adapter.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.berth.testkit.RecordingDoer;
import dev.berth.transport.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How docker-java's requests become berth's, through a recording Doer (no engine). */
class BerthDockerHttpClientTest {

  private final RecordingDoer doer = new RecordingDoer();
  private final BerthDockerHttpClient client = BerthDockerHttpClient.of(doer);

  @Test
  void theTargetDockerJavaBuiltIsSentVerbatim() {
    String target = "/v1.41/containers/json?all=true&filters=%7B%22label%22%3A%5B%22a%3Db+c%2Bd%22%5D%7D";
    doer.answer(200, "[]");
    try (DockerHttpClient.Response r = client.execute(DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET).path(target).build())) {
      assertEquals(200, r.getStatusCode());
      assertEquals(List.of("application/json"), r.getHeaders().get("Content-Type"));
      assertEquals("application/json", r.getHeader("content-type"));
    }
    Request sent = doer.only();
    assertEquals(target, sent.target());
    assertEquals("/v1.41/containers/json", sent.path());
    assertEquals("GET", sent.method());
  }

  @Test
  void aCharacterThatCannotBeOnARequestLineIsPercentEncodedAndTheRestKept() {
    assertEquals("/v1.41/images/a%20b%C3%A9%2F/json?x=%41", BerthDockerHttpClient.escapeIllegal("/v1.41/images/a bé%2F/json?x=%41"));
    String clean = "/v1.41/containers/abc/logs?stdout=true";
    assertEquals(clean, BerthDockerHttpClient.escapeIllegal(clean));
  }

  @Test
  void headersAndBodiesAreForwarded() throws IOException {
    client.execute(DockerHttpClient.Request.builder().method("POST").path("/v1.41/containers/create")
        .putHeader("content-type", "application/json").putHeader("X-Registry-Auth", "e30=")
        .bodyBytes("{}".getBytes(StandardCharsets.UTF_8)).build()).close();
    client.execute(DockerHttpClient.Request.builder().method("PUT").path("/v1.41/containers/x/archive?path=%2Ftmp")
        .putHeader("content-type", "application/x-tar")
        .body(new ByteArrayInputStream(new byte[] {1, 2, 3})).build()).close();
    Request json = doer.requests.get(0);
    assertEquals("e30=", json.headers().first("X-Registry-Auth"));
    assertEquals("application/json", json.headers().first("content-type"));
    assertEquals("{}", RecordingDoer.body(json));
    Request tar = doer.requests.get(1);
    assertEquals(-1, tar.body().contentLength(), "a stream is sent chunked");
    assertEquals(3, RecordingDoer.bytes(tar).length);
    assertEquals("/v1.41/containers/x/archive?path=%2Ftmp", tar.target());
  }

  @Test
  void aTransportFailureIsUncheckedAndNamesTheCallNotItsQuery() {
    BerthDockerHttpClient failing = BerthDockerHttpClient.of(new dev.berth.transport.ForwardingDoer(doer) {
      @Override
      public dev.berth.transport.Response send(Request request) throws IOException {
        throw new IOException("connection refused");
      }
    });
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> failing.execute(
        DockerHttpClient.Request.builder().method("GET").path("/v1.41/info?secretish=1").build()));
    assertEquals("GET /v1.41/info failed: connection refused", e.getMessage());
  }

  @Test
  void nullIsRefused() {
    assertThrows(NullPointerException.class, () -> BerthDockerHttpClient.of(null));
    assertThrows(NullPointerException.class, () -> client.execute(null));
  }
}
