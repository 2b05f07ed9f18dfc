package dev.tlssim.tls.crypto;

import dev.tlssim.tls.Tls13CipherSuite;

/**
 * The TLS 1.3 key schedule (RFC 8446 §7.1), entered here and walked stage by stage:
 *
 * <pre>
 *             0
 *             |
 *             v
 *   PSK -&gt;  HKDF-Extract = Early Secret          {@link Tls13EarlySecret}
 *             |
 *             v
 *       Derive-Secret(., "derived", "")
 *             |
 *             v
 * (EC)DHE -&gt; HKDF-Extract = Handshake Secret     {@link Tls13HandshakeSecret}
 *             |
 *             v
 *       Derive-Secret(., "derived", "")
 *             |
 *             v
 *   0 -&gt; HKDF-Extract = Master Secret            {@link Tls13MasterSecret}
 * </pre>
 *
 * Each stage is an immutable value that exposes its secret, the salt it was extracted with and
 * the secrets derived from it, so a walkthrough can print every step. The functions that apply
 * to any traffic secret (§7.2 key update, §4.6.1 resumption PSK) live here; traffic keys are
 * {@link Tls13TrafficKeys} and Finished is {@link Tls13Finished}.
 */
public final class Tls13KeySchedule {
  private Tls13KeySchedule() {}

  /**
   * The Early Secret from a PSK, or from a string of Hash.length zero bytes when no PSK is in use
   * (RFC 8446 §7.1: "if PSK is not in use, the IKM is a string of Hash.length bytes set to 0").
   */
  public static Tls13EarlySecret start(Tls13CipherSuite suite, byte[] psk) {
    return Tls13EarlySecret.extract(suite, psk);
  }

  /** The Early Secret of a full handshake: no PSK. */
  public static Tls13EarlySecret startWithoutPsk(Tls13CipherSuite suite) {
    return Tls13EarlySecret.extract(suite, new byte[suite.hashLength()]);
  }

  /**
   * The PSK a NewSessionTicket establishes (RFC 8446 §4.6.1):
   * HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length).
   */
  public static byte[] resumptionPsk(Tls13CipherSuite suite, byte[] resumptionMasterSecret, byte[] ticketNonce) {
    return HkdfLabel.expandLabel(
        suite.hash(), resumptionMasterSecret, "resumption", ticketNonce, suite.hashLength());
  }

  /**
   * The next generation of an application traffic secret after a KeyUpdate (RFC 8446 §7.2):
   * application_traffic_secret_N+1 = HKDF-Expand-Label(application_traffic_secret_N, "traffic
   * upd", "", Hash.length).
   */
  public static byte[] nextApplicationTrafficSecret(Tls13CipherSuite suite, byte[] applicationTrafficSecret) {
    return HkdfLabel.expandLabel(
        suite.hash(), applicationTrafficSecret, "traffic upd", new byte[0], suite.hashLength());
  }
}
