package dev.berth.bench.cold;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.berth.bench.floor.FloorClient;
import dev.berth.types.containers.ContainerSummary;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

final class ColdFloor {
  private ColdFloor() {}

  static int run(boolean list, String label) throws IOException {
    try (FloorClient c = new FloorClient(ColdSocket.socket())) {
      if (c.exchange(FloorClient.request("GET", "/_ping")) != 200) {
        throw new IOException("ping failed");
      }
      if (!list) {
        return 0;
      }
      String filters = URLEncoder.encode("{\"label\":[\"" + label + "\"]}", StandardCharsets.UTF_8);
      FloorClient.Exchange x = c.send(FloorClient.request("GET", "/v1.41/containers/json?all=1&filters=" + filters));
      List<ContainerSummary> l = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
          .readValue(x.body(), new TypeReference<List<ContainerSummary>>() {});
      x.discard();
      x.release();
      return l.size();
    }
  }
}
