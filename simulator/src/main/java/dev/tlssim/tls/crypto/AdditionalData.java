package dev.tlssim.tls.crypto;

import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;

/**
 * The 13-byte prefix that TLS 1.2 authenticates with every protected record: {@code seq_num +
 * TLSCompressed.type + TLSCompressed.version + TLSCompressed.length}. It is the start of the MAC
 * input for block ciphers (RFC 5246 §6.2.3.1) and the whole additional_data for AEAD ciphers (RFC
 * 5246 §6.2.3.3). Without compression, TLSCompressed is the plaintext (RFC 5246 §6.2.2).
 */
final class AdditionalData {
  static final int LENGTH = 13;

  private AdditionalData() {}

  static byte[] of(long seq, ContentType type, ProtocolVersion version, int length) {
    byte[] out = new byte[LENGTH];
    SequenceNumber.write(seq, out, 0);
    out[8] = (byte) type.code();
    out[9] = (byte) version.major();
    out[10] = (byte) version.minor();
    out[11] = (byte) (length >>> 8);
    out[12] = (byte) length;
    return out;
  }
}
