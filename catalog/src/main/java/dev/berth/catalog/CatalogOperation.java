package dev.berth.catalog;

import dev.berth.client.ApiVersion;
import dev.berth.client.Operation;
import dev.berth.types.system.EngineKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One operation of a catalog: what the API definition of that engine version says about it.
 * Immutable.
 */
public final class CatalogOperation {
  private final EngineKind engine;
  private final String catalogVersion;
  private final String id;
  private final String category;
  private final String method;
  private final String path;
  private final List<CatalogParameter> parameters;
  private final BodyKind bodyKind;
  private final String bodyContentType;
  private final ResponseKind responseKind;
  private final String since;
  private final Operation operation;

  CatalogOperation(EngineKind engine, String catalogVersion, String id, String category, String method,
      String path, List<CatalogParameter> parameters, BodyKind bodyKind, String bodyContentType,
      ResponseKind responseKind, String since, boolean oldest) {
    this.engine = engine;
    this.catalogVersion = catalogVersion;
    this.id = id;
    this.category = category;
    this.method = method;
    this.path = path;
    this.parameters = List.copyOf(parameters);
    this.bodyKind = bodyKind;
    this.bodyContentType = bodyContentType;
    this.responseKind = responseKind;
    this.since = since;
    // Docker versions compare with the client's API version; an operation of the oldest catalog
    // counts as always there. Podman's versions are its own, not the compat API's: no check.
    this.operation = engine == EngineKind.DOCKER && !oldest
        ? Operation.of(id, method, path, ApiVersion.parse(since))
        : Operation.of(id, method, path);
  }

  /** The operation id, e.g. {@code ContainerCreate}. */
  public String id() {
    return id;
  }

  /**
   * The category: Docker's tag ({@code Container}, {@code Swarm}) or Podman's
   * ({@code containers}, {@code libpod/pods}).
   */
  public String category() {
    return category;
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** The unversioned path template, e.g. {@code /containers/{id}/start}. */
  public String path() {
    return path;
  }

  /** The parameters in the definition's order (path, query, header and body ones). */
  public List<CatalogParameter> parameters() {
    return parameters;
  }

  /** The parameter called {@code name}, if the operation has one. */
  public Optional<CatalogParameter> parameter(String name) {
    for (CatalogParameter p : parameters) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The names of the parameters given in the params map of {@code invoke} (all but the body). */
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (CatalogParameter p : parameters) {
      if (p.place() != ParameterPlace.BODY) {
        names.add(p.name());
      }
    }
    return names;
  }

  /** What the request body is. */
  public BodyKind bodyKind() {
    return bodyKind;
  }

  /** Whether the definition marks the body as required. */
  public boolean bodyRequired() {
    for (CatalogParameter p : parameters) {
      if (p.place() == ParameterPlace.BODY) {
        return p.required();
      }
    }
    return false;
  }

  /** The content type sent with a binary body; empty for the others. */
  String bodyContentType() {
    return bodyContentType;
  }

  /** What a successful answer is. */
  public ResponseKind responseKind() {
    return responseKind;
  }

  /**
   * The first catalog version of this engine that has the operation, e.g. {@code 1.44} or
   * {@code 5.8.1}; the oldest catalog version for the operations every catalog has.
   */
  public String since() {
    return since;
  }

  /** The engine whose API this is. */
  public EngineKind engine() {
    return engine;
  }

  /** The catalog version this description comes from. */
  public String catalogVersion() {
    return catalogVersion;
  }

  /**
   * The operation as the client sees it: for Docker, with the API version it needs when that is
   * newer than the oldest catalog (so the client refuses it on an older engine).
   */
  public Operation operation() {
    return operation;
  }

  /** The reference documentation of this operation for the catalog's version. */
  public String docUrl() {
    if (engine == EngineKind.DOCKER) {
      return "https://docs.docker.com/reference/api/engine/version/v" + catalogVersion + "/#tag/" + category
          + "/operation/" + id;
    }
    boolean libpod = category.startsWith("libpod/");
    String tag = libpod ? category.substring("libpod/".length()) : category;
    switch (tag) {
      case "build":
      case "commit":
        tag = "images";
        break;
      case "auth":
      case "events":
      case "info":
      case "version":
      case "_ping":
        tag = "system";
        break;
      default:
        break;
    }
    return "https://docs.podman.io/en/v" + catalogVersion + "/_static/api.html#tag/" + tag
        + (libpod ? "" : "-(compat)") + "/operation/" + id;
  }

  /** {@code ContainerStart POST /containers/{id}/start}. */
  @Override
  public String toString() {
    return id + " " + method + " " + path;
  }
}
