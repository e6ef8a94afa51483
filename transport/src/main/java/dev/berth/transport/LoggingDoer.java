package dev.berth.transport;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * A decorator that logs one {@code DEBUG} line per call on a {@link System.Logger} when the call
 * ends (its response or raw stream closed, or it failed): operation id, method, path template,
 * status and duration, e.g. {@code ContainerStart POST /containers/{id}/start 204 3.1 ms}. Never
 * headers, bodies, paths with ids or query values. With {@code DEBUG} off it only forwards. The
 * library logs nothing unless you add this. Thread-safe.
 */
public final class LoggingDoer {
  private LoggingDoer() {}

  /** Logs calls on {@code doer} to the logger {@code dev.berth.transport}. */
  public static Doer wrap(Doer doer) {
    return wrap(doer, System.getLogger("dev.berth.transport"));
  }

  /** Logs calls on {@code doer} to {@code logger}. */
  public static Doer wrap(Doer doer, System.Logger logger) {
    Objects.requireNonNull(logger, "logger");
    return new ForwardingDoer(doer) {
      @Override
      public Response send(Request request) throws IOException {
        if (!logger.isLoggable(Level.DEBUG)) {
          return delegate().send(request);
        }
        long start = System.nanoTime();
        Response r;
        try {
          r = delegate().send(request);
        } catch (IOException | RuntimeException | Error e) {
          log(logger, request, e.getClass().getSimpleName(), start);
          throw e;
        }
        int status = r.status();
        return ForwardingResponse.observe(r, end -> log(logger, request,
            end.failure() == null ? Integer.toString(status) : status + " " + end.failure().getClass().getSimpleName(), start));
      }

      @Override
      public RawStream sendRaw(Request request) throws IOException {
        if (!logger.isLoggable(Level.DEBUG)) {
          return delegate().sendRaw(request);
        }
        long start = System.nanoTime();
        RawStream s;
        try {
          s = delegate().sendRaw(request);
        } catch (IOException | RuntimeException | Error e) {
          log(logger, request, e.getClass().getSimpleName(), start);
          throw e;
        }
        int status = s.status();
        return ForwardingRawStream.observe(s, end -> log(logger, request, Integer.toString(status), start));
      }
    };
  }

  private static void log(System.Logger logger, Request request, String outcome, long start) {
    try {
      double ms = (System.nanoTime() - start) / 1e6;
      String op = request.operationId();
      // the template only when a service named the operation: otherwise it is the raw path
      String what = op == null ? request.method() : op + " " + request.method() + " " + request.pathTemplate();
      logger.log(Level.DEBUG, () -> String.format(java.util.Locale.ROOT, "%s %s %.1f ms", what, outcome, ms));
    } catch (RuntimeException ignored) {
      // a logger must not fail the call
    }
  }
}
