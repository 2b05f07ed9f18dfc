package dev.tlssim.bench;

import java.util.List;

/** The handshakes the bench measures. Add a case here (e.g. a resumed handshake) to measure it. */
public final class HandshakeCases {
  private HandshakeCases() {}

  public static List<HandshakeCase> all() {
    return List.of(
        new FullHandshake("full-rsa", "TLS_RSA_WITH_AES_128_GCM_SHA256", null),
        new FullHandshake("full-ecdhe-x25519", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "x25519"));
  }
}
