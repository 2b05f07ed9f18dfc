package dev.tlssim.tls.v12;

import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.RevocationProtocol;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.wire.MaxFragmentLength;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TLS 1.2 client's offer. {@code serverName} goes into server_name (RFC 6066 §3) and is the
 * name the certificate must match; it may be null (no SNI, and a hostname check that fails unless
 * the verifier's policy skips it). Versions above TLS 1.2 are capped: this engine speaks only TLS
 * 1.2, so client_version is min(maxVersion, TLS 1.2) and any other server_version is refused.
 *
 * <p>Resumption: completed sessions go into {@code sessionStore} (null: none are kept, every
 * connection is a full handshake), under the server name sent in server_name or, when none is
 * sent, under {@code peerId} (null: sessions without a server name are not kept). The next
 * ClientHello to that peer offers the stored session: by its ticket if {@code offerTickets} and
 * the server issued one (RFC 5077 §3.4), else by its session_id if {@code offerSessionIds} (RFC
 * 5246 §7.4.1.2). {@code offerTickets} also decides whether the ClientHello carries the
 * session_ticket extension at all (RFC 5077 §3.2).
 *
 * <p>Revocation: {@code offerStatusRequest} sends status_request (RFC 6066 §8) asking the server
 * to staple an OCSP response about its certificate. {@code revocationFetch} says how the client
 * fetches what its verifier lacks when the policy checks revocation: null never fetches (the
 * verifier's {@link dev.tlssim.pki.RevocationSource} has all there is, as before); OCSP or CRL
 * makes the endpoint pause after the Certificate with a {@link TlsEvent.RevocationStatusNeeded}
 * until the host calls {@link TlsEndpoint#supplyRevocationStatus}.
 */
public record ClientConfig(
    ProtocolVersion minVersion,
    ProtocolVersion maxVersion,
    List<CipherSuite> cipherSuites,
    List<NamedGroup> groups,
    List<SignatureScheme> signatureSchemes,
    String serverName,
    boolean offerExtendedMasterSecret,
    CertificateVerifier verifier,
    ClientSessionStore sessionStore,
    boolean offerSessionIds,
    boolean offerTickets,
    String peerId,
    boolean offerStatusRequest,
    RevocationProtocol revocationFetch,
    Optional<MaxFragmentLength> maxFragmentLength) {

  /** The suites of {@link #defaults}. */
  public static final List<CipherSuite> DEFAULT_CIPHER_SUITES = List.of(
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
      CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);

  /** The signature_algorithms of {@link #defaults}. */
  public static final List<SignatureScheme> DEFAULT_SIGNATURE_SCHEMES = List.of(
      SignatureScheme.ECDSA_SECP256R1_SHA256,
      SignatureScheme.RSA_PSS_RSAE_SHA256,
      SignatureScheme.RSA_PKCS1_SHA256,
      SignatureScheme.ECDSA_SECP384R1_SHA384,
      SignatureScheme.RSA_PSS_RSAE_SHA384,
      SignatureScheme.RSA_PKCS1_SHA384,
      SignatureScheme.RSA_PSS_RSAE_SHA512,
      SignatureScheme.RSA_PKCS1_SHA512);

  public ClientConfig {
    Objects.requireNonNull(minVersion, "minVersion");
    Objects.requireNonNull(maxFragmentLength, "maxFragmentLength");
    Objects.requireNonNull(maxVersion, "maxVersion");
    Objects.requireNonNull(verifier, "verifier");
    if (minVersion.compareTo(maxVersion) > 0) {
      throw new IllegalArgumentException("minVersion " + minVersion + " > maxVersion " + maxVersion);
    }
    cipherSuites = List.copyOf(cipherSuites);
    groups = List.copyOf(groups);
    signatureSchemes = List.copyOf(signatureSchemes);
    if (cipherSuites.isEmpty()) {
      throw new IllegalArgumentException("a ClientHello needs at least one cipher suite");
    }
    if (signatureSchemes.isEmpty()) {
      throw new IllegalArgumentException("signature_algorithms needs at least one scheme");
    }
    if (groups.isEmpty() && cipherSuites.stream().anyMatch(s -> s.keyExchange().ephemeral())) {
      throw new IllegalArgumentException("ECDHE suites offered without any group");
    }
  }

  /** A client that asks for no max_fragment_length (RFC 6066 §4). */
  public ClientConfig(ProtocolVersion minVersion, ProtocolVersion maxVersion,
      List<CipherSuite> cipherSuites, List<NamedGroup> groups,
      List<SignatureScheme> signatureSchemes, String serverName,
      boolean offerExtendedMasterSecret, CertificateVerifier verifier,
      ClientSessionStore sessionStore, boolean offerSessionIds, boolean offerTickets,
      String peerId, boolean offerStatusRequest, RevocationProtocol revocationFetch) {
    this(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, serverName,
        offerExtendedMasterSecret, verifier, sessionStore, offerSessionIds, offerTickets, peerId,
        offerStatusRequest, revocationFetch, Optional.empty());
  }

  /** A client that neither asks for stapling nor fetches revocation status (as before). */
  public ClientConfig(ProtocolVersion minVersion, ProtocolVersion maxVersion,
      List<CipherSuite> cipherSuites, List<NamedGroup> groups,
      List<SignatureScheme> signatureSchemes, String serverName,
      boolean offerExtendedMasterSecret, CertificateVerifier verifier,
      ClientSessionStore sessionStore, boolean offerSessionIds, boolean offerTickets,
      String peerId) {
    this(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, serverName,
        offerExtendedMasterSecret, verifier, sessionStore, offerSessionIds, offerTickets, peerId,
        false, null);
  }

  /**
   * A client that keeps no sessions (every connection a full handshake) and sends an empty
   * session_ticket extension, as this engine did before it implemented resumption.
   */
  public ClientConfig(ProtocolVersion minVersion, ProtocolVersion maxVersion,
      List<CipherSuite> cipherSuites, List<NamedGroup> groups,
      List<SignatureScheme> signatureSchemes, String serverName,
      boolean offerExtendedMasterSecret, CertificateVerifier verifier) {
    this(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, serverName,
        offerExtendedMasterSecret, verifier, null, true, true, null);
  }

  /**
   * TLS 1.2 only; forward-secret AEAD suites first, the RSA key exchange last (as browsers order
   * them); x25519 before secp256r1 (RFC 8422 §5.1.1 lets the client order by preference). A
   * fresh session store, offering tickets and session IDs, as browsers do.
   */
  public static ClientConfig defaults(String serverName, CertificateVerifier verifier) {
    return new ClientConfig(
        ProtocolVersion.TLS12,
        ProtocolVersion.TLS12,
        DEFAULT_CIPHER_SUITES,
        List.of(NamedGroup.X25519, NamedGroup.SECP256R1),
        DEFAULT_SIGNATURE_SCHEMES,
        serverName,
        true,
        verifier,
        ClientSessionStore.defaults(),
        true,
        true,
        null);
  }

  public ClientConfig withCipherSuites(List<CipherSuite> suites) {
    return new ClientConfig(minVersion, maxVersion, suites, groups, signatureSchemes, serverName,
        offerExtendedMasterSecret, verifier, sessionStore, offerSessionIds, offerTickets, peerId,
        offerStatusRequest, revocationFetch, maxFragmentLength);
  }

  public ClientConfig withGroups(List<NamedGroup> newGroups) {
    return new ClientConfig(minVersion, maxVersion, cipherSuites, newGroups, signatureSchemes,
        serverName, offerExtendedMasterSecret, verifier, sessionStore, offerSessionIds,
        offerTickets, peerId, offerStatusRequest, revocationFetch, maxFragmentLength);
  }

  public ClientConfig withVersions(ProtocolVersion min, ProtocolVersion max) {
    return new ClientConfig(min, max, cipherSuites, groups, signatureSchemes, serverName,
        offerExtendedMasterSecret, verifier, sessionStore, offerSessionIds, offerTickets, peerId,
        offerStatusRequest, revocationFetch, maxFragmentLength);
  }

  /** The same client for another host: the session store stays shared. */
  public ClientConfig withServerName(String name) {
    return new ClientConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, name,
        offerExtendedMasterSecret, verifier, sessionStore, offerSessionIds, offerTickets, peerId,
        offerStatusRequest, revocationFetch, maxFragmentLength);
  }

  public ClientConfig withExtendedMasterSecret(boolean offer) {
    return new ClientConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes,
        serverName, offer, verifier, sessionStore, offerSessionIds, offerTickets, peerId,
        offerStatusRequest, revocationFetch, maxFragmentLength);
  }

  /** Where sessions are kept; null keeps none. */
  public ClientConfig withSessionStore(ClientSessionStore store) {
    return new ClientConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes,
        serverName, offerExtendedMasterSecret, verifier, store, offerSessionIds, offerTickets,
        peerId, offerStatusRequest, revocationFetch, maxFragmentLength);
  }

  /** Which resumption mechanisms the ClientHello offers. */
  public ClientConfig withResumption(boolean sessionIds, boolean tickets) {
    return new ClientConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes,
        serverName, offerExtendedMasterSecret, verifier, sessionStore, sessionIds, tickets,
        peerId, offerStatusRequest, revocationFetch, maxFragmentLength);
  }

  /** Whether the ClientHello asks for a stapled OCSP response (RFC 6066 §8). */
  public ClientConfig withStatusRequest(boolean offer) {
    return new ClientConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes,
        serverName, offerExtendedMasterSecret, verifier, sessionStore, offerSessionIds,
        offerTickets, peerId, offer, revocationFetch, maxFragmentLength);
  }

  /** How missing revocation status is fetched over the network; null never fetches. */
  public ClientConfig withRevocationFetch(RevocationProtocol protocol) {
    return new ClientConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes,
        serverName, offerExtendedMasterSecret, verifier, sessionStore, offerSessionIds,
        offerTickets, peerId, offerStatusRequest, protocol, maxFragmentLength);
  }

  /** The same client with another verifier (policy and revocation source). */
  public ClientConfig withVerifier(CertificateVerifier newVerifier) {
    return new ClientConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes,
        serverName, offerExtendedMasterSecret, newVerifier, sessionStore, offerSessionIds,
        offerTickets, peerId, offerStatusRequest, revocationFetch, maxFragmentLength);
  }

  /** The store key for connections that send no server_name (an address, say). */
  public ClientConfig withPeerId(String id) {
    return new ClientConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes,
        serverName, offerExtendedMasterSecret, verifier, sessionStore, offerSessionIds,
        offerTickets, id, offerStatusRequest, revocationFetch, maxFragmentLength);
  }

  /** The max_fragment_length its ClientHello asks for (RFC 6066 §4); empty asks for none. */
  public ClientConfig withMaxFragmentLength(Optional<MaxFragmentLength> length) {
    return new ClientConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, serverName,
        offerExtendedMasterSecret, verifier, sessionStore, offerSessionIds, offerTickets, peerId, offerStatusRequest,
        revocationFetch, length);
  }
}
