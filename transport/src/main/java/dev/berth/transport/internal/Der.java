package dev.berth.transport.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal DER reader and writer: just what turning PEM private keys into PKCS#8 needs
 * (SEQUENCE, INTEGER, OCTET STRING, BIT STRING, NULL, OBJECT IDENTIFIER, context tags).
 * Definite lengths only; indefinite (BER) lengths are rejected.
 */
final class Der {
  static final int INTEGER = 0x02;
  static final int BIT_STRING = 0x03;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OID = 0x06;
  static final int SEQUENCE = 0x30;

  private Der() {}

  /** Thrown for bytes that are not the DER expected; the message never quotes the bytes. */
  static final class DerException extends Exception {
    private static final long serialVersionUID = 1L;

    DerException(String message) {
      super(message);
    }
  }

  /** One decoded element: tag and content bytes (a view into the source array). */
  static final class Value {
    final int tag;
    private final byte[] src;
    private final int off;
    private final int len;

    private Value(int tag, byte[] src, int off, int len) {
      this.tag = tag;
      this.src = src;
      this.off = off;
      this.len = len;
    }

    byte[] content() {
      byte[] b = new byte[len];
      System.arraycopy(src, off, b, 0, len);
      return b;
    }

    /** The elements inside a constructed value (SEQUENCE, or a context tag that wraps one). */
    Reader contents() {
      return new Reader(src, off, off + len);
    }

    boolean isContext(int number) {
      return (tag & 0xc0) == 0x80 && (tag & 0x1f) == number;
    }

    void expect(int expectedTag, String what) throws DerException {
      if (tag != expectedTag) {
        throw new DerException(what + ": expected tag 0x" + Integer.toHexString(expectedTag)
            + ", found 0x" + Integer.toHexString(tag));
      }
    }

    BigInteger integer(String what) throws DerException {
      expect(INTEGER, what);
      if (len == 0) {
        throw new DerException(what + ": empty INTEGER");
      }
      return new BigInteger(content());
    }

    int smallInt(String what) throws DerException {
      BigInteger v = integer(what);
      if (v.signum() < 0 || v.bitLength() > 31) {
        throw new DerException(what + ": INTEGER out of range");
      }
      return v.intValue();
    }

    byte[] octets(String what) throws DerException {
      expect(OCTET_STRING, what);
      return content();
    }

    String oid(String what) throws DerException {
      expect(OID, what);
      return decodeOid(src, off, len, what);
    }
  }

  /** Reads consecutive TLV elements from a byte range. */
  static final class Reader {
    private final byte[] src;
    private int pos;
    private final int limit;

    Reader(byte[] src) {
      this(src, 0, src.length);
    }

    private Reader(byte[] src, int pos, int limit) {
      this.src = src;
      this.pos = pos;
      this.limit = limit;
    }

    boolean hasMore() {
      return pos < limit;
    }

    Value next(String what) throws DerException {
      if (pos >= limit) {
        throw new DerException(what + ": missing");
      }
      int tag = src[pos++] & 0xff;
      if ((tag & 0x1f) == 0x1f) {
        throw new DerException(what + ": multi-byte tags are not supported");
      }
      if (pos >= limit) {
        throw new DerException(what + ": truncated");
      }
      int first = src[pos++] & 0xff;
      int len;
      if (first < 0x80) {
        len = first;
      } else if (first == 0x80) {
        throw new DerException(what + ": indefinite length (BER) is not DER");
      } else {
        int n = first & 0x7f;
        if (n > 3 || pos + n > limit) {
          throw new DerException(what + ": bad length");
        }
        len = 0;
        for (int i = 0; i < n; i++) {
          len = (len << 8) | (src[pos++] & 0xff);
        }
      }
      if (len < 0 || len > limit - pos) {
        throw new DerException(what + ": truncated");
      }
      Value v = new Value(tag, src, pos, len);
      pos += len;
      return v;
    }

    /** Reads the single element that must fill the whole input. */
    static Value single(byte[] der, String what) throws DerException {
      Reader r = new Reader(der);
      Value v = r.next(what);
      if (r.hasMore()) {
        throw new DerException(what + ": trailing bytes");
      }
      return v;
    }

    void end(String what) throws DerException {
      if (hasMore()) {
        throw new DerException(what + ": unexpected extra elements");
      }
    }
  }

  static String decodeOid(byte[] b, int off, int len, String what) throws DerException {
    if (len == 0) {
      throw new DerException(what + ": empty OBJECT IDENTIFIER");
    }
    StringBuilder sb = new StringBuilder();
    long value = 0;
    boolean first = true;
    for (int i = off; i < off + len; i++) {
      int x = b[i] & 0xff;
      if (value == 0 && x == 0x80) {
        throw new DerException(what + ": non-minimal OBJECT IDENTIFIER");
      }
      value = (value << 7) | (x & 0x7f);
      if (value > (1L << 56)) {
        throw new DerException(what + ": OBJECT IDENTIFIER arc too large");
      }
      if ((x & 0x80) == 0) {
        if (first) {
          long a = value < 80 ? value / 40 : 2;
          sb.append(a).append('.').append(value - a * 40);
          first = false;
        } else {
          sb.append('.').append(value);
        }
        value = 0;
      } else if (i == off + len - 1) {
        throw new DerException(what + ": truncated OBJECT IDENTIFIER");
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- writing

  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int len = content.length;
    if (len < 0x80) {
      out.write(len);
    } else if (len < 0x100) {
      out.write(0x81);
      out.write(len);
    } else if (len < 0x10000) {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len);
    } else {
      out.write(0x83);
      out.write(len >> 16);
      out.write(len >> 8);
      out.write(len);
    }
    out.write(content, 0, len);
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... elements) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] e : elements) {
      out.write(e, 0, e.length);
    }
    return tlv(SEQUENCE, out.toByteArray());
  }

  static byte[] integer(int v) {
    return tlv(INTEGER, BigInteger.valueOf(v).toByteArray());
  }

  static byte[] octetString(byte[] content) {
    return tlv(OCTET_STRING, content);
  }

  static byte[] nullValue() {
    return new byte[] {NULL, 0};
  }

  static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    List<Long> arcs = new ArrayList<>();
    for (String p : parts) {
      arcs.add(Long.parseLong(p));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeBase128(out, arcs.get(0) * 40 + arcs.get(1));
    for (int i = 2; i < arcs.size(); i++) {
      writeBase128(out, arcs.get(i));
    }
    return tlv(OID, out.toByteArray());
  }

  private static void writeBase128(ByteArrayOutputStream out, long v) {
    int groups = 1;
    for (long t = v >>> 7; t != 0; t >>>= 7) {
      groups++;
    }
    for (int g = groups - 1; g >= 0; g--) {
      int b = (int) ((v >>> (7 * g)) & 0x7f);
      out.write(g == 0 ? b : b | 0x80);
    }
  }
}
