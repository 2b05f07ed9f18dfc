package dev.tlssim.sweep;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where a sweep's cryptographic draws come from. {@code per-trial}: each trial's own seed, so
 * every trial has fresh TLS randoms and keys. {@code per-cell}: a seed of the cell, so the trials
 * of a cell send identical TLS bytes (only their network draws differ) and each public-key result
 * is computed once and reused.
 */
public enum CryptoMode {
  PER_TRIAL("per-trial"),
  PER_CELL("per-cell");

  private final String label;

  CryptoMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static CryptoMode parse(String text) {
    for (CryptoMode m : values()) {
      if (m.label.equals(text.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown crypto mode '" + text + "' (use "
        + Arrays.stream(values()).map(CryptoMode::label).collect(Collectors.joining(" or ")) + ")");
  }
}
