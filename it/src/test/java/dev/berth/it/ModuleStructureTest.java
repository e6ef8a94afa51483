package dev.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The module graph as a modular application sees it; needs no engine. */
class ModuleStructureTest {

  /** Every published module this one requires, with the package it must export. */
  private static final Map<String, String> PUBLISHED = Map.ofEntries(
      Map.entry("dev.berth.transport", "dev.berth.transport"),
      Map.entry("dev.berth.transport.junixsocket", "dev.berth.transport.junixsocket"),
      Map.entry("dev.berth.transport.ssh", "dev.berth.transport.ssh"),
      Map.entry("dev.berth.transport.http2", "dev.berth.transport.http2"),
      Map.entry("dev.berth.types", "dev.berth.types.containers"),
      Map.entry("dev.berth.client", "dev.berth.client"),
      Map.entry("dev.berth.system", "dev.berth.system"),
      Map.entry("dev.berth.containers", "dev.berth.containers"),
      Map.entry("dev.berth.images", "dev.berth.images"),
      Map.entry("dev.berth.networks", "dev.berth.networks"),
      Map.entry("dev.berth.volumes", "dev.berth.volumes"),
      Map.entry("dev.berth.pods", "dev.berth.pods"),
      Map.entry("dev.berth.catalog", "dev.berth.catalog"),
      Map.entry("dev.berth.config", "dev.berth.config"),
      Map.entry("dev.berth.tracing.opentelemetry", "dev.berth.tracing.opentelemetry"),
      Map.entry("dev.berth.tracing.micrometer", "dev.berth.tracing.micrometer"),
      Map.entry("dev.berth.testkit", "dev.berth.testkit"),
      Map.entry("dev.berth.testkit.peer", "dev.berth.testkit.peer"));

  @Test
  void testsRunInANamedModuleAndEveryLibraryIsANamedModule() {
    Module self = getClass().getModule();
    assertTrue(self.isNamed(), "the tests must run inside dev.berth.it, on the module path");
    assertEquals("dev.berth.it", self.getName());
    ModuleLayer layer = self.getLayer();
    PUBLISHED.forEach((name, pkg) -> {
      Module m = layer.findModule(name).orElseThrow(() -> new AssertionError(name + " is not resolved"));
      ModuleDescriptor d = m.getDescriptor();
      assertFalse(d.isAutomatic(), name + " must be an explicit module (module-info.class)");
      assertTrue(m.isExported(pkg), name + " must export " + pkg);
      for (String p : m.getPackages()) {
        if (p.contains(".internal")) {
          assertFalse(m.isExported(p), name + " exports its internal package " + p + " to everyone");
        }
      }
    });
  }
}
