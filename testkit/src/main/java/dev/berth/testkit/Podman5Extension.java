package dev.berth.testkit;

/**
 * {@link EngineExtension} for the Podman 5 API service ({@link TestEngines#podman5Host()}): the
 * same checks, fail-or-skip rule and clean-up, against an engine in its own network namespace.
 */
public final class Podman5Extension extends AbstractEngineExtension {
  @Override
  String address() {
    return TestEngines.podman5Host();
  }

  @Override
  String image() {
    return TestEngines.podmanImage();
  }

  @Override
  boolean sharesLoopback() {
    return false; // the network namespace of scripts/docker28-up
  }

  @Override
  String startHint() {
    return "scripts/podman5-up (after scripts/engine-up and scripts/podman-up)";
  }
}
