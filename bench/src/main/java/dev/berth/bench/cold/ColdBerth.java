package dev.berth.bench.cold;

import dev.berth.bench.BerthContainers;
import dev.berth.client.EngineClient;

final class ColdBerth {
  private ColdBerth() {}

  static int run(boolean list, String label) {
    try (EngineClient client = EngineClient.connect("unix://" + ColdSocket.socket())) {
      client.ping();
      return list ? new BerthContainers(client).listByLabel(label).size() : 0;
    }
  }
}
