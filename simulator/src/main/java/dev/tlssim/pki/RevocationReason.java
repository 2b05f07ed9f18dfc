package dev.tlssim.pki;

/** CRLReason codes of a CRL entry (RFC 5280 §5.3.1); value 7 is unused by the RFC. */
public enum RevocationReason {
  /** RFC 5280 §5.3.1: the reasonCode extension SHOULD be absent rather than say "unspecified". */
  UNSPECIFIED(0),
  KEY_COMPROMISE(1),
  CA_COMPROMISE(2),
  AFFILIATION_CHANGED(3),
  SUPERSEDED(4),
  CESSATION_OF_OPERATION(5),
  CERTIFICATE_HOLD(6),
  PRIVILEGE_WITHDRAWN(9),
  AA_COMPROMISE(10);

  private final int code;

  RevocationReason(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  static RevocationReason fromCode(int code) {
    for (RevocationReason r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    return UNSPECIFIED;
  }
}
