package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bounded reader over the presentation-language encoding of RFC 5246 §4: big-endian integers
 * and vectors whose length prefix is as wide as their declared maximum needs (§4.3).
 *
 * <p>Every failure is a {@link TlsAlertException} with {@code decode_error}, which RFC 5246
 * §7.2.2 defines as "some field was out of the specified range or the length of the message was
 * incorrect". No runtime exception ever leaves this class on bad input: all bounds are checked
 * before any array is touched. Field names passed in are echoed in the messages so that a trace
 * says exactly which field of which message was wrong.
 */
public final class WireReader {
  private final byte[] data;
  private final int end;
  private int position;

  /** Reads {@code data} in place; the caller must not modify it while reading. */
  public WireReader(byte[] data) {
    this(data, 0, data.length);
  }

  private WireReader(byte[] data, int start, int end) {
    this.data = data;
    this.position = start;
    this.end = end;
  }

  public int remaining() {
    return end - position;
  }

  public boolean hasRemaining() {
    return position < end;
  }

  public int u8(String field) throws TlsAlertException {
    require(1, field);
    return data[position++] & 0xff;
  }

  public int u16(String field) throws TlsAlertException {
    require(2, field);
    int v = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
    position += 2;
    return v;
  }

  public int u24(String field) throws TlsAlertException {
    require(3, field);
    int v = ((data[position] & 0xff) << 16)
        | ((data[position + 1] & 0xff) << 8)
        | (data[position + 2] & 0xff);
    position += 3;
    return v;
  }

  public long u32(String field) throws TlsAlertException {
    require(4, field);
    long v = ((long) (data[position] & 0xff) << 24)
        | ((data[position + 1] & 0xff) << 16)
        | ((data[position + 2] & 0xff) << 8)
        | (data[position + 3] & 0xff);
    position += 4;
    return v;
  }

  /** A fixed-length field such as {@code opaque random[32]}. */
  public byte[] bytes(int length, String field) throws TlsAlertException {
    if (length < 0) {
      throw error(field + ": negative length " + length);
    }
    require(length, field);
    byte[] out = Arrays.copyOfRange(data, position, position + length);
    position += length;
    return out;
  }

  /** {@code opaque field<min..max>} with a 1-byte length prefix (max ≤ 2^8-1). */
  public byte[] vector8(String field, int min, int max) throws TlsAlertException {
    return bytes(vectorLength(1, field, min, max), field);
  }

  /** {@code opaque field<min..max>} with a 2-byte length prefix (max ≤ 2^16-1). */
  public byte[] vector16(String field, int min, int max) throws TlsAlertException {
    return bytes(vectorLength(2, field, min, max), field);
  }

  /** {@code opaque field<min..max>} with a 3-byte length prefix (max ≤ 2^24-1). */
  public byte[] vector24(String field, int min, int max) throws TlsAlertException {
    return bytes(vectorLength(3, field, min, max), field);
  }

  /**
   * A vector with a 2-byte prefix whose content is itself structured (a list of extensions, of
   * server names...): returns a reader confined to exactly that content, and skips past it here.
   */
  public WireReader nested16(String field, int min, int max) throws TlsAlertException {
    return nested(vectorLength(2, field, min, max));
  }

  /** As {@link #nested16} with a 3-byte prefix (certificate_list, RFC 5246 §7.4.2). */
  public WireReader nested24(String field, int min, int max) throws TlsAlertException {
    return nested(vectorLength(3, field, min, max));
  }

  /**
   * A vector of uint16 values with a 2-byte length prefix in bytes, e.g. {@code CipherSuite
   * cipher_suites<2..2^16-2>}. An odd byte length cannot hold whole elements: decode_error.
   */
  public List<Integer> u16List(String field, int minBytes, int maxBytes) throws TlsAlertException {
    int length = vectorLength(2, field, minBytes, maxBytes);
    if (length % 2 != 0) {
      throw error(field + ": odd length " + length + " for a vector of uint16");
    }
    WireReader items = nested(length);
    List<Integer> out = new ArrayList<>(length / 2);
    while (items.hasRemaining()) {
      out.add(items.u16(field));
    }
    return List.copyOf(out);
  }

  /** A vector of uint8 values with a 1-byte length prefix, e.g. compression_methods. */
  public List<Integer> u8List(String field, int minBytes, int maxBytes) throws TlsAlertException {
    byte[] raw = vector8(field, minBytes, maxBytes);
    List<Integer> out = new ArrayList<>(raw.length);
    for (byte b : raw) {
      out.add(b & 0xff);
    }
    return List.copyOf(out);
  }

  /** Everything left, e.g. an extension whose extension_data is a bare opaque (RFC 5077 §3.2). */
  public byte[] rest() {
    byte[] out = Arrays.copyOfRange(data, position, end);
    position = end;
    return out;
  }

  /** Rejects trailing bytes: a structure must consume exactly its declared length. */
  public void expectEnd(String what) throws TlsAlertException {
    if (hasRemaining()) {
      throw error(what + ": " + remaining() + " trailing byte(s)");
    }
  }

  private WireReader nested(int length) {
    WireReader sub = new WireReader(data, position, position + length);
    position += length;
    return sub;
  }

  private int vectorLength(int prefixBytes, String field, int min, int max)
      throws TlsAlertException {
    int length = switch (prefixBytes) {
      case 1 -> u8(field + " length");
      case 2 -> u16(field + " length");
      default -> u24(field + " length");
    };
    if (length < min || length > max) {
      throw error(field + ": length " + length + " outside <" + min + ".." + max + ">");
    }
    require(length, field);
    return length;
  }

  private void require(int length, String field) throws TlsAlertException {
    if (length > remaining()) {
      throw error(field + ": needs " + length + " byte(s) but only " + remaining() + " remain");
    }
  }

  private static TlsAlertException error(String message) {
    return new TlsAlertException(AlertDescription.DECODE_ERROR, message);
  }
}
