package dev.berth.bench.adapter;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import dev.berth.adapter.dockerjava.BerthDockerHttpClient;
import dev.berth.bench.Engine;
import dev.berth.bench.Fixtures;
import dev.berth.bench.ab.Interleaved;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 17's bench: docker-java's own API (ping, inspect one container) over its own transports
 * (httpclient5, zerodep) and over berth's adapter, in one JVM and one run. The contestants take
 * turns in short blocks so that load from other processes hits them alike; it prints the median
 * block time of each and its ratio to docker-java on httpclient5. Run by scripts/bench-adapters
 * ({@code java -cp ... dev.berth.bench.adapter.DockerJavaTransports [seconds per operation]}).
 */
public final class DockerJavaTransports {
  private DockerJavaTransports() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    String label = Fixtures.uniqueValue("adapters");
    String id = Fixtures.createLabelled(1, label).get(0);
    Map<String, DockerClient> clients = new LinkedHashMap<>();
    try {
      clients.put("docker-java httpclient5", Engine.dockerJavaHttpClient5());
      clients.put("docker-java zerodep", Engine.dockerJavaZerodep());
      DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
          .withDockerHost("unix://" + Engine.SOCKET).build();
      clients.put("docker-java on berth", DockerClientImpl.getInstance(config,
          BerthDockerHttpClient.owning(Http1Doer.of(Endpoint.parse("unix://" + Engine.SOCKET).dialer()))));
      System.out.printf("docker-java API over three transports, %s, %d s per operation%n", Engine.SOCKET, seconds);
      measure("ping", seconds, 200, clients, c -> () -> c.pingCmd().exec());
      measure("inspect", seconds, 100, clients, c -> () -> c.inspectContainerCmd(id).exec());
    } finally {
      for (DockerClient c : clients.values()) {
        c.close();
      }
      Fixtures.removeLabelled(label);
    }
  }

  private static void measure(String name, int seconds, int block, Map<String, DockerClient> clients,
      java.util.function.Function<DockerClient, Interleaved.Op> op) throws Exception {
    Map<String, Interleaved.Op> ops = new LinkedHashMap<>();
    clients.forEach((k, c) -> ops.put(k, op.apply(c)));
    Map<String, List<Double>> blocks = Interleaved.alternate(ops, block, 10, seconds);
    double base = Interleaved.median(blocks.values().iterator().next());
    for (Map.Entry<String, List<Double>> e : blocks.entrySet()) {
      double m = Interleaved.median(e.getValue());
      System.out.printf("%-8s %-24s median of %3d blocks: %7.1f µs/op  (%.2f× httpclient5)%n", name, e.getKey(),
          e.getValue().size(), m, m / base);
    }
  }
}
