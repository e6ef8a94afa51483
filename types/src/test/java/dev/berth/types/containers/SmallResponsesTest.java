package dev.berth.types.containers;

import static dev.berth.types.TestJson.ENGINE_20_10;
import static dev.berth.types.TestJson.read;
import static dev.berth.types.TestJson.readList;
import static dev.berth.types.TestJson.resource;
import static dev.berth.types.TestJson.roundTrip;
import static dev.berth.types.TestJson.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The small answers of the container endpoints, decoded from real Docker 20.10 output. */
class SmallResponsesTest {

  @Test
  void decodesCreateResponseWithWarning() {
    ContainerCreateResponse created = read(resource(ENGINE_20_10
        + "container-create-response.json"), ContainerCreateResponse.class);
    assertEquals("4e8e8622c573b3a8d51252a4dcd26e3c752e9f8f9e45f862f554e972cc5d7fdb",
        created.id());
    assertEquals(List.of("Your kernel does not support Block I/O weight or the cgroup is not "
        + "mounted. Weight discarded."), created.warnings());
    assertEquals(List.of(), read("{\"Id\":\"x\",\"Warnings\":[]}",
        ContainerCreateResponse.class).warnings());
    assertEquals(created, roundTrip(created, ContainerCreateResponse.class));
  }

  @Test
  void decodesTopWithDefaultAndCustomPsArguments() {
    ContainerTop top = read(resource(ENGINE_20_10 + "container-top.json"), ContainerTop.class);
    assertEquals(List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"),
        top.titles());
    assertEquals(3, top.processes().size());
    assertEquals(List.of("root", "12254", "12251", "0", "22:33", "?", "00:00:00", "sleep 600"),
        top.processes().get(2));
    assertEquals("12254", top.process(2).get("PID"));
    assertEquals("12221", top.process(0).get("PID"), "--init: docker-init is the first");
    assertEquals("/sbin/docker-init -- sh -c mkdir /newdir && echo data > /newdir/f && rm "
        + "/bin/yes && echo x >> /etc/motd; trap 'exit 0' TERM; sleep 600 & wait",
        top.process(0).get("CMD"));

    ContainerTop aux = read(resource(ENGINE_20_10 + "container-top-aux.json"),
        ContainerTop.class);
    assertEquals("USER", aux.titles().get(0));
    assertEquals(11, aux.titles().size());
    assertEquals(Map.of("PID", "12254", "STAT", "S", "COMMAND", "sleep 600"),
        aux.process(2).entrySet().stream()
            .filter(e -> List.of("PID", "STAT", "COMMAND").contains(e.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    assertThrows(UnsupportedOperationException.class, () -> aux.processes().get(0).add("x"));
    assertEquals(top, roundTrip(top, ContainerTop.class));
  }

  @Test
  void decodesFilesystemChanges() {
    List<FilesystemChange> changes = readList(resource(ENGINE_20_10
        + "container-changes.json"), FilesystemChange.class);
    assertEquals(12, changes.size());
    assertEquals(new FilesystemChange("/bin", 0), changes.get(0));
    assertEquals(ChangeType.MODIFIED, changes.get(0).changeType(), "parent of a deleted file");
    assertEquals(ChangeType.DELETED, changes.get(1).changeType());
    assertEquals("/bin/yes", changes.get(1).path());
    assertEquals(ChangeType.ADDED, changes.get(3).changeType());
    assertEquals("/newdir/f", changes.get(3).path());
    Map<ChangeType, Long> counts = changes.stream().collect(Collectors.groupingBy(
        FilesystemChange::changeType, Collectors.counting()));
    assertEquals(Map.of(ChangeType.MODIFIED, 2L, ChangeType.ADDED, 9L,
        ChangeType.DELETED, 1L), counts);
    assertEquals(ChangeType.ADDED, changes.stream().filter(c -> c.path().equals("/scratch"))
        .findFirst().orElseThrow().changeType(), "mount points count as added");

    assertEquals(ChangeType.UNKNOWN, new FilesystemChange("/x", 7).changeType());
    assertEquals(ChangeType.UNKNOWN, new FilesystemChange("/x", null).changeType());
    assertEquals(ChangeType.UNKNOWN, ChangeType.of(-1));
    for (ChangeType type : List.of(ChangeType.MODIFIED, ChangeType.ADDED, ChangeType.DELETED)) {
      assertEquals(type, ChangeType.of(type.kind()));
    }
    assertEquals("{\"Path\":\"/bin\",\"Kind\":0}", tree(changes.get(0)).toString());
  }

  @Test
  void decodesWaitResponse() {
    ContainerWaitResponse wait = read(resource(ENGINE_20_10 + "container-wait-response.json"),
        ContainerWaitResponse.class);
    assertEquals(7L, wait.statusCode());
    assertNull(wait.error(), "sent as \"Error\": null");
    ContainerWaitResponse failed = read("""
        {"StatusCode": 137, "Error": {"Message": "removal failed"}}
        """, ContainerWaitResponse.class);
    assertEquals("removal failed", failed.error().message());
    assertEquals(failed, roundTrip(failed, ContainerWaitResponse.class));
    assertFalse(tree(wait).has("Error"));
  }

  @Test
  void decodesPruneResponses() {
    ContainerPruneResponse pruned = read(resource(ENGINE_20_10
        + "container-prune-response.json"), ContainerPruneResponse.class);
    assertEquals(List.of("9579c819489716c1c95886375249bfa309839aab021086f2c43c7b0ded9aa1a8",
        "58d6980a1f1c01eb2138db6ad27fdf7a9b14f1b184d154150c0087caa1c8ed9d",
        "4e8e8622c573b3a8d51252a4dcd26e3c752e9f8f9e45f862f554e972cc5d7fdb"),
        pruned.containersDeleted());
    assertEquals(7L, pruned.spaceReclaimed(), "the two small files the container wrote");

    ContainerPruneResponse nothing = read(resource(ENGINE_20_10
        + "container-prune-response-empty.json"), ContainerPruneResponse.class);
    assertEquals(List.of(), nothing.containersDeleted(), "sent as null");
    assertEquals(0L, nothing.spaceReclaimed());
  }
}
