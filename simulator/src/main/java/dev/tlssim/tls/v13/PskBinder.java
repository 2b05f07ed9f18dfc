package dev.tlssim.tls.v13;

import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.crypto.Tls13EarlySecret;
import dev.tlssim.tls.crypto.Tls13Finished;
import dev.tlssim.tls.crypto.Tls13KeySchedule;

/**
 * The PSK binder of a resumption PSK (RFC 8446 §4.2.11.2): computed "in the same way as the
 * Finished message (Section 4.4.4) but with the BaseKey being the binder_key derived via the key
 * schedule from the corresponding PSK", over the transcript up to and including the ClientHello
 * truncated before its binders list. The binder ties the PSK to this ClientHello, so that a
 * ticket seen on the wire cannot be replayed with another hello.
 */
final class PskBinder {
  private PskBinder() {}

  /** The binder for {@code psk} over {@code partialTranscriptHash}, Hash(... truncated ClientHello). */
  static byte[] compute(Tls13CipherSuite suite, byte[] psk, byte[] partialTranscriptHash) {
    byte[] binderKey = Tls13KeySchedule.start(suite, psk).binderKey(Tls13EarlySecret.PskType.RESUMPTION);
    return Tls13Finished.verifyData(suite, binderKey, partialTranscriptHash);
  }

  /** Whether {@code received} is the binder for {@code psk}, compared in constant time. */
  static boolean verify(Tls13CipherSuite suite, byte[] psk, byte[] partialTranscriptHash, byte[] received) {
    byte[] binderKey = Tls13KeySchedule.start(suite, psk).binderKey(Tls13EarlySecret.PskType.RESUMPTION);
    return Tls13Finished.verify(suite, binderKey, partialTranscriptHash, received);
  }
}
