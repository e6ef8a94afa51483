package dev.berth.bench.cold;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.util.Map;

final class ColdDockerJavaHc5 {
  private ColdDockerJavaHc5() {}

  static int run(boolean list, String label) throws Exception {
    DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost("unix://" + ColdSocket.socket()).build();
    try (DockerClient c = DockerClientImpl.getInstance(config,
        new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build())) {
      c.pingCmd().exec();
      if (!list) {
        return 0;
      }
      int eq = label.indexOf('=');
      return c.listContainersCmd().withShowAll(true)
          .withLabelFilter(Map.of(label.substring(0, eq), label.substring(eq + 1))).exec().size();
    }
  }
}
