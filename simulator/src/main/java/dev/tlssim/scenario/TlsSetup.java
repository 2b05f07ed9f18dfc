package dev.tlssim.scenario;

import dev.tlssim.party.CaParty;
import dev.tlssim.party.ClientParty;
import dev.tlssim.party.Endpoint;
import dev.tlssim.party.MitmConfig;
import dev.tlssim.party.MitmParty;
import dev.tlssim.party.PartyActor;
import dev.tlssim.party.ServerParty;
import dev.tlssim.party.TlsParties;
import dev.tlssim.pki.CertificateChain;
import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.OcspRequest;
import dev.tlssim.pki.OcspResponder;
import dev.tlssim.pki.RevocationProtocol;
import dev.tlssim.pki.RevocationSource;
import dev.tlssim.pki.VerificationPolicy;
import dev.tlssim.sim.NodeProtocol;
import dev.tlssim.sim.RandomStreams;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.core.TlsClientConfig;
import dev.tlssim.tls.core.TlsServerConfig;
import dev.tlssim.tls.v13.Tls13ClientSessionStore;
import dev.tlssim.tls.v13.Tls13TicketPolicy;
import dev.tlssim.tls.wire.ExtensionType;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.Behavior;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/** Builds each node's party from its spec: plain or TLS client and server, CA, nothing for routers. */
final class TlsSetup {
  private TlsSetup() {}

  static Map<String, Behavior<NodeProtocol>> party(Scenario.NodeSpec n, Scenario s, Provisioning.Result pki,
      RandomStreams randoms, RunShared shared) {
    var isn = randoms.random("tcp-isn/" + n.name());
    var random = randoms.secureRandom("tls/" + n.name());
    return switch (n.role()) {
      case CLIENT -> Map.of(n.name(), PartyActor.create(detailed(client(n, s, pki, isn, random), s)));
      case SERVER -> Map.of(n.name(), PartyActor.create(detailed(server(n, s, pki, isn, random, shared), s)));
      case CA -> Map.of(n.name(), PartyActor.create(new CaParty(n.name(), n.tcp(), n.cores(), s.costs(), isn,
          pki.authorities().get(n.ca().authority()), pki.epoch(), n.ca().allow(),
          Duration.ofNanos(n.ca().validForNanos()))));
      case MITM -> Map.of(n.name(), PartyActor.create(detailed(mitm(n, s, pki, isn, random), s)));
      case ROUTER -> Map.of();
    };
  }

  private static <E extends Endpoint> E detailed(E party, Scenario s) {
    party.setMessageDetail(s.messageDetail());
    return party;
  }

  private static ClientParty client(Scenario.NodeSpec n, Scenario s, Provisioning.Result pki, SplittableRandom isn,
      SecureRandom random) {
    TlsSpec tls = n.tls();
    if (tls == null) {
      return new ClientParty(n.name(), n.tcp(), n.cores(), s.costs(), isn);
    }
    if (tls.implementation().equals("jdk")) {
      return TlsParties.jdkClient(n.name(), n.tcp(), n.cores(), s.costs(), isn,
          tls.trust().stream().map(pki::anchor).toList(), tls.serverName(), tls.checkHostname(), jdkProtocols(tls),
          jdkSuites(tls), random);
    }
    boolean online = !tls.revocationCheck().equals("preloaded");
    return TlsParties.client(n.name(), n.tcp(), n.cores(), s.costs(), isn, clientVersions(tls, pki), tls.earlyData(),
        random, pki.epoch(), s.keyLog(), online ? caNodes(s, pki) : null, tls.fetchTimeoutNanos());
  }

  /** Which CA node hosts the authority that issued a certificate (by the issuer's certificate). */
  private static Function<X509CertificateHolder, String> caNodes(Scenario s,
      Provisioning.Result pki) {
    Map<X509CertificateHolder, String> byCert = new HashMap<>();
    for (Scenario.NodeSpec n : s.nodes()) {
      if (n.role() == Scenario.Role.CA) {
        byCert.put(pki.authorities().get(n.ca().authority()).certificate(), n.name());
      }
    }
    return byCert::get;
  }

  private static ServerParty server(Scenario.NodeSpec n, Scenario s, Provisioning.Result pki, SplittableRandom isn,
      SecureRandom random, RunShared shared) {
    TlsSpec tls = n.tls();
    if (tls == null) {
      return new ServerParty(n.name(), n.listen(), n.tcp(), n.cores(), s.costs(), isn);
    }
    if (tls.implementation().equals("jdk")) {
      Provisioning.Issued cert = pki.certificates().get(tls.certificate());
      return TlsParties.jdkServer(n.name(), n.listen(), n.tcp(), n.cores(), s.costs(), isn, cert.chain(),
          cert.keyPair().getPrivate(), jdkProtocols(tls), jdkSuites(tls), random);
    }
    return TlsParties.server(n.name(), n.listen(), n.tcp(), n.cores(), s.costs(), isn,
        serverVersions(tls, pki, n.name(), shared), random, pki.epoch(), pki::key);
  }

