package dev.tlssim.tls.crypto;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * TLS 1.3 record protection for one direction under one traffic secret (RFC 8446 §5.2-5.3).
 *
 * <pre>
 * struct {
 *     ContentType opaque_type = application_data; // 23
 *     ProtocolVersion legacy_record_version = 0x0303;
 *     uint16 length;
 *     opaque encrypted_record[TLSCiphertext.length];
 * } TLSCiphertext;
 *
 * encrypted_record = AEAD-Encrypt(write_key, nonce, additional_data, TLSInnerPlaintext)
 * additional_data  = TLSCiphertext.opaque_type || TLSCiphertext.legacy_record_version || TLSCiphertext.length
 * nonce            = write_iv XOR (64-bit sequence number, left-padded with zeros to iv_length)
 * </pre>
 *
 * Works on complete records, header included, because the header is the additional data. Each
 * instance owns its direction's sequence number (RFC 8446 §5.3: reset to zero whenever the key
 * changes, incremented after every record), so it is stateful and must see records in order; a key
 * change (handshake to application keys, KeyUpdate) is a new instance.
 */
public final class Tls13RecordProtection {
  /** The TLSCiphertext header: opaque_type, legacy_record_version, length. */
  public static final int HEADER_LENGTH = 5;

  /** RFC 8446 §5.2: TLSCiphertext.length "MUST NOT exceed 2^14 + 256 bytes". */
  public static final int MAX_CIPHERTEXT_LENGTH = (1 << 14) + 256;

  private final Tls13CipherSuite.Aead aead;
  private final byte[] key;
  private final byte[] iv;
  private final SequenceNumber sequence = new SequenceNumber();

  public Tls13RecordProtection(Tls13TrafficKeys keys) {
    this.aead = keys.suite().aead();
    this.key = keys.key();
    this.iv = keys.iv();
  }

  /** Protects {@code content} of {@code type} without padding. */
  public byte[] seal(ContentType type, byte[] content) {
    return seal(new Tls13InnerPlaintext(type, content, 0));
  }

  /** Protects one TLSInnerPlaintext and returns the complete TLSCiphertext record. */
  public byte[] seal(Tls13InnerPlaintext plaintext) {
    if (plaintext.type() == ContentType.CHANGE_CIPHER_SPEC) {
      throw new IllegalArgumentException("change_cipher_spec is never protected (RFC 8446 §5)");
    }
    byte[] inner = plaintext.encode();
    int length = inner.length + Tls13CipherSuite.Aead.TAG_LENGTH;
    byte[] header = header(length);
    byte[] encrypted = Aead.encrypt(aead, key, nonce(iv, sequence.advance()), header, inner);
    return Bytes.concat(header, encrypted);
  }

  /**
   * Checks and removes protection from one complete TLSCiphertext record.
   *
   * @throws TlsAlertException decode_error if the header's length does not match; unexpected_message
   *     if opaque_type is not application_data or the inner content type is not acceptable;
   *     record_overflow if the record is too long (§5.2); bad_record_mac if it does not
   *     authenticate (§5.2: "If the decryption fails, the receiver MUST terminate the connection
   *     with a "bad_record_mac" alert")
   */
  public Tls13InnerPlaintext open(byte[] record) throws TlsAlertException {
    if (record.length < HEADER_LENGTH
        || ((record[3] & 0xff) << 8 | (record[4] & 0xff)) != record.length - HEADER_LENGTH) {
      throw new TlsAlertException(AlertDescription.DECODE_ERROR,
          "TLSCiphertext header length does not match the " + record.length + "-byte record");
    }
    if ((record[0] & 0xff) != ContentType.APPLICATION_DATA.code()) {
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "protected record with opaque_type " + (record[0] & 0xff) + " (RFC 8446 §5.2)");
    }
    int length = record.length - HEADER_LENGTH;
    if (length > MAX_CIPHERTEXT_LENGTH) {
      throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW,
          "TLSCiphertext of " + length + " bytes exceeds 2^14 + 256 (RFC 8446 §5.2)");
    }
    long seq = sequence.advance();
    byte[] header = new byte[HEADER_LENGTH];
    System.arraycopy(record, 0, header, 0, HEADER_LENGTH);
    byte[] encrypted = new byte[length];
    System.arraycopy(record, HEADER_LENGTH, encrypted, 0, length);
    byte[] inner;
    try {
      inner = Aead.decrypt(aead, key, nonce(iv, seq), header, encrypted);
    } catch (InvalidCipherTextException e) {
      throw new TlsAlertException(AlertDescription.BAD_RECORD_MAC,
          aead + " authentication failed for record " + Long.toUnsignedString(seq), e);
    }
    return Tls13InnerPlaintext.decode(inner);
  }

  /** The sequence number the next record will use. */
  public long sequenceNumber() {
    return sequence.current();
  }

  /**
   * The per-record nonce (RFC 8446 §5.3): the 64-bit sequence number in network byte order,
   * left-padded with zeros to iv_length, XORed with the static write IV.
   */
  static byte[] nonce(byte[] iv, long seq) {
    byte[] nonce = iv.clone();
    for (int i = 0; i < 8; i++) {
      nonce[nonce.length - 1 - i] ^= (byte) (seq >>> (8 * i));
    }
    return nonce;
  }

  private static byte[] header(int length) {
    ProtocolVersion legacy = ProtocolVersion.TLS12; // legacy_record_version, RFC 8446 §5.2
    return new byte[] {
      (byte) ContentType.APPLICATION_DATA.code(),
      (byte) legacy.major(), (byte) legacy.minor(),
      (byte) (length >>> 8), (byte) length
    };
  }
}
