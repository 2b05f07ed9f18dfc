package dev.tlssim.pki;

/**
 * What the negotiated key exchange will do with the server certificate's key, which decides the
 * keyUsage bit the leaf must assert (RFC 5246 §7.4.2; RFC 5280 §4.2.1.3).
 */
public enum ServerKeyUse {
  /** (EC)DHE and TLS 1.3: the server signs with the key, so digitalSignature. */
  SIGNING,
  /** TLS_RSA_*: the client encrypts the premaster secret to the key, so keyEncipherment. */
  KEY_ENCIPHERMENT,
  /** Not known yet: either bit will do. */
  EITHER
}
