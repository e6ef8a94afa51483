package dev.berth.testkit;

/**
 * {@link EngineExtension} for the fault suite's own engine ({@link TestEngines#faultDockerHost()}):
 * the same checks, fail-or-skip rule and clean-up. Tests may kill and restart this engine; they
 * leave it running.
 */
public final class FaultEngineExtension extends Docker28InstanceExtension {
  @Override
  String address() {
    return TestEngines.faultDockerHost();
  }
}
