package dev.berth.testkit;

/**
 * {@link EngineExtension} for the Docker Engine 28.5 instance with the containerd image store
 * ({@link TestEngines#docker28ContainerdHost()}): the same checks, fail-or-skip rule and clean-up.
 */
public final class Docker28cExtension extends Docker28InstanceExtension {
  @Override
  String address() {
    return TestEngines.docker28ContainerdHost();
  }
}
