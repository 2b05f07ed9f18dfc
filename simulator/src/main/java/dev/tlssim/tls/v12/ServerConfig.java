package dev.tlssim.tls.v12;

import dev.tlssim.pki.CertificateChain;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * A TLS 1.2 server: its preferences (suites in preference order, groups, signature schemes), its
 * certificate chain exactly as sent (leaf first, RFC 5246 §7.4.2) and the leaf's private key.
 * {@code extendedMasterSecret} false makes the server ignore the client's RFC 7627 offer, as a
 * legacy server would.
 *
 * <p>Resumption: {@code sessionCache} holds the sessions of full handshakes by session_id (RFC
 * 5246 §7.3); null disables it, and the server then sends an empty session_id (§7.4.1.3: the
 * session "will not be cached and therefore cannot be resumed"). {@code ticketKeys} enables
 * session tickets (RFC 5077); null disables them. Both may be shared between servers.
 *
 * <p>Stapling: {@code stapledOcspResponse} gives the DER OCSPResponse the server currently holds
 * about its certificate (fetched from its CA beforehand, as servers do); when a client sends
 * status_request, the server acknowledges it and sends the response in a CertificateStatus right
 * after its Certificate (RFC 6066 §8). Null, or a supplier returning null, staples nothing.
 */
public record ServerConfig(
    ProtocolVersion minVersion,
    ProtocolVersion maxVersion,
    List<CipherSuite> cipherSuites,
    List<NamedGroup> groups,
    List<SignatureScheme> signatureSchemes,
    CertificateChain chain,
    AsymmetricKeyParameter privateKey,
    boolean extendedMasterSecret,
    SessionCache sessionCache,
    TicketKeys ticketKeys,
    Supplier<byte[]> stapledOcspResponse,
    boolean acceptMaxFragmentLength) {

  public ServerConfig {
    Objects.requireNonNull(minVersion, "minVersion");
    Objects.requireNonNull(maxVersion, "maxVersion");
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(privateKey, "privateKey");
    if (minVersion.compareTo(maxVersion) > 0) {
      throw new IllegalArgumentException("minVersion " + minVersion + " > maxVersion " + maxVersion);
    }
    if (!privateKey.isPrivate()) {
      throw new IllegalArgumentException("privateKey must be a private key");
    }
    cipherSuites = List.copyOf(cipherSuites);
    groups = List.copyOf(groups);
    signatureSchemes = List.copyOf(signatureSchemes);
  }

  /** A server that accepts a max_fragment_length request (RFC 6066 §4), as OpenSSL and the JDK do. */
  public ServerConfig(ProtocolVersion minVersion, ProtocolVersion maxVersion,
      List<CipherSuite> cipherSuites, List<NamedGroup> groups,
      List<SignatureScheme> signatureSchemes, CertificateChain chain,
      AsymmetricKeyParameter privateKey, boolean extendedMasterSecret,
      SessionCache sessionCache, TicketKeys ticketKeys, Supplier<byte[]> stapledOcspResponse) {
    this(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, chain, privateKey,
        extendedMasterSecret, sessionCache, ticketKeys, stapledOcspResponse, true);
  }

  /** A server that staples nothing. */
  public ServerConfig(ProtocolVersion minVersion, ProtocolVersion maxVersion,
      List<CipherSuite> cipherSuites, List<NamedGroup> groups,
      List<SignatureScheme> signatureSchemes, CertificateChain chain,
      AsymmetricKeyParameter privateKey, boolean extendedMasterSecret,
      SessionCache sessionCache, TicketKeys ticketKeys) {
    this(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, chain, privateKey,
        extendedMasterSecret, sessionCache, ticketKeys, null);
  }

  /**
   * A server with a session cache of its own ({@link SessionCache#defaults()}) and no tickets:
   * it honours the session_id it has always sent.
   */
  public ServerConfig(ProtocolVersion minVersion, ProtocolVersion maxVersion,
      List<CipherSuite> cipherSuites, List<NamedGroup> groups,
      List<SignatureScheme> signatureSchemes, CertificateChain chain,
      AsymmetricKeyParameter privateKey, boolean extendedMasterSecret) {
    this(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, chain, privateKey,
        extendedMasterSecret, SessionCache.defaults(), null);
  }

  /**
   * TLS 1.2 only; ECDHE before the RSA key exchange, AEAD before CBC; x25519 first. A session
   * cache of its own, no tickets (they need a key schedule: {@link #withTicketKeys}).
   */
  public static ServerConfig defaults(CertificateChain chain, AsymmetricKeyParameter privateKey) {
    return new ServerConfig(
        ProtocolVersion.TLS12,
        ProtocolVersion.TLS12,
        DEFAULT_CIPHER_SUITES,
        List.of(NamedGroup.X25519, NamedGroup.SECP256R1),
        DEFAULT_SIGNATURE_SCHEMES,
        chain,
        privateKey,
        true);
  }

  /** The suites of {@link #defaults}, in the server's order of preference. */
  public static final List<CipherSuite> DEFAULT_CIPHER_SUITES = List.of(
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
      CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);

  /** The signature schemes of {@link #defaults}, in the server's order of preference. */
  public static final List<SignatureScheme> DEFAULT_SIGNATURE_SCHEMES = List.of(
      SignatureScheme.ECDSA_SECP256R1_SHA256,
      SignatureScheme.RSA_PSS_RSAE_SHA256,
      SignatureScheme.RSA_PKCS1_SHA256,
      SignatureScheme.ECDSA_SECP384R1_SHA384,
      SignatureScheme.RSA_PSS_RSAE_SHA384,
      SignatureScheme.RSA_PKCS1_SHA384,
      SignatureScheme.RSA_PSS_RSAE_SHA512,
      SignatureScheme.RSA_PKCS1_SHA512);

  public ServerConfig withCipherSuites(List<CipherSuite> suites) {
    return new ServerConfig(minVersion, maxVersion, suites, groups, signatureSchemes, chain,
        privateKey, extendedMasterSecret, sessionCache, ticketKeys,
        stapledOcspResponse, acceptMaxFragmentLength);
  }

  public ServerConfig withGroups(List<NamedGroup> newGroups) {
    return new ServerConfig(minVersion, maxVersion, cipherSuites, newGroups, signatureSchemes,
        chain, privateKey, extendedMasterSecret, sessionCache, ticketKeys,
        stapledOcspResponse, acceptMaxFragmentLength);
  }

  public ServerConfig withVersions(ProtocolVersion min, ProtocolVersion max) {
    return new ServerConfig(min, max, cipherSuites, groups, signatureSchemes, chain, privateKey,
        extendedMasterSecret, sessionCache, ticketKeys,
        stapledOcspResponse, acceptMaxFragmentLength);
  }

  /** The same server presenting another chain and key; cache and ticket keys stay shared. */
  public ServerConfig withCertificate(CertificateChain newChain, AsymmetricKeyParameter key) {
    return new ServerConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes,
        newChain, key, extendedMasterSecret, sessionCache, ticketKeys,
        stapledOcspResponse, acceptMaxFragmentLength);
  }

  public ServerConfig withExtendedMasterSecret(boolean enabled) {
    return new ServerConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, chain,
        privateKey, enabled, sessionCache, ticketKeys,
        stapledOcspResponse, acceptMaxFragmentLength);
  }

  /** The session-ID cache; null disables session-ID resumption. */
  public ServerConfig withSessionCache(SessionCache cache) {
    return new ServerConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, chain,
        privateKey, extendedMasterSecret, cache, ticketKeys,
        stapledOcspResponse, acceptMaxFragmentLength);
  }

  /** The session ticket keys; null disables tickets. */
  public ServerConfig withTicketKeys(TicketKeys keys) {
    return new ServerConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, chain,
        privateKey, extendedMasterSecret, sessionCache, keys,
        stapledOcspResponse, acceptMaxFragmentLength);
  }

  /** Where the OCSP response to staple comes from; null staples nothing (RFC 6066 §8). */
  public ServerConfig withStapledOcspResponse(Supplier<byte[]> response) {
    return new ServerConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, chain,
        privateKey, extendedMasterSecret, sessionCache, ticketKeys, response, acceptMaxFragmentLength);
  }

  /**
   * Whether it accepts a client's max_fragment_length request, echoing it in the ServerHello
   * (RFC 6066 §4: the server "MAY accept"); by default it does, as OpenSSL and the JDK do.
   */
  public ServerConfig withAcceptMaxFragmentLength(boolean accept) {
    return new ServerConfig(minVersion, maxVersion, cipherSuites, groups, signatureSchemes, chain, privateKey,
        extendedMasterSecret, sessionCache, ticketKeys, stapledOcspResponse, accept);
  }
}
