package dev.tlssim.tls.v13;

import dev.tlssim.pki.CertificateChain;
import dev.tlssim.pki.KeyAlgorithm;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * A TLS 1.3 server (RFC 8446): suites, key-share groups and CertificateVerify schemes in its order
 * of preference, its certificate chain exactly as sent (leaf first, §4.4.2) and the leaf's private
 * key, and the policy by which it issues session tickets for resumption (RFC 8446 §4.6.1), or
 * {@code null} to issue none, and the anti-replay state for 0-RTT data (RFC 8446 §8), the one
 * shared, mutable part, and how far the ticket age a client claims may be from the server's own
 * before 0-RTT data is refused (RFC 8446 §4.2.11.1, §8.3). {@code stapledOcspResponse}, if not
 * null, gives the OCSP response the server staples to its leaf certificate for clients that send
 * status_request (RFC 8446 §4.4.2.1). Otherwise an immutable value.
 */
public record Tls13ServerConfig(
    List<Tls13CipherSuite> cipherSuites,
    List<NamedGroup> groups,
    List<SignatureScheme> signatureSchemes,
    CertificateChain chain,
    AsymmetricKeyParameter privateKey,
    Tls13TicketPolicy tickets,
    Tls13EarlyDataReplayGuard replayGuard,
    Duration ticketAgeWindow,
    Supplier<byte[]> stapledOcspResponse,
    boolean acceptMaxFragmentLength,
    GroupSelection groupSelection) {

  /**
   * The default {@link #ticketAgeWindow}: RFC 8446 §8.3 notes that clock skew and network delay
   * between client and server are "on the order of a few seconds", so 10 seconds lets honest
   * clients through while an old ClientHello replayed later stands out.
   */
  public static final Duration DEFAULT_TICKET_AGE_WINDOW = Duration.ofSeconds(10);

  /** The suites of {@link #defaults}, in the server's order of preference. */
  public static final List<Tls13CipherSuite> DEFAULT_CIPHER_SUITES = List.of(Tls13CipherSuite.TLS_AES_128_GCM_SHA256,
      Tls13CipherSuite.TLS_AES_256_GCM_SHA384, Tls13CipherSuite.TLS_CHACHA20_POLY1305_SHA256);

  public Tls13ServerConfig {
    Objects.requireNonNull(replayGuard, "replayGuard");
    Objects.requireNonNull(groupSelection, "groupSelection");
    Objects.requireNonNull(ticketAgeWindow, "ticketAgeWindow");
    if (ticketAgeWindow.isNegative()) {
      throw new IllegalArgumentException("negative ticket age window: " + ticketAgeWindow);
    }
    cipherSuites = List.copyOf(cipherSuites);
    groups = List.copyOf(groups);
    signatureSchemes = List.copyOf(signatureSchemes);
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(privateKey, "privateKey");
    if (!privateKey.isPrivate()) {
      throw new IllegalArgumentException("privateKey must be a private key");
    }
  }

  /**
   * The three suites of RFC 8446 §9.1 and §B.4 (both AES-GCM, then ChaCha20-Poly1305, which
   * servers offer for clients without AES hardware), x25519 then secp256r1, and the one scheme of this simulator that fits the
   * key: rsa_pss_rsae_sha256 for RSA (RFC 8446 §4.2.3: TLS 1.3 signs with RSA only by PSS),
   * ecdsa_secp256r1_sha256 for a P-256 key, mldsa44/65/87 for an ML-DSA key of that parameter set
   * (draft-ietf-tls-mldsa §3).
   */
  public static Tls13ServerConfig defaults(CertificateChain chain, AsymmetricKeyParameter privateKey) {
    KeyAlgorithm algorithm = KeyAlgorithm.of(privateKey);
    SignatureScheme scheme = switch (algorithm) {
      case RSA -> SignatureScheme.RSA_PSS_RSAE_SHA256;
      case ECDSA -> SignatureScheme.ECDSA_SECP256R1_SHA256;
      case MLDSA44, MLDSA65, MLDSA87 -> algorithm.mlDsaScheme();
    };
    return new Tls13ServerConfig(DEFAULT_CIPHER_SUITES,
        List.of(NamedGroup.X25519, NamedGroup.SECP256R1),
        List.of(scheme), chain, privateKey, null, Tls13EarlyDataReplayGuard.none(), DEFAULT_TICKET_AGE_WINDOW, null, true,
        GroupSelection.SHARES);
  }

  /** The ticket policy, if this server issues tickets and accepts them for resumption. */
  public Optional<Tls13TicketPolicy> ticketPolicy() {
    return Optional.ofNullable(tickets);
  }

  /** Issues tickets after each handshake and resumes with them (RFC 8446 §4.6.1, §2.2). */
  public Tls13ServerConfig withTickets(Tls13TicketPolicy policy) {
    return new Tls13ServerConfig(cipherSuites, groups, signatureSchemes, chain, privateKey, policy, replayGuard, ticketAgeWindow, stapledOcspResponse, acceptMaxFragmentLength, groupSelection);
  }

  /**
   * The same server presenting {@code newChain} with its key, and the one CertificateVerify
   * scheme of {@link #defaults} that fits that key.
   */
  public Tls13ServerConfig withCertificate(CertificateChain newChain, AsymmetricKeyParameter key) {
    List<SignatureScheme> schemes = KeyAlgorithm.of(key) == KeyAlgorithm.of(privateKey)
        ? signatureSchemes : defaults(newChain, key).signatureSchemes();
    return new Tls13ServerConfig(cipherSuites, groups, schemes, newChain, key, tickets, replayGuard, ticketAgeWindow, stapledOcspResponse, acceptMaxFragmentLength, groupSelection);
  }

  public Tls13ServerConfig withCipherSuites(List<Tls13CipherSuite> suites) {
    return new Tls13ServerConfig(suites, groups, signatureSchemes, chain, privateKey, tickets, replayGuard, ticketAgeWindow, stapledOcspResponse, acceptMaxFragmentLength, groupSelection);
  }

  public Tls13ServerConfig withGroups(List<NamedGroup> newGroups) {
    return new Tls13ServerConfig(cipherSuites, newGroups, signatureSchemes, chain, privateKey, tickets, replayGuard, ticketAgeWindow, stapledOcspResponse, acceptMaxFragmentLength, groupSelection);
  }

  /**
   * The anti-replay state for 0-RTT data (RFC 8446 §8); servers that share it refuse each other's
   * replays. The default remembers nothing ({@link Tls13AntiReplay#NONE}).
   */
  public Tls13ServerConfig withReplayGuard(Tls13EarlyDataReplayGuard guard) {
    return new Tls13ServerConfig(cipherSuites, groups, signatureSchemes, chain, privateKey, tickets, guard, ticketAgeWindow, stapledOcspResponse, acceptMaxFragmentLength, groupSelection);
  }

  /**
   * How far the client's ticket age (obfuscated_ticket_age less ticket_age_add) may differ from
   * the server's (now less the ticket's issue time) for 0-RTT data to be accepted (RFC 8446
   * §8.3); further apart, the PSK still resumes the session, without early data.
   */
  public Tls13ServerConfig withTicketAgeWindow(Duration window) {
    return new Tls13ServerConfig(cipherSuites, groups, signatureSchemes, chain, privateKey, tickets, replayGuard, window, stapledOcspResponse, acceptMaxFragmentLength, groupSelection);
  }

  /** Staples {@code response}'s OCSP response for clients that ask (RFC 8446 §4.4.2.1); null: none. */
  public Tls13ServerConfig withStapledOcspResponse(Supplier<byte[]> response) {
    return new Tls13ServerConfig(cipherSuites, groups, signatureSchemes, chain, privateKey, tickets, replayGuard,
        ticketAgeWindow, response, acceptMaxFragmentLength, groupSelection);
  }

  /**
   * Whether it accepts a client's max_fragment_length request, answering in EncryptedExtensions
   * (RFC 6066 §4 "MAY accept", RFC 8446 §4.2); by default it does, as OpenSSL and the JDK do.
   */
  public Tls13ServerConfig withAcceptMaxFragmentLength(boolean accept) {
    return new Tls13ServerConfig(cipherSuites, groups, signatureSchemes, chain, privateKey, tickets, replayGuard,
        ticketAgeWindow, stapledOcspResponse, accept, groupSelection);
  }

  /** How it picks the group among those it shares with the client ({@link GroupSelection}). */
  public Tls13ServerConfig withGroupSelection(GroupSelection selection) {
    return new Tls13ServerConfig(cipherSuites, groups, signatureSchemes, chain, privateKey, tickets, replayGuard,
        ticketAgeWindow, stapledOcspResponse, acceptMaxFragmentLength, selection);
  }
}
