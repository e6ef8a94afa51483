package dev.berth.types.system;

import static dev.berth.types.TestJson.ENGINE_20_10;
import static dev.berth.types.TestJson.read;
import static dev.berth.types.TestJson.resource;
import static dev.berth.types.TestJson.roundTrip;
import static dev.berth.types.TestJson.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventTest {

  /** The capture is the stream as sent: one JSON object per line. */
  private final List<Event> events = resource(ENGINE_20_10 + "events.jsonl").lines()
      .filter(line -> !line.isBlank())
      .map(line -> read(line, Event.class))
      .toList();

  @Test
  void decodesRealEventStream() {
    assertEquals(17, events.size());
    Set<EventType> types = events.stream().map(Event::type)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
    assertEquals(EnumSet.of(EventType.VOLUME, EventType.CONTAINER, EventType.NETWORK), types);
    assertTrue(events.stream().allMatch(e -> "local".equals(e.scope())));
    assertTrue(events.stream().allMatch(e -> e.timeNano() / 1_000_000_000L == e.time()));
  }

  @Test
  void decodesContainerEventWithLegacyFields() {
    Event create = events.stream()
        .filter(e -> e.type() == EventType.CONTAINER)
        .findFirst().orElseThrow();
    assertEquals(EventType.CONTAINER, create.type());
    assertEquals("create", create.action());
    assertEquals("463a306a0cfa4a083c12ea4e1f2c9a6e9734de344108fa0d9e3becdfac879632",
        create.actor().id());
    assertEquals(Map.of("dev.berth.sample", "exited", "image", "busybox:local",
        "name", "berth-sample-exited"), create.actor().attributes());
    assertEquals(1_795_731_009L, create.time());
    assertEquals(1_795_731_009_589_343_591L, create.timeNano());
    // legacy fields mirror the current ones
    assertEquals("create", create.status());
    assertEquals(create.actor().id(), create.id());
    assertEquals("busybox:local", create.from());
  }

  @Test
  void decodesOtherEventTypesWithoutLegacyFields() {
    Event volumeMount = events.stream()
        .filter(e -> e.type() == EventType.VOLUME && "mount".equals(e.action()))
        .findFirst().orElseThrow();
    assertEquals("berth-sample-vol", volumeMount.actor().id());
    assertEquals("/data", volumeMount.actor().attributes().get("destination"));
    assertNull(volumeMount.status());
    assertNull(volumeMount.id());
    assertNull(volumeMount.from());

    List<String> networkActions = events.stream()
        .filter(e -> e.type() == EventType.NETWORK)
        .map(Event::action).toList();
    assertEquals(List.of("connect", "disconnect"), networkActions);
  }

  @Test
  void unknownTypeDecodesAsUnknownAndUnknownFieldsAreIgnored() {
    Event e = read("""
        {"Type":"widget","Action":"frobnicate","Actor":{"ID":"w1","Attributes":null},
         "scope":"local","time":1,"timeNano":1000000001,"NewField":{"x":[1,2]}}
        """, Event.class);
    assertEquals(EventType.UNKNOWN, e.type());
    assertEquals("frobnicate", e.action());
    assertEquals(Map.of(), e.actor().attributes());

    Event bare = read("{}", Event.class);
    assertNull(bare.type());
    assertNull(bare.actor());
  }

  @Test
  void decodesEveryDocumentedType() {
    for (String value : List.of("builder", "config", "container", "daemon", "image",
        "network", "node", "plugin", "secret", "service", "volume")) {
      Event e = read("{\"Type\":\"" + value + "\"}", Event.class);
      assertEquals(value, e.type().value());
    }
  }

  @Test
  void enumValueMatchesItsJsonName() throws NoSuchFieldException {
    for (EventType type : EventType.values()) {
      JsonProperty property = EventType.class.getField(type.name())
          .getAnnotation(JsonProperty.class);
      assertEquals(type.value(), property.value(), type.name());
    }
    assertTrue(EventType.class.getField("UNKNOWN").isAnnotationPresent(
        JsonEnumDefaultValue.class));
  }

  @Test
  void serialisesWithApiNames() {
    Event event = events.stream()
        .filter(e -> e.type() == EventType.CONTAINER)
        .findFirst().orElseThrow();
    JsonNode json = tree(event);
    assertEquals("container", json.get("Type").asText());
    assertEquals("create", json.get("Action").asText());
    assertEquals(event.actor().id(), json.get("Actor").get("ID").asText());
    assertEquals("busybox:local", json.get("Actor").get("Attributes").get("image").asText());
    assertEquals("local", json.get("scope").asText());
    assertEquals(event.timeNano(), json.get("timeNano").asLong());
    assertEquals("busybox:local", json.get("from").asText());
    assertFalse(json.has("type"));
    assertEquals(event, roundTrip(event, Event.class));
  }
}
