package dev.tlssim.pki;

/** The outcome of one {@link VerificationCheck}. */
public enum CheckStatus {
  PASSED,
  FAILED,
  /** Not run: disabled by the policy, or an earlier check already failed. */
  SKIPPED
}
