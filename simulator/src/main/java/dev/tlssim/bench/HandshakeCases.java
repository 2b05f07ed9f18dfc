package dev.tlssim.bench;

import java.util.List;

/** The handshakes the bench measures. Add a case here to measure it. */
public final class HandshakeCases {
  private static final String ECDHE_RSA = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";

  private HandshakeCases() {}

  public static List<HandshakeCase> all() {
    return List.of(
        new FullHandshake("full-rsa", "TLS_RSA_WITH_AES_128_GCM_SHA256", null),
        new FullHandshake("full-ecdhe-x25519", ECDHE_RSA, "x25519"),
        new ResumedHandshake("resumed-session-id", Resumption.SESSION_ID, ECDHE_RSA, "x25519"),
        new ResumedHandshake("resumed-ticket", Resumption.TICKET, ECDHE_RSA, "x25519"));
  }
}
