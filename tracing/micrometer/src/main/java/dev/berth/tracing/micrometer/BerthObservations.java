package dev.berth.tracing.micrometer;

import dev.berth.client.ApiVersion;
import dev.berth.client.BerthException;
import dev.berth.client.ClientListener;
import dev.berth.transport.Doer;
import dev.berth.transport.ForwardingDoer;
import dev.berth.transport.ForwardingRawStream;
import dev.berth.transport.ForwardingResponse;
import dev.berth.transport.Headers;
import dev.berth.transport.RawStream;
import dev.berth.transport.Request;
import dev.berth.transport.Response;
import dev.berth.transport.StreamEnd;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Micrometer observations of berth calls: one {@link Observation} per request, named
 * {@value DefaultBerthObservationConvention#NAME} with the operation id as contextual name (see
 * {@link DefaultBerthObservationConvention} for the tags), and, as a {@link MeterBinder}, the gauge
 * {@value #OPEN_STREAMS} of responses and raw streams handed out and not yet ended (a gauge
 * that never falls back is a leak).
 *
 * <p>Use {@link #wrap} on the doer and {@link #clientListener()} on the client built over it.
 * An observation starts when the request is sent and stops when its body or raw stream ends
 * (read to the end, failed, or closed; closing early is not an error). It records as error the
 * transport's {@code IOException}, a failure reading the body, and the exception the client
 * throws (a 404's {@code NotFoundException}, a {@code StreamErrorException} inside a 200 pull).
 * With a no-op {@link ObservationRegistry} the decorator only forwards (and counts streams when
 * the gauge is bound). Thread-safe; one instance may serve several doers and clients.
 */
public final class BerthObservations implements MeterBinder {
  /** The gauge of open responses and raw streams: {@value}. */
  public static final String OPEN_STREAMS = "berth.client.streams.open";

  private final ObservationRegistry registry;
  private final BerthObservationConvention convention; // null: the default
  private final Tags tags;
  private final AtomicInteger openStreams = new AtomicInteger();
  private final StreamEnd.Listener streamCounter = end -> openStreams.decrementAndGet();
  // calls between send and the end of their observation, by request identity, for the client listener
  private final Map<Request, BerthRequestContext> inFlight = new ConcurrentHashMap<>();
  private final ClientListener clientListener = new ClientListener() {
    @Override
    public void callFailed(Request request, ApiVersion apiVersion, BerthException error) {
      clientFailed(request, error);
    }
  };
  private volatile boolean countStreams;

  private BerthObservations(Builder b) {
    this.registry = b.registry;
    this.convention = b.convention;
    this.tags = b.tags;
  }

  /** Observations in {@code registry} with the default convention. */
  public static BerthObservations create(ObservationRegistry registry) {
    return builder(registry).build();
  }

  /** A builder for observations in {@code registry}. */
  public static Builder builder(ObservationRegistry registry) {
    return new Builder(registry);
  }

  /**
   * A doer that observes every call on {@code doer}. Closing it closes {@code doer}. Put it
   * outermost (over retry or logging decorators) so it sees the request the client sent.
   */
  public Doer wrap(Doer doer) {
    return new ObservedDoer(doer);
  }

  /**
   * The listener to set on the {@link dev.berth.client.EngineClient} built over {@link #wrap}'s
   * doer ({@code EngineClient.Builder#listener}): it marks the call's observation with the typed
   * exception the client throws (the client tells it before it closes the response, so the
   * observation is still open).
   */
  public ClientListener clientListener() {
    return clientListener;
  }

  /** Responses and raw streams handed out and not yet ended (counted once the gauge is bound). */
  public int openStreams() {
    return openStreams.get();
  }

  /** Registers the {@value #OPEN_STREAMS} gauge, with the builder's tags. */
  @Override
  public void bindTo(MeterRegistry meterRegistry) {
    countStreams = true;
    Gauge.builder(OPEN_STREAMS, openStreams, AtomicInteger::get)
        .tags(tags)
        .description("Responses and raw streams handed out by berth and not yet ended")
        .strongReference(true)
        .register(meterRegistry);
  }

  @Override
  public String toString() {
    return "BerthObservations[" + registry + "]";
  }

  // ---------------------------------------------------------------- the observation's life

  private BerthRequestContext start(Request request, boolean raw) {
    BerthRequestContext ctx = new BerthRequestContext(request, raw);
    Observation observation = Observation.createNotStarted(convention,
        DefaultBerthObservationConvention.INSTANCE, () -> ctx, registry);
    ctx.observation = observation;
    observation.start();
    inFlight.put(request, ctx);
    return ctx;
  }

  private void failedBeforeResponse(BerthRequestContext ctx, Throwable t) {
    ctx.observation.error(t);
    stop(ctx);
  }

  private void handedOut() {
    openStreams.incrementAndGet();
  }

  private void ended(BerthRequestContext ctx, StreamEnd end) {
    openStreams.decrementAndGet();
    ctx.ended(end);
    if (end.failure() != null && ctx.observation.getContext().getError() == null) {
      ctx.observation.error(end.failure());
    }
    stop(ctx);
  }

  private void clientFailed(Request request, BerthException error) {
    BerthRequestContext ctx = inFlight.get(request);
    if (ctx != null) { // else: not ours, failed before it was sent, or already stopped
      ctx.observation.error(error); // the typed error wins over the IOException it came from
    }
  }

  private void stop(BerthRequestContext ctx) {
    if (ctx.stopped.compareAndSet(false, true)) {
      inFlight.remove(ctx.request(), ctx);
      ctx.observation.stop();
    }
  }

  private final class ObservedDoer extends ForwardingDoer {
    private volatile String engine = "unknown"; // a doer talks to one engine

    ObservedDoer(Doer delegate) {
      super(delegate);
    }

    private String engine(Headers headers) {
      String e = BerthRequestContext.engineOf(headers.first("Server"));
      if (e.equals("unknown")) {
        return engine;
      }
      engine = e;
      return e;
    }

    @Override
    public Response send(Request request) throws IOException {
      if (registry.isNoop()) {
        if (!countStreams) {
          return delegate().send(request);
        }
        Response r = delegate().send(request);
        handedOut();
        return ForwardingResponse.observe(r, streamCounter);
      }
      BerthRequestContext ctx = start(request, false);
      Response r;
      try (Observation.Scope ignored = ctx.observation.openScope()) {
        r = delegate().send(request);
      } catch (Throwable t) {
        failedBeforeResponse(ctx, t);
        throw t; // the same exception, never wrapped
      }
      ctx.responded(r.status(), engine(r.headers()));
      handedOut();
      return ForwardingResponse.observe(r, end -> ended(ctx, end));
    }

    @Override
    public RawStream sendRaw(Request request) throws IOException {
      if (registry.isNoop()) {
        if (!countStreams) {
          return delegate().sendRaw(request);
        }
        RawStream s = delegate().sendRaw(request);
        handedOut();
        return ForwardingRawStream.observe(s, streamCounter);
      }
      BerthRequestContext ctx = start(request, true);
      RawStream s;
      try (Observation.Scope ignored = ctx.observation.openScope()) {
        s = delegate().sendRaw(request);
      } catch (Throwable t) {
        failedBeforeResponse(ctx, t);
        throw t;
      }
      ctx.responded(s.status(), engine(s.headers()));
      handedOut();
      return ForwardingRawStream.observe(s, end -> ended(ctx, end));
    }
  }

  /** Configures {@link BerthObservations}; not thread-safe. */
  public static final class Builder {
    private final ObservationRegistry registry;
    private BerthObservationConvention convention;
    private Tags tags = Tags.empty();

    private Builder(ObservationRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Names and tags observations with {@code convention} instead of
     * {@link DefaultBerthObservationConvention}; a convention registered on the
     * {@link ObservationRegistry} still takes precedence over the default.
     */
    public Builder convention(BerthObservationConvention convention) {
      this.convention = Objects.requireNonNull(convention, "convention");
      return this;
    }

    /** Tags for the {@value BerthObservations#OPEN_STREAMS} gauge, e.g. to tell two engines apart (default none). */
    public Builder tags(Iterable<Tag> tags) {
      this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
      return this;
    }

    /** The observations. */
    public BerthObservations build() {
      return new BerthObservations(this);
    }
  }
}
