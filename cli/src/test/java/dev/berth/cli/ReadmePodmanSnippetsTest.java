package dev.berth.cli;

import dev.berth.testkit.PodmanTest;

/** {@link ReadmePodmanSnippetsCases} against Podman 4.3. */
@PodmanTest
class ReadmePodmanSnippetsTest extends ReadmePodmanSnippetsCases {
  @Override
  String major() {
    return "4";
  }
}
