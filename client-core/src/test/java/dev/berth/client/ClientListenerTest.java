package dev.berth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.transport.Doer;
import dev.berth.transport.InMemoryResponse;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What {@link ClientListener} is told, with an in-memory doer (a listener's contract does not depend
 * on an engine; the tracing modules test it against real ones).
 */
class ClientListenerTest {
  private final List<Object[]> told = new ArrayList<>();
  private final List<Request> sent = new ArrayList<>();

  private EngineClient client(Function<Request, Response> answer) {
    Doer doer = new Doer() {
      @Override
      public Response send(Request request) throws IOException {
        sent.add(request);
        if (answer == null) {
          throw new ConnectException("refused");
        }
        return answer.apply(request);
      }

      @Override
      public RawStream sendRaw(Request request) throws IOException {
        throw new ConnectException("refused");
      }

      @Override
      public void close() {}
    };
    return EngineClient.builder(doer).apiVersion("1.41")
        .listener((request, version, error) -> told.add(new Object[] {request, version, error}))
        .build();
  }

  @Test
  void anErrorStatusIsToldWithTheRequestTheDoerGotAndTheVersion() {
    EngineClient c = client(r -> InMemoryResponse.builder(404).json("{\"message\":\"No such container: x\"}").build());
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> c.call(Request.get("/containers/x/json").operation("ContainerInspect", "/containers/{id}/json").build(), Map.class));
    assertEquals(1, told.size());
    assertSame(sent.get(0), told.get(0)[0], "the same instance the doer was given");
    assertEquals("/v1.41/containers/x/json", sent.get(0).path());
    assertEquals(ApiVersion.parse("1.41"), told.get(0)[1]);
    assertSame(e, told.get(0)[2]);
  }

  @Test
  void anErrorAnswerIsToldWhileItsResponseIsStillOpen() {
    InMemoryResponse[] answer = new InMemoryResponse[1];
    List<Boolean> closedWhenTold = new ArrayList<>();
    Doer doer = client(r -> answer[0] = InMemoryResponse.builder(409).json("{\"message\":\"in use\"}").build()).doer();
    EngineClient c = EngineClient.builder(doer).apiVersion("1.41")
        .listener((request, version, error) -> closedWhenTold.add(answer[0].isClosed())).build();
    assertThrows(ConflictException.class, () -> c.execute(Request.delete("/containers/x").build()));
    assertEquals(List.of(false), closedWhenTold, "a decorator's span is still open when the typed error is told");
    assertTrue(answer[0].isClosed());
  }

  @Test
  void withAListenerEveryCallHandsTheDoerItsOwnRequestInstance() {
    EngineClient c = client(r -> InMemoryResponse.builder(200).header("Api-Version", "1.41").build());
    Request raw = Request.get("/v1.41/info").rawTarget("/v1.41/info").build();
    c.execute(raw);
    c.execute(raw);
    c.ping();
    c.ping();
    assertEquals(4, sent.size());
    assertTrue(sent.get(0) != sent.get(1) && sent.get(0) != raw, "raw-target requests are copied per call");
    assertTrue(sent.get(2) != sent.get(3), "pings too");
    assertEquals("/v1.41/info", sent.get(1).target());
  }

  @Test
  void aNullBodyDecodesAsNullAndAMalformedOneIsToldBeforeTheResponseCloses() {
    EngineClient nulls = client(r -> InMemoryResponse.builder(200).json("null").build());
    assertEquals(null, nulls.call(Request.get("/containers/x/changes").build(), List.class));
    assertEquals(List.of(), nulls.callList(Request.get("/containers/x/changes").build(), Map.class));
    InMemoryResponse[] answer = new InMemoryResponse[1];
    List<Boolean> closedWhenTold = new ArrayList<>();
    Doer doer = client(r -> answer[0] = InMemoryResponse.builder(200).json("{\"Id\": [}").build()).doer();
    EngineClient c = EngineClient.builder(doer).apiVersion("1.41")
        .listener((request, version, error) -> closedWhenTold.add(answer[0].isClosed())).build();
    assertThrows(MalformedResponseException.class, () -> c.call(Request.get("/info").build(), Map.class));
    assertEquals(List.of(false), closedWhenTold);
    assertTrue(answer[0].isClosed());
  }

  @Test
  void aTransportFailureIsToldAsTheTypedException() {
    EngineClient c = client(null);
    TransportException e = assertThrows(TransportException.class, () -> c.execute(Request.post("/x").build()));
    assertSame(e, told.get(0)[2]);
    assertThrows(TransportException.class, () -> c.openRaw(Request.post("/y").build()));
    assertEquals(2, told.size());
  }

  @Test
  void anErrorInsideA200StreamIsToldBeforeTheStreamIsClosed() {
    InMemoryResponse[] response = new InMemoryResponse[1];
    EngineClient c = client(r -> response[0] = InMemoryResponse.builder(200)
        .json("{\"status\":\"Pulling\"}\n{\"errorDetail\":{\"message\":\"manifest unknown\"},\"error\":\"manifest unknown\"}\n")
        .build());
    List<Boolean> closedWhenTold = new ArrayList<>();
    EngineClient watching = EngineClient.builder(c.doer()).apiVersion("1.41")
        .listener((request, version, error) -> {
          closedWhenTold.add(response[0].isClosed());
          told.add(new Object[] {request, version, error});
        }).build();
    try (JsonStream<Map> s = watching.stream(Request.post("/images/create").build(), Map.class, true)) {
      assertTrue(s.hasNext());
      s.next();
      StreamErrorException e = assertThrows(StreamErrorException.class, s::hasNext);
      assertInstanceOf(StreamErrorException.class, told.get(0)[2]);
      assertSame(e, told.get(0)[2]);
      assertSame(sent.get(0), told.get(0)[0]);
      assertEquals(List.of(false), closedWhenTold, "told while the response was still open");
      assertTrue(response[0].isClosed(), "and closed before the exception reached the caller");
    }
  }

  @Test
  void successIsNotToldAndAThrowingListenerDoesNotHideTheRealError() {
    EngineClient quiet = client(r -> InMemoryResponse.builder(200).json("{}").build());
    quiet.call(Request.get("/info").build(), Map.class);
    assertTrue(told.isEmpty());
    EngineClient failing = EngineClient.builder(client(r -> InMemoryResponse.builder(409).json("{\"message\":\"in use\"}").build()).doer())
        .apiVersion("1.41").listener((r, v, e) -> {
          throw new IllegalStateException("listener bug");
        }).build();
    assertThrows(ConflictException.class, () -> failing.execute(Request.delete("/containers/x").build()));
  }
}
