package dev.berth.networks;

import static dev.berth.testkit.RecordingDoer.body;
import static dev.berth.testkit.RecordingDoer.line;
import static dev.berth.testkit.RecordingDoer.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.ConflictException;
import dev.berth.client.EngineClient;
import dev.berth.client.MalformedResponseException;
import dev.berth.client.NotFoundException;
import dev.berth.testkit.RecordingDoer;
import dev.berth.transport.Request;
import dev.berth.types.networks.Network;
import dev.berth.types.networks.NetworkCreateResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the network operations put on the wire, through a recording Doer: no engine needed. */
class NetworkRequestShapeTest {
  private final RecordingDoer doer = new RecordingDoer();
  private final NetworkService networks = NetworkService.create(EngineClient.builder(doer).apiVersion("1.41").build());

  @AfterEach
  void everyResponseIsClosedByTheEndOfTheTest() {
    assertTrue(doer.allClosed(), "a response was left open: " + doer.responses);
  }

  @Test
  void createSendsNameDriverIsolationAddressesOptionsAndLabels() {
    doer.answer(201, "{\"Id\":\"n1\",\"Warning\":\"\"}");
    NetworkCreateResponse created = networks.create("net", o -> o.driver("bridge").internal(true).attachable(true)
        .subnet("10.9.0.0/24", "10.9.0.1").driverOption("com.docker.network.driver.mtu", "1400").label("a", "b"));
    assertEquals("n1", created.id());
    Request r = doer.only();
    assertEquals("POST /v1.41/networks/create", line(r));
    assertEquals("{\"Name\":\"net\",\"CheckDuplicate\":true,\"Driver\":\"bridge\",\"Internal\":true,\"Attachable\":true,"
        + "\"IPAM\":{\"Config\":[{\"Subnet\":\"10.9.0.0/24\",\"Gateway\":\"10.9.0.1\"}]},"
        + "\"Options\":{\"com.docker.network.driver.mtu\":\"1400\"},\"Labels\":{\"a\":\"b\"}}", body(r));
  }

  @Test
  void createWithDefaultsSendsOnlyTheName() {
    doer.answer(201, "{\"Id\":\"n1\"}");
    networks.create("net");
    assertEquals("{\"Name\":\"net\",\"CheckDuplicate\":true}", body(doer.only()));
  }

  @Test
  void createWithoutAnIdIsMalformed() {
    doer.answer(201, "{\"Warning\":\"\"}");
    assertThrows(MalformedResponseException.class, () -> networks.create("net"));
  }

  @Test
  void listSendsFilters() {
    doer.answer(200, "[{\"Name\":\"bridge\",\"Id\":\"b1\",\"Driver\":\"bridge\",\"Containers\":null,\"Future\":1}]");
    List<Network> list = networks.list(o -> o.name("net").label("a=b").driver("bridge"));
    Request r = doer.only();
    assertEquals("GET /v1.41/networks", line(r));
    assertEquals("filters={\"name\":[\"net\"],\"label\":[\"a=b\"],\"driver\":[\"bridge\"]}", query(r));
    assertEquals("bridge", list.get(0).name());
    assertTrue(list.get(0).containers().isEmpty(), "null maps decode as empty");
  }

  @Test
  void listWithoutOptionsSendsNoQuery() {
    doer.answer(200, "[]");
    assertEquals(List.of(), networks.list());
    assertEquals("", query(doer.only()));
  }

  @Test
  void inspectDecodesIpamAndEndpoints() {
    doer.answer(200, "{\"Name\":\"net\",\"Id\":\"n1\",\"Internal\":true,\"IPAM\":{\"Driver\":\"default\",\"Options\":null,"
        + "\"Config\":[{\"Subnet\":\"10.9.0.0/24\",\"Gateway\":\"10.9.0.1\"}]},"
        + "\"Containers\":{\"c1\":{\"Name\":\"web\",\"IPv4Address\":\"10.9.0.5/24\"}},\"Labels\":{\"a\":\"b\"}}");
    Network n = networks.inspect("net");
    assertEquals("GET /v1.41/networks/net", line(doer.only()));
    assertEquals(true, n.internal());
    assertEquals("10.9.0.0/24", n.ipam().config().get(0).subnet());
    assertEquals("10.9.0.1", n.ipam().config().get(0).gateway());
    assertEquals("10.9.0.5/24", n.containers().get("c1").ipv4Address());
    assertEquals("b", n.labels().get("a"));
  }

