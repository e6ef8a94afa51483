package dev.berth.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link SlicedInput} without sockets: buffering, lines, chunk framing, timeouts and deadlines. */
class SlicedInputTest {
  private static SlicedInput input(ScriptedConnection c) {
    SlicedInput in = new SlicedInput(c, "test://peer");
    in.beginExchange(Duration.ZERO, 0, 0);
    return in;
  }

  @Test
  void linesEndInCrlfOrLfAndMaySpanReads() throws Exception {
    SlicedInput in = input(new ScriptedConnection().then("HTTP/1.1 2").then("00 OK\r").then("\nX: y\nrest"));
    int[] budget = {1000};
    assertEquals("HTTP/1.1 200 OK", in.readLine(budget, "response head"));
    assertEquals("X: y", in.readLine(budget, "response head"));
    assertEquals(4, in.buffered());
    byte[] rest = new byte[10];
    assertEquals(4, in.read(rest, 0, 10));
    assertEquals(-1, in.read());
  }

  @Test
  void aLineOverItsBudgetIsAProtocolErrorNamingThePeer() {
    SlicedInput in = input(new ScriptedConnection().then("x".repeat(100) + "\n"));
    ProtocolException e = assertThrows(ProtocolException.class, () -> in.readLine(new int[] {50}, "chunked body trailers"));
    assertTrue(e.getMessage().contains("test://peer"), e.getMessage());
  }

  @Test
  void theEndOfStreamBeforeAnyAnswerSaysSo() {
    SlicedInput in = input(new ScriptedConnection());
    EOFException e = assertThrows(EOFException.class, () -> in.readLine(new int[] {100}, "response head"));
    assertEquals("test://peer closed the connection before answering", e.getMessage());
  }

  @Test
  void chunkSizesParseInPlaceWithExtensionsAndRefuseNonsense() throws Exception {
    SlicedInput in = input(new ScriptedConnection().then("1a;name=v\r\n").then("0\r\n").then("\r\n"));
    assertEquals(26, in.readChunkSize());
    assertEquals(0, in.readChunkSize());
    in.readChunkEnd();
    assertThrows(ProtocolException.class, () -> input(new ScriptedConnection().then("zz\r\n")).readChunkSize());
    assertThrows(ProtocolException.class, () -> input(new ScriptedConnection().then("1234567890abcdef0\r\n")).readChunkSize());
    assertThrows(ProtocolException.class, () -> input(new ScriptedConnection().then("\r\n")).readChunkSize());
    assertThrows(ProtocolException.class, () -> input(new ScriptedConnection().then("5x")).readChunkEnd());
  }

  @Test
  void theLastChunkCountsAsBufferedOnlyWhenItIsAllThere() throws Exception {
    byte[] two = new byte[2];
    SlicedInput whole = input(new ScriptedConnection().then("ab\r\n0\r\n\r\n"));
    assertEquals(2, whole.read(two, 0, 2));
    whole.readChunkEnd();
    assertTrue(whole.lastChunkBuffered());
    SlicedInput split = input(new ScriptedConnection().then("ab\r\n0\r\n").then("\r\n"));
    assertEquals(2, split.read(two, 0, 2));
    split.readChunkEnd();
    assertFalse(split.lastChunkBuffered(), "the empty trailer line has not arrived");
    SlicedInput more = input(new ScriptedConnection().then("ab\r\n1\r\nc\r\n0\r\n\r\n"));
    assertEquals(2, more.read(two, 0, 2));
    more.readChunkEnd();
    assertFalse(more.lastChunkBuffered(), "another data chunk comes first");
  }

  @Test
  void slicesThatTimeOutAreRetriedUntilDataComes() throws Exception {
    ScriptedConnection c = new ScriptedConnection().stall().stall().then("ok");
    SlicedInput in = input(c);
    assertEquals('o', in.read());
    assertTrue(c.timeouts.stream().allMatch(t -> t.toNanos() <= SlicedInput.SLICE_NANOS), c.timeouts.toString());
  }

  @Test
  void onAQuietConnectionAWaitIsOneReadBoundedByTheWholeTimeoutNotSlices() throws Exception {
    // no periodic wake-ups: the connection is asked once, for the whole read timeout
    ScriptedConnection c = new ScriptedConnection().quiet().then("ok");
    SlicedInput in = new SlicedInput(c, "test://peer");
    in.beginExchange(Duration.ofSeconds(30), 0, 0);
    assertEquals('o', in.read());
    assertEquals(java.util.List.of(Duration.ofSeconds(30)), c.timeouts);
    ScriptedConnection idle = new ScriptedConnection().quiet().then("ok");
    SlicedInput stream = new SlicedInput(idle, "test://peer");
    stream.beginExchange(Duration.ZERO, 0, 0);
    assertEquals('o', stream.read());
    assertEquals(java.util.List.of(Duration.ZERO), idle.timeouts); // none: blocks until data or close
  }

