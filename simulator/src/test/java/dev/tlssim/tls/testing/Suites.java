package dev.tlssim.tls.testing;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.v12.ClientConfig;
import dev.tlssim.tls.v12.ServerConfig;
import dev.tlssim.tls.v12.Tls12;
import dev.tlssim.tls.v13.Tls13;
import dev.tlssim.tls.v13.Tls13ClientConfig;
import dev.tlssim.tls.v13.Tls13ServerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Every suite × group × server key a version negotiates, as the rows a case runs once each
 * (BouncyCastle's TlsTestSuite lists its configurations the same way). TLS 1.2: all six suites
 * and, for ECDHE, x25519 and secp256r1; the key follows the suite. TLS 1.3: the three suites ×
 * x25519, secp256r1 × an ECDSA P-256 or an RSA (rsa_pss_rsae_sha256) server certificate.
 */
public final class Suites {
  private Suites() {}

  /**
   * One negotiable combination. {@code suite} is a {@link CipherSuite} (TLS 1.2) or a
   * {@link Tls13CipherSuite}; {@code group} is null for the RSA key exchange.
   */
  public record Offer(ProtocolVersion version, Enum<?> suite, NamedGroup group, Peers.Key key) {
    @Override
    public String toString() {
      return suite.name() + (group == null ? "" : " " + group) + " " + key;
    }

    public boolean tls13() {
      return version.equals(ProtocolVersion.TLS13);
    }

    public CipherSuite suite12() {
      return (CipherSuite) suite;
    }

    public Tls13CipherSuite suite13() {
      return (Tls13CipherSuite) suite;
    }

    /** The TLS 1.3 CertificateVerify scheme of the server's key. */
    public SignatureScheme scheme() {
      return key == Peers.Key.RSA ? SignatureScheme.RSA_PSS_RSAE_SHA256 : SignatureScheme.ECDSA_SECP256R1_SHA256;
    }

    /**
     * A TLS 1.2 client offering just this suite and group. For ECDHE_ECDSA it also lists
     * secp256r1, the curve of the server's certificate, which RFC 8422 §5.1 requires in
     * supported_groups; a server still prefers x25519 when both are listed.
     */
    public ClientConfig client12() {
      ClientConfig config = TestPki.client12().withCipherSuites(List.of(suite12()));
      if (group == null) {
        return config;
      }
      boolean needsP256 = suite12().keyExchange() == CipherSuite.KeyExchange.ECDHE_ECDSA
          && group != NamedGroup.SECP256R1;
      return config.withGroups(needsP256 ? List.of(group, NamedGroup.SECP256R1) : List.of(group));
    }

    /** A TLS 1.2 server with this key that takes only this group (any group for RSA key exchange). */
    public ServerConfig server12() {
      ServerConfig config = key == Peers.Key.EC ? TestPki.ecServer12() : TestPki.rsaServer12();
      return group == null ? config : config.withGroups(List.of(group));
    }

    /** A TLS 1.3 client offering only this group and this CertificateVerify scheme. */
    public Tls13ClientConfig client13() {
      return TestPki.client13().withGroups(List.of(group)).withSignatureSchemes(List.of(scheme()));
    }

    /** A TLS 1.3 server with this key that takes only this suite and this group. */
    public Tls13ServerConfig server13() {
      Tls13ServerConfig config = key == Peers.Key.RSA ? TestPki.rsaServer13() : TestPki.ecServer13();
      return config.withCipherSuites(List.of(suite13())).withGroups(List.of(group));
    }

    /** Our client restricted to this offer. */
    public TlsEndpoint client(long seed) {
      return tls13() ? Tls13.client(client13(), Pipe.seeded(seed), WebPki.NOW)
          : Tls12.client(client12(), Pipe.seeded(seed), WebPki.NOW);
    }

    /** Our server restricted to this offer. */
    public TlsEndpoint server(long seed) {
      return tls13() ? Tls13.server(server13(), Pipe.seeded(seed), WebPki.NOW)
          : Tls12.server(server12(), Pipe.seeded(seed), WebPki.NOW);
    }
  }

  public static List<Offer> of(ProtocolVersion version) {
    List<Offer> offers = new ArrayList<>();
    if (version.equals(ProtocolVersion.TLS13)) {
      for (Tls13CipherSuite suite : Tls13CipherSuite.values()) {
        for (NamedGroup group : List.of(NamedGroup.X25519, NamedGroup.SECP256R1)) {
          for (Peers.Key key : List.of(Peers.Key.EC, Peers.Key.RSA)) {
            offers.add(new Offer(version, suite, group, key));
          }
        }
      }
      return offers;
    }
    for (CipherSuite suite : CipherSuite.values()) {
      Peers.Key key = suite.keyExchange() == CipherSuite.KeyExchange.ECDHE_ECDSA ? Peers.Key.EC : Peers.Key.RSA;
      if (suite.keyExchange().ephemeral()) {
        offers.add(new Offer(version, suite, NamedGroup.X25519, key));
        offers.add(new Offer(version, suite, NamedGroup.SECP256R1, key));
      } else {
        offers.add(new Offer(version, suite, null, key));
      }
    }
    return offers;
  }
}
