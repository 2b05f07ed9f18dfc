package dev.tlssim.scenario;

import dev.tlssim.party.ServerParty;
import dev.tlssim.party.TlsParties;
import dev.tlssim.tls.config.TlsServerConfig;
import dev.tlssim.tls.v13.Tls13TicketPolicy;
import java.time.Duration;

/** A server of our TLS engine: its certificate, session cache, tickets, staple and 0-RTT policy. */
final class TlsServerBuilder {
  private TlsServerBuilder() {}

  static ServerParty party(NodeContext node) {
    return TlsParties.server(node.basics(), node.node().listen(),
        config(node.tls(), node.pki(), node.node().name(), node.shared(), node.scenario()), node.random(),
        node.pki().epoch(),
        node.pki()::key);
  }

  /** The engine's configuration for TLS 1.2, 1.3 or both, as the versions say. */
  static TlsServerConfig config(TlsSpec tls, Provisioning.Result pki, String node, RunShared shared,
      Scenario scenario) {
    TlsServerSpec server = tls.server();
    Provisioning.Issued cert = pki.certificates().get(server.certificate());
    TlsServerConfig config = TlsServerConfig.defaults(cert.chain(), cert.keyPair().getPrivate(), tls.protocolVersions())
        .withGroups(tls.groups())
        .withStapledOcspResponse(server.staple() ? StapledResponse.of(cert, pki) : null)
        .withAcceptMaxFragmentLength(server.maxFragmentLength().accepts());
    if (tls.speaksTls12()) {
      config = config.withTls12(TlsServerConfig.Tls12Settings.defaults()
          .withVersions(tls.minVersion(), tls.maxVersion())
          .withCipherSuites(tls.cipherSuites())
          .withExtendedMasterSecret(tls.extendedMasterSecret())
          .withSessionCache(server.sessionCache() == null ? null : shared.sessionCache(node, server.sessionCache()))
          .withTicketKeys(server.tickets() == null ? null : shared.ticketKeys(node, server.tickets(), pki.epoch(), scenario)));
    }
    if (tls.speaksTls13()) {
      TlsServerConfig.Tls13Settings tls13 = TlsServerConfig.Tls13Settings.defaults().withCipherSuites(tls.tls13Suites())
          .withGroupSelection(server.groupSelection());
      if (server.tickets() != null) {
        tls13 = tls13.withTickets(Tls13TicketPolicy.of(shared.tls13TicketKey(node, server.tickets(), scenario))
                .withLifetime(Duration.ofNanos(server.tickets().lifetimeNanos()))
                .withMaxEarlyDataSize(server.earlyData().ticketAllowance()))
            .withReplayGuard(shared.replayGuard(node, server.tickets(), server.earlyData()));
      }
      config = config.withTls13(tls13);
    }
    return config;
  }
}
