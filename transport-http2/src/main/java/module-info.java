/**
 * HTTP/2 for berth: a {@link dev.berth.transport.Doer} that carries every call to an engine as a
 * stream of one HTTP/2 connection (h2 over TLS chosen by ALPN, or h2c with prior knowledge over
 * TCP or a Unix socket), on Netty. Optional: the core modules never depend on it or on Netty; it
 * registers a {@link dev.berth.transport.DoerProvider} for HTTP version 2.
 */
module dev.berth.transport.http2 {
  requires transitive dev.berth.transport;
  requires io.netty.common;
  requires io.netty.buffer;
  requires io.netty.transport;
  requires io.netty.handler;
  requires io.netty.codec;
  requires io.netty.codec.http;
  requires io.netty.codec.http2;

  exports dev.berth.transport.http2;

  provides dev.berth.transport.DoerProvider with dev.berth.transport.http2.internal.H2DoerProvider;
}
