package dev.berth.tracing.micrometer;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.io.IOException;

/**
 * The default names and tags: observation {@value #NAME}, contextual name the operation id
 * ({@code ContainerStart}) or the method when there is none, and the low-cardinality key values
 * <ul>
 *   <li>{@code operation}: the operation id, or {@code UNKNOWN};</li>
 *   <li>{@code method}: the HTTP method;</li>
 *   <li>{@code status}: the status code, {@code IO_ERROR} when the transport failed before a
 *       response, {@code CLIENT_ERROR} for any other failure before a response;</li>
 *   <li>{@code outcome}: {@code SUCCESS} (2xx, and 101 for a raw stream), {@code INFORMATIONAL},
 *       {@code REDIRECTION}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, or {@code UNKNOWN} when
 *       there was no response. By status only: an error inside a 200 stream keeps
 *       {@code SUCCESS} and shows in {@code exception};</li>
 *   <li>{@code engine}: {@code docker}, {@code podman} or {@code unknown};</li>
 *   <li>{@code exception}: the simple class name of the error, or {@code none}.</li>
 * </ul>
 * No high-cardinality key values. Extend it to add or change some; thread-safe and stateless.
 */
public class DefaultBerthObservationConvention implements BerthObservationConvention {
  /** The observation name, and so the timer name: {@value}. */
  public static final String NAME = "berth.client.requests";

  static final DefaultBerthObservationConvention INSTANCE = new DefaultBerthObservationConvention();

  /** A convention with the default names and tags. */
  public DefaultBerthObservationConvention() {}

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getContextualName(BerthRequestContext context) {
    String op = context.request().operationId();
    return op != null ? op : context.request().method();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(BerthRequestContext context) {
    return KeyValues.of(
        "operation", operation(context),
        "method", context.request().method(),
        "status", status(context),
        "outcome", outcome(context),
        "engine", context.engine(),
        "exception", exception(context));
  }

  /** The {@code operation} value. */
  protected String operation(BerthRequestContext context) {
    String op = context.request().operationId();
    return op != null ? op : "UNKNOWN";
  }

  /** The {@code status} value. */
  protected String status(BerthRequestContext context) {
    int s = context.status();
    if (s > 0) {
      return Integer.toString(s);
    }
    return context.getError() instanceof IOException ? "IO_ERROR" : "CLIENT_ERROR";
  }

  /** The {@code outcome} value. */
  protected String outcome(BerthRequestContext context) {
    int s = context.status();
    if (s <= 0) {
      return Outcome.UNKNOWN.name();
    }
    if (s == 101 && context.isRaw()) {
      return Outcome.SUCCESS.name();
    }
    return Outcome.forStatus(s).name();
  }

  /** The {@code exception} value. */
  protected String exception(BerthRequestContext context) {
    Throwable error = context.getError();
    if (error == null) {
      return "none";
    }
    String name = error.getClass().getSimpleName();
    return name.isEmpty() ? error.getClass().getName() : name;
  }
}
