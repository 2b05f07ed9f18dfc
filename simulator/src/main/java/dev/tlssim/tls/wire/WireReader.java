package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/**
 * Bounded reader over the presentation-language encoding of RFC 5246 §4: big-endian integers
 * and vectors whose length prefix is as wide as their declared maximum needs (§4.3).
 *
 * <p>Every failure is a {@link TlsAlertException} with {@code decode_error}, which RFC 5246
 * §7.2.2 defines as "some field was out of the specified range or the length of the message was
 * incorrect". No runtime exception ever leaves this class on bad input: all bounds are checked
 * before any array is touched. Field names are the RFC's; failures name the structure being read
 * (the reader's owner, e.g. {@code client_hello}) and the field, so that a trace says exactly
 * which field of which message was wrong.
 *
 * <p>A reader opened by {@link Codec} also records every field it reads, with its offset and
 * length, into a {@link FieldRecorder}: the same decoder then both parses and annotates.
 * Decoders name the nested structures they enter ({@link #enter}) and say what a value means
 * ({@link #describe}); without a recorder these calls do nothing, and a meaning is computed only
 * when one is attached.
 */
public final class WireReader {
  private final byte[] data;
  private final int end;
  private final String owner;
  private final FieldRecorder recorder;
  private int position;

  /** Reads {@code data} in place; the caller must not modify it while reading. */
  public WireReader(byte[] data) {
    this(data, "");
  }

  /** As {@link #WireReader(byte[])}, naming failures after {@code owner}, e.g. {@code cookie}. */
  public WireReader(byte[] data, String owner) {
    this(data, 0, data.length, owner, null);
  }

  private WireReader(byte[] data, int start, int end, String owner, FieldRecorder recorder) {
    this.data = data;
    this.position = start;
    this.end = end;
    this.owner = owner;
    this.recorder = recorder;
  }

  /** A reader over all of {@code data} that records each field it reads into {@code recorder}. */
  static WireReader recording(byte[] data, FieldRecorder recorder) {
    return new WireReader(data, 0, data.length, "", recorder);
  }

  public int remaining() {
    return end - position;
  }

  public boolean hasRemaining() {
    return position < end;
  }

  /** The next byte, without consuming it. */
  public int peek(String field) throws TlsAlertException {
    require(1, field);
    return data[position] & 0xff;
  }

  // ---- annotation

  /** Whether this reader records fields (so a decoder may skip work only annotation needs). */
  public boolean annotating() {
    return recorder != null;
  }

  /** Names the fields read until {@link #exit} as parts of {@code scope}, e.g. {@code cipher_suites}. */
  public void enter(String scope) {
    if (recorder != null) {
      recorder.enter(scope);
    }
  }

  /** {@link #enter} the {@code index}-th element of the vector {@code vector}: {@code vector[index]}. */
  public void enter(String vector, int index) {
    if (recorder != null) {
      recorder.enter(vector + "[" + index + "]");
    }
  }

  public void exit() {
    if (recorder != null) {
      recorder.exit();
    }
  }

  /** Says what the field just read means, e.g. {@code x25519 (0x001d)}. */
  public void describe(String meaning) {
    if (recorder != null) {
      recorder.describeLast(meaning);
    }
  }

  /** {@link #describe} with a meaning computed from an integer only when annotating. */
  public void describe(IntFunction<String> meaning, int value) {
    if (recorder != null) {
      recorder.describeLast(meaning.apply(value));
    }
  }

  /** {@link #describe} with a meaning computed from a 32-bit value only when annotating. */
  public void describeLong(LongFunction<String> meaning, long value) {
    if (recorder != null) {
      recorder.describeLast(meaning.apply(value));
    }
  }

  /** {@link #describe} with a meaning computed from bytes only when annotating. */
  public void describe(Function<byte[], String> meaning, byte[] value) {
    if (recorder != null) {
      recorder.describeLast(meaning.apply(value));
    }
  }

  // ---- integers

  public int u8(String field) throws TlsAlertException {
    return (int) integer(1, field);
  }

  public int u16(String field) throws TlsAlertException {
    return (int) integer(2, field);
  }

  public int u24(String field) throws TlsAlertException {
    return (int) integer(3, field);
  }

  public long u32(String field) throws TlsAlertException {
    return integer(4, field);
  }

  private long integer(int width, String field) throws TlsAlertException {
    require(width, field);
    long v = 0;
    for (int i = 0; i < width; i++) {
      v = (v << 8) | (data[position + i] & 0xff);
    }
    if (recorder != null) {
      recorder.record(field, position, width, Long.toString(v));
    }
    position += width;
    return v;
  }

  // ---- opaque and vectors

