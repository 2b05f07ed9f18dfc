package dev.tlssim.scenario;

import dev.tlssim.party.ServerParty;
import dev.tlssim.party.TlsParties;
import dev.tlssim.tls.handshake.ServerConfig;
import dev.tlssim.tls.handshake13.Tls13ServerConfig;
import dev.tlssim.tls.handshake13.Tls13TicketPolicy;
import dev.tlssim.tls.negotiation.ServerVersions;
import java.time.Duration;
import java.util.function.Supplier;

/** A server of our TLS engine: its certificate, session cache, tickets, staple and 0-RTT policy. */
final class TlsServerBuilder {
  private TlsServerBuilder() {}

  static ServerParty party(NodeContext node) {
    return TlsParties.server(node.basics(), node.node().listen(),
        config(node.tls(), node.pki(), node.node().name(), node.shared()), node.random(), node.pki().epoch(),
        node.pki()::key);
  }

  /** The engine's configuration for TLS 1.2, 1.3 or both, as the versions say. */
  static ServerVersions config(TlsSpec tls, Provisioning.Result pki, String node, RunShared shared) {
    TlsServerSpec server = tls.server();
    Provisioning.Issued cert = pki.certificates().get(server.certificate());
    Supplier<byte[]> staple = server.staple() ? StapledResponse.of(cert, pki) : null;
    ServerConfig tls12 = null;
    if (tls.speaksTls12()) {
      tls12 = ServerConfig.defaults(cert.chain(), cert.keyPair().getPrivate())
          .withVersions(tls.minVersion(), tls.maxVersion())
          .withCipherSuites(tls.cipherSuites())
          .withGroups(tls.groups())
          .withExtendedMasterSecret(tls.extendedMasterSecret())
          .withSessionCache(server.sessionCache() == null ? null : shared.sessionCache(node, server.sessionCache()))
          .withTicketKeys(server.tickets() == null ? null : shared.ticketKeys(node, server.tickets(), pki.epoch()))
          .withStapledOcspResponse(staple);
    }
    Tls13ServerConfig tls13 = null;
    if (tls.speaksTls13()) {
      tls13 = Tls13ServerConfig.defaults(cert.chain(), cert.keyPair().getPrivate())
          .withCipherSuites(tls.tls13Suites())
          .withGroups(tls.groups())
          .withStapledOcspResponse(staple);
      if (server.tickets() != null) {
        tls13 = tls13.withTickets(Tls13TicketPolicy.of(shared.tls13TicketKey(node, server.tickets()))
                .withLifetime(Duration.ofNanos(server.tickets().lifetimeNanos()))
                .withMaxEarlyDataSize(server.earlyData().ticketAllowance()))
            .withReplayGuard(shared.replayGuard(node, server.tickets(), server.earlyData()));
      }
    }
    return new ServerVersions(tls12, tls13);
  }
}
