package dev.tlssim.tls.crypto;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import java.security.SecureRandom;

/**
 * One direction of a connection state's record protection (RFC 5246 §6.2.3): turns a
 * TLSPlaintext fragment into a TLSCiphertext fragment and back. The record header (type,
 * version, length) stays with the caller; type and version are passed in because they are
 * authenticated (as MAC input or AEAD additional data). Each instance owns the 64-bit sequence
 * number of its direction (RFC 5246 §6.1), starting at 0 and advancing once per record, so
 * instances are stateful and must see records in order.
 */
public interface RecordProtection {
  /** RFC 5246 §6.2.1: TLSPlaintext.length MUST NOT exceed 2^14. */
  int MAX_PLAINTEXT_LENGTH = 1 << 14;

  /** RFC 5246 §6.2.3: TLSCiphertext.length MUST NOT exceed 2^14 + 2048. */
  int MAX_CIPHERTEXT_LENGTH = (1 << 14) + 2048;

  /** Protects one fragment and advances the write sequence number. */
  byte[] seal(ContentType type, ProtocolVersion version, byte[] plaintext);

  /**
   * Checks and removes protection from one fragment and advances the read sequence number.
   *
   * @throws TlsAlertException bad_record_mac if the record does not authenticate (tampering,
   *     replay, reordering, bad padding), record_overflow if it is too long
   */
  byte[] open(ContentType type, ProtocolVersion version, byte[] fragment) throws TlsAlertException;

  /** The sequence number the next record will use. */
  long sequenceNumber();

  /**
   * The protection {@code self} uses for records in {@code direction} once ChangeCipherSpec has
   * made the pending state current: writing uses {@code self}'s keys, reading its peer's
   * (RFC 5246 §6.3). {@code random} supplies CBC's explicit IVs; pass the run's deterministic
   * stream. Only a CBC write state draws from it, so it may be null for GCM or for reading.
   */
  static RecordProtection create(
      CipherSuite suite, KeyBlock keys, ConnectionEnd self, Direction direction, SecureRandom random) {
    if (keys.suite() != suite) {
      throw new IllegalArgumentException("key block was derived for " + keys.suite() + ", not " + suite);
    }
    ConnectionEnd sender = direction == Direction.WRITE ? self : self.peer();
    if (suite.cipher().aead()) {
      return new AesGcmRecordProtection(keys.writeKey(sender), keys.writeIv(sender));
    }
    if (direction == Direction.WRITE && random == null) {
      throw new IllegalArgumentException("CBC write protection needs a SecureRandom for explicit IVs");
    }
    return new AesCbcHmacRecordProtection(suite.mac(), keys.macKey(sender), keys.writeKey(sender), random);
  }
}
