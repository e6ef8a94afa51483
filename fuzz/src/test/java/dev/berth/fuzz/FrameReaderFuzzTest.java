package dev.berth.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.berth.client.BerthException;
import dev.berth.client.FrameReader;
import java.io.ByteArrayInputStream;
import java.util.Arrays;

/**
 * The demultiplexer of container output (8-byte frame headers, then payload) on arbitrary bytes.
 * Allowed outcomes: frames until the end, or a {@link BerthException} (malformed frame, transport
 * failure). The first byte chooses multiplexed or raw (TTY) mode.
 */
class FrameReaderFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void frames(byte[] input) {
    if (input.length == 0) {
      return;
    }
    boolean multiplexed = (input[0] & 1) == 0;
    byte[] output = Arrays.copyOfRange(input, 1, input.length);
    try (FrameReader reader = new FrameReader(new ByteArrayInputStream(output), multiplexed, "fuzz output")) {
      long total = 0;
      while (reader.next()) {
        if (reader.length() < 0 || reader.length() > reader.buffer().length) {
          throw new AssertionError("frame length " + reader.length() + " outside its buffer");
        }
        total += reader.length();
      }
      if (total > output.length) {
        throw new AssertionError("read " + total + " payload bytes from " + output.length + " input bytes");
      }
    } catch (BerthException expected) {
      // a corrupt or truncated frame: the documented failure
    }
  }
}
