package dev.berth.bench.cold;

import dev.berth.bench.BerthContainers;
import dev.berth.client.EngineClient;
import dev.berth.system.SystemService;

final class ColdBerth {
  private ColdBerth() {}

  static int run(boolean list, String label) {
    try (EngineClient client = EngineClient.connect("unix://" + ColdSocket.socket())) {
      SystemService.create(client).ping();
      return list ? new BerthContainers(client).listByLabel(label).size() : 0;
    }
  }
}
