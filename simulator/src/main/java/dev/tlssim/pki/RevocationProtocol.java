package dev.tlssim.pki;

/** How a client asks a CA about revocation, when it asks over the network at all. */
public enum RevocationProtocol {
  /** RFC 6960: one signed answer per certificate, from the issuer's OCSP responder. */
  OCSP,
  /** RFC 5280 §5: the issuer's whole list of revoked serials, from its distribution point. */
  CRL
}
