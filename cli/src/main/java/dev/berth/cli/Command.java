package dev.berth.cli;

import java.util.List;

/**
 * One {@code berth} command: its name, synopsis, one-line summary, options, and what it does.
 * Commands are grouped in classes by subject ({@link SystemCommands}, {@link ContainerCommands},
 * {@link ImageCommands}); each group lists its commands and {@link Main} puts them in one table,
 * so a new group (the operation catalog) plugs in with one line.
 */
record Command(String name, String synopsis, String summary, List<Args.Opt> options, boolean stopAtFirstPositional,
    boolean needsEngine, Action action) {

  /** What a command does with its parsed arguments; returns the exit status. */
  @FunctionalInterface
  interface Action {
    int run(Session session, Args args) throws Exception;
  }

  /** A command that talks to the engine; options parsed up to the end. */
  static Command of(String name, String synopsis, String summary, List<Args.Opt> options, Action action) {
    return new Command(name, synopsis, summary, options, false, true, action);
  }

  /** The same command, parsing options only up to its first positional argument. */
  Command stoppingAtFirstPositional() {
    return new Command(name, synopsis, summary, options, true, needsEngine, action);
  }

  /** The same command, run without connecting to an engine. */
  Command offline() {
    return new Command(name, synopsis, summary, options, stopAtFirstPositional, false, action);
  }

  /** The usage text: synopsis, summary and the options with their help. */
  String usage() {
    StringBuilder b = new StringBuilder("usage: berth ").append(name);
    if (!synopsis.isEmpty()) {
      b.append(' ').append(synopsis);
    }
    b.append("\n\n").append(summary).append('\n');
    if (!options.isEmpty()) {
      b.append("\noptions:\n");
      for (Args.Opt o : options) {
        String names = String.join(", ", o.names()) + (o.takesValue() ? " " + o.value() : "");
        b.append(String.format("  %-24s %s%n", names, o.help()));
      }
    }
    return b.toString();
  }
}
