package dev.berth.catalog.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.catalog.Catalog;
import dev.berth.catalog.CatalogOperation;
import dev.berth.catalog.CatalogParameter;
import dev.berth.catalog.ParameterPlace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each catalog version against its API definition: every operation of the spec is in the catalog
 * with its method, path template and parameters, and regenerating gives the committed resources.
 * The definitions live outside the repository (../shared/engine-api, present here and in CI); the
 * committed resources are also pinned by count and digest, so a hand edit fails even without them.
 */
class CatalogSpecTest {
  /** Operations per catalog and the SHA-256 of each committed resource. */
  private static final Map<String, String> PINNED = Map.of(
      "docker-1.41.catalog", "106 09c148ba2621991e9ac4837d8e09c7ed9779f24a124f311f821154a114c21f9e",
      "docker-1.44.catalog", "107 a76f602ce4e2758d978efd76d36d95b07c3f7ea97ae88f427f9121b37b25e351",
      "docker-1.47.catalog", "107 01e5cded64fca45e247ba2869c55297fb069c22f17245a4d3960fba66389b271",
      "docker-1.51.catalog", "107 a40f7c7524b8bd093c2735afc8a2d3fe510cce6de55c1b925a0659ba035dce7d",
      "docker-1.56.catalog", "108 7673ed5e240e636a5abb883c368c8316fee1c0144aa1613891fcbb5d6ba9946d",
      "podman-4.3.1.catalog", "167 cd6301b1a6fae26a36e56abb52c3f7b63aeedcbbeb60176da76fe5e6e608891a",
      "podman-5.8.1.catalog", "192 a5429b8b3655762c5e46ff15ae9078c7ff54a9785715673750a88b0e9253cef3",
      "podman-6.0.0.catalog", "193 169688ca33a19f58b66a365d5762542770cae9df863ad32bf7755cce2f82eafe");

  static List<String> dockerVersions() {
    return CatalogGenerator.DOCKER;
  }

  static List<String> podmanVersions() {
    return CatalogGenerator.PODMAN;
  }

  /** ../shared/engine-api from the repository root (tests run in the module directory). */
  private static Path engineApiDir() {
    return Path.of(System.getProperty("berth.engine.api", "../../shared/engine-api")).toAbsolutePath().normalize();
  }

  private static Path engineApi() {
    Path p = engineApiDir();
    if (!Files.isDirectory(p)) {
      fail("the engine API definitions are not at " + p + " (set -Dberth.engine.api=DIR)");
    }
    return p;
  }

  /**
   * The definitions are reference data outside the repository, not part of what a clone builds
   * from: where they are missing (a checkout without ../shared), the spec comparisons are reported
   * as disabled, loudly, and the committed resources are still checked against their pinned
   * digests by the tests that need nothing else.
   */
  static boolean engineApiPresent() {
    boolean present = Files.isDirectory(engineApiDir());
    if (!present) {
      System.err.println("CatalogSpecTest: no engine API definitions at " + engineApiDir()
          + ": the comparisons with the specs are DISABLED (set -Dberth.engine.api=DIR)");
    }
    return present;
  }

  private static List<CatalogGenerator.Op> dockerSpec(String version) throws IOException {
    return CatalogGenerator.docker(engineApi().resolve("docker/v" + version + ".yaml"));
  }

  @EnabledIf("engineApiPresent")
  @ParameterizedTest
  @MethodSource("dockerVersions")
  void everyDockerOperationOfTheSpecIsInTheCatalog(String version) throws IOException {
    List<CatalogGenerator.Op> spec = dockerSpec(version);
    assertSame(spec, Catalog.docker(version), version);
  }

  @EnabledIf("engineApiPresent")
  @ParameterizedTest
  @MethodSource("podmanVersions")
  void everyPodmanOperationOfTheSpecIsInTheCatalog(String version) throws IOException {
    List<CatalogGenerator.Op> spec = CatalogGenerator.podman(engineApi().resolve("podman/v" + version + ".edn"),
        CatalogGenerator.compatBodies(dockerSpec("1.41")));
    assertSame(spec, Catalog.podman(version), version);
  }

