package dev.berth.client;

import dev.berth.types.system.EngineKind;

/**
 * The operation belongs to another engine's own API: a Podman (libpod) operation such as a pod
 * call sent to Docker. Thrown before the operation's request is sent (the engine is known from
 * the {@code /_ping} that negotiates the API version, see {@link EngineClient#engineKind()}).
 */
public class UnsupportedEngineException extends BerthException {
  private static final long serialVersionUID = 1L;
  private final EngineKind required;
  private final EngineKind actual;

  /** An error for {@code operation}, which needs a {@code required} engine but {@code actual} answers. */
  public UnsupportedEngineException(String operation, EngineKind required, EngineKind actual) {
    super(operation + " needs a " + name(required) + " engine, but this engine is " + name(actual));
    this.required = required;
    this.actual = actual;
  }

  private static String name(EngineKind kind) {
    switch (kind) {
      case PODMAN: return "Podman (libpod API)";
      case DOCKER: return "Docker";
      default: return "not recognised";
    }
  }

  /** The engine the operation needs. */
  public EngineKind required() {
    return required;
  }

  /** The engine that answers. */
  public EngineKind actual() {
    return actual;
  }
}
