package dev.berth.transport.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineClient;
import dev.berth.client.MalformedResponseException;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2StreamChannel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP/2 answers no engine and no nginx gives: a head without a valid {@code :status}, and a
 * stream reset by the peer in the middle of its body. Why a scripted Netty server: nginx always
 * sends a well-formed {@code :status} and only resets a stream on its own terms, so these frames
 * cannot be had from the real rig.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Http2PeerFaultTest {
  private static final Duration READ = Duration.ofSeconds(10);

  private static Http2Doer doer(ScriptedH2Server server) {
    return Http2Doer.builder(Endpoint.parse(server.endpoint())).readTimeout(READ).build();
  }

  private static void head(Http2StreamChannel s, Http2Headers h, boolean end) {
    s.writeAndFlush(new DefaultHttp2HeadersFrame(h, end));
  }

  private static void data(Http2StreamChannel s, String text, boolean end) {
    s.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII), end));
  }

  /** Answers {@code /status/<value>} with that {@code :status} ({@code none}: without one) and a small JSON body. */
  private static ScriptedH2Server statusServer() throws InterruptedException {
    return new ScriptedH2Server((s, req) -> {
      String path = req.path().toString(); // (the client prefixes /v1.41)
      String value = path.substring(path.lastIndexOf('/') + 1);
      Http2Headers h = new DefaultHttp2Headers(false).set("content-type", "application/json");
      if (!value.equals("none")) {
        h.status(value);
      }
      head(s, h, false);
      data(s, "{}", true);
    });
  }

  @ParameterizedTest(name = ":status {0}")
  @ValueSource(strings = {"none", "abc", "20x", "2000", "1ab", "+20"})
  void aHeadWithoutAValidStatusIsAProtocolError(String status) throws Exception {
    try (ScriptedH2Server server = statusServer(); Http2Doer doer = doer(server)) {
      ProtocolException e = assertThrows(ProtocolException.class, () -> {
        try (Response r = doer.send(Request.get("/status/" + status).build())) {
          r.status(); // (where the old code failed: NullPointerException, NumberFormatException)
        }
      });
      assertTrue(e.getMessage().contains(status.equals("none") ? "no :status" : "a malformed :status"), e.getMessage());
      assertTrue(e.getMessage().contains("/status/" + status), e.getMessage());
      // the stream failed, not the connection: a good answer follows on the same one
      try (Response ok = doer.send(Request.get("/status/200").build())) {
        assertEquals(200, ok.status());
        assertEquals("{}", new String(ok.body().bytes(1024), StandardCharsets.US_ASCII));
      }
      assertEquals(1, server.connections());
      assertEquals(0, doer.stats().openStreams());
    }
  }

  @Test
  void theClientSeesAMissingStatusAsAMalformedResponse() throws Exception {
    try (ScriptedH2Server server = statusServer();
        EngineClient client = EngineClient.builder(doer(server)).ownsDoer(true).apiVersion("1.41").build()) {
      MalformedResponseException e = assertThrows(MalformedResponseException.class,
          () -> client.call(Request.get("/status/none").build(), Map.class));
      assertTrue(e.getMessage().contains("no :status"), e.getMessage());
      assertEquals(Map.of(), client.call(Request.get("/status/200").build(), Map.class));
    }
  }

  @Test
  void aResetInTheMiddleOfABodyFailsThatStreamOnly() throws Exception {
    CompletableFuture<Void> finishSlow = new CompletableFuture<>();
    try (ScriptedH2Server server = new ScriptedH2Server((s, req) -> {
          String path = req.path().toString();
          head(s, new DefaultHttp2Headers().status("200"), false);
          switch (path) {
            case "/slow": // a long stream that goes on after its neighbour was reset
              data(s, "first;", false);
              finishSlow.thenRun(() -> data(s, "second", true));
              break;
            case "/reset":
              data(s, "partial", false);
              s.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.INTERNAL_ERROR));
              break;
            default:
              data(s, "ok", true);
          }
        });
        Http2Doer doer = doer(server);
        Response slow = doer.send(Request.get("/slow").build())) {
      InputStream slowIn = slow.body().stream();
      assertEquals("first;", new String(slowIn.readNBytes(6), StandardCharsets.US_ASCII));

      ByteArrayOutputStream got = new ByteArrayOutputStream();
      Http2StreamException e;
      try (Response reset = doer.send(Request.get("/reset").build())) {
        assertEquals(200, reset.status());
        InputStream in = reset.body().stream();
        e = assertThrows(Http2StreamException.class, () -> {
          byte[] buf = new byte[64];
          for (int n; (n = in.read(buf)) >= 0; ) {
            got.write(buf, 0, n);
          }
        });
      }
      assertEquals(Http2Error.INTERNAL_ERROR.code(), e.errorCode(), e.getMessage());
      assertTrue(e.getMessage().contains("reset the stream (INTERNAL_ERROR)"), e.getMessage());
      assertTrue("partial".startsWith(got.toString(StandardCharsets.US_ASCII)), got::toString);

      // the neighbour goes on to its end, and new streams still go on the same connection
      try (Response ok = doer.send(Request.get("/ok").build())) {
        assertEquals("ok", new String(ok.body().bytes(16), StandardCharsets.US_ASCII));
      }
      finishSlow.complete(null);
      assertEquals("second", new String(slowIn.readAllBytes(), StandardCharsets.US_ASCII));
      assertEquals(1, server.connections());
      assertEquals(1, doer.stats().dialedConnections());
    }
  }
}
