package dev.berth.testkit;

/**
 * Connects engine tests to the real Docker test engine ({@link TestEngines#dockerHost()}). Before
 * each test it checks the engine answers: when it does not, the test fails if the engine is
 * required (in CI, and under {@code scripts/test}), and is skipped with a loud message otherwise.
 * After each test it removes the containers the test labelled, closes the client and fails the
 * test if any connection is still open (an unclosed response or stream).
 */
public final class EngineExtension extends AbstractEngineExtension {
  @Override
  String address() {
    return TestEngines.dockerHost();
  }

  @Override
  String image() {
    return TestEngines.image();
  }

  @Override
  String startHint() {
    return "scripts/engine-up";
  }
}
