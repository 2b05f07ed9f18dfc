package dev.tlssim.tls.core;

import dev.tlssim.pki.RevocationProtocol;
import dev.tlssim.pki.RevocationQuery;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What a {@link TlsEndpoint} reports as it runs, in the order things happened. Messages are named
 * as the RFCs spell them ({@code client_hello}, {@code change_cipher_spec}, {@code alert},
 * {@code application_data}), so a trace reads like RFC 5246 §7.3's handshake diagram.
 */
public sealed interface TlsEvent {

  /**
   * A message handed to the record layer. {@code length} is the handshake message including its
   * 4-byte header (RFC 5246 §7.4), or, for change_cipher_spec, alert and application_data, the
   * plaintext length of the record payload (1, 2, and the data length respectively).
   *
   * <p>{@code bytes} are the message exactly as on the wire, for the message inspector ({@link
   * dev.tlssim.tls.wire.Codec#annotate}): for a handshake message its 4-byte header plus body, as
   * the transcript hash sees it; for change_cipher_spec and alert the plaintext record payload;
   * for application_data always empty (it can be large and is private), while {@code length}
   * still gives its size.
   */
  record MessageSent(String name, int length, byte[] bytes) implements TlsEvent {
    public MessageSent {
      bytes = bytes.clone();
    }

    /** No bytes recorded (application_data, or a caller that has none). */
    public MessageSent(String name, int length) {
      this(name, length, new byte[0]);
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** By content, so tests can compare events; the bytes count too. */
    @Override
    public boolean equals(Object o) {
      return o instanceof MessageSent m && name.equals(m.name) && length == m.length
          && Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, length) * 31 + Arrays.hashCode(bytes);
    }

    /** Name and length only: traces and pinned logs stay as they were before bytes existed. */
    @Override
    public String toString() {
      return "MessageSent[name=" + name + ", length=" + length + "]";
    }
  }

  /** A message taken from the peer's records; lengths and bytes as for {@link MessageSent}. */
  record MessageReceived(String name, int length, byte[] bytes) implements TlsEvent {
    public MessageReceived {
      bytes = bytes.clone();
    }

    /** No bytes recorded (application_data, or a caller that has none). */
    public MessageReceived(String name, int length) {
      this(name, length, new byte[0]);
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** By content, so tests can compare events; the bytes count too. */
    @Override
    public boolean equals(Object o) {
      return o instanceof MessageReceived m && name.equals(m.name) && length == m.length
          && Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, length) * 31 + Arrays.hashCode(bytes);
    }

    /** Name and length only: traces and pinned logs stay as they were before bytes existed. */
    @Override
    public String toString() {
      return "MessageReceived[name=" + name + ", length=" + length + "]";
    }
  }

  /**
   * A public-key or PRF operation, named for the CPU cost profile: {@code rsa2048.sign},
   * {@code ecdsa-p256.verify}, {@code x25519.keygen}, {@code prf.finished}, ...
   */
  record CryptoOperation(String name) implements TlsEvent {}

  /**
   * One step of the client's server-certificate verification: {@code check} is the
   * VerificationCheck in lower case ("chain", "hostname", ...), {@code status} "passed",
   * "failed" or "skipped".
   */
  record CertificateCheck(String check, String status, String detail) implements TlsEvent {}

  /**
   * The client paused its handshake after the server's Certificate (and CertificateStatus, if
   * any) because its policy checks revocation and its verifier has no status for these
   * certificates: neither a stapled OCSP response (RFC 6066 §8) nor an OCSP response or CRL from
   * its revocation source. The host asks each query's issuer by {@code protocol}: for OCSP, {@code
   * POST /ocsp} with {@link RevocationQuery#ocspRequest()} (RFC 6960 Appendix A.1); for CRL,
   * {@code GET /crl} (RFC 5280 §5). It then calls {@link TlsEndpoint#supplyRevocationStatus},
   * and the handshake goes on where it stopped; records arriving meanwhile are buffered.
   */
  record RevocationStatusNeeded(List<RevocationQuery> queries, RevocationProtocol protocol)
      implements TlsEvent {
    public RevocationStatusNeeded {
      queries = List.copyOf(queries);
      Objects.requireNonNull(protocol, "protocol");
      if (queries.isEmpty()) {
        throw new IllegalArgumentException("no certificate to ask about");
      }
    }

    /** The certificates whose status is missing, leaf side first. */
    public List<X509CertificateHolder> certificates() {
      return queries.stream().map(RevocationQuery::certificate).toList();
    }
  }

