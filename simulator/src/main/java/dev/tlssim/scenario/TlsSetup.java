package dev.tlssim.scenario;

import dev.tlssim.party.CaParty;
import dev.tlssim.party.ClientParty;
import dev.tlssim.party.PartyActor;
import dev.tlssim.party.ServerParty;
import dev.tlssim.party.TlsParties;
import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.RevocationSource;
import dev.tlssim.pki.VerificationPolicy;
import dev.tlssim.sim.NodeProtocol;
import dev.tlssim.sim.RandomStreams;
import dev.tlssim.tls.handshake.ClientConfig;
import dev.tlssim.tls.handshake.ServerConfig;
import dev.tlssim.tls.ProtocolVersion;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.pekko.actor.typed.Behavior;

/** Builds each node's party from its spec: plain or TLS client and server, CA, nothing for routers. */
final class TlsSetup {
  private TlsSetup() {}

  static Map<String, Behavior<NodeProtocol>> party(Scenario.NodeSpec n, Scenario s, Provisioning.Result pki,
      RandomStreams randoms, RunShared shared) {
    var isn = randoms.random("tcp-isn/" + n.name());
    var random = randoms.secureRandom("tls/" + n.name());
    return switch (n.role()) {
      case CLIENT -> Map.of(n.name(), PartyActor.create(client(n, s, pki, isn, random)));
      case SERVER -> Map.of(n.name(), PartyActor.create(server(n, s, pki, isn, random, shared)));
      case CA -> Map.of(n.name(), PartyActor.create(new CaParty(n.name(), n.tcp(), n.cores(), s.costs(), isn,
          pki.authorities().get(n.ca().authority()), pki.epoch(), n.ca().allow(),
          java.time.Duration.ofNanos(n.ca().validForNanos()))));
      case ROUTER -> Map.of();
    };
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
          tls.cipherSuites().stream().map(Enum::name).toList(), random);
    }
    return TlsParties.client(n.name(), n.tcp(), n.cores(), s.costs(), isn, clientConfig(tls, pki), random, pki.epoch(),
        s.keyLog());
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
          cert.keyPair().getPrivate(), jdkProtocols(tls), tls.cipherSuites().stream().map(Enum::name).toList(), random);
    }
    return TlsParties.server(n.name(), n.listen(), n.tcp(), n.cores(), s.costs(), isn, serverConfig(tls, pki, n.name(), shared), random,
        pki.epoch(), pki::key);
  }

  /** The JDK's protocol names for the versions in range ("TLSv1", "TLSv1.1", "TLSv1.2"). */
  private static List<String> jdkProtocols(TlsSpec tls) {
    List<String> names = new ArrayList<>();
    for (ProtocolVersion v : List.of(ProtocolVersion.TLS10, ProtocolVersion.TLS11, ProtocolVersion.TLS12)) {
      if (v.compareTo(tls.minVersion()) >= 0 && v.compareTo(tls.maxVersion()) <= 0) {
        names.add(v.equals(ProtocolVersion.TLS10) ? "TLSv1" : v.toString());
      }
    }
    return names;
  }

  static ClientConfig clientConfig(TlsSpec tls, Provisioning.Result pki) {
    VerificationPolicy.Builder policy = VerificationPolicy.builder()
        .checkHostname(tls.checkHostname())
        .revocation(tls.revocation())
        .acceptAny(tls.acceptAny());
    tls.trust().forEach(t -> policy.trustAnchor(pki.anchor(t)));
    CertificateVerifier verifier = new CertificateVerifier(policy.build(), RevocationSource.of(pki.crls()));
    // defaults() gives the client its own session store: its connections resume each other's sessions.
    return ClientConfig.defaults(tls.serverName(), verifier)
        .withVersions(tls.minVersion(), tls.maxVersion())
        .withCipherSuites(tls.cipherSuites())
        .withGroups(tls.groups())
        .withExtendedMasterSecret(tls.extendedMasterSecret())
        .withResumption(tls.resumption().equals("session-id") || tls.resumption().equals("both"),
            tls.resumption().equals("ticket") || tls.resumption().equals("both"));
  }

  static ServerConfig serverConfig(TlsSpec tls, Provisioning.Result pki, String node, RunShared shared) {
    Provisioning.Issued cert = pki.certificates().get(tls.certificate());
    return ServerConfig.defaults(cert.chain(), cert.keyPair().getPrivate())
        .withVersions(tls.minVersion(), tls.maxVersion())
        .withCipherSuites(tls.cipherSuites())
        .withGroups(tls.groups())
        .withExtendedMasterSecret(tls.extendedMasterSecret())
        .withSessionCache(tls.sessionCache() == null ? null : shared.sessionCache(node, tls.sessionCache()))
        .withTicketKeys(tls.tickets() == null ? null : shared.ticketKeys(node, tls.tickets(), pki.epoch()));
  }
}
