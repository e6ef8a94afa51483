package dev.berth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lookup interface: image references split into registries as the docker CLI does. */
class RegistryCredentialsTest {

  @ParameterizedTest
  @CsvSource({
      "ubuntu, docker.io",
      "library/ubuntu:22.04, docker.io",
      "docker.io/library/ubuntu, docker.io",
      "index.docker.io/me/app, docker.io",
      "me/app@sha256:abc, docker.io",
      "localhost:5000/foo/bar:tag, localhost:5000",
      "localhost/foo, localhost",
      "ghcr.io/org/app:1, ghcr.io",
      "Registry/app, Registry",
      "[::1]:5000/app, [::1]:5000"})
  void registryOfAnImage(String image, String registry) {
    assertEquals(registry, RegistryCredentials.registryOf(image));
  }

  @Test
  void registryOfNullIsRefused() {
    assertThrows(NullPointerException.class, () -> RegistryCredentials.registryOf(null));
  }

  @Test
  void forImageAsksForTheImagesRegistry() {
    RegistryAuth auth = RegistryAuth.basic("alice", "s3cret", "ghcr.io");
    List<String> asked = new ArrayList<>();
    RegistryCredentials credentials = registry -> {
      asked.add(registry);
      return registry.equals("ghcr.io") ? Optional.of(auth) : Optional.empty();
    };
    assertEquals(Optional.of(auth), credentials.forImage("ghcr.io/org/app:1"));
    assertEquals(Optional.empty(), credentials.forImage("ubuntu"));
    assertEquals(List.of("ghcr.io", "docker.io"), asked);
  }
}
