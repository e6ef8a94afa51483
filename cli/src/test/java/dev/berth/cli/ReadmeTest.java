package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README as a contract (issue 14): every fenced {@code java} block in the README is, character
 * for character, a region of a test source under {@code cli/src/test/java} marked
 * {@code // README: <name>} … {@code // END README} (indentation of the marker line removed), and
 * every such region is in the README. The regions live in {@link ReadmeSnippetsTest} (offline) and
 * {@link ReadmeEngineSnippetsTest} (against the real engine), where they compile and run.
 */
class ReadmeTest {
  static final String START = "// README: ";
  static final String END = "// END README";

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("README.md"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /** The fenced java blocks of a Markdown text, without their fences, each ending with a newline. */
  static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    StringBuilder current = null;
    for (String line : markdown.split("\n", -1)) {
      if (current == null) {
        if (line.strip().equals("```java")) {
          current = new StringBuilder();
        }
      } else if (line.strip().equals("```")) {
        blocks.add(current.toString());
        current = null;
      } else {
        current.append(line).append('\n');
      }
    }
    if (current != null) {
      throw new AssertionError("README: a ```java block is never closed");
    }
    return blocks;
  }

  /** Name → text of the marked regions of a Java source, dedented by their marker's indentation. */
  static Map<String, String> regions(String source, String file) {
    Map<String, String> regions = new LinkedHashMap<>();
    String name = null;
    int indent = 0;
    StringBuilder current = null;
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String stripped = line.strip();
      if (current == null) {
        if (stripped.startsWith(START)) {
          name = stripped.substring(START.length()).strip();
          indent = line.indexOf(START);
          current = new StringBuilder();
        }
      } else if (stripped.equals(END)) {
        if (regions.put(name, current.toString()) != null) {
          throw new AssertionError(file + ": two regions named " + name);
        }
        current = null;
      } else {
        if (!line.isBlank() && (line.length() < indent || !line.substring(0, indent).isBlank())) {
          throw new AssertionError(file + ":" + (i + 1) + ": region " + name + " is indented less than its marker");
        }
        current.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
      }
    }
    if (current != null) {
      throw new AssertionError(file + ": region " + name + " has no " + END);
    }
    return regions;
  }

  static Map<String, String> testRegions() throws IOException {
    Map<String, String> all = new LinkedHashMap<>();
    Path tests = root().resolve("cli/src/test/java");
    try (Stream<Path> files = Files.walk(tests)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
        regions(Files.readString(f, StandardCharsets.UTF_8), tests.relativize(f).toString()).forEach((n, text) -> {
          if (all.put(n, text) != null) {
            throw new AssertionError("two regions named " + n);
          }
        });
      }
    }
    return all;
  }

  @Test
  void everyJavaBlockOfTheReadmeIsATestedRegionAndEveryRegionIsInTheReadme() throws IOException {
    List<String> blocks = javaBlocks(Files.readString(root().resolve("README.md"), StandardCharsets.UTF_8));
    Map<String, String> regions = testRegions();
    assertFalse(blocks.isEmpty());
    List<String> problems = new ArrayList<>();
    Map<String, String> unused = new LinkedHashMap<>(regions);
    for (int i = 0; i < blocks.size(); i++) {
      String block = blocks.get(i);
      String match = regions.entrySet().stream().filter(e -> e.getValue().equals(block)).map(Map.Entry::getKey)
          .findFirst().orElse(null);
      if (match == null) {
        problems.add("README java block " + (i + 1) + " is in no test region (// README: <name> ... // END README)"
            + " in cli/src/test/java; it starts:\n" + block.lines().limit(3).collect(Collectors.joining("\n"))
            + closest(block, regions));
      } else {
        unused.remove(match);
      }
    }
    unused.keySet().forEach(n -> problems.add("test region " + n + " is no longer in the README"));
    if (!problems.isEmpty()) {
      fail(String.join("\n\n", problems));
    }
  }

  /** The first differing line against the region sharing the block's first line, to make a mismatch easy to fix. */
  private static String closest(String block, Map<String, String> regions) {
    String first = block.lines().findFirst().orElse("");
    for (Map.Entry<String, String> e : regions.entrySet()) {
      if (e.getValue().lines().findFirst().orElse("").equals(first)) {
        List<String> a = block.lines().collect(Collectors.toList());
        List<String> b = e.getValue().lines().collect(Collectors.toList());
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
          String x = i < a.size() ? a.get(i) : "<end>";
          String y = i < b.size() ? b.get(i) : "<end>";
          if (!x.equals(y)) {
            return "\nclosest region " + e.getKey() + " differs at line " + (i + 1) + ":\n  README: " + x + "\n  test:   " + y;
          }
        }
      }
    }
    return "";
  }

  @Test
  void theExtractorsFindBlocksAndDedentedRegions() {
    assertEquals(List.of("a();\n", "b();\n  c();\n"),
        javaBlocks("x\n```java\na();\n```\n```sh\nno\n```\n```java\nb();\n  c();\n```\n"));
    assertEquals(Map.of("one", "a();\n  b();\n\n"),
        regions("class X {\n    // README: one\n    a();\n      b();\n\n    // END README\n}\n", "X.java"));
    assertTrue(regions("class X {}", "X.java").isEmpty());
  }
}
