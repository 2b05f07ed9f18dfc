package dev.tlssim.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Every random draw of a run comes from here, split by purpose: a stream is derived from the run
 * seed and a purpose name ("loss/client->server", "tls/client/c1"), so adding a draw in one place
 * never shifts the draws of another. Same seed and purpose, same sequence, on any machine.
 */
public final class RandomStreams {
  private final long seed;

  public RandomStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** A fast generator for network impairments and other statistical draws. */
  public SplittableRandom random(String purpose) {
    return new SplittableRandom(derive(purpose));
  }

  /**
   * A deterministic {@link SecureRandom} for protocol randoms and key generation. SHA1PRNG seeded
   * before its first use never mixes in system entropy, so its output is a function of the seed.
   */
  public SecureRandom secureRandom(String purpose) {
    return seededSecureRandom(digest(purpose));
  }

  /** A 64-bit value derived from the seed and the purpose; stable across JVMs. */
  public long derive(String purpose) {
    byte[] d = digest(purpose);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (d[i] & 0xff);
    }
    return v;
  }

  private byte[] digest(String purpose) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (int i = 7; i >= 0; i--) {
        md.update((byte) (seed >>> (8 * i)));
      }
      md.update(purpose.getBytes(StandardCharsets.UTF_8));
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** A deterministic SecureRandom from explicit seed material (e.g. a key-pool entry). */
  public static SecureRandom seededSecureRandom(byte[] seedMaterial) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG", "SUN");
      r.setSeed(seedMaterial);
      return r;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("SHA1PRNG from the SUN provider is required", e);
    }
  }
}
