package dev.tlssim.bench;

import dev.tlssim.tls.SignatureScheme;
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
        new ResumedHandshake("resumed-ticket", Resumption.TICKET, ECDHE_RSA, "x25519"),
        new Tls13SimulatedFull("tls13-full-x25519"),
        new Tls13SimulatedResumed("tls13-resumed-psk"));
  }

  /**
   * TLS 1.3 handshakes measured between our engines alone, no network, TCP or actors, and the JDK's:
   * the crypto and handshake logic apart from the simulation ({@link #all()} has TLS 1.3 simulated
   * end to end too).
   */
  static List<EngineCase> tls13() {
    return List.of(
        new Tls13FullHandshake("tls13-full-ecdsa-p256", "ecdsa-p256", SignatureScheme.ECDSA_SECP256R1_SHA256),
        new Tls13FullHandshake("tls13-full-rsa-pss", "rsa2048", SignatureScheme.RSA_PSS_RSAE_SHA256),
        new Tls13ResumedHandshake("tls13-resumed-psk-dhe-ke", "ecdsa-p256"));
  }
}
