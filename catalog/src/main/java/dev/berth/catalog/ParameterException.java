package dev.berth.catalog;

import java.util.List;

/**
 * A parameter or body given to {@code invoke} that does not fit the operation: a required one is
 * missing, an unknown one is given, or a value has the wrong shape. The message and
 * {@link #valid()} name the operation's parameters.
 */
public class ParameterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String operation;
  private final transient List<String> valid;

  /** An error for {@code operation} (its id) with the problem and its valid parameter names. */
  public ParameterException(String operation, String problem, List<String> valid) {
    super(operation + ": " + problem + "; parameters: "
        + (valid.isEmpty() ? "(none)" : String.join(", ", valid)));
    this.operation = operation;
    this.valid = List.copyOf(valid);
  }

  /** The operation id. */
  public String operation() {
    return operation;
  }

  /** The operation's parameter names (body excluded: it is given separately). */
  public List<String> valid() {
    return valid == null ? List.of() : valid;
  }
}