  @Test
  void connectSendsTheContainerAndItsEndpoint() {
    doer.answer(200, "");
    networks.connect("net", "c1", o -> o.aliases("web", "www").ipv4Address("10.9.0.5"));
    Request r = doer.only();
    assertEquals("POST /v1.41/networks/net/connect", line(r));
    assertEquals("{\"Container\":\"c1\",\"EndpointConfig\":{\"IPAMConfig\":{\"IPv4Address\":\"10.9.0.5\"},"
        + "\"Aliases\":[\"web\",\"www\"]}}", body(r));
  }

  @Test
  void connectWithoutOptionsSendsOnlyTheContainer() {
    doer.answer(200, "");
    networks.connect("net", "c1");
    assertEquals("{\"Container\":\"c1\"}", body(doer.only()));
  }

  @Test
  void disconnectSendsForce() {
    doer.answer(200, "");
    doer.answer(200, "");
    networks.disconnect("net", "c1");
    networks.disconnect("net", "c1", o -> o.force(true));
    assertEquals("POST /v1.41/networks/net/disconnect", line(doer.requests.get(0)));
    assertEquals("{\"Container\":\"c1\"}", body(doer.requests.get(0)));
    assertEquals("{\"Container\":\"c1\",\"Force\":true}", body(doer.requests.get(1)));
  }

  @Test
  void removeDeletesAndMapsNotFound() {
    doer.answer(204, "");
    networks.remove("net");
    assertEquals("DELETE /v1.41/networks/net", line(doer.only()));
    doer.answer(404, "{\"message\":\"no such network\"}");
    NotFoundException e = assertThrows(NotFoundException.class, () -> networks.remove("gone"));
    assertEquals("no such network", e.engineMessage());
  }

  @Test
  void createOfATakenNameIsAConflict() {
    doer.answer(409, "{\"message\":\"network with name net already exists\"}");
    assertThrows(ConflictException.class, () -> networks.create("net"));
  }

  @Test
  void pruneSendsFiltersAndReadsWhatWasDeleted() {
    doer.answer(200, "{\"NetworksDeleted\":[\"a\",\"b\"]}");
    doer.answer(200, "{\"NetworksDeleted\":null}");
    assertEquals(List.of("a", "b"), networks.prune(o -> o.label("x=y").until(java.time.Instant.ofEpochSecond(100)))
        .networksDeleted());
    assertEquals(List.of(), networks.prune().networksDeleted());
    assertEquals("POST /v1.41/networks/prune", line(doer.requests.get(0)));
    assertEquals("filters={\"label\":[\"x=y\"],\"until\":[\"100\"]}", query(doer.requests.get(0)));
    assertEquals(java.time.Duration.ZERO, doer.requests.get(0).readTimeout(), "no head until the prune is done");
    assertEquals("", query(doer.requests.get(1)));
  }

  @Test
  void nullAndBlankArgumentsFailBeforeSending() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> networks.create((String) null));
    assertEquals("name", e.getMessage());
    assertEquals("container", assertThrows(NullPointerException.class, () -> networks.connect("n", null)).getMessage());
    assertEquals("id", assertThrows(NullPointerException.class, () -> networks.inspect(null)).getMessage());
    assertEquals("options", assertThrows(NullPointerException.class,
        () -> networks.prune((NetworkPruneOptions) null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> networks.remove(" "));
    assertTrue(doer.requests.isEmpty());
  }

  @Test
  void toBuilderCopiesWithoutSharing() {
    NetworkCreateOptions one = NetworkCreateOptions.builder().internal(true).label("a", "b").build();
    NetworkCreateOptions two = one.toBuilder().label("c", "d").subnet("10.0.0.0/24", null).build();
    assertEquals(1, one.labels().size());
    assertEquals(2, two.labels().size());
    assertTrue(two.internal());
    assertTrue(one.ipamConfig().isEmpty());
    NetworkConnectOptions c = NetworkConnectOptions.builder().aliases("x").build();
    assertEquals(List.of("x", "y"), c.toBuilder().aliases("y").build().aliases());
    assertEquals(List.of("x"), c.aliases());
  }
}
