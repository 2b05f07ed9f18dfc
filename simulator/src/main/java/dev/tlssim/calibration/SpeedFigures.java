package dev.tlssim.calibration;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code openssl speed -mr} reported: operations per second of the public-key algorithms, by
 * key size in bits, and bytes per second of the symmetric ones, by algorithm and block size.
 *
 * @param rsa       modulus bits → {private-key operations/s, public-key operations/s}
 * @param ecdsa     curve bits → {signatures/s, verifications/s}
 * @param ecdh      curve bits (253 is X25519, 256 is P-256) → derivations/s
 * @param symmetric algorithm as openssl names it ("AES-128-CBC", "hmac(sha256)") → block bytes → bytes/s
 */
public record SpeedFigures(Map<Integer, double[]> rsa, Map<Integer, double[]> ecdsa, Map<Integer, Double> ecdh,
    Map<String, NavigableMap<Integer, Double>> symmetric) {
  /** The bits {@code openssl speed} gives X25519 in its machine-readable output. */
  public static final int X25519_BITS = 253;

  public SpeedFigures {
    rsa = Map.copyOf(rsa);
    ecdsa = Map.copyOf(ecdsa);
    ecdh = Map.copyOf(ecdh);
    Map<String, NavigableMap<Integer, Double>> copy = new TreeMap<>();
    symmetric.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
    symmetric = Map.copyOf(copy);
  }

  /**
   * Seconds per call of {@code algorithm} on {@code bytes} of input, from the smallest measured
   * block that holds them (openssl times whole blocks; a 77-byte HMAC costs what a 256-byte one does
   * at most, and more than a 64-byte one).
   */
  public Optional<Block> blockFor(String algorithm, int bytes) {
    NavigableMap<Integer, Double> rates = symmetric.get(algorithm);
    if (rates == null) {
      return Optional.empty();
    }
    Map.Entry<Integer, Double> e = rates.ceilingEntry(bytes);
    if (e == null) {
      e = rates.lastEntry();
    }
    return Optional.of(new Block(algorithm, e.getKey(), e.getValue()));
  }

  /** One measured symmetric figure: {@code size}-byte blocks at {@code bytesPerSecond}. */
  public record Block(String algorithm, int size, double bytesPerSecond) {
    public double nanosPerCall() {
      return size / bytesPerSecond * 1e9;
    }
  }
}
