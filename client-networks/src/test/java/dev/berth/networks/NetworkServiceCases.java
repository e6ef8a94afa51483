package dev.berth.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.client.EngineException;
import dev.berth.client.InvalidRequestException;
import dev.berth.client.NotFoundException;
import dev.berth.client.ServerErrorException;
import dev.berth.testkit.TestEngine;
import dev.berth.transport.Request;
import dev.berth.types.networks.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Network-service tests that run against each real engine: {@link NetworkServiceTest} (Docker)
 * and {@link PodmanNetworkServiceTest} (Podman's Docker-compatible API). Every network is
 * {@code internal} (the test daemons run without a bridge to the outside), uniquely named,
 * labelled with the test label and removed afterwards.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class NetworkServiceCases {
  private final List<String> created = new ArrayList<>();
  private NetworkService networks;

  /** Whether the engine under test is Podman. */
  abstract boolean podman();

  /** Whether the engine under test is Podman 5 ({@link Podman5NetworkServiceTest}). */
  boolean podman5() {
    return false;
  }

  @AfterEach
  void removeTheTestsNetworks() {
    for (String id : created) {
      try {
        networks.remove(id);
      } catch (NotFoundException e) {
        // removed by the test
      }
    }
  }

  /** An internal, labelled network with its own /24 subnet; returns its name. */
  private String internalNetwork(TestEngine engine, String subnetPrefix) {
    networks = NetworkService.create(engine.client());
    String name = engine.uniqueName("net");
    NetworkCreateOptions.Builder b = NetworkCreateOptions.builder().internal(true).labels(engine.labels());
    if (subnetPrefix != null) {
      b.subnet(subnetPrefix + ".0/24", subnetPrefix + ".1");
    }
    created.add(networks.create(name, b.build()).id());
    return name;
  }

  private static String randomSubnetPrefix() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "10." + (200 + r.nextInt(50)) + "." + r.nextInt(256);
  }

  @Test
  void anInternalNetworkIsCreatedInspectedListedAndRemoved(TestEngine engine) {
    String prefix = randomSubnetPrefix();
    String name = internalNetwork(engine, prefix);
    Network n = networks.inspect(name);
    assertEquals(name, n.name());
    assertEquals(created.get(0), n.id());
    assertEquals(true, n.internal());
    assertEquals("bridge", n.driver());
    assertEquals("local", n.scope());
    assertEquals(engine.labels(), n.labels());
    assertEquals(prefix + ".0/24", n.ipam().config().get(0).subnet());
    assertEquals(prefix + ".1", n.ipam().config().get(0).gateway());
    if (podman()) {
      // Podman names its IPAM driver in the options; Docker sends none
      assertEquals("host-local", n.ipam().options().get("driver"));
    } else {
      assertTrue(n.ipam().options().isEmpty());
    }

    List<Network> listed = networks.list(o -> o.name(name).label(TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL)));
    assertEquals(List.of(name), listed.stream().map(Network::name).toList());

    networks.remove(name);
    assertThrows(NotFoundException.class, () -> networks.inspect(name));
    assertThrows(NotFoundException.class, () -> networks.remove(name));
  }

  @Test
  void aContainerIsConnectedWithAnAliasAndAStaticAddressThenDisconnected(TestEngine engine) {
    String home = internalNetwork(engine, null);
    String prefix = randomSubnetPrefix();
    String extra = internalNetwork(engine, prefix);
    // a container in network mode none cannot join another network (see the next test): this one
    // starts on an internal network and joins a second one
    String id = engine.createContainer(Map.of("HostConfig", Map.of("NetworkMode", home)), "sleep", "30");
    engine.start(id);
    try {
      networks.connect(extra, id, o -> o.aliases("web").ipv4Address(prefix + ".5"));
      Map<String, Object> endpoint = endpoints(engine, id).get(extra);
      assertEquals(prefix + ".5", endpoint.get("IPAddress"), "endpoint: " + endpoint);
      assertTrue(String.valueOf(endpoint.get("Aliases")).contains("web"), "endpoint: " + endpoint);
      Network n = networks.inspect(extra);
      assertEquals(prefix + ".5/24", n.containers().get(id).ipv4Address(), "containers: " + n.containers());

      networks.disconnect(extra, id);
      assertFalse(endpoints(engine, id).containsKey(extra));
      assertTrue(endpoints(engine, id).containsKey(home));
      assertFalse(networks.inspect(extra).containers().containsKey(id));
    } finally {
      engine.remove(id);
    }
  }

  @Test
  void aContainerInNetworkModeNoneCannotJoinANetwork(TestEngine engine) {
    String name = internalNetwork(engine, null);
    String id = engine.createContainer("true");
    EngineException e = assertThrows(EngineException.class, () -> networks.connect(name, id));
    if (podman()) {
      // Podman answers 500 "invalid network mode"
      assertTrue(e instanceof ServerErrorException, e.toString());
      assertTrue(e.engineMessage().contains("invalid network mode"), e.engineMessage());
    } else {
      // Docker refuses with "... one of the networks in private (none) mode"
      assertTrue(e.engineMessage().contains("private (none) mode"), e.engineMessage());
      assertTrue(e instanceof InvalidRequestException || e.status() == 403 || e.status() == 500, e.toString());
    }
  }

  @Test
  void pruneWithTheTestLabelRemovesOnlyTheTestsNetworks(TestEngine engine) {
    String one = internalNetwork(engine, null);
    String two = internalNetwork(engine, null);
    String other = engine.uniqueName("net");
    created.add(networks.create(other, o -> o.internal(true).label(TestEngine.LABEL, "other-" + engine.labels()
        .get(TestEngine.LABEL))).id());
    List<String> deleted = networks.prune(o -> o.label(TestEngine.LABEL + "=" + engine.labels().get(TestEngine.LABEL)))
        .networksDeleted();
    assertEquals(List.of(one, two).stream().sorted().toList(), deleted.stream().sorted().toList());
    assertEquals(other, networks.inspect(other).name());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> endpoints(TestEngine engine, String container) {
    Map<String, Object> inspect = engine.client().call(Request.get("/containers/" + container + "/json").build(), Map.class);
    return (Map<String, Map<String, Object>>) ((Map<String, Object>) inspect.get("NetworkSettings")).get("Networks");
  }
}
