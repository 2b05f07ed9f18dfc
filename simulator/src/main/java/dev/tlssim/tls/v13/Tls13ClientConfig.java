package dev.tlssim.tls.v13;

import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.RevocationProtocol;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.wire.MaxFragmentLength;
import dev.tlssim.tls.wire.PskKeyExchangeModes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TLS 1.3 client (RFC 8446): the server name it connects to (sent as server_name, RFC 6066 §3,
 * and checked against the certificate), the suites, groups and signature schemes it offers in its
 * order of preference, and the verifier that judges the server's chain. {@code keyShareGroups},
 * a subset of {@code groups}, are those its first ClientHello carries a key share for; by
 * default all of them, so a server that supports any can answer without a HelloRetryRequest
 * (RFC 8446 §4.2.8), while fewer shares save key generation and bytes at the cost of a round
 * trip when the server wants another group (§4.1.4). {@code signatureSchemes} are those it accepts in CertificateVerify
 * (signature_algorithms); {@code certificateSignatureSchemes} those it accepts on the
 * certificates of the chain (signature_algorithms_cert, §4.2.3), which the verifier checks and
 * which, unlike CertificateVerify, may still be PKCS#1 v1.5. {@code pskKeyExchangeModes} are the
 * psk_key_exchange_modes it offers with a ticket (RFC 8446 §4.2.9), by default psk_dhe_ke only,
 * which keeps forward secrecy. {@code middleboxCompatibility} (RFC 8446 Appendix D.4, on by
 * default as in browsers) sends a random 32-byte legacy_session_id and a dummy change_cipher_spec
 * so that the handshake looks like a TLS 1.2 resumption to middleboxes; off, the session id is
 * empty and no change_cipher_spec goes out (nor comes back: the server mirrors the session id).
 * {@code revocationFetch}, when not null, makes the client ask for the revocation status the
 * verifier lacks (RFC 6960 OCSP or RFC 5280 CRLs) while the handshake waits, as the TLS 1.2 client
 * does: the endpoint announces a {@link dev.tlssim.tls.core.TlsEvent.RevocationStatusNeeded}
 * after the Certificate and goes on when the host supplies what it fetched. {@code statusRequest}
 * asks the server to staple an OCSP response to its certificate (status_request, RFC 8446
 * §4.4.2.1, RFC 6066 §8). An immutable value.
 */