  private static void assertSame(List<CatalogGenerator.Op> spec, Catalog catalog, String version) {
    assertEquals(version, catalog.version());
    assertEquals(spec.size(), catalog.operations().size(), "operation count of " + catalog);
    for (CatalogGenerator.Op op : spec) {
      CatalogOperation c = catalog.describe(op.id());
      assertEquals(op.method(), c.method(), op.id());
      assertEquals(op.path(), c.path(), op.id());
      assertEquals(op.category(), c.category(), op.id());
      assertEquals(op.params().size(), c.parameters().size(), op.id() + " parameters");
      for (int i = 0; i < op.params().size(); i++) {
        CatalogGenerator.Param p = op.params().get(i);
        CatalogParameter q = c.parameters().get(i);
        assertEquals(p.name(), q.name(), op.id());
        assertEquals(ParameterPlace.valueOf(p.place().toUpperCase(java.util.Locale.ROOT)), q.place(), op.id() + " " + p.name());
        assertEquals(p.required(), q.required(), op.id() + " " + p.name());
        assertEquals(p.type().equals("-") ? "" : p.type(), q.type(), op.id() + " " + p.name());
        assertEquals(p.arrayFormat().equals("-") ? "" : p.arrayFormat(), q.arrayFormat(), op.id() + " " + p.name());
      }
    }
  }

  @EnabledIf("engineApiPresent")
  @Test
  void regeneratingGivesTheCommittedFiles() throws IOException {
    Map<String, String> fresh = CatalogGenerator.generate(engineApi());
    assertEquals(PINNED.size() + 1, fresh.size());
    Path root = Path.of("..").toAbsolutePath().normalize(); // tests run in the module directory
    for (Map.Entry<String, String> e : fresh.entrySet()) {
      assertEquals(e.getValue(), Files.readString(root.resolve(e.getKey())), e.getKey() + " is stale: run scripts/catalog-gen");
    }
  }

  @ParameterizedTest
  @MethodSource("resources")
  void committedResourcesMatchTheirPinnedCountAndDigest(String file) throws Exception {
    byte[] bytes = resource(file);
    String[] pinned = PINNED.get(file).split(" ");
    long ops = new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("O\t")).count();
    assertEquals(Long.parseLong(pinned[0]), ops, file);
    assertEquals(pinned[1], HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), file);
    Catalog c = file.startsWith("docker") ? Catalog.docker(file.substring(7, file.length() - 8))
        : Catalog.podman(file.substring(7, file.length() - 8));
    assertEquals(ops, c.operations().size());
  }

  static List<String> resources() {
    return PINNED.keySet().stream().sorted().toList();
  }

  @Test
  void sinceIsTheFirstCatalogVersionWithTheOperation() {
    assertFalse(Catalog.docker("1.41").has("VolumeUpdate"));
    assertEquals("1.44", Catalog.docker("1.56").describe("VolumeUpdate").since());
    assertEquals("1.56", Catalog.docker("1.56").describe("ImageAttestations").since());
    assertEquals("1.41", Catalog.docker("1.56").describe("ContainerCreate").since());
    assertEquals(null, Catalog.docker("1.56").describe("ContainerCreate").operation().since());
    assertEquals("1.44", Catalog.docker("1.56").describe("VolumeUpdate").operation().since().toString());
    assertEquals("4.3.1", Catalog.podman("6.0.0").describe("PodCreateLibpod").since());
    assertTrue(Catalog.podman("4.3.1").categories().contains("libpod/pods"));
  }

  private static byte[] resource(String file) throws IOException {
    try (InputStream in = Catalog.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new AssertionError(file + " is not on the class path");
      }
      return in.readAllBytes();
    }
  }
}