  /** The man in the middle with what its plan needs: certificates to present, codes to erase. */
  private static MitmParty mitm(Scenario.NodeSpec n, Scenario s, Provisioning.Result pki, SplittableRandom isn,
      SecureRandom random) {
    MitmSpec m = n.mitm();
    Scenario.NodeSpec target = s.nodes().stream().filter(x -> x.name().equals(m.target())).findFirst().orElseThrow();
    Provisioning.Issued real = target.tls() == null ? null : pki.certificates().get(target.tls().certificate());
    TlsServerConfig impersonation = null;
    boolean tls12 = target.tls() == null || target.tls().speaksTls12();
    boolean tls13 = target.tls() != null && target.tls().speaksTls13();
    if (m.mode().equals("intercept")) {
      CertificateChain chain;
      AsymmetricKeyParameter key;
      if (m.certificate().equals("passthrough")) {
        // The real chain, but not the real key: a key of the same kind that the attacker owns.
        boolean rsa = real.keyPair().getPrivate() instanceof RSAKeyParameters;
        chain = real.chain();
        key = pki.key("mitm/" + n.name(), rsa ? "rsa2048" : "ecdsa-p256").getPrivate();
      } else {
        Provisioning.Issued forged = pki.certificates().get(m.certificate());
        chain = forged.chain();
        key = forged.keyPair().getPrivate();
      }
      // The attacker speaks whatever the real server speaks, so the victim sees nothing unusual.
      impersonation = TlsServerConfig.defaults(chain, key, versions(tls12, tls13));
    }
    String host = real == null ? null : HostnameOf.first(real.chain().leaf());
    CertificateVerifier anything = new CertificateVerifier(VerificationPolicy.acceptAnything());
    TlsClientConfig upstream = TlsClientConfig.defaults(host, anything, versions(tls12, tls13));
    if (tls12) {
      upstream = upstream.withTls12(upstream.tls12().orElseThrow().withResumption(false, false));
    }
    MitmConfig.Tamper tamper = m.tamperMessage() == null ? null
        : new MitmConfig.Tamper(m.tamperTowardsServer(), MitmReader.handshakeType(m.tamperMessage()), m.tamperOffset());
    Set<Integer> suites = new HashSet<>();
    for (String name : m.suites()) {
      if (name.equals("ecdhe")) {
        for (CipherSuite cs : CipherSuite.values()) {
          if (cs.keyExchange().ephemeral()) {
            suites.add(cs.code());
          }
        }
      } else {
        suites.add(CipherSuite.parse(name).code());
      }
    }
    Set<Integer> extensions = new HashSet<>();
    for (String name : m.extensions()) {
      for (ExtensionType t : ExtensionType.values()) {
        if (t.rfcName().equals(name)) {
          extensions.add(t.code());
        }
      }
    }
    MitmConfig config = new MitmConfig(m.mode(), m.target(), m.port(), impersonation, upstream, tamper,
        new MitmConfig.Rewrite(suites, extensions), random, pki.epoch(),
        real == null ? null : real.keyPair().getPrivate());
    return new MitmParty(n.name(), n.tcp(), n.cores(), s.costs(), isn, config);
  }

  /** The JDK's names for the suites of every version in range. */
  private static List<String> jdkSuites(TlsSpec tls) {
    List<String> names = new ArrayList<>();
    if (tls.speaksTls13()) {
      tls.tls13Suites().forEach(suite -> names.add(suite.name()));
    }
    if (tls.speaksTls12()) {
      tls.cipherSuites().forEach(suite -> names.add(suite.name()));
    }
    return names;
  }

