package dev.berth.testkit;

/**
 * What the extensions of the Docker 28.5 instances of {@code scripts/docker28-up} share: the test
 * image loaded from the default engine, their own network namespace, and the script that starts
 * them. Subclasses name the instance's address.
 */
abstract class Docker28InstanceExtension extends AbstractEngineExtension {
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
