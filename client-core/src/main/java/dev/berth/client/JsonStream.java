package dev.berth.client;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.berth.client.internal.CappedInput;
import dev.berth.client.internal.Errors;
import dev.berth.transport.Response;
import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stream of JSON values from the engine (events, progress messages), read one at a time on the
 * caller's thread as they arrive. The caller must close it.
 *
 * <p>{@link #close()} may be called from any thread: a {@link #hasNext()} blocked waiting for the
 * engine then returns {@code false}, and no value is delivered after the close.
 */
public final class JsonStream<T> implements Closeable, Iterator<T> {
  private final Response response;
  private JsonParser parser; // made on first use: Jackson reads ahead to detect the encoding
  private final ObjectReader reader;
  private final ObjectMapper mapper;
  private final JavaType type;
  private final String operation;
  private final boolean checkErrors;
  private volatile boolean closed;
  private boolean done;
  private T next;
  private final long maxValueSize;
  private static final int READ_AHEAD = 8 * 1024;
  private CappedInput capped;

  private final java.util.function.Consumer<BerthException> onFailure; // null: nobody listens

  JsonStream(Response response, ObjectMapper mapper, JavaType type, String operation, boolean checkErrors) {
    this(response, mapper, type, operation, checkErrors, null, EngineClient.DEFAULT_MAX_STREAM_VALUE_SIZE);
  }

  JsonStream(Response response, ObjectMapper mapper, JavaType type, String operation, boolean checkErrors,
      java.util.function.Consumer<BerthException> onFailure, long maxValueSize) {
    this.onFailure = onFailure;
    this.maxValueSize = maxValueSize;
    this.response = response;
    this.mapper = mapper;
    this.type = type;
    this.reader = mapper.readerFor(type);
    this.operation = operation;
    this.checkErrors = checkErrors;
  }

  /**
   * Waits for the next value.
   *
   * @return false at the end of the stream or after {@link #close()}
   * @throws StreamErrorException when error checking is on and the engine reported an error
   * @throws TransportException when the connection fails (not when it was closed by the caller)
   * @throws MalformedResponseException when the engine sends something that is not JSON
   */
  @Override
  public boolean hasNext() {
    if (closed) {
      next = null;
      return false;
    }
    if (next != null) {
      return true;
    }
    if (done) {
      return false;
    }
    try {
      if (parser == null) {
        // the parser reads ahead up to a buffer (8000 bytes): a value may run that much over
        capped = new CappedInput(response.body().stream(), maxValueSize + READ_AHEAD);
        parser = mapper.getFactory().createParser(capped);
      }
      JsonToken token = parser.nextToken();
      if (token == null) {
        done = true;
        close();
        return false;
      }
      T value;
      if (checkErrors) {
        JsonNode node = mapper.readTree(parser);
        checkError(node);
        value = mapper.treeToValue(node, type);
      } else {
        value = reader.readValue(parser);
      }
      if (closed) {
        return false;
      }
      capped.restart(parser.currentLocation().getByteOffset()); // the limit is per value
      next = value;
      return true;
    } catch (JacksonException e) {
      if (closed) {
        return false;
      }
      if (e.getCause() instanceof CappedInput.LimitExceeded) {
        throw fail(EngineClient.tooLarge(operation, maxValueSize, "maxStreamValueSize"));
      }
      if (e.getCause() instanceof IOException && !(e.getCause() instanceof JacksonException)) {
        throw fail(Errors.fromIOExceptionDescribed(operation, (IOException) e.getCause(), response));
      }
      throw fail(new MalformedResponseException(operation + ": unreadable JSON in the stream: "
          + e.getOriginalMessage(), e));
    } catch (CappedInput.LimitExceeded e) {
      if (closed) {
        return false;
      }
      throw fail(EngineClient.tooLarge(operation, maxValueSize, "maxStreamValueSize"));
    } catch (IOException e) {
      if (closed) {
        return false;
      }
      throw fail(Errors.fromIOExceptionDescribed(operation, e, response));
    }
  }

  /** Tells the client's listener (before closing: a tracing span is still open), then closes. */
  private BerthException fail(BerthException e) {
    if (onFailure != null) {
      try {
        onFailure.accept(e);
      } catch (RuntimeException ignored) {
        // a listener must not throw; the caller still gets the real error
      }
    }
    close();
    return e;
  }

  private void checkError(JsonNode node) {
    if (node == null || !node.isObject()) {
      return;
    }
    JsonNode detail = node.get("errorDetail");
    JsonNode error = node.get("error");
    String message = null;
    Integer code = null;
    if (detail != null && detail.isObject()) {
      JsonNode m = detail.get("message");
      if (m != null && m.isTextual()) {
        message = m.asText();
      }
      JsonNode c = detail.get("code");
      if (c != null && c.canConvertToInt()) {
        code = c.asInt();
      }
    }
    if (message == null && error != null && error.isTextual() && !error.asText().isEmpty()) {
      message = error.asText();
    }
    if (message != null) {
      throw fail(new StreamErrorException(operation, message, code));
    }
  }

  /**
   * The next value.
   *
   * @throws NoSuchElementException at the end of the stream
   */
  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("end of " + operation + " stream");
    }
    T v = next;
    next = null;
    return v;
  }

  /** The remaining values as a sequential {@link Stream}; closing it closes this. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }

  /** Stops the stream and releases its connection. Idempotent; callable from any thread. */
  @Override
  public void close() {
    closed = true;
    response.close();
  }
}
