package dev.tlssim.tls.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The TLS 1.2 pseudorandom function (RFC 5246 §5):
 *
 * <pre>
 * PRF(secret, label, seed) = P_hash(secret, label + seed)
 * P_hash(secret, seed) = HMAC_hash(secret, A(1) + seed) + HMAC_hash(secret, A(2) + seed) + ...
 * A(0) = seed, A(i) = HMAC_hash(secret, A(i-1))
 * </pre>
 *
 * The hash is the cipher suite's PRF hash: SHA-256 for every suite defined by RFC 5246 itself and
 * SHA-384 for the {@code _SHA384} suites (RFC 5289 §3). The label is ASCII without a length byte
 * or terminator (RFC 5246 §5: "label is an ASCII string ... without a length byte or trailing null
 * character").
 */
public final class Prf {
  private Prf() {}

  /** PRF output of exactly {@code length} bytes, with every input recorded for tracing. */
  public static PrfDerivation derive(String hash, byte[] secret, String label, byte[] seed, int length) {
    return new PrfDerivation(hash, secret, label, seed, compute(hash, secret, label, seed, length));
  }

  /** PRF output of exactly {@code length} bytes; the last HMAC block is truncated as needed. */
  public static byte[] compute(String hash, byte[] secret, String label, byte[] seed, int length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative PRF length " + length);
    }
    byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
    byte[] labelAndSeed = new byte[labelBytes.length + seed.length];
    System.arraycopy(labelBytes, 0, labelAndSeed, 0, labelBytes.length);
    System.arraycopy(seed, 0, labelAndSeed, labelBytes.length, seed.length);
    return pHash(hash, secret, labelAndSeed, length);
  }

  private static byte[] pHash(String hash, byte[] secret, byte[] seed, int length) {
    long start = CryptoCpuMeter.symmetricStart();
    try {
      return pHashUnmetered(hash, secret, seed, length);
    } finally {
      CryptoCpuMeter.symmetricEnd(start);
    }
  }

  private static byte[] pHashUnmetered(String hash, byte[] secret, byte[] seed, int length) {
    HMac hmac = new HMac(HashAlgorithm.create(hash));
    hmac.init(new KeyParameter(secret));
    int blockSize = hmac.getMacSize();
    byte[] output = new byte[length];
    byte[] a = seed;
    byte[] block = new byte[blockSize];
    for (int offset = 0; offset < length; offset += blockSize) {
      a = mac(hmac, a);
      hmac.update(a, 0, a.length);
      hmac.update(seed, 0, seed.length);
      hmac.doFinal(block, 0);
      System.arraycopy(block, 0, output, offset, Math.min(blockSize, length - offset));
    }
    return output;
  }

  private static byte[] mac(HMac hmac, byte[] data) {
    byte[] out = new byte[hmac.getMacSize()];
    hmac.update(data, 0, data.length);
    hmac.doFinal(out, 0);
    return out;
  }
}
