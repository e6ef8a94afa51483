package dev.berth.bench.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.berth.client.internal.Codec;
import dev.berth.types.containers.ContainerCreateRequest;
import dev.berth.types.containers.ContainerInspect;
import dev.berth.types.containers.ContainerStats;
import dev.berth.types.containers.ContainerSummary;
import dev.berth.types.containers.HostConfig;
import dev.berth.types.exec.ExecInspect;
import dev.berth.types.images.ImageInspect;
import dev.berth.types.images.ImageSummary;
import dev.berth.types.system.DiskUsage;
import dev.berth.types.system.Event;
import dev.berth.types.system.EventType;
import dev.berth.types.system.SystemInfo;
import dev.berth.types.system.SystemVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Codec's lean record binding decodes exactly what Jackson's own property-based creator path
 * decodes: the same records from real engine answers, the same tolerance of unknown fields and
 * enum values, the same extra fields, and a failure wherever Jackson fails.
 */
class RecordBindingParityTest {
  /** Codec's configuration without the record binding module: Jackson's own path. */
  static final ObjectMapper JACKSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();
  static final ObjectMapper BERTH = Codec.mapper();
  static final Path CAPTURES = Path.of("../types/src/test/resources/engine-20.10");

  static <T> T same(String json, JavaType type) throws IOException {
    T expected = JACKSON.readValue(json, type);
    T actual = BERTH.readValue(json, type);
    assertEquals(expected, actual, json);
    return actual;
  }

  static <T> T same(String json, Class<T> type) throws IOException {
    return same(json, BERTH.constructType(type));
  }

  static JavaType listOf(Class<?> element) {
    return BERTH.getTypeFactory().constructCollectionType(List.class, element);
  }

