package dev.berth.testkit;

/**
 * {@link EngineExtension} for Podman's API service ({@link TestEngines#podmanHost()}): the same
 * checks, fail-or-skip rule and clean-up, against the Podman engine.
 */
public final class PodmanExtension extends AbstractEngineExtension {
  @Override
  String address() {
    return TestEngines.podmanHost();
  }

  @Override
  String image() {
    return TestEngines.podmanImage();
  }

  @Override
  String startHint() {
    return "scripts/podman-up (after scripts/engine-up)";
  }
}
