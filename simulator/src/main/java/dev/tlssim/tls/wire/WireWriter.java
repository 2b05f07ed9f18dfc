package dev.tlssim.tls.wire;

import java.util.Arrays;
import java.util.List;

/**
 * Builds the RFC 5246 §4 encoding. Values that do not fit their field are programming errors of
 * the sender (we build our own messages), so they raise {@link IllegalArgumentException}, never
 * silently truncated bytes on the wire.
 */
public final class WireWriter {
  /** Writes the content of a nested vector; the enclosing length is filled in afterwards. */
  @FunctionalInterface
  public interface Body {
    void write(WireWriter w);
  }

  private byte[] buf = new byte[64];
  private int size;

  public WireWriter u8(int v) {
    checkRange(v, 0xff, "uint8");
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  public WireWriter u16(int v) {
    checkRange(v, 0xffff, "uint16");
    ensure(2);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
    return this;
  }

  public WireWriter u24(int v) {
    checkRange(v, 0xffffff, "uint24");
    ensure(3);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
    return this;
  }

  public WireWriter u32(long v) {
    if (v < 0 || v > 0xffffffffL) {
      throw new IllegalArgumentException("uint32 out of range: " + v);
    }
    ensure(4);
    buf[size++] = (byte) (v >>> 24);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
    return this;
  }

  public WireWriter bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
    return this;
  }

  public WireWriter vector8(byte[] b) {
    return u8(checkLength(b.length, 0xff)).bytes(b);
  }

  public WireWriter vector16(byte[] b) {
    return u16(checkLength(b.length, 0xffff)).bytes(b);
  }

  public WireWriter vector24(byte[] b) {
    return u24(checkLength(b.length, 0xffffff)).bytes(b);
  }

  /** A vector with a 2-byte length prefix around structured content. */
  public WireWriter vector16(Body body) {
    return nested(2, 0xffff, body);
  }

  /** A vector with a 3-byte length prefix around structured content. */
  public WireWriter vector24(Body body) {
    return nested(3, 0xffffff, body);
  }

  /** A 2-byte-prefixed vector of uint16 values (cipher suites, groups, signature schemes). */
  public WireWriter u16List(List<Integer> values) {
    return vector16(w -> values.forEach(w::u16));
  }

  /** A 1-byte-prefixed vector of uint8 values (compression methods, point formats). */
  public WireWriter u8List(List<Integer> values) {
    WireWriter inner = new WireWriter();
    values.forEach(inner::u8);
    return vector8(inner.toByteArray());
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private WireWriter nested(int prefixBytes, int max, Body body) {
    int lengthAt = size;
    ensure(prefixBytes);
    size += prefixBytes;
    body.write(this);
    int length = checkLength(size - lengthAt - prefixBytes, max);
    for (int i = prefixBytes - 1; i >= 0; i--) {
      buf[lengthAt + i] = (byte) (length >>> (8 * (prefixBytes - 1 - i)));
    }
    return this;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  /**
   * Constructor-time validation for lists of raw codes, so that a value object that exists can
   * always be encoded.
   */
  static List<Integer> checkedCodes(List<Integer> values, int max, String what) {
    List<Integer> copy = List.copyOf(values);
    for (int v : copy) {
      checkRange(v, max, what);
    }
    return copy;
  }

  private static void checkRange(int v, int max, String what) {
    if (v < 0 || v > max) {
      throw new IllegalArgumentException(what + " out of range: " + v);
    }
  }

  private static int checkLength(int length, int max) {
    if (length > max) {
      throw new IllegalArgumentException("vector of " + length + " bytes exceeds maximum " + max);
    }
    return length;
  }
}
