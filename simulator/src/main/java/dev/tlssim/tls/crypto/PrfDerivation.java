package dev.tlssim.tls.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One application of the TLS 1.2 PRF, kept whole so that a trace (the {@code keys} command) can
 * show every input next to the output: {@code output = PRF(secret, label, seed)[0..length-1]}
 * with P_hash over {@code hash} (RFC 5246 §5). The arrays are copied in and out, so a derivation
 * is an immutable value.
 */
public record PrfDerivation(String hash, byte[] secret, String label, byte[] seed, byte[] output) {
  public PrfDerivation {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(label, "label");
    secret = secret.clone();
    seed = seed.clone();
    output = output.clone();
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  @Override
  public byte[] seed() {
    return seed.clone();
  }

  @Override
  public byte[] output() {
    return output.clone();
  }

  /** Output length in bytes. */
  public int length() {
    return output.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrfDerivation d
        && hash.equals(d.hash)
        && label.equals(d.label)
        && Arrays.equals(secret, d.secret)
        && Arrays.equals(seed, d.seed)
        && Arrays.equals(output, d.output);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hash, label, Arrays.hashCode(secret), Arrays.hashCode(seed), Arrays.hashCode(output));
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "PRF-" + hash + "(secret=" + hex.formatHex(secret) + ", label=\"" + label + "\", seed="
        + hex.formatHex(seed) + ") = " + hex.formatHex(output);
  }
}
