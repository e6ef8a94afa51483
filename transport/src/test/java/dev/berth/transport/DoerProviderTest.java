package dev.berth.transport;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The default of {@link DoerProvider#doer(Endpoint, TlsConfig, TransportListener)}. */
class DoerProviderTest {

  /** A provider written before listeners could be passed: it overrides the two-argument method only. */
  private static final class OldProvider implements DoerProvider {
    final Doer made = new Doer() {
      @Override public Response send(Request request) throws IOException { throw new IOException("unused"); }
      @Override public RawStream sendRaw(Request request) throws IOException { throw new IOException("unused"); }
      @Override public void close() {}
    };

    @Override public String httpVersion() { return "9"; }
    @Override public Doer doer(Endpoint endpoint, TlsConfig tls) { return made; }
  }

  @Test
  void withoutAListenerTheDefaultIsTheTwoArgumentMethod() {
    OldProvider p = new OldProvider();
    assertSame(p.made, p.doer(Endpoint.parse("tcp://127.0.0.1:1"), null, TransportListener.NONE));
  }

  @Test
  void aListenerThatCannotBeToldIsRefusedNotDropped() {
    OldProvider p = new OldProvider();
    TransportListener listener = new TransportListener() { };
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> p.doer(Endpoint.parse("tcp://127.0.0.1:1"), null, listener));
    assertTrue(e.getMessage().contains("HTTP/9"), e.getMessage());
    assertThrows(NullPointerException.class, () -> p.doer(Endpoint.parse("tcp://127.0.0.1:1"), null, null));
  }
}
