package dev.berth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.internal.Errors;
import dev.berth.transport.InMemoryResponse;
import dev.berth.transport.Request;
import dev.berth.transport.RequestBody;
import dev.berth.transport.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorTableTest {

  private static final String OP = "ContainerStart POST /containers/{id}/start";

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(304, NotModifiedException.class),
        Arguments.of(400, InvalidRequestException.class),
        Arguments.of(401, UnauthorizedException.class),
        Arguments.of(403, ForbiddenException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(409, ConflictException.class),
        Arguments.of(500, ServerErrorException.class),
        Arguments.of(502, ServerErrorException.class),
        Arguments.of(504, ServerErrorException.class),
        Arguments.of(599, ServerErrorException.class),
        Arguments.of(501, NotImplementedException.class),
        Arguments.of(503, UnavailableException.class),
        Arguments.of(418, EngineException.class),
        Arguments.of(422, EngineException.class),
        Arguments.of(405, EngineException.class));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("table")
  void statusMapsToExactType(int status, Class<? extends EngineException> type) {
    EngineException e = Errors.forStatus(OP, status, "engine says no");
    assertSame(type, e.getClass());
    assertInstanceOf(EngineException.class, e);
    assertInstanceOf(BerthException.class, e);
    assertInstanceOf(RuntimeException.class, e);
    assertEquals(status, e.status());
    assertEquals("engine says no", e.engineMessage());
    assertEquals(OP, e.operation());
    assertTrue(e.getMessage().contains(OP), e.getMessage());
    assertTrue(e.getMessage().contains(Integer.toString(status)), e.getMessage());
    assertTrue(e.getMessage().contains("engine says no"), e.getMessage());
  }

  @Test
  void nullEngineMessageBecomesEmpty() {
    EngineException e = Errors.forStatus(OP, 404, null);
    assertEquals("", e.engineMessage());
    assertFalse(e.getMessage().contains("null"), e.getMessage());
  }

  // --- a 404 for a route the engine lacks vs a 404 for an object

  @Test
  void a404WithTheEnginesJsonErrorIsAMissingObject() {
    EngineException docker = Errors.forBody(OP, 404, utf8("{\"message\":\"No such container: abc\"}"), "Not Found");
    assertSame(NotFoundException.class, docker.getClass());
    assertEquals("No such container: abc", docker.engineMessage());
    EngineException podman = Errors.forBody(OP, 404, utf8(
        "{\"cause\":\"no such container\",\"message\":\"no container with name or ID \\\"abc\\\" found: no such container\",\"response\":404}\n"),
        "Not Found");
    assertSame(NotFoundException.class, podman.getClass());
  }

  @Test
  void a404WithARoutersOwnNotFoundIsAMissingRoute() {
    for (String body : new String[] {"Not Found\n", "404 page not found\n", "{\"message\":\"page not found\"}"}) {
      EngineException e = Errors.forBody(OP, 404, utf8(body), "Not Found");
      assertSame(NotImplementedException.class, e.getClass(), body);
      assertEquals(404, e.status());
      assertTrue(e.engineMessage().contains("no route"), e.engineMessage());
    }
  }

  @Test
  void a404InWordsOrWithoutBodyIsAMissingObject() {
    // Docker answers a hijacked attach to a missing container in plain text
    assertSame(NotFoundException.class, Errors.forBody(OP, 404, utf8("No such container: x"), "Not Found").getClass());
    assertSame(NotFoundException.class, Errors.forBody(OP, 404, new byte[0], "Not Found").getClass());
  }

  @Test
  void otherStatusesKeepTheirTypeWhateverTheBody() {
    assertSame(ConflictException.class, Errors.forBody(OP, 409, utf8("conflict"), "").getClass());
    assertSame(ServerErrorException.class, Errors.forBody(OP, 500, utf8("oops"), "").getClass());
  }

  // --- engineMessage

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void dockerJsonMessage() {
    assertEquals("No such container: abc", Errors.engineMessage(utf8("{\"message\":\"No such container: abc\"}"), "Not Found"));
  }

  @Test
  void podmanJsonMessageWinsOverCause() {
    assertEquals("m", Errors.engineMessage(utf8("{\"cause\":\"c\",\"message\":\"m\",\"response\":404}"), "fb"));
  }

  @Test
  void podmanCauseIsUsedWhenThereIsNoMessage() {
    assertEquals("c", Errors.engineMessage(utf8("{\"cause\":\"c\",\"response\":500}"), "fb"));
  }

  @Test
  void aProgressMessageBodyGivesItsError() {
    // Podman 5 answers a push the registry refuses with HTTP 500 and one progress message
    byte[] body = utf8("{\"errorDetail\":{\"message\":\"reading: authentication required\"},"
        + "\"error\":\"reading: authentication required\"}");
    assertEquals("reading: authentication required", Errors.engineMessage(body, "fb"));
    assertEquals("x", Errors.engineMessage(utf8("{\"message\":\"x\",\"error\":\"e\"}"), "fb"));
  }

  @Test
  void jsonWithLeadingWhitespaceAndTrailingNewline() {
    assertEquals("x", Errors.engineMessage(utf8("  \n{\"message\":\"x\"}\n"), "fb"));
  }

  @Test
  void plainTextBody() {
    assertEquals("page not found", Errors.engineMessage(utf8("page not found\n"), "Not Found"));
  }

  @Test
  void brokenJsonIsTreatedAsText() {
    assertEquals("{\"message\": oops", Errors.engineMessage(utf8("{\"message\": oops"), "fb"));
  }

  @Test
  void emptyBodyGivesFallback() {
    assertEquals("Not Found", Errors.engineMessage(new byte[0], "Not Found"));
    assertEquals("", Errors.engineMessage(new byte[0], null));
  }

  @Test
  void blankBodyGivesFallback() {
    assertEquals("Not Found", Errors.engineMessage(utf8(" \r\n"), "Not Found"));
  }

  @Test
  void hugeTextBodyIsCut() {
    byte[] body = new byte[1 << 20];
    java.util.Arrays.fill(body, (byte) 'a');
    String m = Errors.engineMessage(body, "fb");
    assertTrue(m.length() <= 2100, "length " + m.length());
    assertTrue(m.length() >= 1000, "length " + m.length());
    assertTrue(m.startsWith("aaaa"));
  }

  @Test
  void hugeJsonMessageIsCut() {
    String big = "x".repeat(1 << 20);
    String m = Errors.engineMessage(utf8("{\"message\":\"" + big + "\"}"), "fb");
    assertTrue(m.length() <= 2100, "length " + m.length());
    assertTrue(m.startsWith("xxxx"));
  }

  @Test
  void controlCharactersAreReplaced() {
    String m = Errors.engineMessage(utf8("bad\u0000thing\u001b[31mred\u0007 \u007f end"), "fb");
    for (char c : m.toCharArray()) {
      assertTrue(c == '\n' || c == '\t' || !Character.isISOControl(c), () -> "control char in " + m);
    }
    assertTrue(m.startsWith("bad"), m);
    assertTrue(m.contains("thing"), m);
    assertTrue(m.endsWith("end"), m);
    String j = Errors.engineMessage(utf8("{\"message\":\"a\\u0000b\\u001bc\"}"), "fb");
    assertEquals(5, j.length(), j);
    assertFalse(j.chars().anyMatch(Character::isISOControl), j);
  }

  // --- fromIOException

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private static final String SECRET_AUTH = "eyJwYXNzd29yZCI6InNlY3JldC1hdXRoLXZhbHVlIn0=";
  private static final String SECRET_PASSWORD = "hunter2-very-secret";

  private static Request secretRequest() {
    return Request.post("/containers/abc123concrete/start")
        .operation("ContainerStart", "/containers/{id}/start")
        .header("X-Registry-Auth", SECRET_AUTH)
        .body(RequestBody.json("{\"password\":\"" + SECRET_PASSWORD + "\"}"))
        .build();
  }

  private static void assertSafeMessage(BerthException e) {
    String m = e.getMessage();
    assertTrue(m.contains("ContainerStart"), m);
    assertTrue(m.contains("/containers/{id}/start"), m);
    assertFalse(m.contains(SECRET_AUTH), m);
    assertFalse(m.contains(SECRET_PASSWORD), m);
    assertFalse(m.contains("abc123concrete"), m);
  }

  // --- the error body kept as it was read

  private static Response answer(int status, String contentType, byte[] body) {
    return InMemoryResponse.builder(status).reason("Not Found").body(body, contentType).build();
  }

  @Test
  void theErrorBodyAndItsContentTypeAreKeptWholeButNothingOfTheRequest() {
    String podman = "{\"cause\":\"no such container\",\"message\":\"no container with name or ID \\\"abc\\\" found:"
        + " no such container\",\"response\":404}\n";
    EngineException e = (EngineException) Errors.fromResponse(secretRequest(), answer(404, "application/json", utf8(podman)));

    assertSame(NotFoundException.class, e.getClass());
    assertEquals(podman, e.errorBody());
    assertEquals("application/json", e.errorContentType());
    assertFalse(e.getMessage().contains("\"cause\""), e.getMessage());
    assertFalse(e.errorBody().contains(SECRET_AUTH), e.errorBody());
    assertFalse(e.errorBody().contains(SECRET_PASSWORD), e.errorBody());
    assertSafeMessage(e);
  }

  @Test
  void theErrorBodyIsCappedAndNeverNull() {
    byte[] huge = new byte[Errors.MAX_ERROR_BODY * 2];
    java.util.Arrays.fill(huge, (byte) 'x');
    EngineException big = (EngineException) Errors.fromResponse(secretRequest(), answer(500, "text/plain", huge));
    assertEquals(Errors.MAX_ERROR_BODY, big.errorBody().length());

    EngineException none = (EngineException) Errors.fromResponse(secretRequest(), answer(404, null, new byte[0]));
    assertEquals("", none.errorBody());
    assertEquals("", none.errorContentType());
    assertEquals("", new EngineException(OP, 418, "m").errorBody());
    assertEquals("", new ConflictException(OP, 409, "m", null, null).errorContentType());
  }

  @Test
  void aMissingRouteKeepsTheRoutersBody() {
    EngineException e = Errors.forBody(OP, 404, "text/plain; charset=utf-8", utf8("404 page not found\n"), "Not Found");
    assertSame(NotImplementedException.class, e.getClass());
    assertEquals("404 page not found\n", e.errorBody());
    assertEquals("text/plain; charset=utf-8", e.errorContentType());
  }

  @Test
  void socketTimeoutIsATimeout() {
    SocketTimeoutException io = new SocketTimeoutException("Read timed out");
    BerthException e = Errors.fromIOException(secretRequest(), io, "unix:///var/run/docker.sock");
    assertSame(TransportTimeoutException.class, e.getClass());
    assertSame(io, e.getCause());
    assertSafeMessage(e);
    assertFalse(Thread.currentThread().isInterrupted(), "a timeout is not an interrupt");
  }

  @Test
  void protocolExceptionIsMalformedResponse() {
    BerthException e = Errors.fromIOException(secretRequest(), new ProtocolException("bad status line"), "tcp://h:1");
    assertSame(MalformedResponseException.class, e.getClass());
    assertSafeMessage(e);
  }

  @Test
  void connectExceptionIsTransport() {
    BerthException e = Errors.fromIOException(secretRequest(), new ConnectException("Connection refused"), "tcp://h:1");
    assertSame(TransportException.class, e.getClass());
    assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
    assertSafeMessage(e);
  }

  @Test
  void plainIoExceptionWithoutMessageIsTransport() {
    BerthException e = Errors.fromIOException(secretRequest(), new IOException(), "tcp://h:1");
    assertSame(TransportException.class, e.getClass());
    assertSafeMessage(e);
  }

  @Test
  void interruptedIoIsTransportAndKeepsTheInterruptFlag() {
    assertFalse(Thread.currentThread().isInterrupted());
    BerthException e = Errors.fromIOException(secretRequest(), new InterruptedIOException("interrupted"), "tcp://h:1");
    boolean flag = Thread.interrupted(); // clears it
    assertSame(TransportException.class, e.getClass());
    assertTrue(flag, "interrupt flag set");
    assertSafeMessage(e);
  }

  @Test
  void describeNamesOperationMethodAndTemplate() {
    assertEquals("ContainerStart POST /containers/{id}/start", Errors.describe(secretRequest()));
    assertEquals("GET /info", Errors.describe(Request.get("/info").build()));
  }
}
