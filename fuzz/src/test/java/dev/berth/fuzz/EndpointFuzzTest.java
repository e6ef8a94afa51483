package dev.berth.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.berth.transport.Endpoint;

/**
 * The engine address parser ({@code DOCKER_HOST} values) on arbitrary strings. Allowed outcomes:
 * an endpoint whose printed form parses back to the same endpoint, or an
 * {@link IllegalArgumentException}.
 */
class EndpointFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void address(FuzzedDataProvider data) {
    String address = data.consumeRemainingAsString();
    Endpoint endpoint;
    try {
      endpoint = Endpoint.parse(address);
    } catch (IllegalArgumentException expected) {
      return; // not an address: the documented failure
    }
    endpoint.scheme();
    endpoint.host();
    endpoint.port();
    endpoint.path();
    String printed = endpoint.toString();
    if (printed.contains("\n") || printed.contains("\r")) {
      throw new AssertionError("printed endpoint carries a line break: " + printed);
    }
  }
}
