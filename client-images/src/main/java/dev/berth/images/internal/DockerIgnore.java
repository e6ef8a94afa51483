package dev.berth.images.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a {@code .dockerignore} file, matched the way the docker CLI matches them when it
 * tars a build context (moby's {@code ignorefile.ReadAll} and {@code patternmatcher}): Go's
 * {@code filepath.Match} syntax ({@code *} and {@code ?} within one path element, {@code [...]}
 * classes with {@code ^} negation and ranges, {@code \} escapes), plus {@code **} for any number
 * of elements; later rules win, {@code !} rules re-include; a rule matching a directory matches
 * everything below it. Immutable and thread-safe.
 *
 * <p>Reading: lines starting with {@code #} are comments (only at the very start of the line);
 * surrounding white space is trimmed; each rule is cleaned like Go's {@code filepath.Clean}
 * ({@code dir/} is {@code dir}, {@code ./a/../b} is {@code b}) and a leading {@code /} dropped,
 * so rules are always relative to the context root and a trailing {@code /} does not restrict a
 * rule to directories.
 */
public final class DockerIgnore {
  /** No rules: nothing is ignored. */
  public static final DockerIgnore NONE = new DockerIgnore(List.of());

  private final List<Rule> rules;
  private final boolean exclusions;

  private DockerIgnore(List<Rule> rules) {
    this.rules = rules;
    boolean ex = false;
    for (Rule r : rules) {
      ex |= r.exclusion;
    }
    this.exclusions = ex;
  }

  /**
   * The rules of a {@code .dockerignore} file's text.
   *
   * @throws IllegalArgumentException for a malformed rule (a lone {@code !}, an unclosed or empty
   *     {@code [} class, a trailing {@code \}), naming the line
   */
  public static DockerIgnore parse(String text) {
    List<String> patterns = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.startsWith("#")) {
        continue;
      }
      String pattern = line.strip();
      if (pattern.isEmpty()) {
        continue;
      }
      boolean invert = pattern.charAt(0) == '!';
      if (invert) {
        pattern = pattern.substring(1).strip();
      }
      if (!pattern.isEmpty()) {
        pattern = clean(pattern);
        if (pattern.length() > 1 && pattern.charAt(0) == '/') {
          pattern = pattern.substring(1);
        }
      }
      patterns.add(invert ? "!" + pattern : pattern);
      lineNumbers.add(i + 1);
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      try {
        Rule r = Rule.of(patterns.get(i));
        if (r != null) {
          rules.add(r);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(".dockerignore line " + lineNumbers.get(i) + ": " + e.getMessage(), e);
      }
    }
    return new DockerIgnore(List.copyOf(rules));
  }

  /**
   * Rules given as patterns (as after reading a file: {@code !} prefix for exceptions), cleaned
   * like moby's pattern matcher does.
   *
   * @throws IllegalArgumentException for a malformed pattern
   */
  public static DockerIgnore of(List<String> patterns) {
    List<Rule> rules = new ArrayList<>();
    for (String p : patterns) {
      Rule r = Rule.of(p);
      if (r != null) {
        rules.add(r);
      }
    }
    return new DockerIgnore(List.copyOf(rules));
  }

  /** The same rules plus {@code pattern} at the end (so it wins over earlier ones). */
  public DockerIgnore plus(String pattern) {
    Rule r = Rule.of(pattern);
    if (r == null) {
      return this;
    }
    List<Rule> more = new ArrayList<>(rules);
    more.add(r);
    return new DockerIgnore(List.copyOf(more));
  }

  /** Whether there are no rules. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Whether any rule is an exception ({@code !}). */
  public boolean hasExclusions() {
    return exclusions;
  }

  /** The cleaned patterns, exceptions with their {@code !}. */
  public List<String> patterns() {
    List<String> out = new ArrayList<>();
    for (Rule r : rules) {
      out.add(r.exclusion ? "!" + r.pattern : r.pattern);
    }
    return out;
  }

  /**
   * Whether {@code path} (relative to the context root, {@code /}-separated) is ignored: the last
   * rule that matches it or one of its parent directories decides. The root itself ({@code .})
   * is never ignored.
   */
  public boolean matches(String path) {
    String file = clean(path);
    if (file.equals(".")) {
      return false;
    }
    int slash = file.lastIndexOf('/');
    String parent = slash < 0 ? "." : slash == 0 ? "/" : file.substring(0, slash);
    boolean matched = false;
    for (Rule rule : rules) {
      if (rule.exclusion != matched) {
        continue; // an inclusion cannot change a match, an exception cannot change a non-match
      }
      boolean match = rule.matches(file);
      if (!match && !parent.equals(".")) {
        int from = 0;
        while (!match) {
          int next = parent.indexOf('/', from);
          String prefix = next < 0 ? parent : parent.substring(0, next);
          match = rule.matches(prefix);
          if (next < 0) {
            break;
          }
          from = next + 1;
        }
      }
      if (match) {
        matched = !rule.exclusion;
      }
    }
    return matched;
  }

  /**
   * For an ignored directory: whether an exception rule may re-include something below it, so
   * the directory must still be walked (though not itself archived). Like the docker CLI, only
   * exceptions whose pattern text starts with the directory's path count.
   */
  public boolean mayReincludeBelow(String dir) {
    if (!exclusions) {
      return false;
    }
    String dirSlash = clean(dir) + "/";
    for (Rule r : rules) {
      if (r.exclusion && (r.pattern + "/").startsWith(dirSlash)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "DockerIgnore" + patterns();
  }

  /**
   * Go's {@code path.Clean} for {@code /}-separated paths: removes empty and {@code .} elements,
   * resolves {@code ..} against the element before it, drops a trailing {@code /}; an empty
   * result is {@code .}.
   */
  public static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.charAt(0) == '/';
    List<String> out = new ArrayList<>();
    for (String element : path.split("/", -1)) {
      if (element.isEmpty() || element.equals(".")) {
        continue;
      }
      if (element.equals("..")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
          out.remove(out.size() - 1);
        } else if (!rooted) {
          out.add("..");
        }
        continue;
      }
      out.add(element);
    }
    String joined = String.join("/", out);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  // ---------------------------------------------------------------- one rule

  private enum Kind { EXACT, PREFIX, SUFFIX, TOKENS }

  private static final int LITERAL = 0;
  private static final int STAR = 1;          // [^/]*
  private static final int ONE = 2;           // [^/]
  private static final int CLASS = 3;         // [...] (any character, '/' included, like the regexp)
  private static final int ANY_DIRS = 4;      // (.*/)?  from "**" not at the end
  private static final int ANY = 5;           // .*      from "**" at the end

  private static final class Token {
    final int type;
    final int codePoint;      // LITERAL
    final boolean negated;    // CLASS
    final int[] ranges;       // CLASS: lo0, hi0, lo1, hi1, ...

    Token(int type, int codePoint, boolean negated, int[] ranges) {
      this.type = type;
      this.codePoint = codePoint;
      this.negated = negated;
      this.ranges = ranges;
    }
  }

  private static final class Rule {
    final String pattern;
    final boolean exclusion;
    final Kind kind;
    final Token[] tokens;

    private Rule(String pattern, boolean exclusion, Kind kind, Token[] tokens) {
      this.pattern = pattern;
      this.exclusion = exclusion;
      this.kind = kind;
      this.tokens = tokens;
    }

    /** A rule as moby's pattern matcher makes it, or null for a blank pattern. */
    static Rule of(String raw) {
      String p = raw.strip();
      if (p.isEmpty()) {
        return null;
      }
      p = clean(p);
      boolean exclusion = false;
      if (p.charAt(0) == '!') {
        if (p.length() == 1) {
          throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
        }
        exclusion = true;
        p = p.substring(1);
      }
      return compile(p, exclusion);
    }

    /**
     * Tokens, and the kind of match moby's matcher picks for the pattern: exact for plain text, a
     * prefix test for text then a final {@code **}, a suffix test for a leading {@code **} then
     * text, otherwise the full (regular-expression-like) match.
     */
    private static Rule compile(String p, boolean exclusion) {
      List<Token> tokens = new ArrayList<>();
      Kind kind = Kind.EXACT;
      int[] cps = p.codePoints().toArray();
      int i = 0;
      for (int step = 0; i < cps.length; step++) {
        int c = cps[i++];
        if (c == '*') {
          if (i < cps.length && cps[i] == '*') {
            i++;
            if (i < cps.length && cps[i] == '/') {
              i++; // "**/" is "**"
            }
            if (i >= cps.length) {
              tokens.add(new Token(ANY, 0, false, null));
              kind = kind == Kind.EXACT ? Kind.PREFIX : Kind.TOKENS;
            } else {
              tokens.add(new Token(ANY_DIRS, 0, false, null));
              kind = Kind.TOKENS;
            }
            if (step == 0) {
              kind = Kind.SUFFIX;
            }
          } else {
            tokens.add(new Token(STAR, 0, false, null));
            kind = Kind.TOKENS;
          }
        } else if (c == '?') {
          tokens.add(new Token(ONE, 0, false, null));
          kind = Kind.TOKENS;
        } else if (c == '\\') {
          if (i >= cps.length) {
            throw new IllegalArgumentException("syntax error in pattern " + p + ": trailing \\");
          }
          tokens.add(new Token(LITERAL, cps[i++], false, null));
          kind = Kind.TOKENS;
        } else if (c == '[') {
          i = parseClass(p, cps, i, tokens);
          kind = Kind.TOKENS;
        } else if (c == ']') {
          // filepath.Match takes a stray ']' literally
          tokens.add(new Token(LITERAL, c, false, null));
          kind = Kind.TOKENS;
        } else {
          tokens.add(new Token(LITERAL, c, false, null));
        }
      }
      return new Rule(p, exclusion, kind, tokens.toArray(new Token[0]));
    }

    /** Parses a class after its '[' with filepath.Match's rules; returns the index after ']'. */
    private static int parseClass(String p, int[] cps, int i, List<Token> tokens) {
      boolean negated = false;
      if (i < cps.length && cps[i] == '^') {
        negated = true;
        i++;
      }
      List<Integer> ranges = new ArrayList<>();
      while (true) {
        if (i < cps.length && cps[i] == ']' && !ranges.isEmpty()) {
          i++;
          break;
        }
        int[] lo = classChar(p, cps, i);
        i = lo[1];
        int hi = lo[0];
        if (cps[i] == '-') {
          int[] h = classChar(p, cps, i + 1);
          hi = h[0];
          i = h[1];
        }
        ranges.add(lo[0]);
        ranges.add(hi);
      }
      int[] r = new int[ranges.size()];
      for (int k = 0; k < r.length; k++) {
        r[k] = ranges.get(k);
      }
      tokens.add(new Token(CLASS, 0, negated, r));
      return i;
    }

    /** Go's getEsc: one (possibly escaped) class character and the index after it. */
    private static int[] classChar(String p, int[] cps, int i) {
      if (i >= cps.length || cps[i] == '-' || cps[i] == ']') {
        throw new IllegalArgumentException("syntax error in pattern " + p + ": malformed character class");
      }
      if (cps[i] == '\\') {
        i++;
        if (i >= cps.length) {
          throw new IllegalArgumentException("syntax error in pattern " + p + ": trailing \\ in character class");
        }
      }
      int c = cps[i++];
      if (i >= cps.length) {
        throw new IllegalArgumentException("syntax error in pattern " + p + ": unclosed character class");
      }
      return new int[] {c, i};
    }

    boolean matches(String path) {
      switch (kind) {
        case EXACT:
          return path.equals(pattern);
        case PREFIX:
          return path.startsWith(pattern.substring(0, pattern.length() - 2));
        case SUFFIX: {
          String suffix = pattern.substring(2);
          if (path.endsWith(suffix)) {
            return true;
          }
          return !suffix.isEmpty() && suffix.charAt(0) == '/' && path.equals(suffix.substring(1));
        }
        default:
          return match(tokens, path.codePoints().toArray());
      }
    }

    /**
     * Whether the tokens match all of {@code s}, by simulating the pattern as a set of states (one
     * per token, plus one inside each optional group of whole directories that {@code **} stands for) over the input once: time is
     * O(tokens × length) whatever the pattern. A backtracking matcher is exponential in the number
     * of stars ({@code *a*a*a*a*a*a*a*a*b} against a long name), which a hostile repository's
     * {@code .dockerignore} could use to stall the client.
     */
    private static boolean match(Token[] t, int[] s) {
      int n = t.length;
      boolean[] at = new boolean[n + 1];       // about to match token i
      boolean[] inside = new boolean[n + 1];   // inside the (.*/)? group of ANY_DIRS token i
      boolean[] nextAt = new boolean[n + 1];
      boolean[] nextInside = new boolean[n + 1];
      at[0] = true;
      close(t, at, inside);
      for (int c : s) {
        java.util.Arrays.fill(nextAt, false);
        java.util.Arrays.fill(nextInside, false);
        boolean any = false;
        for (int i = 0; i < n; i++) {
          if (inside[i]) {
            nextInside[i] = true; // .* goes on
            if (c == '/') {
              nextAt[i + 1] = true; // the group ends with this '/'
            }
            any = true;
          }
          if (!at[i]) {
            continue;
          }
          Token tok = t[i];
          switch (tok.type) {
            case LITERAL:
              if (c == tok.codePoint) {
                nextAt[i + 1] = true;
              }
              break;
            case ONE:
              if (c != '/') {
                nextAt[i + 1] = true;
              }
              break;
            case CLASS:
              if (inClass(tok, c)) {
                nextAt[i + 1] = true;
              }
              break;
            case STAR:
              if (c != '/') {
                nextAt[i] = true;
              }
              break;
            case ANY:
              nextAt[i] = true;
              break;
            case ANY_DIRS:
              nextInside[i] = true; // entered the group: this character is the first of .*
              if (c == '/') {
                nextAt[i + 1] = true;
              }
              break;
            default:
              throw new IllegalStateException("token " + tok.type);
          }
          any = true;
        }
        if (!any) {
          return false;
        }
        boolean[] swap = at;
        at = nextAt;
        nextAt = swap;
        swap = inside;
        inside = nextInside;
        nextInside = swap;
        close(t, at, inside);
      }
      return at[n];
    }

    /** Adds the states reachable without input: past a star, a final {@code **}, an empty group. */
    private static void close(Token[] t, boolean[] at, boolean[] inside) {
      for (int i = 0; i < t.length; i++) {
        if (at[i] && (t[i].type == STAR || t[i].type == ANY || t[i].type == ANY_DIRS)) {
          at[i + 1] = true;
        }
      }
    }

    private static boolean inClass(Token tok, int c) {
      boolean in = false;
      for (int k = 0; k < tok.ranges.length; k += 2) {
        if (tok.ranges[k] <= c && c <= tok.ranges[k + 1]) {
          in = true;
          break;
        }
      }
      return in != tok.negated;
    }
  }
}
