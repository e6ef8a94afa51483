/**
 * The transport SPI: a {@link dev.berth.transport.Doer} sends one {@link dev.berth.transport.Request}
 * and returns a streaming {@link dev.berth.transport.Response}, or hijacks the connection into a
 * duplex {@link dev.berth.transport.RawStream}. {@link dev.berth.transport.Http1Doer} speaks
 * HTTP/1.1 over any {@link dev.berth.transport.Dialer}; {@link dev.berth.transport.Dialers} and
 * {@link dev.berth.transport.Endpoint} make dialers for Unix sockets, TCP and TLS
 * ({@link dev.berth.transport.TlsConfig}: trusted CAs, client certificate, PEM keys). Transport code throws
 * {@link java.io.IOException}: typing errors is the client layer's job.
 */
package dev.berth.transport;
