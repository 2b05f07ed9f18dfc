package dev.tlssim.scenario;

import dev.tlssim.pki.RevocationProtocol;

/**
 * Where a client's revocation status comes from: CRLs handed out when the scenario starts, or
 * the CA node asked over HTTP during the handshake (an OCSP query or a CRL download).
 */
public enum StatusSource {
  PRELOADED("preloaded", null),
  OCSP("ocsp", RevocationProtocol.OCSP),
  CRL("crl", RevocationProtocol.CRL);

  private final String spelling;
  private final RevocationProtocol protocol;

  StatusSource(String spelling, RevocationProtocol protocol) {
    this.spelling = spelling;
    this.protocol = protocol;
  }

  /** Whether the client asks the CA during the handshake. */
  public boolean online() {
    return protocol != null;
  }

  /** How the client asks the CA; null when preloaded. */
  public RevocationProtocol protocol() {
    return protocol;
  }

  public static StatusSource parse(String text) {
    for (StatusSource s : values()) {
      if (s.spelling.equals(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "use preloaded (CRLs handed out at the start), ocsp or crl (asked of the CA during the handshake)");
  }
}
