package dev.berth.transport.http2;

import java.io.IOException;

/**
 * An HTTP/2 stream ended before its response did: the peer reset it ({@code RST_STREAM}), sent
 * {@code GOAWAY} without having processed it, or the connection closed under it. Other streams
 * of the same connection are not affected by a reset; the next call opens a new connection when
 * the old one is gone. Client layers see it as a transport failure.
 */
public final class Http2StreamException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long errorCode;
  private final boolean refused;

  /**
   * An exception with this message, the HTTP/2 error code the peer sent (-1 when the connection
   * closed without one) and whether the peer said it never processed the stream.
   */
  public Http2StreamException(String message, long errorCode, boolean refused) {
    super(message);
    this.errorCode = errorCode;
    this.refused = refused;
  }

  /** The HTTP/2 error code of the reset or GOAWAY ({@code 0x8} is CANCEL), or -1 for none. */
  public long errorCode() {
    return errorCode;
  }

  /**
   * Whether the peer did not process the request (a GOAWAY naming a lower last stream, or
   * {@code REFUSED_STREAM}), so sending it again cannot repeat its effect.
   */
  public boolean isRefused() {
    return refused;
  }
}
