package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Finished (RFC 5246 §7.4.9): {@code opaque verify_data[verify_data_length]}, a fixed-length
 * field with no length prefix, 12 bytes for every TLS 1.2 suite we implement. Because nothing in
 * the body announces the length, the reader must supply it; a different body length is a
 * decode_error (a wrong verify_data of the right length is a decrypt_error, decided elsewhere).
 */
public record Finished(byte[] verifyData) implements HandshakeMessage {
  /** verify_data_length for TLS 1.2 unless a suite says otherwise (RFC 5246 §7.4.9). */
  public static final int TLS12_VERIFY_DATA_LENGTH = 12;

  public Finished {
    if (verifyData.length == 0) {
      throw new IllegalArgumentException("verify_data must not be empty");
    }
    verifyData = verifyData.clone();
  }

  @Override
  public byte[] verifyData() {
    return verifyData.clone();
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.FINISHED;
  }

  @Override
  public byte[] encodeBody() {
    return verifyData.clone();
  }

  public static Finished decode(byte[] body, int verifyDataLength) throws TlsAlertException {
    return decode(new WireReader(body, "finished"), verifyDataLength);
  }

  static Finished decode(WireReader r, int verifyDataLength) throws TlsAlertException {
    if (verifyDataLength < 1) {
      throw new IllegalArgumentException(
          "verify_data_length must be positive: " + verifyDataLength);
    }
    if (r.remaining() != verifyDataLength) {
      throw r.alert(AlertDescription.DECODE_ERROR,
          "verify_data is " + r.remaining() + " byte(s), expected " + verifyDataLength);
    }
    return new Finished(r.bytes(verifyDataLength, "verify_data"));
  }

  /** Decodes a TLS 1.2 Finished with the standard 12-byte verify_data. */
  public static Finished decode(byte[] body) throws TlsAlertException {
    return decode(body, TLS12_VERIFY_DATA_LENGTH);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Finished f && Arrays.equals(verifyData, f.verifyData);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(verifyData);
  }

  @Override
  public String toString() {
    return "Finished[" + HexFormat.of().formatHex(verifyData) + "]";
  }
}
