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
 * What {@link EngineExtension} and {@link PodmanExtension} share: probe the engine once per JVM,
 * fail or skip loudly when it does not answer, hand tests a {@link TestEngine}, and after each test
 * remove what it labelled and fail it when a connection was left open.
 */
abstract class AbstractEngineExtension
    implements ExecutionCondition, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AbstractEngineExtension.class);
  /** Per address: why the engine did not answer; "" when it did. */
  private static final java.util.Map<String, String> PROBES = new java.util.concurrent.ConcurrentHashMap<>();

  /** The engine's address. */
  abstract String address();

  /** The engine's test image. */
  abstract String image();

  /** Whether the engine shares the test JVM's loopback (see {@link TestEngine#sharesLoopback()}). */
  boolean sharesLoopback() {
    return true;
  }

  /** How to start the engine, for messages. */
  abstract String startHint();

  String probe() {
    String address = address();
    return PROBES.computeIfAbsent(address, a -> {
      try (Http1Doer doer = Http1Doer.builder(Endpoint.parse(a).dialer())
              .callTimeout(Duration.ofSeconds(5)).build();
          EngineClient client = EngineClient.builder(doer).build()) {
        client.ping();
        return "";
      } catch (RuntimeException e) {
        return "the test engine at " + a + " does not answer (" + e.getMessage() + "); start it with "
            + startHint();
      }
    });
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
        k -> new TestEngine(address(), image(), sharesLoopback()), TestEngine.class);
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
