package dev.berth.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line for one command: options declared up front (flags, options with a value,
 * repeatable options), the docker CLI's spellings ({@code -it}, {@code --name=x}, {@code --name x},
 * {@code -e K=V}, {@code --} ends options). Hand-written rather than picocli: picocli's reflection
 * over annotated classes costs about 170 ms of a cold start (measured by {@code scripts/bench-cli}'s
 * author: 210 ms vs 38 ms for a bare JVM), more than the whole budget.
 */
final class Args {
  /** One declared option: its names, whether it takes a value, and its help text. */
  record Opt(List<String> names, String value, String help) {
    boolean takesValue() {
      return value != null;
    }

    String key() {
      return names.get(names.size() - 1).replaceFirst("^-+", "");
    }
  }

  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  private Args() {}

  /** A flag (no value): {@code flag("-a", "--all", "help")}. */
  static Opt flag(String... namesThenHelp) {
    return opt(null, namesThenHelp);
  }

  /** An option with a value shown as {@code value} in the usage. */
  static Opt opt(String value, String... namesThenHelp) {
    List<String> names = List.of(namesThenHelp).subList(0, namesThenHelp.length - 1);
    return new Opt(names, value, namesThenHelp[namesThenHelp.length - 1]);
  }

  /**
   * Parses {@code args} against {@code opts}. With {@code stopAtFirstPositional}, everything from
   * the first positional argument on is positional (the command run in a container keeps its own
   * options: {@code berth run busybox ls -l}).
   *
   * @throws UsageException for an unknown option or a missing value
   */
  static Args parse(List<String> args, List<Opt> opts, boolean stopAtFirstPositional) {
    Args a = new Args();
    boolean optionsDone = false;
    for (int i = 0; i < args.size(); i++) {
      String s = args.get(i);
      if (optionsDone || !s.startsWith("-") || s.equals("-")) {
        a.positional.add(s);
        if (stopAtFirstPositional) {
          optionsDone = true;
        }
        continue;
      }
      if (s.equals("--")) {
        optionsDone = true;
        continue;
      }
      if (s.startsWith("--")) {
        int eq = s.indexOf('=');
        String name = eq < 0 ? s : s.substring(0, eq);
        Opt o = find(opts, name);
        if (o.takesValue()) {
          String v = eq >= 0 ? s.substring(eq + 1) : valueAfter(args, ++i, name);
          a.add(o, v);
        } else if (eq >= 0) {
          throw new UsageException("option " + name + " takes no value");
        } else {
          a.add(o, "true");
        }
        continue;
      }
      // short options, possibly grouped (-it) or with the value attached (-eK=V)
      for (int j = 1; j < s.length(); j++) {
        String name = "-" + s.charAt(j);
        Opt o = find(opts, name);
        if (o.takesValue()) {
          String v = j + 1 < s.length() ? s.substring(j + 1) : valueAfter(args, ++i, name);
          a.add(o, v);
          break;
        }
        a.add(o, "true");
      }
    }
    return a;
  }

  private static String valueAfter(List<String> args, int i, String name) {
    if (i >= args.size()) {
      throw new UsageException("option " + name + " needs a value");
    }
    return args.get(i);
  }

  private static Opt find(List<Opt> opts, String name) {
    for (Opt o : opts) {
      if (o.names().contains(name)) {
        return o;
      }
    }
    throw new UsageException("unknown option " + name);
  }

  private void add(Opt o, String v) {
    values.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(v);
  }

  /** Whether the flag (by its long name without dashes) was given. */
  boolean has(String key) {
    return values.containsKey(key);
  }

  /** The last value of an option, or {@code fallback}. */
  String get(String key, String fallback) {
    List<String> v = values.get(key);
    return v == null ? fallback : v.get(v.size() - 1);
  }

  /** Every value of a repeatable option, in order; empty when absent. */
  List<String> all(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** An option's value as a non-negative integer. */
  Integer integer(String key) {
    String v = get(key, null);
    if (v == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + key + " needs a whole number of 0 or more, not \"" + v + "\"");
    }
  }

  /** The positional arguments. */
  List<String> positional() {
    return positional;
  }

  /** Exactly {@code min..max} positional arguments, else a usage error naming what is expected. */
  List<String> positional(int min, int max, String what) {
    if (positional.size() < min) {
      throw new UsageException("missing " + what);
    }
    if (positional.size() > max) {
      throw new UsageException("unexpected argument \"" + positional.get(max) + "\"");
    }
    return positional;
  }
}
