package dev.berth.cli;

import dev.berth.testkit.Podman5Test;

/** {@link ReadmePodmanSnippetsCases} against Podman 5. */
@Podman5Test
class Podman5ReadmeSnippetsTest extends ReadmePodmanSnippetsCases {
  @Override
  String major() {
    return "5";
  }
}
