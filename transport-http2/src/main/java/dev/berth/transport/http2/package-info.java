/**
 * An HTTP/2 {@link dev.berth.transport.Doer} for engines reached through an HTTP/2 peer (a
 * TLS-terminating proxy, a gateway, or an engine that serves h2c itself): {@link
 * dev.berth.transport.http2.Http2Doer}. Arguments are non-null unless documented; failures of a
 * stream on the wire are {@link java.io.IOException}s, {@link
 * dev.berth.transport.http2.Http2StreamException} when the peer reset the stream or went away.
 */
package dev.berth.transport.http2;
