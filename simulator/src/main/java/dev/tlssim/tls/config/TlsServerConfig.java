package dev.tlssim.tls.config;

import dev.tlssim.pki.CertificateChain;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.TlsConnection;
import dev.tlssim.tls.v12.ServerConfig;
import dev.tlssim.tls.v12.SessionCache;
import dev.tlssim.tls.v12.TicketKeys;
import dev.tlssim.tls.v12.Tls12;
import dev.tlssim.tls.v13.GroupSelection;
import dev.tlssim.tls.v13.Tls13;
import dev.tlssim.tls.v13.Tls13EarlyDataReplayGuard;
import dev.tlssim.tls.v13.Tls13ServerConfig;
import dev.tlssim.tls.v13.Tls13TicketPolicy;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * A TLS server, whatever versions it speaks: what both versions share once (its certificate
 * chain exactly as sent and the leaf's key, its groups, the OCSP response it staples for clients
 * that ask, RFC 6066 §8 and RFC 8446 §4.4.2.1; whether it accepts max_fragment_length requests,
 * RFC 6066 §4), and the settings only one version has in that
 * version's record, present for each version it speaks. Speaking both, it picks per ClientHello
 * (RFC 8446 §4.2.1) and a TLS 1.2 answer carries the downgrade sentinel (§4.1.3).
 */
