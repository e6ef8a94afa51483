package dev.berth.testkit;

/**
 * {@link EngineExtension} for the Docker Engine 28.5 instance with the overlay2 (graph driver) image
 * store ({@link TestEngines#docker28Host()}): the same checks, fail-or-skip rule and clean-up.
 */
public final class Docker28Extension extends Docker28InstanceExtension {
  @Override
  String address() {
    return TestEngines.docker28Host();
  }
}
