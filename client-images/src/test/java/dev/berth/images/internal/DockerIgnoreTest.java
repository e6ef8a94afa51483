package dev.berth.images.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code .dockerignore} rules against Go's semantics: the cases of moby's patternmatcher
 * tests and Go's filepath.Match tests, and the docker documentation's examples, with the edge
 * cases that trip up re-implementations.
 */
class DockerIgnoreTest {

  /** One pattern, one path, ignored or not (MatchesOrParentMatches semantics). */
  static Stream<Arguments> singlePattern() {
    return Stream.of(
        // "**" forms (patternmatcher TestMatches)
        Arguments.of("**", "file", true),
        Arguments.of("**", "file/", true),
        Arguments.of("**/", "file", true),
        Arguments.of("**/", "file/", true),
        Arguments.of("**", "dir/file", true),
        Arguments.of("**/", "dir/file", true),
        Arguments.of("**/**", "dir/file", true),
        Arguments.of("dir/**", "dir/file", true),
        Arguments.of("dir/**", "dir/dir2/file", true),
        Arguments.of("**/dir", "dir", true),
        Arguments.of("**/dir", "dir/file", true),
        Arguments.of("**/dir2/*", "dir/dir2/file", true),
        Arguments.of("**/dir2/*", "dir/dir2/file/", true),
        Arguments.of("**/dir2/**", "dir/dir2/dir3/file", true),
        Arguments.of("**file", "file", true),
        Arguments.of("**file", "dir/file", true),
        Arguments.of("**/file", "dir/file", true),
        Arguments.of("**file", "dir/dir/file", true),
        Arguments.of("**/file", "dir/dir/file", true),
        Arguments.of("**/file*", "dir/dir/file", true),
        Arguments.of("**/file*", "dir/dir/file.txt", true),
        Arguments.of("**/file*txt", "dir/dir/file.txt", true),
        Arguments.of("**/file*.txt", "dir/dir/file.txt", true),
        Arguments.of("**/file*.txt*", "dir/dir/file.txt", true),
        Arguments.of("**/**/*.txt", "dir/dir/file.txt", true),
        Arguments.of("**/**/*.txt2", "dir/dir/file.txt", false),
        Arguments.of("**/*.txt", "file.txt", true),
        Arguments.of("**/**/*.txt", "file.txt", true),
        Arguments.of("a**/*.txt", "a/file.txt", true),
        Arguments.of("a**/*.txt", "a/dir/file.txt", true),
        Arguments.of("a**/*.txt", "a/dir/dir/file.txt", true),
        Arguments.of("a/*.txt", "a/dir/file.txt", false),
        Arguments.of("a/*.txt", "a/file.txt", true),
        Arguments.of("a/*.txt**", "a/file.txt", true),
        Arguments.of("**/foo/bar", "foo/bar", true),
        Arguments.of("**/foo/bar", "dir/foo/bar", true),
        Arguments.of("**/foo/bar", "dir/dir2/foo/bar", true),
        Arguments.of("abc/**", "abc", false), // "dir/**" needs something below the directory
        Arguments.of("abc/**", "abc/def", true),
        Arguments.of("abc/**", "abc/def/ghi", true),
        Arguments.of("**/.foo", ".foo", true),
        Arguments.of("**/.foo", "bar.foo", false),
        // a leading "**" before plain text is a suffix test in moby's matcher: "xfile" ends in "file"
        Arguments.of("**file", "xfile", true),
        Arguments.of("**/file", "xfile", false),
        // filepath.Match syntax: classes, escapes, ? and *
        Arguments.of("a[b-d]e", "ae", false),
        Arguments.of("a[b-d]e", "ace", true),
        Arguments.of("a[b-d]e", "aae", false),
        Arguments.of("a[^b-d]e", "aze", true),
        Arguments.of(".*", ".foo", true),
        Arguments.of(".*", "foo", false),
        Arguments.of("abc.def", "abcdef", false), // '.' is literal, not a regexp's any-character
        Arguments.of("abc.def", "abc.def", true),
        Arguments.of("abc.def", "abcZdef", false),
        Arguments.of("abc?def", "abcZdef", true),
        Arguments.of("abc?def", "abcdef", false),
        Arguments.of("a(b)c/def", "a(b)c/def", true),
        Arguments.of("a(b)c/def", "a(b)c/xyz", false),
        Arguments.of("a.|)$(}+{bc", "a.|)$(}+{bc", true), // regexp metacharacters are literal
        Arguments.of("a+b", "aab", false),
        Arguments.of("dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true),
        Arguments.of("a\\\\", "a\\", true),
        Arguments.of("a\\*b", "a*b", true),
        Arguments.of("a\\*b", "ab", false),
        Arguments.of("abc", "abc", true),
        Arguments.of("*", "abc", true),
        Arguments.of("*c", "abc", true),
        Arguments.of("a*", "a", true),
        Arguments.of("a*", "abc", true),
        Arguments.of("a*", "ab/c", true), // through its parent "ab"
        Arguments.of("a*/b", "abc/b", true),
        Arguments.of("a*/b", "a/c/b", false), // '*' stays within one element
        Arguments.of("a*b*c*d*e*/f", "axbxcxdxe/f", true),
        Arguments.of("a*b*c*d*e*/f", "axbxcxdxexxx/f", true),
        Arguments.of("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false),
        Arguments.of("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false),
        Arguments.of("a*b?c*x", "abxbbxdbxebxczzx", true),
        Arguments.of("a*b?c*x", "abxbbxdbxebxczzy", false),
        Arguments.of("ab[c]", "abc", true),
        Arguments.of("ab[b-d]", "abc", true),
        Arguments.of("ab[e-g]", "abc", false),
        Arguments.of("ab[^c]", "abc", false),
        Arguments.of("ab[^b-d]", "abc", false),
        Arguments.of("ab[^e-g]", "abc", true),
        Arguments.of("a?b", "a\u263Ab", true), // '?' is one character, not one byte
        Arguments.of("a[^a]b", "a\u263Ab", true),
        Arguments.of("a???b", "a\u263Ab", false),
        Arguments.of("[a-\u03B6]*", "\u03B1", true),
        Arguments.of("*[a-\u03B6]", "A", false),
        Arguments.of("a?b", "a/b", false),
        Arguments.of("a*b", "a/b", false),
        Arguments.of("[\\]a]", "]", true),
        Arguments.of("[\\-]", "-", true),
        Arguments.of("[x\\-]", "x", true),
        Arguments.of("[x\\-]", "-", true),
        Arguments.of("[x\\-]", "z", false),
        Arguments.of("[\\-x]", "x", true),
        Arguments.of("[\\-x]", "-", true),
        Arguments.of("[\\-x]", "a", false),
        Arguments.of("*x", "xxx", true),
        // a rule matching a directory ignores everything below it
        Arguments.of("docs", "docs/README.md", true),
        Arguments.of("docs", "other/docs/README.md", false), // rules are anchored at the root
        Arguments.of("*/temp*", "somedir/temporary.txt", true),
        Arguments.of("*/temp*", "somedir/temp", true),
        Arguments.of("*/temp*", "temp", false),
        Arguments.of("*/*/temp*", "somedir/subdir/temporary.txt", true),
        Arguments.of("temp?", "tempa", true),
        Arguments.of("temp?", "temp", false),
        // cleaning: trailing "/" does not mean "directories only", leading "/" is the root
        Arguments.of("build/", "build", true),
        Arguments.of("build/", "build/out.o", true),
        Arguments.of("./a/../b", "b", true),
        Arguments.of("a//b", "a/b", true));
  }

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @MethodSource("singlePattern")
  void onePatternAgainstOnePath(String pattern, String path, boolean ignored) {
    assertEquals(ignored, DockerIgnore.of(List.of(pattern)).matches(path), pattern + " vs " + path);
  }

  /** Several rules: the last match wins; '!' re-includes. */
  static Stream<Arguments> severalPatterns() {
    return Stream.of(
        Arguments.of(List.of("*.go"), "fileutils.go", true),
        Arguments.of(List.of("!fileutils.go", "*.go"), "fileutils.go", true),
        Arguments.of(List.of("*.go", "!fileutils.go"), "fileutils.go", false),
        Arguments.of(List.of("docs", "!docs/README.md"), "docs/README.md", false),
        Arguments.of(List.of("docs/", "!docs/README.md"), "docs/README.md", false),
        Arguments.of(List.of("docs/*", "!docs/README.md"), "docs/README.md", false),
        Arguments.of(List.of("docs", "!docs/README.md"), "docs/other.md", true),
        Arguments.of(List.of("**", "!util/docker/web"), "util/docker/web/foo", false),
        Arguments.of(List.of("**", "!util/docker/web", "util/docker/web/foo"), "util/docker/web/foo", true),
        Arguments.of(List.of("**", "!dist/*.whl"), "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", false),
        // the documentation's README example
        Arguments.of(List.of("*.md", "!README*.md", "README-secret.md"), "README-secret.md", true),
        Arguments.of(List.of("*.md", "!README*.md", "README-secret.md"), "README-public.md", false),
        Arguments.of(List.of("*.md", "README-secret.md", "!README*.md"), "README-secret.md", false),
        Arguments.of(List.of("*.md", "!README*.md", "README-secret.md"), "notes.md", true));
  }

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @MethodSource("severalPatterns")
  void laterRulesWin(List<String> patterns, String path, boolean ignored) {
    assertEquals(ignored, DockerIgnore.of(patterns).matches(path), patterns + " vs " + path);
  }

  @Test
  void theRootIsNeverIgnored() {
    assertFalse(DockerIgnore.of(List.of("*.go")).matches("."));
    assertFalse(DockerIgnore.of(List.of("**")).matches("."));
    assertFalse(DockerIgnore.of(List.of()).matches("any/path/there"));
  }

  @Test
  void malformedPatternsAreRejectedLikeGo() {
    for (String bad : List.of("[", "[^", "[^bc", "a[", "[]a]", "[-]", "[x-]", "[-x]", "\\", "[a-b-c]", "a\\")) {
      assertThrows(IllegalArgumentException.class, () -> DockerIgnore.of(List.of(bad)), bad);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DockerIgnore.of(List.of("!")));
    assertTrue(e.getMessage().contains("illegal exclusion pattern"), e.getMessage());
  }

  @Test
  void readsCommentsBlankLinesExceptionsAndPathsLikeTheCli() {
    DockerIgnore rules = DockerIgnore.parse(String.join("\n",
        "\uFEFF# a comment (after a byte-order mark)",
        "",
        "   ",
        "/secrets/",
        "  *.log  ",
        "! keep.log",
        "  # not a comment: a pattern starting with '#'",
        "./tmp/../cache//",
        "\\#literal",
        "!/dist/app.jar",
        "dist"));
    assertEquals(List.of("secrets", "*.log", "!keep.log", "# not a comment: a pattern starting with '#'",
        "cache", "\\#literal", "!dist/app.jar", "dist"), rules.patterns());
    assertTrue(rules.matches("secrets/key.pem"));
    assertTrue(rules.matches("a.log"));
    assertFalse(rules.matches("keep.log"));
    assertTrue(rules.matches("cache/x"));
    assertTrue(rules.matches("#literal"));
    assertTrue(rules.matches("dist/app.jar"), "a later rule ignores it again");
    assertTrue(rules.hasExclusions());
    // CRLF files read the same
    assertEquals(List.of("a", "!b"), DockerIgnore.parse("a\r\n!b\r\n").patterns());
  }

  @Test
  void aLoneExclamationMarkLineIsAnErrorNamingTheLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DockerIgnore.parse("a\n!\n"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DockerIgnore.parse("ok\nbad[\n"));
  }

  @Test
  void ignoredDirectoriesAreWalkedOnlyForExceptionsThatStartWithThem() {
    DockerIgnore rules = DockerIgnore.of(List.of("docs", "!docs/keep.md", "build", "!**/keep.txt"));
    assertTrue(rules.mayReincludeBelow("docs"));
    assertFalse(rules.mayReincludeBelow("build"), "like the CLI: '**/keep.txt' does not start with 'build/'");
    assertFalse(DockerIgnore.of(List.of("docs")).mayReincludeBelow("docs"));
  }

  @Test
  void cleansPathsLikeGo() {
    assertEquals(".", DockerIgnore.clean(""));
    assertEquals(".", DockerIgnore.clean("./"));
    assertEquals("a", DockerIgnore.clean("a/"));
    assertEquals("a/b", DockerIgnore.clean("a//b/./"));
    assertEquals("b", DockerIgnore.clean("a/../b"));
    assertEquals("..", DockerIgnore.clean("a/../.."));
    assertEquals("../x", DockerIgnore.clean("../x"));
    assertEquals("/", DockerIgnore.clean("/.."));
    assertEquals("/a", DockerIgnore.clean("//a"));
  }

  /**
   * Issue 18, finding 3: a hostile repository's {@code .dockerignore}. The old backtracking matcher
   * took 13.6 s for ten stars against 40 characters; twenty stars against 200 would take longer
   * than the universe has existed. The bound is a hang guard, not a measurement: the linear
   * matcher answers in well under a millisecond.
   */
  @Test
  void manyStarsAgainstALongNameDoNotBacktrackExponentially() {
    String pattern = "*a".repeat(20) + "*b";
    String longName = "a".repeat(200);
    DockerIgnore rules = DockerIgnore.of(List.of(pattern, "**/x" + "*a".repeat(20) + "*b"));
    boolean[] answers = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new boolean[] {
        rules.matches(longName),
        rules.matches("dir/x" + longName),
        rules.matches(longName + "b"),
        rules.matches("d/x" + "a".repeat(30) + "b")});
    assertFalse(answers[0]);
    assertFalse(answers[1]);
    assertTrue(answers[2]);
    assertTrue(answers[3]);
  }
}
