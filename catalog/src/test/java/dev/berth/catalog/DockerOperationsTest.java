package dev.berth.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.client.DockerOperations;
import dev.berth.client.Operation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** client-core's public operation constants are the newest Docker catalog's operations. */
class DockerOperationsTest {

  @Test
  void everyConstantIsTheCatalogsOperationWithItsVersion() throws Exception {
    Catalog newest = Catalog.docker("1.56");
    Set<String> ids = new HashSet<>();
    for (Field f : DockerOperations.class.getFields()) {
      assertEquals(true, Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()), f.getName());
      Operation constant = (Operation) f.get(null);
      Operation catalog = newest.describe(constant.id()).operation();
      assertEquals(catalog.toString(), constant.toString(), f.getName());
      if (constant.id().equals("BuildPrune")) {
        assertEquals("1.31", constant.since().toString(), "older than every catalog: from Docker's API history");
      } else {
        assertEquals(catalog.since(), constant.since(), f.getName());
      }
      ids.add(constant.id());
    }
    assertEquals(newest.operations().size(), ids.size(), "one constant per operation");
    assertEquals("1.44", DockerOperations.VOLUME_UPDATE.since().toString());
    assertEquals(null, DockerOperations.CONTAINER_CREATE.since());
  }
}
