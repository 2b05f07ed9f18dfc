package dev.tlssim.pki;

/**
 * The checks a TLS client makes on the server's certificate chain, in the order the verifier runs
 * and reports them. Each one closes a door a man-in-the-middle could otherwise walk through.
 */
public enum VerificationCheck {
  /**
   * A path from the leaf through the received intermediates to a trusted root (RFC 5280 §6.1).
   * Stops a MITM presenting a certificate from his own CA.
   */
  CHAIN("chain to a trust anchor"),
  /**
   * Every signature on the path verifies with the issuer's public key (§6.1.3 (a)(1)). Stops a
   * MITM who copies a trusted CA's name onto a certificate he signed himself.
   */
  SIGNATURE("issuer signatures"),
  /**
   * Every certificate is within its validity period at the (simulated) time (§6.1.3 (a)(2)).
   * Limits how long a stolen key is useful.
   */
  VALIDITY("validity period"),
  /**
   * Every issuer is a CA (cA=TRUE) and path length limits hold (§4.2.1.9, §6.1.4 (k), (l), (m)).
   * Stops a MITM who uses his own legitimate server certificate to sign one for another host.
   */
  BASIC_CONSTRAINTS("basic constraints"),
  /**
   * Issuers may sign certificates (keyCertSign) and the leaf may serve TLS servers (keyUsage,
   * extendedKeyUsage serverAuth; §4.2.1.3, §4.2.1.12). Stops a MITM using a certificate issued
   * for another purpose, e.g. a client or e-mail certificate.
   */
  KEY_USAGE("key usage"),
  /**
   * The certificate names the host the client asked for (RFC 6125 §6.4). Stops a MITM presenting
   * a valid certificate for his own domain.
   */
  HOSTNAME("host name"),
  /**
   * No certificate on the path is revoked, according to its issuer's CRL (RFC 5280 §6.3). Stops a
   * MITM with a stolen key whose certificate the CA has revoked.
   */
  REVOCATION("revocation status");

  private final String title;

  VerificationCheck(String title) {
    this.title = title;
  }

  /** A short human title, e.g. for a visualizer's checklist. */
  public String title() {
    return title;
  }
}
