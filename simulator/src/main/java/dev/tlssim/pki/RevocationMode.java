package dev.tlssim.pki;

/**
 * What a client does about revocation (RFC 5280 §6.3), and in particular when it cannot learn a
 * certificate's status: the classic trade-off between availability and security.
 */
public enum RevocationMode {
  /** Revocation is not checked at all. */
  OFF,
  /**
   * A revoked certificate is rejected, but an unavailable, stale or unverifiable CRL lets the
   * certificate pass with a warning: what most browsers did, and why an attacker who can block the
   * CRL fetch defeats revocation.
   */
  SOFT_FAIL,
  /** A certificate whose status cannot be established is rejected. */
  HARD_FAIL
}
