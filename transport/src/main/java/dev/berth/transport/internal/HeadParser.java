package dev.berth.transport.internal;

import dev.berth.transport.Headers;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * Parses response heads (status line and header fields) straight from a {@link SlicedInput}'s
 * buffer, with size caps. Names, values and reason phrases equal to the previous response's on
 * the same connection reuse its Strings, so a repeated call (a ping, a poll) allocates next to
 * nothing for its head. One per connection; used by the exchange's thread only.
 */
final class HeadParser {
  static final int MAX_HEADER_FIELDS = 256;

  private final SlicedInput in;
  /** The previous response's header fields and reason phrase, whose Strings are reused when equal. */
  private String[] lastFields;
  private int lastFieldCount;
  private String lastReason;

  HeadParser(SlicedInput in) {
    this.in = in;
  }

  /** Parsed status line and headers of a response. */
  record Head(int version, int status, String reason, Headers headers) {}

  /** Reads the response head, skipping interim 1xx responses other than 101. */
  Head readHead() throws IOException {
    int[] budget = {SlicedInput.MAX_HEAD_BYTES};
    for (;;) {
      int eol = in.lineEnd(budget);
      String statusLine = null;
      int from = in.pos;
      int to;
      if (eol < 0) { // longer than the buffer: the slow path
        statusLine = in.readLine(budget, "response head");
      } else {
        to = eol > from && in.buf[eol - 1] == '\r' ? eol - 1 : eol;
        in.pos = eol + 1;
        if (!startsStatusLine(from, to)) {
          statusLine = new String(in.buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
      }
      if (statusLine != null) { // unusual or malformed: parse the String
        return finishHead(statusLine, budget);
      }
      to = eol > from && in.buf[eol - 1] == '\r' ? eol - 1 : eol;
      int version = in.buf[from + 7] - '0';
      int status = (in.buf[from + 9] - '0') * 100 + (in.buf[from + 10] - '0') * 10 + (in.buf[from + 11] - '0');
      String reason = to - from > 13 ? cached(from + 13, to, lastReason) : "";
      lastReason = reason;
      Headers headers = readFields(budget);
      if (status >= 100 && status < 200 && status != 101) {
        continue; // interim response: the real one follows
      }
      return new Head(version, status, reason, headers);
    }
  }

  /** True when in.buf[from, to) is a well-formed {@code HTTP/1.x NNN[ reason]} line with status >= 100. */
  private boolean startsStatusLine(int from, int to) {
    int n = to - from;
    if (n < 12 || in.buf[from] != 'H' || in.buf[from + 1] != 'T' || in.buf[from + 2] != 'T' || in.buf[from + 3] != 'P'
        || in.buf[from + 4] != '/' || in.buf[from + 5] != '1' || in.buf[from + 6] != '.'
        || (in.buf[from + 7] != '0' && in.buf[from + 7] != '1') || in.buf[from + 8] != ' '
        || (n > 12 && in.buf[from + 12] != ' ') || in.buf[from + 9] < '1' || in.buf[from + 9] > '9') {
      return false;
    }
    return in.buf[from + 10] >= '0' && in.buf[from + 10] <= '9' && in.buf[from + 11] >= '0' && in.buf[from + 11] <= '9';
  }

  /** The status line arrived as a String (over-long or malformed): validate it the slow way. */
  private Head finishHead(String statusLine, int[] budget) throws IOException {
    for (;;) {
      if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")
          || statusLine.charAt(8) != ' ' || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
        throw new ProtocolException("malformed status line from " + in.endpoint + ": " + printable(statusLine));
      }
      char minor = statusLine.charAt(7);
      if (minor != '0' && minor != '1') {
        throw new ProtocolException("unsupported HTTP version from " + in.endpoint + ": " + printable(statusLine));
      }
      int status = 0;
      for (int i = 9; i < 12; i++) {
        char c = statusLine.charAt(i);
        if (c < '0' || c > '9') {
          throw new ProtocolException("malformed status code from " + in.endpoint + ": " + printable(statusLine));
        }
        status = status * 10 + (c - '0');
      }
      if (status < 100) {
        throw new ProtocolException("malformed status code from " + in.endpoint + ": " + printable(statusLine));
      }
      String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
      Headers headers = readFields(budget);
      if (status >= 100 && status < 200 && status != 101) {
        statusLine = in.readLine(budget, "response head");
        continue;
      }
      return new Head(minor - '0', status, reason, headers);
    }
  }

  /**
   * Reads header fields up to the empty line. Lines are parsed in the buffer; names and values
   * equal to the previous response's on this connection reuse its Strings, so a repeated call
   * (a ping, a poll) allocates next to nothing for its head.
   */
  private Headers readFields(int[] budget) throws IOException {
    String[] fields = new String[Math.max(16, lastFieldCount)];
    String[] prev = lastFields;
    int count = 0;
    for (;;) {
      int eol = in.lineEnd(budget);
      if (eol < 0) { // longer than the buffer
        String line = in.readLine(budget, "response head");
        if (line.isEmpty()) {
          break;
        }
        if (count + 2 > fields.length) {
          fields = java.util.Arrays.copyOf(fields, fields.length * 2);
        }
        count = addField(line, fields, count);
        continue;
      }
      int from = in.pos;
      int to = eol > from && in.buf[eol - 1] == '\r' ? eol - 1 : eol;
      in.pos = eol + 1;
      if (to == from) {
        break;
      }
      if (in.buf[from] == ' ' || in.buf[from] == '\t') {
        throw new ProtocolException("obsolete folded header line from " + in.endpoint);
      }
      int colon = -1;
      for (int i = from; i < to; i++) {
        byte c = in.buf[i];
        if (c == ':') {
          colon = i;
          break;
        }
        if (c <= ' ') { // (bytes >= 127 are negative: caught below)
          break;
        }
      }
      if (colon <= from) {
        String line = new String(in.buf, from, to - from, StandardCharsets.ISO_8859_1);
        if (colon < 0 && line.indexOf(':') > 0) {
          throw new ProtocolException("malformed header name from " + in.endpoint + ": " + printable(line));
        }
        throw new ProtocolException("malformed header line from " + in.endpoint + ": " + printable(line));
      }
      for (int i = from; i < colon; i++) {
        if (in.buf[i] <= ' ' || in.buf[i] == 127) {
          throw new ProtocolException("malformed header name from " + in.endpoint + ": "
              + printable(new String(in.buf, from, to - from, StandardCharsets.ISO_8859_1)));
        }
      }
      if (count / 2 >= MAX_HEADER_FIELDS) {
        throw new ProtocolException("more than " + MAX_HEADER_FIELDS + " header fields from " + in.endpoint);
      }
      if (count + 2 > fields.length) {
        fields = java.util.Arrays.copyOf(fields, fields.length * 2);
      }
      int vFrom = colon + 1;
      int vTo = to;
      while (vFrom < vTo && (in.buf[vFrom] & 0xff) <= ' ') {
        vFrom++;
      }
      while (vTo > vFrom && (in.buf[vTo - 1] & 0xff) <= ' ') {
        vTo--;
      }
      String name = null;
      String value = null;
      if (prev != null) {
        // the same line as last time at the same place, else the same name anywhere
        int k = count;
        if (k + 1 < lastFieldCount && same(from, colon, prev[k])) {
          name = prev[k];
          value = same(vFrom, vTo, prev[k + 1]) ? prev[k + 1] : null;
        } else {
          for (k = 0; k + 1 < lastFieldCount; k += 2) {
            if (same(from, colon, prev[k])) {
              name = prev[k];
              value = same(vFrom, vTo, prev[k + 1]) ? prev[k + 1] : null;
              break;
            }
          }
        }
      }
      fields[count++] = name != null ? name : new String(in.buf, from, colon - from, StandardCharsets.ISO_8859_1);
      fields[count++] = value != null ? value : new String(in.buf, vFrom, vTo - vFrom, StandardCharsets.ISO_8859_1);
    }
    String[] exact = count == fields.length ? fields : java.util.Arrays.copyOf(fields, count);
    lastFields = exact;
    lastFieldCount = count;
    return Access.headers(exact);
  }

  /** Adds a header line that arrived as a String (the slow path); returns the new count. */
  private int addField(String line, String[] fields, int count) throws IOException {
    char first = line.charAt(0);
    if (first == ' ' || first == '\t') {
      throw new ProtocolException("obsolete folded header line from " + in.endpoint);
    }
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new ProtocolException("malformed header line from " + in.endpoint + ": " + printable(line));
    }
    for (int i = 0; i < colon; i++) {
      char c = line.charAt(i);
      if (c <= ' ' || c >= 127) {
        throw new ProtocolException("malformed header name from " + in.endpoint + ": " + printable(line));
      }
    }
    if (count / 2 >= MAX_HEADER_FIELDS) {
      throw new ProtocolException("more than " + MAX_HEADER_FIELDS + " header fields from " + in.endpoint);
    }
    fields[count++] = line.substring(0, colon);
    fields[count++] = line.substring(colon + 1).trim();
    return count;
  }

  /** Whether in.buf[from, to) holds exactly the ISO-8859-1 characters of {@code s}. */
  private boolean same(int from, int to, String s) {
    if (s == null || s.length() != to - from) {
      return false;
    }
    for (int i = 0; i < to - from; i++) {
      if ((in.buf[from + i] & 0xff) != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private String cached(int from, int to, String last) {
    return same(from, to, last) ? last : new String(in.buf, from, to - from, StandardCharsets.ISO_8859_1);
  }

  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && i < 80; i++) {
      char c = s.charAt(i);
      sb.append(c >= ' ' && c < 127 ? c : '?');
    }
    if (s.length() > 80) {
      sb.append('…');
    }
    return sb.toString();
  }
}