  /** The JDK's protocol names for the versions in range ("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"). */
  private static List<String> jdkProtocols(TlsSpec tls) {
    List<String> names = new ArrayList<>();
    for (ProtocolVersion v : List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS11, ProtocolVersion.TLS12,
        ProtocolVersion.TLS13)) {
      if (v.compareTo(tls.minVersion()) >= 0 && v.compareTo(tls.maxVersion()) <= 0) {
        names.add(v.equals(ProtocolVersion.TLS10) ? "TLSv1" : v.toString());
      }
    }
    return names;
  }

  /**
   * TLS 1.2, 1.3 or both, as the versions say. TLS 1.3 resumes by tickets only (RFC 8446 §2.2),
   * so a client that resumes by ticket (or both ways) keeps its 1.3 tickets.
   */
  static TlsClientConfig clientVersions(TlsSpec tls, Provisioning.Result pki) {
    TlsClientConfig config = clientConfig(tls, pki);
    if (tls.speaksTls13()) {
      boolean tickets = tls.resumption().equals("ticket") || tls.resumption().equals("both");
      config = config.withTls13(TlsClientConfig.Tls13Settings.defaults()
          .withCipherSuites(tls.tls13Suites())
          .withKeyShareGroups(tls.keyShares())
          .withPskKeyExchangeModes(tls.pskModes())
          .withMiddleboxCompatibility(tls.middleboxCompatibility())
          .withTickets(tickets ? new Tls13ClientSessionStore() : null));
    }
    return config;
  }

  private static List<ProtocolVersion> versions(boolean tls12, boolean tls13) {
    List<ProtocolVersion> versions = new ArrayList<>();
    if (tls13) {
      versions.add(ProtocolVersion.TLS13);
    }
    if (tls12) {
      versions.add(ProtocolVersion.TLS12);
    }
    return versions;
  }

  /** TLS 1.2, 1.3 or both, as the versions say. */
  static TlsServerConfig serverVersions(TlsSpec tls, Provisioning.Result pki, String node, RunShared shared) {
    Provisioning.Issued cert = pki.certificates().get(tls.certificate());
    TlsServerConfig config = TlsServerConfig.defaults(cert.chain(), cert.keyPair().getPrivate(),
            versions(tls.speaksTls12(), tls.speaksTls13()))
        .withGroups(tls.groups())
        .withStapledOcspResponse(tls.staple() ? staple(cert, pki) : null);
    if (tls.speaksTls13()) {
      TlsServerConfig.Tls13Settings tls13 = TlsServerConfig.Tls13Settings.defaults().withCipherSuites(tls.tls13Suites());
      if (tls.tickets() != null) {
        TlsSpec.EarlyDataSpec early = tls.serverEarlyData();
        tls13 = tls13.withTickets(Tls13TicketPolicy.of(shared.tls13TicketKey(node, tls.tickets()))
                .withLifetime(Duration.ofNanos(tls.tickets().lifetimeNanos()))
                .withMaxEarlyDataSize(early == null ? 0 : early.maxSize()))
            .withReplayGuard(shared.replayGuard(node, tls.tickets(), early));
      }
      config = config.withTls13(tls13);
    }
    return tls.speaksTls12() ? config.withTls12(serverConfig(tls, pki, node, shared)) : config;
  }

  static TlsClientConfig clientConfig(TlsSpec tls, Provisioning.Result pki) {
    VerificationPolicy.Builder policy = VerificationPolicy.builder()
        .checkHostname(tls.checkHostname())
        .revocation(tls.revocation())
        .acceptAny(tls.acceptAny());
    tls.trust().forEach(t -> policy.trustAnchor(pki.anchor(t)));
    // Preloaded: the CAs' CRLs as of the start; online: nothing at hand, the client asks during
    // the handshake (and a stapled response, if any, spares it the question).
    boolean online = !tls.revocationCheck().equals("preloaded");
    CertificateVerifier verifier = new CertificateVerifier(policy.build(),
        online ? RevocationSource.unavailable() : RevocationSource.of(pki.crls()));
    // Tls12Settings.defaults() gives the client its own session store: its connections resume each other's sessions.
    TlsClientConfig config = TlsClientConfig.defaults(tls.serverName(), verifier,
            versions(tls.speaksTls12(), tls.speaksTls13()))
        .withGroups(tls.groups())
        .withStatusRequest(tls.statusRequest())
        .withRevocationFetch(!online ? null : tls.revocationCheck().equals("ocsp")
            ? RevocationProtocol.OCSP : RevocationProtocol.CRL);
    return !tls.speaksTls12() ? config : config.withTls12(TlsClientConfig.Tls12Settings.defaults()
        .withVersions(tls.minVersion(), tls.maxVersion())
        .withCipherSuites(tls.cipherSuites())
        .withExtendedMasterSecret(tls.extendedMasterSecret())
        .withResumption(tls.resumption().equals("session-id") || tls.resumption().equals("both"),
            tls.resumption().equals("ticket") || tls.resumption().equals("both")));
  }

  static TlsServerConfig.Tls12Settings serverConfig(TlsSpec tls, Provisioning.Result pki, String node,
      RunShared shared) {
    return TlsServerConfig.Tls12Settings.defaults()
        .withVersions(tls.minVersion(), tls.maxVersion())
        .withCipherSuites(tls.cipherSuites())
        .withExtendedMasterSecret(tls.extendedMasterSecret())
        .withSessionCache(tls.sessionCache() == null ? null : shared.sessionCache(node, tls.sessionCache()))
        .withTicketKeys(tls.tickets() == null ? null : shared.ticketKeys(node, tls.tickets(), pki.epoch()));
  }

  /**
   * The server's stapled OCSP response: the one its CA gives at the start of the run (servers
   * fetch and cache it ahead of handshakes; it stays valid for the responder's validity period).
   */
  private static Supplier<byte[]> staple(Provisioning.Issued cert, Provisioning.Result pki) {
    var issuer = pki.authorities().values().stream()
        .filter(a -> a.certificate().getSubject().equals(cert.certificate().getIssuer())).findFirst().orElse(null);
    if (issuer == null || cert.chain().certificates().size() < 1) {
      return null;
    }
    var responder = new OcspResponder(issuer, Duration.ofDays(7));
    X509CertificateHolder issuerCert = issuer.certificate();
    byte[] response = responder.respond(OcspRequest.encode(
        OcspRequest.forCertificate(cert.certificate(), issuerCert)), pki.epoch());
    return () -> response;
  }
}
