package dev.tlssim.tls.crypto;

import dev.tlssim.tls.Tls13CipherSuite;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The AEAD interface of RFC 5116 §2 over TLS 1.3's algorithms: AEAD-Encrypt(key, nonce,
 * additional_data, plaintext) returns ciphertext || tag, AEAD-Decrypt returns the plaintext or
 * fails. AES-GCM is RFC 5116 §5.1-5.2, ChaCha20-Poly1305 RFC 8439 §2.8.
 */
final class Aead {
  private Aead() {}

  static byte[] encrypt(Tls13CipherSuite.Aead algorithm, byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    long start = CryptoCpuMeter.symmetricStart();
    try {
      return encryptUnmetered(algorithm, key, nonce, aad, plaintext);
    } finally {
      CryptoCpuMeter.symmetricEnd(start);
    }
  }

  private static byte[] encryptUnmetered(Tls13CipherSuite.Aead algorithm, byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    AEADCipher cipher = cipher(algorithm, true, key, nonce, aad);
    byte[] out = new byte[cipher.getOutputSize(plaintext.length)];
    int n = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
    try {
      cipher.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("AEAD encryption cannot fail", e);
    }
    return out;
  }

  /** @throws InvalidCipherTextException if the tag does not verify (RFC 5116 §2.2: FAIL) */
  static byte[] decrypt(Tls13CipherSuite.Aead algorithm, byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext)
      throws InvalidCipherTextException {
    long start = CryptoCpuMeter.symmetricStart();
    try {
      return decryptUnmetered(algorithm, key, nonce, aad, ciphertext);
    } finally {
      CryptoCpuMeter.symmetricEnd(start);
    }
  }

  private static byte[] decryptUnmetered(Tls13CipherSuite.Aead algorithm, byte[] key, byte[] nonce, byte[] aad,
      byte[] ciphertext) throws InvalidCipherTextException {
    if (ciphertext.length < Tls13CipherSuite.Aead.TAG_LENGTH) {
      throw new InvalidCipherTextException("ciphertext shorter than the tag");
    }
    AEADCipher cipher = cipher(algorithm, false, key, nonce, aad);
    byte[] out = new byte[cipher.getOutputSize(ciphertext.length)];
    int n = cipher.processBytes(ciphertext, 0, ciphertext.length, out, 0);
    cipher.doFinal(out, n);
    return out;
  }

  private static AEADCipher cipher(
      Tls13CipherSuite.Aead algorithm, boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
    if (key.length != algorithm.keyLength() || nonce.length != Tls13CipherSuite.Aead.NONCE_LENGTH) {
      throw new IllegalArgumentException(algorithm + " needs a " + algorithm.keyLength() + "-byte key and a "
          + Tls13CipherSuite.Aead.NONCE_LENGTH + "-byte nonce");
    }
    AEADCipher cipher = switch (algorithm) {
      // BasicGCMMultiplier: see AesGcmRecordProtection.cipher.
      case AES_128_GCM, AES_256_GCM -> GCMBlockCipher.newInstance(AESEngine.newInstance(), new BasicGCMMultiplier());
      case CHACHA20_POLY1305 -> new ChaCha20Poly1305();
    };
    cipher.init(encrypt, new AEADParameters(new KeyParameter(key), Tls13CipherSuite.Aead.TAG_LENGTH * 8, nonce, aad));
    return cipher;
  }
}
