package dev.berth.cli;

/** A command line the CLI cannot use: reported as one line plus the command's usage, exit status 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