  /** A fixed-length field such as {@code opaque random[32]}. */
  public byte[] bytes(int length, String field) throws TlsAlertException {
    if (length < 0) {
      throw error(field + ": negative length " + length);
    }
    require(length, field);
    byte[] out = Arrays.copyOfRange(data, position, position + length);
    if (recorder != null) {
      recorder.record(field, position, length, CodeNames.hex(out));
    }
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
   * A vector with a 1-byte prefix whose content is itself structured (a list of versions, of
   * binders...): returns a reader confined to exactly that content, and skips past it here.
   */
  public WireReader nested8(String field, int min, int max) throws TlsAlertException {
    return nested(vectorLength(1, field, min, max));
  }

  /** As {@link #nested8} with a 2-byte prefix (a list of extensions, of server names...). */
  public WireReader nested16(String field, int min, int max) throws TlsAlertException {
    return nested(vectorLength(2, field, min, max));
  }

  /** As {@link #nested8} with a 3-byte prefix (certificate_list, RFC 5246 §7.4.2). */
  public WireReader nested24(String field, int min, int max) throws TlsAlertException {
    return nested(vectorLength(3, field, min, max));
  }

  /**
   * The next {@code length} bytes as a structure of their own whose length was given elsewhere
   * (a handshake body after its uint24 length, RFC 5246 §7.4), skipped past here; failures in
   * it are named after {@code owner}.
   */
  public WireReader take(int length, String owner) throws TlsAlertException {
    if (length < 0) {
      throw error(owner + ": negative length " + length);
    }
    require(length, owner);
    WireReader sub = new WireReader(data, position, position + length, owner, recorder);
    position += length;
    return sub;
  }

  /**
   * An extension's {@code extension_data<0..2^16-1>} (RFC 5246 §7.4.1.4): a reader confined to
   * it, failures named after the extension. Its length prefix is recorded as the extension's
   * {@code length}, the name the inspector has always shown.
   */
  public WireReader extensionData(String extension) throws TlsAlertException {
    int length = prefix(2, "length", extension + ".extension_data");
    checkLength(length, extension + ".extension_data", 0, 0xffff);
    WireReader sub = new WireReader(data, position, position + length,
        qualified(extension), recorder);
    position += length;
    return sub;
  }

  /**
   * A vector of uint16 values with a 2-byte length prefix in bytes, e.g. {@code CipherSuite
   * cipher_suites<2..2^16-2>}. An odd byte length cannot hold whole elements: decode_error.
   * Elements are recorded as {@code field[i]}, each described by {@code meaning}.
   */
  public List<Integer> u16List(String field, int minBytes, int maxBytes,
      IntFunction<String> meaning) throws TlsAlertException {
    int length = vectorLength(2, field, minBytes, maxBytes);
    if (length % 2 != 0) {
      throw error(field + ": odd length " + length + " for a vector of uint16");
    }
    return items(nested(length), 2, field, meaning);
  }

  public List<Integer> u16List(String field, int minBytes, int maxBytes) throws TlsAlertException {
    return u16List(field, minBytes, maxBytes, Integer::toString);
  }

  /** A vector of uint8 values with a 1-byte length prefix, e.g. compression_methods. */
  public List<Integer> u8List(String field, int minBytes, int maxBytes,
      IntFunction<String> meaning) throws TlsAlertException {
    return items(nested(vectorLength(1, field, minBytes, maxBytes)), 1, field, meaning);
  }

  public List<Integer> u8List(String field, int minBytes, int maxBytes) throws TlsAlertException {
    return u8List(field, minBytes, maxBytes, Integer::toString);
  }

  private static List<Integer> items(WireReader items, int width, String field,
      IntFunction<String> meaning) throws TlsAlertException {
    List<Integer> out = new ArrayList<>(items.remaining() / width);
    for (int i = 0; items.hasRemaining(); i++) {
      String name = items.recorder == null ? field : field + "[" + i + "]";
      int v = (int) items.integer(width, name);
      items.describe(meaning, v);
      out.add(v);
    }
    return List.copyOf(out);
  }

  /** Everything left, e.g. an extension whose extension_data is a bare opaque (RFC 5077 §3.2). */
  public byte[] rest(String field) {
    byte[] out = Arrays.copyOfRange(data, position, end);
    if (recorder != null) {
      recorder.record(field, position, out.length, CodeNames.hex(out));
    }
    position = end;
    return out;
  }

  /** A copy of what is left, without reading it: the exact bytes of a structure kept verbatim. */
  public byte[] remainingBytes() {
    return Arrays.copyOfRange(data, position, end);
  }

  /** Rejects trailing bytes: a structure must consume exactly its declared length. */
  public void expectEnd(String what) throws TlsAlertException {
    if (hasRemaining()) {
      throw error(what + ": " + remaining() + " trailing byte(s)");
    }
  }

  /** {@link #expectEnd(String)} of the structure this reader was opened on, named by its owner. */
  public void expectEnd() throws TlsAlertException {
    if (hasRemaining()) {
      throw alert(AlertDescription.DECODE_ERROR, remaining() + " trailing byte(s)");
    }
  }

  /** A failure of the structure this reader was opened on, named after its owner. */
  public TlsAlertException alert(AlertDescription description, String why) {
    return new TlsAlertException(description, owner.isEmpty() ? why : owner + ": " + why);
  }

  private WireReader nested(int length) {
    WireReader sub = new WireReader(data, position, position + length, owner, recorder);
    position += length;
    return sub;
  }

  private int vectorLength(int prefixBytes, String field, int min, int max)
      throws TlsAlertException {
    int length = prefix(prefixBytes, field + ".length", field + " length");
    checkLength(length, field, min, max);
    return length;
  }

  /** A length prefix, recorded as {@code name} with its value in bytes. */
  private int prefix(int width, String name, String errorName) throws TlsAlertException {
    require(width, errorName);
    int length = (int) integer(width, name);
    describe(CodeNames::byteCount, length);
    return length;
  }

  private void checkLength(int length, String field, int min, int max) throws TlsAlertException {
    if (length < min || length > max) {
      throw error(field + ": length " + length + " outside <" + min + ".." + max + ">");
    }
    require(length, field);
  }

  private void require(int length, String field) throws TlsAlertException {
    if (length > remaining()) {
      throw error(field + ": needs " + length + " byte(s) but only " + remaining() + " remain");
    }
  }

  private String qualified(String what) {
    return owner.isEmpty() ? what : owner + "." + what;
  }

  private TlsAlertException error(String message) {
    return new TlsAlertException(AlertDescription.DECODE_ERROR, qualified(message));
  }
}
