package dev.tlssim.scenario;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.wire.MaxFragmentLength;
import java.util.List;
import java.util.Optional;

/**
 * A client's TLS settings: the server it expects (SNI and the hostname check), the authorities it
 * trusts and the checks its policy runs, and what it offers.
 *
 * @param trust          trust anchors (pki authorities or certificates), extraTrust included
 * @param revocation     how revocation is checked and where the status comes from
 * @param resumption     what it offers to resume with
 * @param statusRequest  offers status_request, asking the server to staple (RFC 6066 §8)
 * @param keyShares      TLS 1.3: the groups its first ClientHello carries a key share for
 *                       (RFC 8446 §4.2.8); a server wanting another answers HelloRetryRequest
 * @param pskModes       TLS 1.3: the psk_key_exchange_modes it offers (RFC 8446 §4.2.9)
 * @param middleboxCompatibility TLS 1.3: legacy_session_id and dummy change_cipher_spec
 *                       (RFC 8446 Appendix D.4)
 * @param earlyData      TLS 1.3: sends its request as 0-RTT data when its ticket allows (the
 *                       server's {@link EarlyData} sets how much it allows)
 * @param signatureAlgorithms TLS 1.3: the CertificateVerify schemes of signature_algorithms
 *                       (RFC 8446 §4.2.3); empty keeps the engine's defaults
 * @param maxFragmentLength the max_fragment_length its ClientHello asks for in either version
 *                       (RFC 6066 §4), empty for none
 */
public record TlsClientSpec(
    String serverName,
    List<String> trust,
    boolean checkHostname,
    boolean acceptAny,
    RevocationCheck revocation,
    ResumptionMode resumption,
    boolean statusRequest,
    List<NamedGroup> keyShares,
    List<PskMode> pskModes,
    boolean middleboxCompatibility,
    boolean earlyData,
    List<SignatureScheme> signatureAlgorithms,
    Optional<MaxFragmentLength> maxFragmentLength) {

  public TlsClientSpec {
    trust = List.copyOf(trust);
    keyShares = List.copyOf(keyShares);
    pskModes = List.copyOf(pskModes);
    signatureAlgorithms = List.copyOf(signatureAlgorithms);
  }
}
