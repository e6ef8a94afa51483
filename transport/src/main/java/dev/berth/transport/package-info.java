/**
 * The transport SPI: a {@link dev.berth.transport.Doer} sends one {@link dev.berth.transport.Request}
 * and returns a streaming {@link dev.berth.transport.Response}, or hijacks the connection into a
 * duplex {@link dev.berth.transport.RawStream}. {@link dev.berth.transport.Http1Doer} speaks
 * HTTP/1.1 over any {@link dev.berth.transport.Dialer}; {@link dev.berth.transport.Dialers} and
 * {@link dev.berth.transport.Endpoint} make dialers for Unix sockets, TCP and TLS
 * ({@link dev.berth.transport.TlsConfig}: trusted CAs, client certificate, PEM keys). Transport code throws
 * {@link java.io.IOException}: typing errors is the client layer's job.
 *
 * <p>Decorators: {@link dev.berth.transport.ForwardingDoer} with
 * {@link dev.berth.transport.ForwardingResponse#observe} and
 * {@link dev.berth.transport.ForwardingRawStream#observe} make one a few lines;
 * {@link dev.berth.transport.TransportListener} and {@link dev.berth.transport.Http1Doer#stats()}
 * show what happens inside the HTTP/1.1 doer; {@link dev.berth.transport.CancelToken} cancels
 * calls from another thread; {@link dev.berth.transport.InMemoryResponse} answers in fakes.
 *
 * <p>Conventions. <b>Nulls:</b> arguments are non-null unless their Javadoc says "or
 * {@code null}" (a {@link java.lang.NullPointerException} naming the parameter otherwise); an
 * accessor that may have no value says so and returns {@code null} (this package does not use
 * {@link java.util.Optional}, to stay allocation-free on the request path). <b>Ownership:</b> a
 * {@link dev.berth.transport.Response} or {@link dev.berth.transport.RawStream} handed out must
 * be closed by the caller; {@code close()} is idempotent, thread-safe, and how a call is
 * cancelled. A closed doer refuses new calls.
 */
package dev.berth.transport;