  /**
   * The handshake completed: both Finished messages were sent and verified. {@code resumed} is
   * true after an abbreviated handshake (RFC 5246 §7.3), and {@code resumedBy} says what named the
   * session: {@link #BY_SESSION_ID} (RFC 5246 §7.4.1.2) or {@link #BY_TICKET} (RFC 5077 §3.4);
   * null after a full handshake. {@code group} is null after a resumption, which exchanges no keys.
   */
  record Established(
      ProtocolVersion version,
      CipherSuite suite,
      NamedGroup group,
      boolean extendedMasterSecret,
      byte[] sessionId,
      boolean resumed,
      String resumedBy)
      implements TlsEvent {
    public static final String BY_SESSION_ID = "session-id";
    public static final String BY_TICKET = "ticket";

    public Established {
      sessionId = sessionId.clone();
      if (resumed != (resumedBy != null)) {
        throw new IllegalArgumentException("resumedBy must be given exactly when resumed");
      }
    }

    /** A full handshake. */
    public Established(ProtocolVersion version, CipherSuite suite, NamedGroup group,
        boolean extendedMasterSecret, byte[] sessionId) {
      this(version, suite, group, extendedMasterSecret, sessionId, false, null);
    }

    /** Null for the RSA key exchange, which has no group. */
    @Override
    public NamedGroup group() {
      return group;
    }

    @Override
    public byte[] sessionId() {
      return sessionId.clone();
    }
  }

  /**
   * A TLS 1.3 handshake completed (RFC 8446 §2): both Finished messages sent and verified.
   * {@code keyExchangeMode} is "ecdhe" for a full handshake with a certificate, "psk_dhe_ke" or
   * "psk_ke" for a resumption (§4.2.9); {@code group} is null in psk_ke and
   * {@code signatureScheme} null when resumed (the PSK authenticates). {@code earlyDataAccepted}
   * says whether the server took the client's 0-RTT data (§4.2.10).
   */
  record Tls13Established(Tls13CipherSuite suite, NamedGroup group, SignatureScheme signatureScheme,
      String keyExchangeMode, boolean earlyDataAccepted) implements TlsEvent {
    public boolean resumed() {
      return !keyExchangeMode.equals("ecdhe");
    }
  }

  /**
   * 0-RTT data from the client (RFC 8446 §2.3), decrypted: apart from {@link ApplicationData}
   * because it is not forward secret and may be a replay (§8), so the application decides what
   * it is willing to act on.
   */
  record EarlyData(byte[] data) implements TlsEvent {
    public EarlyData {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }
  }

  /**
   * The client received a NewSessionTicket (RFC 5077 §3.3): {@code lifetimeHintSeconds} is its
   * ticket_lifetime_hint (0 for unspecified) and {@code length} the ticket's size in bytes.
   */
  record TicketReceived(long lifetimeHintSeconds, int length) implements TlsEvent {}

  /**
   * The master secret and the ClientHello.random that identifies it: exactly what an NSS key log
   * line {@code CLIENT_RANDOM <client_random> <master_secret>} needs to let Wireshark decrypt the
   * run.
   */
  record SessionSecrets(byte[] clientRandom, byte[] masterSecret) implements TlsEvent {
    public SessionSecrets {
      clientRandom = clientRandom.clone();
      masterSecret = masterSecret.clone();
    }

    @Override
    public byte[] clientRandom() {
      return clientRandom.clone();
    }

    @Override
    public byte[] masterSecret() {
      return masterSecret.clone();
    }

    /** The NSS key log line (without newline). */
    public String keyLogLine() {
      java.util.HexFormat hex = java.util.HexFormat.of();
      return "CLIENT_RANDOM " + hex.formatHex(clientRandom) + " " + hex.formatHex(masterSecret);
    }
  }

  /**
   * A TLS 1.3 traffic secret as an NSS key log names it (CLIENT_EARLY_TRAFFIC_SECRET,
   * CLIENT_/SERVER_HANDSHAKE_TRAFFIC_SECRET, CLIENT_/SERVER_TRAFFIC_SECRET_0; RFC 8446 §7.1) with
   * the ClientHello.random that identifies the connection: what Wireshark needs to decrypt a TLS
   * 1.3 capture. Hosts log it only when the user asked for a key log.
   */
  record TrafficSecret(String label, byte[] clientRandom, byte[] secret) implements TlsEvent {
    public TrafficSecret {
      clientRandom = clientRandom.clone();
      secret = secret.clone();
    }

    /** The NSS key log line (without newline). */
    public String keyLogLine() {
      java.util.HexFormat hex = java.util.HexFormat.of();
      return label + " " + hex.formatHex(clientRandom) + " " + hex.formatHex(secret);
    }

    /** Never the secret itself: events end up in test failure messages. */
    @Override
    public String toString() {
      return "TrafficSecret[" + label + "]";
    }
  }

  /** Application data from the peer, decrypted. */
  record ApplicationData(byte[] data) implements TlsEvent {
    public ApplicationData {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }
  }

  /** An alert we sent; {@code reason} says why in words (the failing check, the bad field). */
  record AlertSent(AlertDescription description, boolean fatal, String reason)
      implements TlsEvent {}

  /**
   * An alert from the peer. {@code description} is null when the peer sent a code RFC 5246 §7.2
   * and its successors do not define; a fatal one still closes the connection.
   */
  record AlertReceived(AlertDescription description, boolean fatal) implements TlsEvent {}

  /**
   * The endpoint is closed: {@code "close_notify"} after closure alerts both ways (RFC 5246
   * §7.2.1), or {@code "alert:<rfc name>"} after a fatal alert sent or received (§7.2.2).
   */
  record Closed(String reason) implements TlsEvent {}
}
