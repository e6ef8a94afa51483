package dev.berth.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.berth.images.internal.DockerIgnore;

/**
 * The {@code .dockerignore} parser and matcher on arbitrary patterns and paths (a build context
 * comes from a repository the user may not trust). Allowed outcomes: a match result, or an
 * {@link IllegalArgumentException} for a malformed pattern. A slow input is a finding too: fuzzing
 * mode reports inputs that exceed Jazzer's per-input timeout.
 */
class DockerIgnoreFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void match(FuzzedDataProvider data) {
    String patterns = data.consumeString(256);
    String path = data.consumeRemainingAsString();
    DockerIgnore ignore;
    try {
      ignore = DockerIgnore.parse(patterns);
    } catch (IllegalArgumentException expected) {
      return; // a malformed pattern: the documented failure
    }
    String clean = DockerIgnore.clean(path);
    ignore.matches(clean);
    ignore.mayReincludeBelow(clean);
  }
}
