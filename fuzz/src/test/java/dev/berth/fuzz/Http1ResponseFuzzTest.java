package dev.berth.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.berth.transport.Connections;
import dev.berth.transport.Http1Doer;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * The HTTP/1.1 response path (status line and header parser, chunked decoder, content-length and
 * close-delimited bodies) fed arbitrary bytes as the engine's answer. A real engine cannot be made
 * to send arbitrary bytes, so the "engine" here is an in-memory connection.
 *
 * <p>Allowed outcomes: a response whose body reads to its end, or an {@link IOException} (the
 * transport's documented failure type). Anything else — a runtime exception, an error, a hang —
 * is a finding.
 */
class Http1ResponseFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void response(byte[] answer) {
    Http1Doer doer = Http1Doer.builder(timeout -> Connections.ofStreams("fuzz peer",
            new ByteArrayInputStream(answer), OutputStream.nullOutputStream(), () -> { }, null))
        .readTimeout(Duration.ofSeconds(5))
        .build();
    try (doer; Response response = doer.send(Request.get("/v1.41/containers/json").build())) {
      response.status();
      response.headers().toString();
      try (InputStream body = response.body().stream()) {
        body.transferTo(OutputStream.nullOutputStream());
      }
    } catch (IOException expected) {
      // a malformed, truncated or oversized answer: the documented failure
    }
  }
}
