package dev.berth.volumes;

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
import dev.berth.types.volumes.Volume;
import dev.berth.types.volumes.VolumeListResponse;
import dev.berth.types.volumes.VolumePruneResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the volume operations put on the wire, through a recording Doer: no engine needed. */
class VolumeRequestShapeTest {
  private final RecordingDoer doer = new RecordingDoer();
  private final VolumeService volumes = VolumeService.create(EngineClient.builder(doer).apiVersion("1.41").build());

  @AfterEach
  void everyResponseIsClosedByTheEndOfTheTest() {
    assertTrue(doer.allClosed(), "a response was left open: " + doer.responses);
  }

  @Test
  void createSendsNameDriverOptionsAndLabelsAndReturnsTheVolume() {
    doer.answer(201, "{\"Name\":\"v\",\"Driver\":\"local\",\"Mountpoint\":\"/m\",\"Labels\":{\"a\":\"b\"},\"Options\":null}");
    Volume v = volumes.create(o -> o.name("v").driver("local").driverOption("type", "tmpfs").label("a", "b"));
    Request r = doer.only();
    assertEquals("POST /v1.41/volumes/create", line(r));
    assertEquals("{\"Name\":\"v\",\"Driver\":\"local\",\"DriverOpts\":{\"type\":\"tmpfs\"},\"Labels\":{\"a\":\"b\"}}", body(r));
    assertEquals("v", v.name());
    assertEquals("b", v.labels().get("a"));
    assertTrue(v.options().isEmpty());
  }

  @Test
  void createWithoutOptionsSendsAnEmptyObject() {
    doer.answer(201, "{\"Name\":\"generated\"}");
    assertEquals("generated", volumes.create().name());
    assertEquals("{}", body(doer.only()));
  }

  @Test
  void anEmptyAnswerIsMalformedNotNull() {
    doer.answer(201, "");
    assertThrows(MalformedResponseException.class, () -> volumes.create());
  }

  @Test
  void listSendsFiltersAndReadsVolumesAndWarnings() {
    doer.answer(200, "{\"Volumes\":[{\"Name\":\"v\"}],\"Warnings\":[\"driver x did not answer\"]}");
    doer.answer(200, "{\"Volumes\":null,\"Warnings\":null}");
    VolumeListResponse list = volumes.list(o -> o.label("a=b").name("v").driver("local").dangling(true));
    assertEquals("GET /v1.41/volumes", line(doer.requests.get(0)));
    assertEquals("filters={\"label\":[\"a=b\"],\"name\":[\"v\"],\"driver\":[\"local\"],\"dangling\":[\"true\"]}",
        query(doer.requests.get(0)));
    assertEquals("v", list.volumes().get(0).name());
    assertEquals(List.of("driver x did not answer"), list.warnings());
    VolumeListResponse empty = volumes.list();
    assertEquals("", query(doer.requests.get(1)));
    assertEquals(List.of(), empty.volumes());
    assertEquals(List.of(), empty.warnings());
  }

  @Test
  void inspectAndRemoveAddressTheVolumeByName() {
    doer.answer(200, "{\"Name\":\"v\",\"Scope\":\"local\"}");
    doer.answer(204, "");
    doer.answer(204, "");
    assertEquals("local", volumes.inspect("v").scope());
    volumes.remove("v");
    volumes.remove("v", o -> o.force(true));
    assertEquals(List.of("GET /v1.41/volumes/v", "DELETE /v1.41/volumes/v", "DELETE /v1.41/volumes/v"),
        doer.requests.stream().map(RecordingDoer::line).toList());
    assertEquals("", query(doer.requests.get(1)));
    assertEquals("force=true", query(doer.requests.get(2)));
  }

  @Test
  void errorsAreTyped() {
    doer.answer(404, "{\"message\":\"no such volume\"}");
    doer.answer(409, "{\"message\":\"volume is in use\"}");
    assertEquals("no such volume", assertThrows(NotFoundException.class, () -> volumes.inspect("v")).engineMessage());
    assertEquals(409, assertThrows(ConflictException.class, () -> volumes.remove("v")).status());
  }

  @Test
  void pruneSendsFiltersAndReadsWhatWasDeleted() {
    doer.answer(200, "{\"VolumesDeleted\":[\"a\"],\"SpaceReclaimed\":12}");
    doer.answer(200, "{\"VolumesDeleted\":null,\"SpaceReclaimed\":0}");
    VolumePruneResponse pruned = volumes.prune(o -> o.label("x=y"));
    assertEquals(List.of("a"), pruned.volumesDeleted());
    assertEquals(12L, pruned.spaceReclaimed());
    assertEquals(List.of(), volumes.prune().volumesDeleted());
    assertEquals("POST /v1.41/volumes/prune", line(doer.requests.get(0)));
    assertEquals("filters={\"label\":[\"x=y\"]}", query(doer.requests.get(0)));
    assertEquals(java.time.Duration.ZERO, doer.requests.get(0).readTimeout(), "no head until the prune is done");
    assertEquals("", query(doer.requests.get(1)));
  }

  @Test
  void nullAndBlankArgumentsFailBeforeSending() {
    assertEquals("name", assertThrows(NullPointerException.class, () -> volumes.inspect(null)).getMessage());
    assertEquals("options", assertThrows(NullPointerException.class,
        () -> volumes.create((VolumeCreateOptions) null)).getMessage());
    assertEquals("options", assertThrows(NullPointerException.class,
        () -> volumes.remove("v", (VolumeRemoveOptions) null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> volumes.remove(""));
    assertTrue(doer.requests.isEmpty());
  }

  @Test
  void toBuilderCopiesWithoutSharing() {
    VolumeCreateOptions one = VolumeCreateOptions.builder().name("v").label("a", "b").build();
    VolumeCreateOptions two = one.toBuilder().label("c", "d").build();
    assertEquals(1, one.labels().size());
    assertEquals(2, two.labels().size());
    assertEquals("v", two.name());
  }
}
