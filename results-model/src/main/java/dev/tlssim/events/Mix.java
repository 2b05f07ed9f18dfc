package dev.tlssim.events;

/**
 * MurmurHash3's 32-bit finaliser (Appleby, public domain): every input bit reaches every output
 * bit. For hash codes of identities that differ only in a port number, whose default record hash
 * leaves them clustered in a few buckets.
 */
public final class Mix {
  private Mix() {}

  public static int fmix32(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }
}
