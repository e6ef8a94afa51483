package dev.berth.catalog;

import java.util.Objects;

/**
 * One parameter of a catalog operation, as the API definition declares it.
 *
 * @param name        the parameter's name ({@code id}, {@code all}, {@code X-Registry-Auth})
 * @param place       where it goes in the request
 * @param type        the declared type ({@code string}, {@code boolean}, {@code integer},
 *                    {@code array:string}; {@code object} or {@code binary} for a body); empty
 *                    when the definition does not say (Podman's)
 * @param required    whether the operation needs it
 * @param arrayFormat how an array value is written: {@code csv} (comma-separated) or
 *                    {@code multi} (the parameter repeated); empty for a non-array or when the
 *                    definition does not say (then invoke repeats the parameter)
 */
public record CatalogParameter(String name, ParameterPlace place, String type, boolean required,
    String arrayFormat) {

  /** Checks that no component is null. */
  public CatalogParameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(arrayFormat, "arrayFormat");
  }
}
