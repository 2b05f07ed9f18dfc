package dev.tlssim.scenario;

import dev.tlssim.pki.RevocationMode;

/**
 * How a client checks revocation: what an unknown status means ({@code mode}: off, soft-fail,
 * hard-fail), where the status comes from, and how long it waits for the CA when it asks online.
 */
public record RevocationCheck(RevocationMode mode, StatusSource source, long fetchTimeoutNanos) {
  public static final long DEFAULT_FETCH_TIMEOUT_NANOS = 3_000_000_000L;

  /** Status from the CRLs handed out at the start, judged by {@code mode}. */
  public static RevocationCheck preloaded(RevocationMode mode) {
    return new RevocationCheck(mode, StatusSource.PRELOADED, DEFAULT_FETCH_TIMEOUT_NANOS);
  }

  public static RevocationMode parseMode(String text) {
    return switch (text.trim()) {
      case "off" -> RevocationMode.OFF;
      case "soft-fail" -> RevocationMode.SOFT_FAIL;
      case "hard-fail" -> RevocationMode.HARD_FAIL;
      default -> throw new IllegalArgumentException("unknown revocation policy '" + text
          + "' (use off, soft-fail or hard-fail)");
    };
  }
}
