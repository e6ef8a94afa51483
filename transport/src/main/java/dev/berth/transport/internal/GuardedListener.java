package dev.berth.transport.internal;

import dev.berth.transport.Request;
import dev.berth.transport.TransportListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Passes events on to a user's {@link TransportListener}, so that one that throws never fails a
 * call or upsets an event loop: the exception is dropped, and the first one is logged (WARNING,
 * logger {@code dev.berth.transport}) with the listener's class, never the request. Made by
 * {@link TransportListener#guarded}.
 */
public final class GuardedListener implements TransportListener {
  private static final System.Logger LOG = System.getLogger("dev.berth.transport");

  private final TransportListener delegate;
  private final AtomicBoolean warned = new AtomicBoolean();

  private GuardedListener(TransportListener delegate) {
    this.delegate = delegate;
  }

  /** {@code listener} guarded; {@link TransportListener#NONE} stays itself, at no cost. */
  public static TransportListener of(TransportListener listener) {
    if (listener == TransportListener.NONE || listener instanceof GuardedListener) {
      return listener;
    }
    return new GuardedListener(listener);
  }

  private void dropped(String event, RuntimeException e) {
    if (warned.compareAndSet(false, true)) {
      LOG.log(Level.WARNING, "the transport listener " + delegate.getClass().getName() + " threw from " + event
          + "; ignored (later failures are not logged)", e);
    }
  }

  @Override
  public void dialStart(Request request, String endpoint) {
    try {
      delegate.dialStart(request, endpoint);
    } catch (RuntimeException e) {
      dropped("dialStart", e);
    }
  }

  @Override
  public void dialEnd(Request request, String endpoint, long nanos) {
    try {
      delegate.dialEnd(request, endpoint, nanos);
    } catch (RuntimeException e) {
      dropped("dialEnd", e);
    }
  }

  @Override
  public void dialFailed(Request request, String endpoint, long nanos, IOException failure) {
    try {
      delegate.dialFailed(request, endpoint, nanos, failure);
    } catch (RuntimeException e) {
      dropped("dialFailed", e);
    }
  }

  @Override
  public void connectionAcquired(Request request, String endpoint, boolean reused) {
    try {
      delegate.connectionAcquired(request, endpoint, reused);
    } catch (RuntimeException e) {
      dropped("connectionAcquired", e);
    }
  }

  @Override
  public void connectionReleased(String endpoint) {
    try {
      delegate.connectionReleased(endpoint);
    } catch (RuntimeException e) {
      dropped("connectionReleased", e);
    }
  }

  @Override
  public void connectionEvicted(String endpoint) {
    try {
      delegate.connectionEvicted(endpoint);
    } catch (RuntimeException e) {
      dropped("connectionEvicted", e);
    }
  }

  @Override
  public void connectionClosed(String endpoint) {
    try {
      delegate.connectionClosed(endpoint);
    } catch (RuntimeException e) {
      dropped("connectionClosed", e);
    }
  }

  @Override
  public void requestSent(Request request) {
    try {
      delegate.requestSent(request);
    } catch (RuntimeException e) {
      dropped("requestSent", e);
    }
  }

  @Override
  public void responseHeadReceived(Request request, int status) {
    try {
      delegate.responseHeadReceived(request, status);
    } catch (RuntimeException e) {
      dropped("responseHeadReceived", e);
    }
  }

  @Override
  public void bodyEnded(Request request, long bytes, boolean complete) {
    try {
      delegate.bodyEnded(request, bytes, complete);
    } catch (RuntimeException e) {
      dropped("bodyEnded", e);
    }
  }

  @Override
  public void callFailed(Request request, IOException failure) {
    try {
      delegate.callFailed(request, failure);
    } catch (RuntimeException e) {
      dropped("callFailed", e);
    }
  }

  @Override
  public String toString() {
    return "GuardedListener[" + delegate + "]";
  }
}
