package dev.tlssim.tls.crypto;

import dev.tlssim.tls.Tls13CipherSuite;
import java.security.MessageDigest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The TLS 1.3 Finished computation (RFC 8446 §4.4.4):
 *
 * <pre>
 * finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length)
 * verify_data  = HMAC(finished_key, Transcript-Hash(Handshake Context, Certificate*, CertificateVerify*))
 * </pre>
 *
 * BaseKey is the sender's handshake traffic secret for the handshake's Finished messages, the
 * client's application traffic secret for a post-handshake authentication Finished, and the
 * binder key for a PSK binder (RFC 8446 §4.2.11.2: "computed in the same way as the Finished
 * message ... but with the BaseKey being the binder_key").
 */
public final class Tls13Finished {
  private Tls13Finished() {}

  /** finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length). */
  public static byte[] finishedKey(Tls13CipherSuite suite, byte[] baseKey) {
    return HkdfLabel.expandLabel(suite.hash(), baseKey, "finished", new byte[0], suite.hashLength());
  }

  /** verify_data = HMAC(finished_key, transcriptHash). */
  public static byte[] verifyData(Tls13CipherSuite suite, byte[] baseKey, byte[] transcriptHash) {
    byte[] key = finishedKey(suite, baseKey);
    long start = CryptoCpuMeter.symmetricStart();
    try {
      HMac hmac = new HMac(HashAlgorithm.create(suite.hash()));
      hmac.init(new KeyParameter(key));
      hmac.update(transcriptHash, 0, transcriptHash.length);
      byte[] out = new byte[hmac.getMacSize()];
      hmac.doFinal(out, 0);
      return out;
    } finally {
      CryptoCpuMeter.symmetricEnd(start);
    }
  }

  /**
   * Whether {@code received} is the right verify_data, compared in constant time
   * ({@link MessageDigest#isEqual}). RFC 8446 §4.4.4: a mismatch is a decrypt_error; the caller
   * raises it, as it knows which message failed.
   */
  public static boolean verify(Tls13CipherSuite suite, byte[] baseKey, byte[] transcriptHash, byte[] received) {
    return MessageDigest.isEqual(verifyData(suite, baseKey, transcriptHash), received);
  }
}
