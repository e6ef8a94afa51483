package dev.berth.transport.http2.internal;

import dev.berth.transport.Doer;
import dev.berth.transport.DoerProvider;
import dev.berth.transport.Endpoint;
import dev.berth.transport.TlsConfig;
import dev.berth.transport.TransportListener;
import dev.berth.transport.http2.Http2Doer;

/** Offers {@link Http2Doer} as HTTP version {@code 2} to whoever looks one up (the config module). */
public final class H2DoerProvider implements DoerProvider {

  /** For {@link java.util.ServiceLoader}. */
  public H2DoerProvider() {}

  @Override
  public String httpVersion() {
    return "2";
  }

  @Override
  public Doer doer(Endpoint endpoint, TlsConfig tls) {
    return doer(endpoint, tls, TransportListener.NONE);
  }

  @Override
  public Doer doer(Endpoint endpoint, TlsConfig tls, TransportListener listener) {
    Http2Doer.Builder b = Http2Doer.builder(endpoint).listener(listener);
    if (tls != null) {
      b.tls(tls);
    }
    return b.build();
  }
}
