package dev.berth.transport;

/**
 * Makes {@link Dialer}s for an engine address scheme that {@code berth-transport} cannot dial by
 * itself, such as {@code ssh://}. Found with {@link java.util.ServiceLoader} by
 * {@link Endpoint#dialer()}: a module declares {@code provides dev.berth.transport.DialerProvider
 * with ...} (or a {@code META-INF/services} entry on the class path). Implementations need a public
 * no-argument constructor and are thread-safe.
 */
public interface DialerProvider {

  /** The scheme served, lower case, e.g. {@code ssh}. */
  String scheme();

  /**
   * A dialer for {@code endpoint}, whose {@link Endpoint#scheme()} is {@link #scheme()}, with the
   * provider's defaults (for ssh: {@code ~/.ssh/config}, default keys, {@code known_hosts}).
   *
   * @throws IllegalArgumentException when the endpoint cannot be served
   */
  Dialer dialer(Endpoint endpoint);
}
