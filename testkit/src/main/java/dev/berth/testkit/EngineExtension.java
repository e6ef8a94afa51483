package dev.berth.testkit;

import dev.berth.client.EngineClient;
import dev.berth.transport.Endpoint;
import dev.berth.transport.Http1Doer;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Connects engine tests to the real test engine ({@link TestEngines}). Before each test it checks
 * the engine answers: when it does not, the test fails if the engine is required (in CI, and
 * under {@code scripts/test}), and is skipped with a loud message otherwise. After each test it
 * removes the containers the test labelled, closes the client and fails the test if any
 * connection is still open (an unclosed response or stream).
 */
public final class EngineExtension
    implements ExecutionCondition, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EngineExtension.class);
  private static volatile String unreachable; // why the engine did not answer; "" when it did
  private static final Object PROBE_LOCK = new Object();

  static String probe() {
    synchronized (PROBE_LOCK) {
      if (unreachable == null) {
        String address = TestEngines.dockerHost();
        try (Http1Doer doer = Http1Doer.builder(Endpoint.parse(address).dialer())
                .callTimeout(Duration.ofSeconds(5)).build();
            EngineClient client = EngineClient.builder(doer).build()) {
          client.ping();
          unreachable = "";
        } catch (RuntimeException e) {
          unreachable = "the test engine at " + address + " does not answer (" + e.getMessage()
              + "); start it with scripts/engine-up";
        }
      }
      return unreachable;
    }
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String why = probe();
    if (why.isEmpty() || TestEngines.engineRequired()) {
      return ConditionEvaluationResult.enabled("engine tests run");
    }
    System.err.println("!!! SKIPPING ENGINE TEST " + context.getDisplayName() + ": " + why
        + " (set BERTH_REQUIRE_ENGINE=1 to fail instead; CI fails)");
    return ConditionEvaluationResult.disabled("SKIPPED LOUDLY: " + why);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    String why = probe();
    if (!why.isEmpty()) {
      throw new AssertionError(why);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == TestEngine.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    String why = probe();
    if (!why.isEmpty()) {
      throw new ParameterResolutionException(why);
    }
    return e.getStore(NS).getOrComputeIfAbsent(TestEngine.class,
        k -> new TestEngine(TestEngines.dockerHost()), TestEngine.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestEngine engine = context.getStore(NS).remove(TestEngine.class, TestEngine.class);
    if (engine == null) {
      return;
    }
    try {
      engine.cleanUp();
    } finally {
      engine.close();
    }
    int open = engine.dialer().open();
    if (open != 0 && context.getExecutionException().isEmpty()) {
      throw new AssertionError(open + " connection(s) to the engine left open after the test: "
          + "a response, stream or raw stream was not closed");
    }
  }
}