public record TlsServerConfig(
    CertificateChain chain,
    AsymmetricKeyParameter privateKey,
    List<NamedGroup> groups,
    Supplier<byte[]> stapledOcspResponse,
    Optional<Tls12Settings> tls12,
    Optional<Tls13Settings> tls13,
    boolean acceptMaxFragmentLength) {

  public TlsServerConfig {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(privateKey, "privateKey");
    groups = List.copyOf(groups);
    if (tls12.isEmpty() && tls13.isEmpty()) {
      throw new IllegalArgumentException("a server speaks TLS 1.2, TLS 1.3 or both");
    }
  }

  /**
   * What only TLS 1.2 has (RFC 5246): the version range, suites, signature schemes, the extended
   * master secret (RFC 7627), the session cache (null: none) and the ticket keys (RFC 5077; null:
   * no tickets).
   */
  public record Tls12Settings(ProtocolVersion minVersion, ProtocolVersion maxVersion,
      List<CipherSuite> cipherSuites, List<SignatureScheme> signatureSchemes, boolean extendedMasterSecret,
      SessionCache sessionCache, TicketKeys ticketKeys) {
    public Tls12Settings {
      cipherSuites = List.copyOf(cipherSuites);
      signatureSchemes = List.copyOf(signatureSchemes);
    }

    /** {@link ServerConfig#defaults}: its suites and schemes, a session cache of its own, no tickets. */
    public static Tls12Settings defaults() {
      return new Tls12Settings(ProtocolVersion.TLS12, ProtocolVersion.TLS12, ServerConfig.DEFAULT_CIPHER_SUITES,
          ServerConfig.DEFAULT_SIGNATURE_SCHEMES, true, SessionCache.defaults(), null);
    }

    public Tls12Settings withVersions(ProtocolVersion min, ProtocolVersion max) {
      return new Tls12Settings(min, max, cipherSuites, signatureSchemes, extendedMasterSecret, sessionCache,
          ticketKeys);
    }

    public Tls12Settings withCipherSuites(List<CipherSuite> suites) {
      return new Tls12Settings(minVersion, maxVersion, suites, signatureSchemes, extendedMasterSecret, sessionCache,
          ticketKeys);
    }

    public Tls12Settings withExtendedMasterSecret(boolean enabled) {
      return new Tls12Settings(minVersion, maxVersion, cipherSuites, signatureSchemes, enabled, sessionCache,
          ticketKeys);
    }

    /** Where full handshakes' sessions are cached for session-id resumption; null caches none. */
    public Tls12Settings withSessionCache(SessionCache cache) {
      return new Tls12Settings(minVersion, maxVersion, cipherSuites, signatureSchemes, extendedMasterSecret, cache,
          ticketKeys);
    }

    /** The keys that seal session tickets (RFC 5077); null issues none. */
    public Tls12Settings withTicketKeys(TicketKeys keys) {
      return new Tls12Settings(minVersion, maxVersion, cipherSuites, signatureSchemes, extendedMasterSecret,
          sessionCache, keys);
    }
  }

  /**
   * What only TLS 1.3 has (RFC 8446): suites, the CertificateVerify schemes (empty: the one of
   * {@link Tls13ServerConfig#defaults} that fits the key), the ticket policy (§4.6.1; null: no
   * tickets), the 0-RTT anti-replay state (§8), the ticket age window (§8.3) and how the group is
   * picked ({@link GroupSelection}).
   */
  public record Tls13Settings(List<Tls13CipherSuite> cipherSuites, List<SignatureScheme> signatureSchemes,
      Tls13TicketPolicy tickets, Tls13EarlyDataReplayGuard replayGuard, Duration ticketAgeWindow,
      GroupSelection groupSelection) {
    public Tls13Settings {
      cipherSuites = List.copyOf(cipherSuites);
      signatureSchemes = List.copyOf(signatureSchemes);
      Objects.requireNonNull(replayGuard, "replayGuard");
      Objects.requireNonNull(ticketAgeWindow, "ticketAgeWindow");
      Objects.requireNonNull(groupSelection, "groupSelection");
    }

    /** {@link Tls13ServerConfig#defaults}: its suites, the scheme for the key, no tickets, no anti-replay. */
    public static Tls13Settings defaults() {
      return new Tls13Settings(Tls13ServerConfig.DEFAULT_CIPHER_SUITES, List.of(), null,
          Tls13EarlyDataReplayGuard.none(), Tls13ServerConfig.DEFAULT_TICKET_AGE_WINDOW, GroupSelection.SHARES);
    }

    public Tls13Settings withCipherSuites(List<Tls13CipherSuite> suites) {
      return new Tls13Settings(suites, signatureSchemes, tickets, replayGuard, ticketAgeWindow, groupSelection);
    }

    /** Issues tickets after each handshake and resumes with them (RFC 8446 §4.6.1, §2.2). */
    public Tls13Settings withTickets(Tls13TicketPolicy policy) {
      return new Tls13Settings(cipherSuites, signatureSchemes, policy, replayGuard, ticketAgeWindow, groupSelection);
    }

    /** The anti-replay state for 0-RTT data (RFC 8446 §8). */
    public Tls13Settings withReplayGuard(Tls13EarlyDataReplayGuard guard) {
      return new Tls13Settings(cipherSuites, signatureSchemes, tickets, guard, ticketAgeWindow, groupSelection);
    }

    /** How the group is picked among those shared with the client ({@link GroupSelection}). */
    public Tls13Settings withGroupSelection(GroupSelection selection) {
      return new Tls13Settings(cipherSuites, signatureSchemes, tickets, replayGuard, ticketAgeWindow, selection);
    }
  }

  /**
   * A server of {@code versions} with each version's defaults, x25519 and secp256r1, no staple,
   * accepting max_fragment_length requests.
   */
  public static TlsServerConfig defaults(CertificateChain chain, AsymmetricKeyParameter privateKey,
      List<ProtocolVersion> versions) {
    return new TlsServerConfig(chain, privateKey, List.of(NamedGroup.X25519, NamedGroup.SECP256R1), null,
        versions.contains(ProtocolVersion.TLS12) ? Optional.of(Tls12Settings.defaults()) : Optional.empty(),
        versions.contains(ProtocolVersion.TLS13) ? Optional.of(Tls13Settings.defaults()) : Optional.empty(), true);
  }

  /** The versions it speaks, newest first. */
  public List<ProtocolVersion> versions() {
    List<ProtocolVersion> versions = new ArrayList<>();
    tls13.ifPresent(s -> versions.add(ProtocolVersion.TLS13));
    tls12.ifPresent(s -> versions.add(ProtocolVersion.TLS12));
    return List.copyOf(versions);
  }

  /** The same server presenting a renewed certificate; caches, ticket keys and anti-replay stay shared. */
  public TlsServerConfig withCertificate(CertificateChain newChain, AsymmetricKeyParameter key) {
    return new TlsServerConfig(newChain, key, groups, stapledOcspResponse, tls12, tls13, acceptMaxFragmentLength);
  }

  public TlsServerConfig withGroups(List<NamedGroup> newGroups) {
    return new TlsServerConfig(chain, privateKey, newGroups, stapledOcspResponse, tls12, tls13, acceptMaxFragmentLength);
  }

  /** Staples {@code response}'s OCSP response for clients that ask; null: none. */
  public TlsServerConfig withStapledOcspResponse(Supplier<byte[]> response) {
    return new TlsServerConfig(chain, privateKey, groups, response, tls12, tls13, acceptMaxFragmentLength);
  }

  /**
   * Whether it accepts a client's max_fragment_length request in either version (RFC 6066 §4:
   * the server "MAY accept"); false ignores requests and keeps 2^14-byte records.
   */
  public TlsServerConfig withAcceptMaxFragmentLength(boolean accept) {
    return new TlsServerConfig(chain, privateKey, groups, stapledOcspResponse, tls12, tls13, accept);
  }

  public TlsServerConfig withTls12(Tls12Settings settings) {
    return new TlsServerConfig(chain, privateKey, groups, stapledOcspResponse, Optional.of(settings), tls13, acceptMaxFragmentLength);
  }

  public TlsServerConfig withTls13(Tls13Settings settings) {
    return new TlsServerConfig(chain, privateKey, groups, stapledOcspResponse, tls12, Optional.of(settings), acceptMaxFragmentLength);
  }

  /** The TLS 1.2 engine's view: the shared settings with the TLS 1.2 ones. */
  public Optional<ServerConfig> tls12Engine() {
    return tls12.map(s -> new ServerConfig(s.minVersion(), s.maxVersion(), s.cipherSuites(), tls12Groups(),
        s.signatureSchemes(), chain, privateKey, s.extendedMasterSecret(), s.sessionCache(), s.ticketKeys(),
        stapledOcspResponse, acceptMaxFragmentLength));
  }

  /** The TLS 1.3 engine's view: the shared settings with the TLS 1.3 ones. */
  public Optional<Tls13ServerConfig> tls13Engine() {
    return tls13.map(s -> new Tls13ServerConfig(s.cipherSuites(), groups,
        s.signatureSchemes().isEmpty() ? Tls13ServerConfig.defaults(chain, privateKey).signatureSchemes()
            : s.signatureSchemes(),
        chain, privateKey, s.tickets(), s.replayGuard(), s.ticketAgeWindow(), stapledOcspResponse,
        acceptMaxFragmentLength, s.groupSelection()));
  }

  /** A new connection's endpoint; {@code now} stamps and checks its tickets. */
  public TlsConnection newConnection(SecureRandom random, Instant now) {
    if (tls13.isEmpty()) {
      return Tls12.server(tls12Engine().orElseThrow(), random, now);
    }
    Tls13ServerConfig engine13 = tls13Engine().orElseThrow();
    return tls12.isPresent() ? Tls13.server(engine13, random, now, tls12Engine().orElseThrow())
        : Tls13.server(engine13, random, now);
  }

  /**
   * The groups TLS 1.2 can use: the post-quantum ones are TLS 1.3's alone (draft-ietf-tls-mlkem,
   * draft-ietf-tls-ecdhe-mlkem), so the TLS 1.2 engine neither offers nor accepts them.
   */
  private List<NamedGroup> tls12Groups() {
    return groups.stream().filter(g -> !g.postQuantum()).toList();
  }
}
