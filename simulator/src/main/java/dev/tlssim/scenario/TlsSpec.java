package dev.tlssim.scenario;

import dev.tlssim.pki.RevocationMode;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.Tls13CipherSuite;
import java.util.List;

/**
 * A node's TLS settings. Servers name their certificate; clients name the server they expect
 * (SNI and the hostname check) and the authorities they trust, with the checks their policy runs.
 *
 * @param implementation "tlssim" (ours) or "jdk" (the JDK's SSLEngine, for interoperability)
 * @param resumption     client: what it offers to resume with: session-id, ticket, both or none
 * @param sessionCache   server: its session-ID cache, or null for none (RFC 5246 §7.4.1.3)
 * @param tickets        server: session tickets (RFC 5077), or null for none
 * @param revocationCheck client: where revocation status comes from: preloaded (CRLs handed out
 *                       when the scenario starts), ocsp or crl (asked of the CA node over HTTP
 *                       during the handshake, which costs round trips)
 * @param statusRequest  client: offers status_request, asking the server to staple (RFC 6066 §8)
 * @param fetchTimeoutNanos client: how long it waits for the CA before soft/hard-fail decides
 * @param staple         server: staples an OCSP response from its CA when asked
 * @param tls13Suites    the TLS 1.3 suites, when 1.3 is among the versions
 * @param keyShares      client, TLS 1.3: the groups its first ClientHello carries a key share for
 *                       (RFC 8446 §4.2.8); a server wanting another answers HelloRetryRequest
 * @param earlyData      client, TLS 1.3: sends its request as 0-RTT data when its ticket allows
 * @param pskModes       client, TLS 1.3: psk_key_exchange_modes codes it offers (RFC 8446 §4.2.9)
 * @param middleboxCompatibility client, TLS 1.3: legacy_session_id and dummy change_cipher_spec
 *                       (RFC 8446 Appendix D.4), on by default
 * @param serverEarlyData server, TLS 1.3: how much 0-RTT data its tickets allow and how it guards
 *                       against replays (RFC 8446 §8), or null to allow none
 */
public record TlsSpec(
    String implementation,
    ProtocolVersion minVersion,
    ProtocolVersion maxVersion,
    List<CipherSuite> cipherSuites,
    List<NamedGroup> groups,
    boolean extendedMasterSecret,
    String certificate,
    String serverName,
    List<String> trust,
    boolean checkHostname,
    RevocationMode revocation,
    boolean acceptAny,
    String resumption,
    CacheSpec sessionCache,
    TicketSpec tickets,
    String revocationCheck,
    boolean statusRequest,
    long fetchTimeoutNanos,
    boolean staple,
    List<Tls13CipherSuite> tls13Suites,
    List<NamedGroup> keyShares,
    boolean earlyData,
    List<Integer> pskModes,
    boolean middleboxCompatibility,
    EarlyDataSpec serverEarlyData) {

  /** Whether this node speaks TLS 1.3 (possibly besides older versions). */
  public boolean speaksTls13() {
    return maxVersion.compareTo(ProtocolVersion.TLS13) >= 0;
  }

  /** Whether this node speaks TLS 1.2 or below (possibly besides 1.3). */
  public boolean speaksTls12() {
    return minVersion.compareTo(ProtocolVersion.TLS12) <= 0;
  }

  /**
   * 0-RTT on a TLS 1.3 server: tickets allow {@code maxSize} bytes (RFC 8446 §4.6.1), and replays
   * are refused by {@code antiReplay}: none, single-use (each ticket once) or window (ClientHellos
   * recorded for {@code windowNanos}, §8.2).
   */
  public record EarlyDataSpec(long maxSize, String antiReplay, long windowNanos) {}

  /** A session cache; servers naming the same {@code shared} group share one cache. */
  public record CacheSpec(int capacity, long lifetimeNanos, String shared) {}

  /**
   * Ticket keys: a key seals tickets for {@code rotation}, then still opens them for
   * {@code grace}; servers naming the same {@code keys} group share the keys.
   */
  public record TicketSpec(long rotationNanos, long graceNanos, long lifetimeNanos, String keys) {}
}
