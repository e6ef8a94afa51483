package dev.berth.transport;

/**
 * Makes {@link Doer}s for an HTTP protocol version that {@code berth-transport} does not speak by
 * itself, such as HTTP/2 ({@code berth-transport-http2} provides {@code "2"}). Found with
 * {@link java.util.ServiceLoader}, e.g. by the configuration module when the user asks for that
 * version: a module declares {@code provides dev.berth.transport.DoerProvider with ...} (or a
 * {@code META-INF/services} entry on the class path). Implementations need a public no-argument
 * constructor and are thread-safe.
 */
public interface DoerProvider {

  /** The HTTP version served, e.g. {@code 2}. */
  String httpVersion();

  /**
   * A doer for {@code endpoint} with the provider's defaults; the caller closes it.
   *
   * @param tls the TLS settings for a {@code tcp://} or {@code https://} endpoint, or
   *     {@code null} for none ({@code https://} then uses the JDK's trust store)
   * @throws IllegalArgumentException when the endpoint cannot be served
   */
  Doer doer(Endpoint endpoint, TlsConfig tls);

  /**
   * As {@link #doer(Endpoint, TlsConfig)}, telling {@code listener} what happens in the doer.
   * The default serves {@link TransportListener#NONE} only; providers whose doers take a
   * listener override it.
   *
   * @throws UnsupportedOperationException when this provider's doers cannot tell a listener
   */
  default Doer doer(Endpoint endpoint, TlsConfig tls, TransportListener listener) {
    if (java.util.Objects.requireNonNull(listener, "listener") != TransportListener.NONE) {
      throw new UnsupportedOperationException("the HTTP/" + httpVersion() + " provider " + getClass().getName()
          + " cannot tell a TransportListener");
    }
    return doer(endpoint, tls);
  }
}
