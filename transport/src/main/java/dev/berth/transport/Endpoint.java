package dev.berth.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * An engine address as written in {@code DOCKER_HOST}: {@code unix:///var/run/docker.sock},
 * {@code tcp://127.0.0.1:2375}, {@code http://host:port}. Parsed once, immutable.
 *
 * <p>{@link #dialer()} dials {@code unix}, {@code tcp} and {@code http} in the clear and
 * {@code https} with TLS (the JDK's trust store, no client certificate); {@link #dialer(TlsConfig)}
 * dials {@code tcp} and {@code https} with the given TLS settings. {@code ssh://user@host:port/path}
 * dials through a {@link DialerProvider} for {@code ssh} found with {@link ServiceLoader}: add the
 * {@code berth-transport-ssh} artifact. {@code npipe://} addresses parse, but cannot be dialed.
 */
public final class Endpoint {
  private final String scheme;
  private final String host;
  private final int port;
  private final String path;
  private final String user;

  private Endpoint(String scheme, String host, int port, String path, String user) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.path = path;
    this.user = user;
  }

  /**
   * Parses an endpoint.
   *
   * @throws IllegalArgumentException naming what is wrong, for a malformed or unknown address
   */
  public static Endpoint parse(String address) {
    Objects.requireNonNull(address, "address");
    String a = address.trim();
    if (a.isEmpty()) {
      throw new IllegalArgumentException("empty engine address");
    }
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        // never echoed: a line break in an address would forge log lines wherever it is printed
        throw new IllegalArgumentException(String.format(
            "engine address contains the control character U+%04X at index %d", (int) c, i));
      }
    }
    int sep = a.indexOf("://");
    if (sep <= 0) {
      throw new IllegalArgumentException("engine address needs a scheme such as unix:// or tcp://: " + a);
    }
    String scheme = a.substring(0, sep).toLowerCase(Locale.ROOT);
    String rest = a.substring(sep + 3);
    String password = passwordIn(rest);
    if (password != null) {
      // as the docker CLI: a plain-text password in an address ends up in shells' history, process
      // lists, logs and toString(); it is refused, and never printed
      a = a.substring(0, sep + 3) + rest.replace(":" + password + "@", ":***@");
      if (scheme.equals("ssh")) {
        throw new IllegalArgumentException("ssh engine address must not contain a password (" + a
            + "): use an SSH key or agent, as the docker CLI requires");
      }
      throw new IllegalArgumentException("engine address must not contain user information: " + a);
    }
    switch (scheme) {
      case "unix":
      case "npipe": {
        if (rest.isEmpty()) {
          throw new IllegalArgumentException(scheme + " address has no path: " + a);
        }
        if (scheme.equals("unix") && !rest.startsWith("/")) {
          throw new IllegalArgumentException("unix socket path must be absolute: " + a);
        }
        return new Endpoint(scheme, null, -1, rest, null);
      }
      case "tcp":
      case "http":
      case "https":
      case "ssh": {
        URI uri;
        try {
          uri = new URI(scheme + "://" + rest);
        } catch (URISyntaxException e) {
          throw new IllegalArgumentException("malformed engine address " + a + ": " + e.getReason(), e);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
          throw new IllegalArgumentException("engine address has no host: " + a);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
          host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort();
        if (port == -1) {
          port = switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            case "ssh" -> 22;
            default -> 2375;
          };
        }
        if (port < 1 || port > 65535) {
          throw new IllegalArgumentException("engine address has a port out of range (1-65535): " + a);
        }
        String p = uri.getRawPath();
        if (!scheme.equals("ssh") && p != null && !p.isEmpty() && !p.equals("/")) {
          throw new IllegalArgumentException("engine address must not have a path: " + a);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
          throw new IllegalArgumentException("engine address must not have a query or fragment: " + a);
        }
        if (!scheme.equals("ssh") && uri.getRawUserInfo() != null) {
          throw new IllegalArgumentException("engine address must not contain user information");
        }
        return new Endpoint(scheme, host, port, scheme.equals("ssh") ? p : null, uri.getUserInfo());
      }
      default:
        throw new IllegalArgumentException("unknown engine address scheme '" + scheme
            + "' (expected unix, tcp, http, https, ssh or npipe): " + a);
    }
  }

  /** The password part of {@code user:password@} in an address's authority, or null. */
  private static String passwordIn(String rest) {
    int end = rest.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String authority = rest.substring(0, end);
    int at = authority.lastIndexOf('@');
    if (at < 0) {
      return null;
    }
    int colon = authority.indexOf(':');
    return colon >= 0 && colon < at ? authority.substring(colon + 1, at) : null;
  }

  /** The scheme, lower case: unix, tcp, http, https, ssh or npipe. */
  public String scheme() {
    return scheme;
  }

  /** The host for network schemes, else {@code null}. */
  public String host() {
    return host;
  }

  /** The port for network schemes, else -1. */
  public int port() {
    return port;
  }

  /** The socket path for unix and npipe, the remote path for ssh, else {@code null}. */
  public String path() {
    return path;
  }

  /** The ssh user, or {@code null}. */
  public String user() {
    return user;
  }

  /**
   * A dialer for this endpoint: plain for {@code unix}, {@code tcp} and {@code http}; TLS with
   * the JDK's trust store and no client certificate for {@code https}; for {@code ssh}, the
   * dialer of the {@link DialerProvider} on the class or module path (from
   * {@code berth-transport-ssh}) with its defaults.
   *
   * @throws UnsupportedOperationException for schemes that cannot be dialed, saying what would be
   *     needed (for {@code ssh}: the missing artifact)
   * @throws java.io.UncheckedIOException for {@code https} when the JDK's trust store cannot be
   *     loaded
   */
  public Dialer dialer() {
    switch (scheme) {
      case "unix":
        return Dialers.unix(Path.of(path));
      case "tcp":
      case "http":
        return Dialers.tcp(host, port);
      case "https":
        try {
          return dialer(TlsConfig.jdkDefaults());
        } catch (IOException e) {
          throw new UncheckedIOException(e.getMessage(), e);
        }
      case "ssh":
        return provided();
      default:
        throw new UnsupportedOperationException(
            "npipe:// engine addresses (Windows named pipes) are not supported");
    }
  }

  private Dialer provided() {
    for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
        Endpoint.class.getClassLoader()}) {
      for (DialerProvider p : ServiceLoader.load(DialerProvider.class, loader)) {
        if (p.scheme().equalsIgnoreCase(scheme)) {
          return p.dialer(this);
        }
      }
    }
    throw new UnsupportedOperationException(scheme + ":// engine addresses need the artifact dev.berth:berth-transport-"
        + scheme + " (module dev.berth.transport." + scheme + ") on the class or module path; none was found for " + this);
  }

  /**
   * A TLS dialer for this {@code tcp://} or {@code https://} endpoint (see
   * {@link Dialers#tls(String, int, TlsConfig)}).
   *
   * @throws IllegalArgumentException for other schemes: {@code http://} is plain by definition,
   *     and TLS does not apply to {@code unix://}, {@code ssh://} or {@code npipe://}
   */
  public Dialer dialer(TlsConfig tls) {
    Objects.requireNonNull(tls, "tls");
    if (!scheme.equals("tcp") && !scheme.equals("https")) {
      throw new IllegalArgumentException("TLS applies to tcp:// and https:// engine addresses, not to " + this
          + (scheme.equals("http") ? " (http:// means plain HTTP: use https:// or tcp://)" : ""));
    }
    return Dialers.tls(host, port, tls, toString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Endpoint && toString().equals(o.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    if (host == null) {
      return scheme + "://" + path;
    }
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return scheme + "://" + (user != null ? user + "@" : "") + h + ":" + port + (path != null ? path : "");
  }
}
