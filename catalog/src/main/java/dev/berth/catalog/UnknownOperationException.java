package dev.berth.catalog;

import java.util.List;

/**
 * An operation id or category that the catalog of this engine version does not have; the message
 * and {@link #known()} name the ones it has.
 */
public class UnknownOperationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String name;
  private final transient List<String> known;

  /** An error for {@code name}, listing what {@code catalog} knows instead. */
  public UnknownOperationException(String what, String name, String catalog, List<String> known) {
    super(catalog + " has no " + what + " '" + name + "'; known: " + String.join(", ", known));
    this.name = name;
    this.known = List.copyOf(known);
  }

  /** The name that was asked for. */
  public String name() {
    return name;
  }

  /** The valid names. */
  public List<String> known() {
    return known == null ? List.of() : known;
  }
}