  @Test
  void aLongLivedStreamReadsThroughASmallBufferAndKeepsWhatWasBuffered() throws Exception {
    SlicedInput in = input(new ScriptedConnection().then("HTTP/1.1 200 OK\r\n\r\nab").then("cd"));
    assertEquals("HTTP/1.1 200 OK", in.readLine(new int[] {1000}, "response head"));
    assertEquals("", in.readLine(new int[] {1000}, "response head"));
    in.streaming();
    assertEquals(SlicedInput.STREAM_BUFFER, in.buf.length);
    assertEquals('a', in.read());
    assertEquals('b', in.read());
    assertEquals('c', in.read());
    in.shrinkBuffer(); // back in the pool: the usual buffer again, the unread byte kept
    assertEquals('d', in.read());
  }

  @Test
  void onAQuietConnectionTheCallDeadlineBoundsTheOneRead() throws Exception {
    ScriptedConnection c = new ScriptedConnection().quiet().then("ok");
    SlicedInput in = new SlicedInput(c, "test://peer");
    in.beginExchange(Duration.ofSeconds(30), System.nanoTime() + 5_000_000_000L, 5_000_000_000L);
    assertEquals('o', in.read());
    assertEquals(1, c.timeouts.size());
    assertTrue(c.timeouts.get(0).compareTo(Duration.ofSeconds(5)) <= 0, c.timeouts.toString());
  }

  @Test
  void theReadTimeoutHoldsAcrossSlices() {
    SlicedInput in = new SlicedInput(new ScriptedConnection().stallForever(), "test://peer");
    in.beginExchange(Duration.ofMillis(150), 0, 0);
    long start = System.nanoTime();
    SocketTimeoutException e = assertThrows(SocketTimeoutException.class, in::read);
    assertTrue(e.getMessage().startsWith("read from test://peer timed out after 150 ms"), e.getMessage());
    assertTrue(System.nanoTime() - start >= 140_000_000L);
  }

  @Test
  void theCallDeadlineEndsAWaitForTheHead() {
    SlicedInput in = new SlicedInput(new ScriptedConnection().stallForever(), "test://peer");
    in.beginExchange(Duration.ZERO, System.nanoTime() + 120_000_000L, 120_000_000L);
    SocketTimeoutException e = assertThrows(SocketTimeoutException.class, in::read);
    assertTrue(e.getMessage().contains("call to test://peer timed out after 120 ms"), e.getMessage());
  }

  @Test
  void anInterruptEndsAWaitingRead() {
    SlicedInput in = input(new ScriptedConnection().stallForever());
    Thread.currentThread().interrupt();
    try {
      assertThrows(InterruptedIOException.class, in::read);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aClosedInputRefusesReads() {
    SlicedInput in = input(new ScriptedConnection().then("data"));
    in.markClosed();
    assertTrue(in.isClosed());
    assertThrows(SocketException.class, in::read);
  }

  @Test
  void theBufferGrowsForStreamsAndShrinksWhenIdle() throws Exception {
    ScriptedConnection c = new ScriptedConnection();
    for (int i = 0; i < 6; i++) {
      c.then(new byte[8192]);
    }
    SlicedInput in = input(c);
    byte[] small = new byte[100];
    long total = 0;
    int n;
    while ((n = in.read(small, 0, small.length)) > 0) {
      total += n;
    }
    assertEquals(6 * 8192, total);
    assertEquals(SlicedInput.LARGE_BUFFER, in.buf.length, "four full reads in a row: a stream");
    in.shrinkBuffer();
    assertEquals(8192, in.buf.length);
  }

  @Test
  void unsolicitedBytesOnAnIdleConnectionAreSeenWithoutWaiting() {
    assertTrue(input(new ScriptedConnection().then("HTTP/1.1 408")).hasUnsolicitedBytes());
    assertFalse(input(new ScriptedConnection().stall()).hasUnsolicitedBytes());
    assertFalse(input(new ScriptedConnection().stall()).isStale(), "quiet and open");
    assertTrue(input(new ScriptedConnection()).isStale(), "closed by the peer");
  }

  @Test
  void largeReadsSkipTheBuffer() throws Exception {
    byte[] big = new byte[20000];
    big[19999] = 7;
    SlicedInput in = input(new ScriptedConnection().then(big));
    byte[] into = new byte[20000];
    assertEquals(20000, in.read(into, 0, into.length));
    assertArrayEquals(big, into);
  }
}