  @Test
  void berthRecordsTakeTheLeanLoop() throws IOException {
    com.fasterxml.jackson.databind.deser.DefaultDeserializationContext ctxt =
        ((com.fasterxml.jackson.databind.deser.DefaultDeserializationContext) BERTH.getDeserializationContext())
            .createInstance(BERTH.getDeserializationConfig(), BERTH.createParser("{}"), null);
    BERTH.readValue(Captured.load(Captured.INSPECT), ContainerInspect.class);
    BERTH.readValue(Captured.load(Captured.LIST), listOf(ContainerSummary.class));
    for (Class<?> type : List.of(ContainerInspect.class, ContainerSummary.class, HostConfig.class,
        dev.berth.types.containers.ContainerConfig.class, ContainerInspect.NetworkSettings.class,
        dev.berth.types.containers.EndpointSettings.class, ContainerSummary.NetworkSettings.class)) {
      Object d = ctxt.findRootValueDeserializer(BERTH.constructType(type));
      assertEquals("RecordDeserializer", d.getClass().getSimpleName(), type.getName());
      try {
        java.lang.reflect.Field mode = d.getClass().getDeclaredField("mode");
        mode.setAccessible(true);
        assertEquals(1, mode.getInt(d), type.getName() + " takes Jackson's path");
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void benchCaptures() throws IOException {
    same(new String(Captured.load(Captured.INSPECT)), ContainerInspect.class);
    List<ContainerSummary> list = same(new String(Captured.load(Captured.LIST)), listOf(ContainerSummary.class));
    assertEquals(50, list.size());
  }

  @Test
  void engineCaptures() throws IOException {
    Map<String, JavaType> types = Map.ofEntries(
        Map.entry("container-inspect-exited.json", BERTH.constructType(ContainerInspect.class)),
        Map.entry("container-inspect-running.json", BERTH.constructType(ContainerInspect.class)),
        Map.entry("container-inspect-stopped.json", BERTH.constructType(ContainerInspect.class)),
        Map.entry("containers-json.json", listOf(ContainerSummary.class)),
        Map.entry("container-create-request.json", BERTH.constructType(ContainerCreateRequest.class)),
        Map.entry("container-stats.json", BERTH.constructType(ContainerStats.class)),
        Map.entry("container-stats-one-shot.json", BERTH.constructType(ContainerStats.class)),
        Map.entry("container-stats-unlimited.json", BERTH.constructType(ContainerStats.class)),
        Map.entry("exec-inspect-running.json", BERTH.constructType(ExecInspect.class)),
        Map.entry("exec-inspect-exited.json", BERTH.constructType(ExecInspect.class)),
        Map.entry("image-inspect-built.json", BERTH.constructType(ImageInspect.class)),
        Map.entry("image-inspect-pushed.json", BERTH.constructType(ImageInspect.class)),
        Map.entry("images-json.json", listOf(ImageSummary.class)),
        Map.entry("info.json", BERTH.constructType(SystemInfo.class)),
        Map.entry("version.json", BERTH.constructType(SystemVersion.class)),
        Map.entry("system-df.json", BERTH.constructType(DiskUsage.class)));
    for (Map.Entry<String, JavaType> e : types.entrySet()) {
      assertNotNull(same(Files.readString(CAPTURES.resolve(e.getKey())), e.getValue()), e.getKey());
    }
    for (String line : Files.readAllLines(CAPTURES.resolve("events.jsonl"))) {
      if (!line.isBlank()) {
        same(line, Event.class);
      }
    }
  }

  @Test
  void unknownFieldsAreSkippedOrKeptAsExtra() throws IOException {
    ContainerInspect i = same("{\"Id\":\"x\",\"New\":{\"a\":[1,{\"b\":null}]},\"State\":{\"Status\":\"running\",\"Future\":[]},"
        + "\"HostConfig\":{\"NetworkMode\":\"none\",\"Novel\":{\"k\":[1,2]},\"Other\":null,\"Binds\":null},"
        + "\"Config\":{\"Image\":\"busybox\",\"Unmodelled\":\"v\"},\"Mounts\":null,\"Args\":[\"a\"]}", ContainerInspect.class);
    assertEquals(Map.of("k", List.of(1, 2)), i.hostConfig().extra().get("Novel"));
    assertTrue(i.hostConfig().extra().containsKey("Other"));
    assertEquals(List.of(), i.hostConfig().binds());
    assertEquals(List.of(), i.mounts());
  }

  @Test
  void unknownEnumValuesAndSingleValueArrays() throws IOException {
    assertEquals(EventType.UNKNOWN, same("{\"Type\":\"hologram\",\"Action\":\"x\"}", Event.class).type());
    assertEquals(List.of("NET_ADMIN"), same("{\"CapAdd\":\"NET_ADMIN\"}", HostConfig.class).capAdd());
  }

  @Test
  void emptyNullDuplicateAndWrapped() throws IOException {
    same("{}", ContainerInspect.class);
    same("{\"Id\":\"a\",\"Id\":\"b\",\"Args\":[\"1\"],\"Args\":[\"2\"]}", ContainerInspect.class);
    same("[]", listOf(ContainerSummary.class));
    same("[{},{\"Names\":null,\"Labels\":{}}]", listOf(ContainerSummary.class));
    assertNull(BERTH.readValue("null", ContainerInspect.class));
    assertNull(JACKSON.readValue("null", ContainerInspect.class));
  }

  @Test
  void failsWhereJacksonFails() {
    for (String json : List.of("{\"RestartCount\":\"many\"}", "{\"Args\":[\"a\",null]}", "{\"State\":[1]}",
        "{\"GraphDriver\":{\"Data\":{\"k\":null}}}", "{\"Id\":\"x\"", "\"text\"", "{\"HostConfig\":{\"Binds\":{}}}")) {
      Exception expected = assertThrows(IOException.class, () -> JACKSON.readValue(json, ContainerInspect.class), json);
      Exception actual = assertThrows(IOException.class, () -> BERTH.readValue(json, ContainerInspect.class), json);
      assertEquals(expected.getClass(), actual.getClass(), json + ": " + actual);
      if (expected instanceof JsonMappingException) {
        assertEquals(((JsonMappingException) expected).getPathReference().toString(),
            assertInstanceOf(JsonMappingException.class, actual).getPathReference().toString(), json);
      }
    }
  }
}
