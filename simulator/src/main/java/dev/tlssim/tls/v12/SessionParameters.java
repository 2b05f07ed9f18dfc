package dev.tlssim.tls.v12;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ProtocolVersion;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What a completed full handshake leaves behind for resuming its session: the session state of
 * RFC 5246 §7.3 (session identifier, peer certificate, cipher spec, master secret; compression is
 * always null here), plus what RFC 7627 §5.3 and RFC 6066 §3 make a resumption check: whether
 * the extended master secret was used, and the server_name the session was established for.
 * The same fields make up the session state a server encrypts into a ticket (RFC 5077 §4).
 *
 * @param version the negotiated protocol version
 * @param suite the negotiated cipher suite
 * @param masterSecret the 48-byte master secret (RFC 5246 §8.1)
 * @param extendedMasterSecret whether the master secret is the RFC 7627 one
 * @param sessionId ServerHello.session_id, empty if the server gave none
 * @param peerCertificates the chain the peer sent, leaf first; empty for the server's view of a
 *     client that sent no certificate
 * @param serverName the host name in server_name, or null when none was sent
 */
public record SessionParameters(
    ProtocolVersion version,
    CipherSuite suite,
    byte[] masterSecret,
    boolean extendedMasterSecret,
    byte[] sessionId,
    List<X509CertificateHolder> peerCertificates,
    String serverName) {

  public SessionParameters {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(suite, "suite");
    masterSecret = masterSecret.clone();
    sessionId = sessionId.clone();
    peerCertificates = List.copyOf(peerCertificates);
  }

  @Override
  public byte[] masterSecret() {
    return masterSecret.clone();
  }

  @Override
  public byte[] sessionId() {
    return sessionId.clone();
  }

  /** Equal when every field is, the byte arrays by content (records compare arrays by identity). */
  @Override
  public boolean equals(Object o) {
    return o instanceof SessionParameters p
        && version.equals(p.version)
        && suite == p.suite
        && Arrays.equals(masterSecret, p.masterSecret)
        && extendedMasterSecret == p.extendedMasterSecret
        && Arrays.equals(sessionId, p.sessionId)
        && peerCertificates.equals(p.peerCertificates)
        && Objects.equals(serverName, p.serverName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, suite, Arrays.hashCode(masterSecret), extendedMasterSecret,
        Arrays.hashCode(sessionId), peerCertificates, serverName);
  }

  /** Leaves the master secret out, so that logging a session does not leak it. */
  @Override
  public String toString() {
    return "SessionParameters[version=" + version + ", suite=" + suite
        + ", extendedMasterSecret=" + extendedMasterSecret
        + ", sessionId=" + HexFormat.of().formatHex(sessionId)
        + ", peerCertificates=" + peerCertificates.size() + ", serverName=" + serverName + "]";
  }
}
