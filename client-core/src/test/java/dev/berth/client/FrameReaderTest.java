package dev.berth.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

  private static final Duration PROMPT = Duration.ofSeconds(5);

  static byte[] frame(int stream, byte[] payload) {
    byte[] out = new byte[8 + payload.length];
    out[0] = (byte) stream;
    int n = payload.length;
    out[4] = (byte) (n >>> 24);
    out[5] = (byte) (n >>> 16);
    out[6] = (byte) (n >>> 8);
    out[7] = (byte) n;
    System.arraycopy(payload, 0, out, 8, n);
    return out;
  }

  static byte[] frame(int stream, String text) {
    return frame(stream, text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Returns at most {@code max} bytes per read, like a slow network. */
  static final class Trickle extends FilterInputStream {
    private final int max;
    int closes;

    Trickle(InputStream in, int max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, max));
    }

    @Override
    public void close() throws IOException {
      closes++;
      super.close();
    }
  }

  private static List<Frame> readAll(FrameReader r) {
    List<Frame> out = new ArrayList<>();
    Frame f;
    while ((f = r.nextFrame()) != null) {
      out.add(f);
    }
    return out;
  }

  @Test
  void framesAreDeliveredWholeWithTheirStream() {
    byte[] data = concat(frame(1, "hello\n"), frame(2, "oops\n"), frame(0, "in"), frame(1, "world\n"));
    FrameReader r = new FrameReader(new ByteArrayInputStream(data), true, "ContainerLogs");
    assertTrue(r.isMultiplexed());
    List<Frame> frames = readAll(r);
    assertEquals(4, frames.size());
    assertEquals(StreamType.STDOUT, frames.get(0).stream());
    assertEquals("hello\n", frames.get(0).text());
    assertEquals(StreamType.STDERR, frames.get(1).stream());
    assertEquals("oops\n", frames.get(1).text());
    assertEquals(StreamType.STDIN, frames.get(2).stream());
    assertEquals("in", frames.get(2).text());
    assertEquals(StreamType.STDOUT, frames.get(3).stream());
    assertEquals("world\n", frames.get(3).text());
    assertFalse(r.next());
    assertNull(r.nextFrame());
  }

  @Test
  void framesAreWholeWhenTheStreamTricklesOneByteAtATime() {
    byte[] big = new byte[5000];
    new Random(3).nextBytes(big);
    byte[] data = concat(frame(1, "abc"), frame(2, big), frame(1, "z"));
    Trickle in = new Trickle(new ByteArrayInputStream(data), 1);
    FrameReader r = new FrameReader(in, true, "op");
    assertTrue(r.next());
    assertEquals(StreamType.STDOUT, r.stream());
    assertEquals(3, r.length());
    assertEquals("abc", new String(r.buffer(), 0, r.length(), StandardCharsets.UTF_8));
    assertTrue(r.next());
    assertEquals(StreamType.STDERR, r.stream());
    assertEquals(5000, r.length());
    assertArrayEquals(big, java.util.Arrays.copyOf(r.buffer(), r.length()));
    assertTrue(r.next());
    assertEquals(1, r.length());
    assertFalse(r.next());
    assertTrue(in.closes >= 1, "reader closes its stream at the end");
  }

  @Test
  void frameSplitAcrossManyReadsOfVaryingSize() {
    byte[] payload = new byte[100_000];
    new Random(4).nextBytes(payload);
    byte[] data = frame(2, payload);
    // feed in random-sized chunks including splits inside the header
    BlockingInputStream in = new BlockingInputStream();
    Random rnd = new Random(5);
    int p = 0;
    in.offer(java.util.Arrays.copyOfRange(data, 0, 3));
    p = 3;
    while (p < data.length) {
      int n = Math.min(data.length - p, 1 + rnd.nextInt(777));
      in.offer(java.util.Arrays.copyOfRange(data, p, p + n));
      p += n;
    }
    in.finish();
    FrameReader r = new FrameReader(in, true, "op");
    Frame f = r.nextFrame();
    assertEquals(StreamType.STDERR, f.stream());
    assertArrayEquals(payload, f.bytes());
    assertNull(r.nextFrame());
  }

  @Test
  void zeroLengthFramesAreFrames() {
    byte[] data = concat(frame(1, new byte[0]), frame(2, "x"), frame(2, new byte[0]));
    FrameReader r = new FrameReader(new Trickle(new ByteArrayInputStream(data), 1), true, "op");
    List<Frame> frames = readAll(r);
    assertEquals(3, frames.size());
    assertEquals(StreamType.STDOUT, frames.get(0).stream());
    assertEquals(0, frames.get(0).bytes().length);
    assertEquals("x", frames.get(1).text());
    assertEquals(StreamType.STDERR, frames.get(2).stream());
    assertEquals(0, frames.get(2).bytes().length);
  }

  @Test
  void oneMebibyteFrame() {
    byte[] payload = new byte[1 << 20];
    new Random(6).nextBytes(payload);
    byte[] data = concat(frame(1, "small"), frame(1, payload), frame(2, "after"));
    FrameReader r = new FrameReader(new Trickle(new ByteArrayInputStream(data), 8191), true, "op");
    List<Frame> frames = readAll(r);
    assertEquals(3, frames.size());
    assertArrayEquals(payload, frames.get(1).bytes());
    assertEquals("after", frames.get(2).text());
  }

  @Test
  void copyToSplitsStdoutAndStderrByteExactly() {
    Random rnd = new Random(7);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    ByteArrayOutputStream expectOut = new ByteArrayOutputStream();
    ByteArrayOutputStream expectErr = new ByteArrayOutputStream();
    long total = 0;
    int framesOut = 0;
    int framesErr = 0;
    while (total < 10_000_000) {
      int n = rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(rnd.nextBoolean() ? 64 : 70_000);
      byte[] payload = new byte[n];
      rnd.nextBytes(payload);
      int stream = rnd.nextInt(3) == 0 ? 2 : 1;
      wire.writeBytes(frame(stream, payload));
      (stream == 2 ? expectErr : expectOut).writeBytes(payload);
      if (stream == 2) {
        framesErr++;
      } else {
        framesOut++;
      }
      total += n;
    }
    assertTrue(framesOut > 10 && framesErr > 10);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    FrameReader r = new FrameReader(new Trickle(new ByteArrayInputStream(wire.toByteArray()), 4096 + 13), true, "op");
    long copied = r.copyTo(out, err);
    assertEquals(total, copied);
    assertEquals(expectOut.size(), out.size());
    assertEquals(expectErr.size(), err.size());
    assertArrayEquals(expectOut.toByteArray(), out.toByteArray());
    assertArrayEquals(expectErr.toByteArray(), err.toByteArray());
  }

  @Test
  void copyToSendsStdinFramesToStdout() {
    byte[] data = concat(frame(0, "i"), frame(1, "o"), frame(2, "e"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(3, new FrameReader(new ByteArrayInputStream(data), true, "op").copyTo(out, err));
    assertEquals("io", out.toString(StandardCharsets.UTF_8));
    assertEquals("e", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void copyToWrapsAFailingTargetAndClosesTheStream() {
    Trickle in = new Trickle(new ByteArrayInputStream(concat(frame(1, "a"), frame(1, "b"))), 100);
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }
    };
    FrameReader r = new FrameReader(in, true, "op");
    TransportException e = assertThrows(TransportException.class, () -> r.copyTo(broken, broken));
    assertTrue(e.getMessage().contains("disk full"), e.getMessage());
    assertTrue(in.closes >= 1);
  }

  @Test
  void ttyModePassesRawBytesThroughAsStdout() {
    byte[] raw = new byte[200_000];
    new Random(8).nextBytes(raw);
    raw[0] = 7; // would be a corrupt header if it were parsed
    raw[1] = 1;
    FrameReader r = new FrameReader(new Trickle(new ByteArrayInputStream(raw), 1000), false, "op");
    assertFalse(r.isMultiplexed());
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    int frames = 0;
    while (r.next()) {
      assertEquals(StreamType.STDOUT, r.stream());
      assertTrue(r.length() > 0);
      got.write(r.buffer(), 0, r.length());
      frames++;
    }
    assertArrayEquals(raw, got.toByteArray());
    assertTrue(frames >= 200, "one frame per read");
  }

  @Test
  void ttyModeOneByteAtATime() {
    byte[] raw = "plain tty output\r\n".getBytes(StandardCharsets.UTF_8);
    FrameReader r = new FrameReader(new Trickle(new ByteArrayInputStream(raw), 1), false, "op");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(raw.length, r.copyTo(out, err));
    assertArrayEquals(raw, out.toByteArray());
    assertEquals(0, err.size());
  }

  @Test
  void unknownStreamByteIsMalformed() {
    byte[] bad = frame(1, "x");
    bad[0] = 7;
    Trickle in = new Trickle(new ByteArrayInputStream(concat(frame(1, "ok"), bad)), 100);
    FrameReader r = new FrameReader(in, true, "ContainerLogs");
    assertTrue(r.next());
    MalformedResponseException e = assertThrows(MalformedResponseException.class, r::next);
    assertTrue(e.getMessage().contains("ContainerLogs"), e.getMessage());
    assertTrue(in.closes >= 1, "stream closed on error");
    assertFalse(r.next());
  }

  @Test
  void nonZeroPaddingIsMalformed() {
    for (int i = 1; i <= 3; i++) {
      byte[] bad = frame(1, "x");
      bad[i] = 1;
      FrameReader r = new FrameReader(new ByteArrayInputStream(bad), true, "op");
      assertThrows(MalformedResponseException.class, r::next, "padding byte " + i);
    }
  }

  @Test
  void ttyOutputReadAsMultiplexedIsMalformed() {
    FrameReader r = new FrameReader(
        new ByteArrayInputStream("hello world, this is a tty\n".getBytes(StandardCharsets.UTF_8)), true, "op");
    assertThrows(MalformedResponseException.class, r::next);
  }

  @Test
  void eofInsidePayloadIsMalformed() {
    byte[] f = frame(1, "0123456789");
    byte[] cut = java.util.Arrays.copyOf(f, f.length - 3);
    FrameReader r = new FrameReader(new ByteArrayInputStream(concat(frame(2, "a"), cut)), true, "op");
    assertTrue(r.next());
    MalformedResponseException e = assertThrows(MalformedResponseException.class, r::next);
    assertTrue(e.getMessage().contains("op"), e.getMessage());
  }

  @Test
  void eofInsideHeaderIsMalformed() {
    byte[] f = frame(1, "0123456789");
    for (int n = 1; n < 8; n++) {
      byte[] cut = java.util.Arrays.copyOf(f, n);
      FrameReader r = new FrameReader(new ByteArrayInputStream(cut), true, "op");
      assertThrows(MalformedResponseException.class, r::next, "header cut after " + n + " bytes");
    }
  }

  @Test
  void emptyStreamIsJustTheEnd() {
    FrameReader r = new FrameReader(new ByteArrayInputStream(new byte[0]), true, "op");
    assertFalse(r.next());
    assertFalse(new FrameReader(new ByteArrayInputStream(new byte[0]), false, "op").next());
  }

  @Test
  void underlyingIoExceptionIsTransportException() {
    InputStream failing = new InputStream() {
      int n;

      @Override
      public int read() throws IOException {
        if (n++ < 9) {
          return frame(1, "x")[n - 1] & 0xff;
        }
        throw new IOException("connection reset");
      }
    };
    FrameReader r = new FrameReader(failing, true, "ContainerAttach");
    assertTrue(r.next());
    TransportException e = assertThrows(TransportException.class, r::next);
    assertInstanceOf(IOException.class, e.getCause());
    assertTrue(e.getMessage().contains("ContainerAttach"), e.getMessage());
    assertFalse(r.next());
  }

  @Test
  void closeFromAnotherThreadWhileBlockedEndsNextPromptly() throws Exception {
    BlockingInputStream in = new BlockingInputStream();
    in.offer(frame(1, "first"));
    FrameReader r = new FrameReader(in, true, "op");
    assertTrue(r.next());
    CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(r::next);
    assertTrue(in.awaitBlocked(5000), "reader blocked");
    Thread.sleep(50);
    assertFalse(blocked.isDone());
    r.close();
    assertFalse(blocked.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS));
    in.offer(frame(1, "late"));
    assertFalse(r.next());
    assertNull(r.nextFrame());
    assertTrue(in.closes() >= 1);
  }

  @Test
  void closeFromAnotherThreadWhileBlockedInsideAFrame() throws Exception {
    BlockingInputStream in = new BlockingInputStream();
    byte[] f = frame(2, "partial payload");
    in.offer(java.util.Arrays.copyOf(f, 12)); // header and 4 payload bytes
    FrameReader r = new FrameReader(in, true, "op");
    CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(r::next);
    assertTrue(in.awaitBlocked(5000));
    r.close();
    assertFalse(blocked.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS), "a close is not a corrupt stream");
  }

  @Test
  void closeFromAnotherThreadWhileBlockedInsideAHeader() throws Exception {
    BlockingInputStream in = new BlockingInputStream();
    in.offer(java.util.Arrays.copyOf(frame(1, "x"), 3));
    FrameReader r = new FrameReader(in, true, "op");
    CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(r::next);
    assertTrue(in.awaitBlocked(5000));
    r.close();
    assertFalse(blocked.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS), "a close is not a corrupt stream");
  }

  @Test
  void dataArrivingAtTheMomentOfCloseIsNotDelivered() throws Exception {
    BlockingInputStream in = new BlockingInputStream();
    byte[] f = frame(1, "late data");
    in.offer(java.util.Arrays.copyOf(f, 8));
    in.deliverOnClose(java.util.Arrays.copyOfRange(f, 8, f.length));
    FrameReader r = new FrameReader(in, true, "op");
    CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(r::next);
    assertTrue(in.awaitBlocked(5000));
    r.close();
    assertFalse(blocked.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS));
  }

  @Test
  void ttyCloseFromAnotherThreadWhileBlocked() throws Exception {
    BlockingInputStream in = new BlockingInputStream();
    in.deliverOnClose("late".getBytes(StandardCharsets.UTF_8));
    FrameReader r = new FrameReader(in, false, "op");
    CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(r::next);
    assertTrue(in.awaitBlocked(5000));
    r.close();
    assertFalse(blocked.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS));
    assertFalse(r.next());
  }

  @Test
  void copyToEndsWhenClosedFromAnotherThread() {
    assertTimeoutPreemptively(PROMPT.plusSeconds(5), () -> {
      BlockingInputStream in = new BlockingInputStream();
      in.offer(frame(1, "a"));
      FrameReader r = new FrameReader(in, true, "op");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CompletableFuture<Long> copying = CompletableFuture.supplyAsync(() -> r.copyTo(out, out));
      assertTrue(in.awaitBlocked(5000));
      r.close();
      assertEquals(1L, copying.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS));
      assertEquals("a", out.toString(StandardCharsets.UTF_8));
    });
  }

  @Test
  void closeIsIdempotent() {
    Trickle in = new Trickle(new ByteArrayInputStream(frame(1, "x")), 10);
    FrameReader r = new FrameReader(in, true, "op");
    r.close();
    r.close();
    assertFalse(r.next());
  }

  @Test
  void nextFrameReturnsCopies() {
    byte[] data = concat(frame(1, "AAAA"), frame(2, "BBBB"));
    FrameReader r = new FrameReader(new ByteArrayInputStream(data), true, "op");
    Frame a = r.nextFrame();
    Frame b = r.nextFrame();
    assertEquals("AAAA", a.text());
    assertEquals("BBBB", b.text());
    assertNotSame(a.bytes(), r.buffer());
    assertNotSame(b.bytes(), r.buffer());
    a.bytes()[0] = 'Z';
    assertEquals("BBBB", b.text());
    assertEquals('B', r.buffer()[0]);
  }

  @Test
  void frameLengthOverTheLimitIsMalformed() {
    byte[] h = {1, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    FrameReader r = new FrameReader(new ByteArrayInputStream(h), true, "op");
    assertThrows(MalformedResponseException.class, r::next);
  }
}