public record Tls13ClientConfig(
    String serverName,
    List<Tls13CipherSuite> cipherSuites,
    List<NamedGroup> groups,
    List<NamedGroup> keyShareGroups,
    List<SignatureScheme> signatureSchemes,
    List<SignatureScheme> certificateSignatureSchemes,
    CertificateVerifier verifier,
    List<Integer> pskKeyExchangeModes,
    boolean middleboxCompatibility,
    RevocationProtocol revocationFetch,
    boolean statusRequest,
    Optional<MaxFragmentLength> maxFragmentLength) {

  public Tls13ClientConfig {
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(maxFragmentLength, "maxFragmentLength");
    Objects.requireNonNull(verifier, "verifier");
    cipherSuites = List.copyOf(cipherSuites);
    groups = List.copyOf(groups);
    keyShareGroups = List.copyOf(keyShareGroups);
    signatureSchemes = List.copyOf(signatureSchemes);
    certificateSignatureSchemes = List.copyOf(certificateSignatureSchemes);
    pskKeyExchangeModes = List.copyOf(pskKeyExchangeModes);
    if (pskKeyExchangeModes.isEmpty() || !List.of(PskKeyExchangeModes.PSK_KE, PskKeyExchangeModes.PSK_DHE_KE)
        .containsAll(pskKeyExchangeModes)) {
      throw new IllegalArgumentException("psk_key_exchange_modes from psk_ke and psk_dhe_ke: " + pskKeyExchangeModes);
    }
    if (cipherSuites.isEmpty() || groups.isEmpty() || signatureSchemes.isEmpty()) {
      throw new IllegalArgumentException("a client offers at least one suite, group and scheme");
    }
    if (!groups.containsAll(keyShareGroups)) {
      // RFC 8446 §4.2.8: every KeyShareEntry "MUST" be for a group in supported_groups.
      throw new IllegalArgumentException("key shares only for groups in supported_groups: " + keyShareGroups);
    }
  }

  /**
   * Both AES-GCM suites and ChaCha20-Poly1305 (RFC 8446 §B.4, the three a TLS 1.3 client
   * SHOULD implement, §9.1), x25519 and secp256r1, ECDSA P-256 and RSA-PSS for CertificateVerify;
   * on certificates also ECDSA P-384 and RSA PKCS#1 v1.5 with SHA-256/384, which CAs still use.
   */
  public static Tls13ClientConfig defaults(String serverName, CertificateVerifier verifier) {
    return new Tls13ClientConfig(serverName, DEFAULT_CIPHER_SUITES,
        List.of(NamedGroup.X25519, NamedGroup.SECP256R1),
        List.of(NamedGroup.X25519, NamedGroup.SECP256R1),
        DEFAULT_SIGNATURE_SCHEMES, DEFAULT_CERTIFICATE_SIGNATURE_SCHEMES,
        verifier, DEFAULT_PSK_KEY_EXCHANGE_MODES, true, null, false, Optional.empty());
  }

  /** The suites of {@link #defaults}. */
  public static final List<Tls13CipherSuite> DEFAULT_CIPHER_SUITES = List.of(
      Tls13CipherSuite.TLS_AES_128_GCM_SHA256, Tls13CipherSuite.TLS_AES_256_GCM_SHA384,
      Tls13CipherSuite.TLS_CHACHA20_POLY1305_SHA256);

  /** The CertificateVerify schemes of {@link #defaults} (signature_algorithms). */
  public static final List<SignatureScheme> DEFAULT_SIGNATURE_SCHEMES = List.of(
      SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256);

  /** The certificate schemes of {@link #defaults} (signature_algorithms_cert). */
  public static final List<SignatureScheme> DEFAULT_CERTIFICATE_SIGNATURE_SCHEMES = List.of(
      SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384,
      SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384,
      SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384);

  /** psk_dhe_ke only, which keeps forward secrecy (RFC 8446 §4.2.9). */
  public static final List<Integer> DEFAULT_PSK_KEY_EXCHANGE_MODES = List.of(PskKeyExchangeModes.PSK_DHE_KE);

  public Tls13ClientConfig withCipherSuites(List<Tls13CipherSuite> suites) {
    return new Tls13ClientConfig(serverName, suites, groups, keyShareGroups, signatureSchemes,
        certificateSignatureSchemes, verifier, pskKeyExchangeModes, middleboxCompatibility, revocationFetch, statusRequest, maxFragmentLength);
  }

  /** These groups, with a key share for each. */
  public Tls13ClientConfig withGroups(List<NamedGroup> newGroups) {
    return new Tls13ClientConfig(serverName, cipherSuites, newGroups, newGroups, signatureSchemes,
        certificateSignatureSchemes, verifier, pskKeyExchangeModes, middleboxCompatibility, revocationFetch, statusRequest, maxFragmentLength);
  }

  /** Key shares in the first ClientHello only for {@code groups}, a subset of {@link #groups}. */
  public Tls13ClientConfig withKeyShareGroups(List<NamedGroup> newKeyShareGroups) {
    return new Tls13ClientConfig(serverName, cipherSuites, groups, newKeyShareGroups, signatureSchemes,
        certificateSignatureSchemes, verifier, pskKeyExchangeModes, middleboxCompatibility, revocationFetch, statusRequest, maxFragmentLength);
  }

  /** The psk_key_exchange_modes offered with a ticket (RFC 8446 §4.2.9), in order of preference. */
  public Tls13ClientConfig withPskKeyExchangeModes(List<Integer> modes) {
    return new Tls13ClientConfig(serverName, cipherSuites, groups, keyShareGroups, signatureSchemes,
        certificateSignatureSchemes, verifier, modes, middleboxCompatibility, revocationFetch, statusRequest, maxFragmentLength);
  }

  /** The same client connecting to {@code name}: server_name and the hostname check (RFC 6066 §3). */
  public Tls13ClientConfig withServerName(String name) {
    return new Tls13ClientConfig(name, cipherSuites, groups, keyShareGroups, signatureSchemes,
        certificateSignatureSchemes, verifier, pskKeyExchangeModes, middleboxCompatibility, revocationFetch, statusRequest, maxFragmentLength);
  }

  /** With or without the middlebox compatibility mode of RFC 8446 Appendix D.4. */
  public Tls13ClientConfig withMiddleboxCompatibility(boolean enabled) {
    return new Tls13ClientConfig(serverName, cipherSuites, groups, keyShareGroups, signatureSchemes,
        certificateSignatureSchemes, verifier, pskKeyExchangeModes, enabled, revocationFetch, statusRequest, maxFragmentLength);
  }

  /** Asks for missing revocation status over {@code protocol} during the handshake; null: never. */
  public Tls13ClientConfig withRevocationFetch(RevocationProtocol protocol) {
    return new Tls13ClientConfig(serverName, cipherSuites, groups, keyShareGroups, signatureSchemes,
        certificateSignatureSchemes, verifier, pskKeyExchangeModes, middleboxCompatibility, protocol, statusRequest, maxFragmentLength);
  }

  /** Asks the server to staple an OCSP response (RFC 8446 §4.4.2.1). */
  public Tls13ClientConfig withStatusRequest(boolean enabled) {
    return new Tls13ClientConfig(serverName, cipherSuites, groups, keyShareGroups, signatureSchemes,
        certificateSignatureSchemes, verifier, pskKeyExchangeModes, middleboxCompatibility, revocationFetch, enabled, maxFragmentLength);
  }

  public Tls13ClientConfig withSignatureSchemes(List<SignatureScheme> schemes) {
    return new Tls13ClientConfig(serverName, cipherSuites, groups, keyShareGroups, schemes,
        certificateSignatureSchemes, verifier, pskKeyExchangeModes, middleboxCompatibility, revocationFetch, statusRequest, maxFragmentLength);
  }

  /** The max_fragment_length its ClientHello asks for (RFC 6066 §4); empty asks for none. */
  public Tls13ClientConfig withMaxFragmentLength(Optional<MaxFragmentLength> length) {
    return new Tls13ClientConfig(serverName, cipherSuites, groups, keyShareGroups, signatureSchemes,
        certificateSignatureSchemes, verifier, pskKeyExchangeModes, middleboxCompatibility, revocationFetch, statusRequest,
        length);
  }
}
