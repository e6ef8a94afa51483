package dev.berth.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.berth.client.BerthException;
import dev.berth.client.EngineClient;
import dev.berth.client.JsonStream;
import dev.berth.client.Operation;
import dev.berth.types.containers.ContainerInspect;
import dev.berth.types.containers.ContainerSummary;
import dev.berth.types.images.ImageInspect;
import dev.berth.types.progress.ProgressMessage;
import dev.berth.types.system.SystemInfo;
import java.util.List;

/**
 * The JSON decoding of engine answers on arbitrary bytes: the progress-message stream (pull, push,
 * build, load) and the record binding of documents (inspect, list, info). A real engine only sends
 * well-formed JSON, so the answer comes from an in-memory Doer.
 *
 * <p>Allowed outcomes: decoded values, or a {@link BerthException} (malformed answer, or the
 * error a progress stream reports). Anything else is a finding.
 */
class JsonDecodeFuzzTest {
  private static final Operation PULL = Operation.of("ImageCreate", "POST", "/images/create");
  private static final Operation INSPECT = Operation.of("ContainerInspect", "GET", "/containers/{id}/json");

  @FuzzTest(maxDuration = "10s")
  void decode(FuzzedDataProvider data) {
    int mode = data.consumeInt(0, 5);
    byte[] answer = data.consumeRemainingAsBytes();
    try (EngineClient client = EngineClient.builder(new AnswerDoer(answer)).apiVersion("1.41").build()) {
      switch (mode) {
        case 0 -> {
          try (JsonStream<ProgressMessage> messages =
                   client.stream(client.request(PULL).build(), ProgressMessage.class, true)) {
            while (messages.hasNext()) {
              messages.next();
            }
          }
        }
        case 1 -> client.call(client.request(INSPECT, "x").build(), ContainerInspect.class);
        case 2 -> client.call(client.request(INSPECT, "x").build(), ImageInspect.class);
        case 3 -> client.call(client.request(INSPECT, "x").build(), SystemInfo.class);
        case 4 -> {
          List<ContainerSummary> list = client.callList(client.request(INSPECT, "x").build(), ContainerSummary.class);
          list.size();
        }
        default -> client.call(client.request(INSPECT, "x").build(), Object.class);
      }
    } catch (BerthException expected) {
      // malformed JSON, a wrong shape or an error inside the stream: the documented failures
    }
  }
}
