package dev.tlssim.tls.config;

import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.RevocationProtocol;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.TlsConnection;
import dev.tlssim.tls.v12.ClientConfig;
import dev.tlssim.tls.v12.ClientSessionStore;
import dev.tlssim.tls.v12.Tls12;
import dev.tlssim.tls.v13.Tls13;
import dev.tlssim.tls.v13.Tls13ClientConfig;
import dev.tlssim.tls.v13.Tls13ClientSessionStore;
import dev.tlssim.tls.wire.MaxFragmentLength;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TLS client, whatever versions it speaks: what both versions share once (the server name it
 * sends in server_name, RFC 6066 §3, and checks the certificate against; the verifier; how it
 * fetches missing revocation status; whether it asks for a stapled OCSP response, RFC 6066 §8;
 * its groups; the max_fragment_length it asks for, RFC 6066 §4), and the settings only one version has in that version's record, present for each
 * version it speaks. Speaking both, it sends one ClientHello and follows the server's choice
 * (RFC 8446 Appendix D.1). An immutable value apart from the session stores it names.
 */
public record TlsClientConfig(
    String serverName,
    CertificateVerifier verifier,
    RevocationProtocol revocationFetch,
    boolean statusRequest,
    List<NamedGroup> groups,
    Optional<Tls12Settings> tls12,
    Optional<Tls13Settings> tls13,
    Optional<MaxFragmentLength> maxFragmentLength) {

  public TlsClientConfig {
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(maxFragmentLength, "maxFragmentLength");
    groups = List.copyOf(groups);
    if (tls12.isEmpty() && tls13.isEmpty()) {
      throw new IllegalArgumentException("a client speaks TLS 1.2, TLS 1.3 or both");
    }
  }

  /**
   * What only TLS 1.2 has (RFC 5246): the version range (capped at 1.2 by the engine), suites,
   * signature_algorithms, the extended master secret (RFC 7627) and resumption by session id and
   * by ticket (RFC 5077), kept in {@code sessionStore} under the server name or {@code peerId}.
   */
  public record Tls12Settings(ProtocolVersion minVersion, ProtocolVersion maxVersion,
      List<CipherSuite> cipherSuites, List<SignatureScheme> signatureSchemes, boolean extendedMasterSecret,
      ClientSessionStore sessionStore, boolean offerSessionIds, boolean offerTickets, String peerId) {
    public Tls12Settings {
      cipherSuites = List.copyOf(cipherSuites);
      signatureSchemes = List.copyOf(signatureSchemes);
    }

    /** {@link ClientConfig#defaults}: its suites and schemes, a fresh session store, both resumption mechanisms. */
    public static Tls12Settings defaults() {
      return new Tls12Settings(ProtocolVersion.TLS12, ProtocolVersion.TLS12, ClientConfig.DEFAULT_CIPHER_SUITES,
          ClientConfig.DEFAULT_SIGNATURE_SCHEMES, true, ClientSessionStore.defaults(), true, true, null);
    }

    public Tls12Settings withVersions(ProtocolVersion min, ProtocolVersion max) {
      return new Tls12Settings(min, max, cipherSuites, signatureSchemes, extendedMasterSecret, sessionStore,
          offerSessionIds, offerTickets, peerId);
    }

    public Tls12Settings withCipherSuites(List<CipherSuite> suites) {
      return new Tls12Settings(minVersion, maxVersion, suites, signatureSchemes, extendedMasterSecret, sessionStore,
          offerSessionIds, offerTickets, peerId);
    }

    public Tls12Settings withExtendedMasterSecret(boolean offer) {
      return new Tls12Settings(minVersion, maxVersion, cipherSuites, signatureSchemes, offer, sessionStore,
          offerSessionIds, offerTickets, peerId);
    }

    /** Which resumption mechanisms the ClientHello offers. */
    public Tls12Settings withResumption(boolean sessionIds, boolean tickets) {
      return new Tls12Settings(minVersion, maxVersion, cipherSuites, signatureSchemes, extendedMasterSecret,
          sessionStore, sessionIds, tickets, peerId);
    }
  }

  /**
   * What only TLS 1.3 has (RFC 8446): suites, the groups the first ClientHello carries key shares
   * for (§4.2.8; empty: one for each of the client's groups), the CertificateVerify and certificate signature schemes (§4.2.3), the
   * psk_key_exchange_modes (§4.2.9), middlebox compatibility (Appendix D.4), and where its
   * tickets are kept (null: it does not resume).
   */
  public record Tls13Settings(List<Tls13CipherSuite> cipherSuites, List<NamedGroup> keyShareGroups,
      List<SignatureScheme> signatureSchemes, List<SignatureScheme> certificateSignatureSchemes,
      List<Integer> pskKeyExchangeModes, boolean middleboxCompatibility, Tls13ClientSessionStore tickets) {
    public Tls13Settings {
      cipherSuites = List.copyOf(cipherSuites);
      keyShareGroups = List.copyOf(keyShareGroups);
      signatureSchemes = List.copyOf(signatureSchemes);
      certificateSignatureSchemes = List.copyOf(certificateSignatureSchemes);
      pskKeyExchangeModes = List.copyOf(pskKeyExchangeModes);
    }

    /** {@link Tls13ClientConfig#defaults}: its suites and schemes, a share for each group, no tickets kept. */
    public static Tls13Settings defaults() {
      return new Tls13Settings(Tls13ClientConfig.DEFAULT_CIPHER_SUITES, List.of(),
          Tls13ClientConfig.DEFAULT_SIGNATURE_SCHEMES, Tls13ClientConfig.DEFAULT_CERTIFICATE_SIGNATURE_SCHEMES,
          Tls13ClientConfig.DEFAULT_PSK_KEY_EXCHANGE_MODES, true, null);
    }

    public Tls13Settings withCipherSuites(List<Tls13CipherSuite> suites) {
      return new Tls13Settings(suites, keyShareGroups, signatureSchemes, certificateSignatureSchemes,
          pskKeyExchangeModes, middleboxCompatibility, tickets);
    }

    /** Key shares in the first ClientHello only for {@code groups}, a subset of the client's groups. */
    public Tls13Settings withKeyShareGroups(List<NamedGroup> groups) {
      return new Tls13Settings(cipherSuites, groups, signatureSchemes, certificateSignatureSchemes,
          pskKeyExchangeModes, middleboxCompatibility, tickets);
    }

    /** signature_algorithms and signature_algorithms_cert (RFC 8446 §4.2.3). */
    public Tls13Settings withSignatureSchemes(List<SignatureScheme> schemes, List<SignatureScheme> certificateSchemes) {
      return new Tls13Settings(cipherSuites, keyShareGroups, schemes, certificateSchemes,
          pskKeyExchangeModes, middleboxCompatibility, tickets);
    }

    public Tls13Settings withPskKeyExchangeModes(List<Integer> modes) {
      return new Tls13Settings(cipherSuites, keyShareGroups, signatureSchemes, certificateSignatureSchemes, modes,
          middleboxCompatibility, tickets);
    }

    public Tls13Settings withMiddleboxCompatibility(boolean enabled) {
      return new Tls13Settings(cipherSuites, keyShareGroups, signatureSchemes, certificateSignatureSchemes,
          pskKeyExchangeModes, enabled, tickets);
    }

    /** Where TLS 1.3 tickets are kept between connections; null keeps none. */
    public Tls13Settings withTickets(Tls13ClientSessionStore store) {
      return new Tls13Settings(cipherSuites, keyShareGroups, signatureSchemes, certificateSignatureSchemes,
          pskKeyExchangeModes, middleboxCompatibility, store);
    }
  }

  /**
   * A client of {@code versions} with each version's defaults, x25519 and secp256r1, no stapling
   * request and no revocation fetching; {@code serverName} may be null (no server_name).
   */
  public static TlsClientConfig defaults(String serverName, CertificateVerifier verifier,
      List<ProtocolVersion> versions) {
    return new TlsClientConfig(serverName, verifier, null, false, List.of(NamedGroup.X25519, NamedGroup.SECP256R1),
        versions.contains(ProtocolVersion.TLS12) ? Optional.of(Tls12Settings.defaults()) : Optional.empty(),
        versions.contains(ProtocolVersion.TLS13) ? Optional.of(Tls13Settings.defaults()) : Optional.empty(),
        Optional.empty());
  }

  /** The versions it speaks, newest first. */
  public List<ProtocolVersion> versions() {
    List<ProtocolVersion> versions = new ArrayList<>();
    tls13.ifPresent(s -> versions.add(ProtocolVersion.TLS13));
    tls12.ifPresent(s -> versions.add(ProtocolVersion.TLS12));
    return List.copyOf(versions);
  }

  /** The same client connecting to {@code name} (SNI and the hostname check); the stores stay shared. */
  public TlsClientConfig withServerName(String name) {
    return new TlsClientConfig(name, verifier, revocationFetch, statusRequest, groups, tls12, tls13, maxFragmentLength);
  }

  public TlsClientConfig withGroups(List<NamedGroup> newGroups) {
    return new TlsClientConfig(serverName, verifier, revocationFetch, statusRequest, newGroups, tls12, tls13, maxFragmentLength);
  }

  /** How missing revocation status is fetched during the handshake; null never fetches. */
  public TlsClientConfig withRevocationFetch(RevocationProtocol protocol) {
    return new TlsClientConfig(serverName, verifier, protocol, statusRequest, groups, tls12, tls13, maxFragmentLength);
  }

  /** Whether the ClientHello asks for a stapled OCSP response (RFC 6066 §8, RFC 8446 §4.4.2.1). */
  public TlsClientConfig withStatusRequest(boolean ask) {
    return new TlsClientConfig(serverName, verifier, revocationFetch, ask, groups, tls12, tls13, maxFragmentLength);
  }

  /** The max_fragment_length its ClientHello asks for in either version (RFC 6066 §4); empty: none. */
  public TlsClientConfig withMaxFragmentLength(Optional<MaxFragmentLength> length) {
    return new TlsClientConfig(serverName, verifier, revocationFetch, statusRequest, groups, tls12, tls13, length);
  }

  public TlsClientConfig withTls12(Tls12Settings settings) {
    return new TlsClientConfig(serverName, verifier, revocationFetch, statusRequest, groups,
        Optional.of(settings), tls13, maxFragmentLength);
  }

  public TlsClientConfig withTls13(Tls13Settings settings) {
    return new TlsClientConfig(serverName, verifier, revocationFetch, statusRequest, groups, tls12,
        Optional.of(settings), maxFragmentLength);
  }

  /** The TLS 1.2 engine's view: the shared settings with the TLS 1.2 ones. */
  public Optional<ClientConfig> tls12Engine() {
    return tls12.map(s -> new ClientConfig(s.minVersion(), s.maxVersion(), s.cipherSuites(), tls12Groups(),
        s.signatureSchemes(), serverName, s.extendedMasterSecret(), verifier, s.sessionStore(), s.offerSessionIds(),
        s.offerTickets(), s.peerId(), statusRequest, revocationFetch, maxFragmentLength));
  }

  /** The TLS 1.3 engine's view: the shared settings with the TLS 1.3 ones (server_name "" for none). */
  public Optional<Tls13ClientConfig> tls13Engine() {
    return tls13.map(s -> new Tls13ClientConfig(serverName == null ? "" : serverName, s.cipherSuites(), groups,
        s.keyShareGroups().isEmpty() ? groups : s.keyShareGroups(), s.signatureSchemes(), s.certificateSignatureSchemes(), verifier, s.pskKeyExchangeModes(),
        s.middleboxCompatibility(), revocationFetch, statusRequest, maxFragmentLength));
  }

  /** A new connection's endpoint, judging certificates at {@code now}. */
  public TlsConnection newConnection(SecureRandom random, Instant now) {
    if (tls13.isEmpty()) {
      return Tls12.client(tls12Engine().orElseThrow(), random, now);
    }
    Tls13ClientConfig engine13 = tls13Engine().orElseThrow();
    Tls13ClientSessionStore tickets = tls13.get().tickets();
    if (tls12.isPresent()) {
      return Tls13.client(engine13, random, now, tickets, tls12Engine().orElseThrow());
    }
    return tickets == null ? Tls13.client(engine13, random, now) : Tls13.client(engine13, random, now, tickets);
  }

  /**
   * The groups TLS 1.2 can use: the post-quantum ones are TLS 1.3's alone (draft-ietf-tls-mlkem,
   * draft-ietf-tls-ecdhe-mlkem), so the TLS 1.2 engine neither offers nor accepts them.
   */
  private List<NamedGroup> tls12Groups() {
    return groups.stream().filter(g -> !g.postQuantum()).toList();
  }
}
