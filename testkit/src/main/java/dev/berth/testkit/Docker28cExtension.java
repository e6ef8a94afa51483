package dev.berth.testkit;

/**
 * {@link EngineExtension} for the Docker Engine 28.5 instance with the containerd image store (--feature containerd-snapshotter)
 * ({@link TestEngines#docker28ContainerdHost()}): the same checks, fail-or-skip rule and clean-up.
 */
public final class Docker28cExtension extends AbstractEngineExtension {
  @Override
  String address() {
    return TestEngines.docker28ContainerdHost();
  }

  @Override
  String image() {
    return TestEngines.image();
  }

  @Override
  boolean sharesLoopback() {
    return false; // its own network namespace
  }

  @Override
  String startHint() {
    return "scripts/docker28-up (after scripts/engine-up and scripts/registry-up)";
  }
}
