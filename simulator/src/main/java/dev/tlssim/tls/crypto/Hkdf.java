package dev.tlssim.tls.crypto;

import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HKDF, the HMAC-based extract-and-expand key derivation function of RFC 5869, on which the whole
 * TLS 1.3 key schedule is built (RFC 8446 §7.1). {@code hash} is a JCA hash name such as
 * {@code SHA-256}.
 */
public final class Hkdf {
  private Hkdf() {}

  /**
   * HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM) (RFC 5869 §2.2). An empty salt stands for
   * HashLen zero bytes, as RFC 5869 §2.2 specifies when the salt is "not provided".
   */
  public static byte[] extract(String hash, byte[] salt, byte[] ikm) {
    long start = CryptoCpuMeter.symmetricStart();
    try {
      return extractUnmetered(hash, salt, ikm);
    } finally {
      CryptoCpuMeter.symmetricEnd(start);
    }
  }

  private static byte[] extractUnmetered(String hash, byte[] salt, byte[] ikm) {
    HMac hmac = new HMac(HashAlgorithm.create(hash));
    byte[] key = salt.length == 0 ? new byte[hmac.getMacSize()] : salt;
    hmac.init(new KeyParameter(key));
    hmac.update(ikm, 0, ikm.length);
    byte[] prk = new byte[hmac.getMacSize()];
    hmac.doFinal(prk, 0);
    return prk;
  }

  /**
   * HKDF-Expand(PRK, info, L) (RFC 5869 §2.3): T(i) = HMAC-Hash(PRK, T(i-1) | info | i), output
   * the first L bytes of T(1) | T(2) | ..., L at most 255 * HashLen.
   */
  public static byte[] expand(String hash, byte[] prk, byte[] info, int length) {
    long start = CryptoCpuMeter.symmetricStart();
    try {
      return expandUnmetered(hash, prk, info, length);
    } finally {
      CryptoCpuMeter.symmetricEnd(start);
    }
  }

  private static byte[] expandUnmetered(String hash, byte[] prk, byte[] info, int length) {
    HMac hmac = new HMac(HashAlgorithm.create(hash));
    int hashLength = hmac.getMacSize();
    if (length < 0 || length > 255 * hashLength) {
      throw new IllegalArgumentException("HKDF-Expand length " + length + " outside 0..255*HashLen (RFC 5869 §2.3)");
    }
    if (prk.length < hashLength) {
      throw new IllegalArgumentException("PRK of " + prk.length + " bytes is shorter than HashLen (RFC 5869 §2.3)");
    }
    hmac.init(new KeyParameter(prk));
    byte[] okm = new byte[length];
    byte[] t = new byte[0];
    int offset = 0;
    for (int i = 1; offset < length; i++) {
      hmac.update(t, 0, t.length);
      hmac.update(info, 0, info.length);
      hmac.update((byte) i);
      t = new byte[hashLength];
      hmac.doFinal(t, 0);
      int n = Math.min(hashLength, length - offset);
      System.arraycopy(t, 0, okm, offset, n);
      offset += n;
    }
    return okm;
  }
}
