package dev.tlssim.party;

import dev.tlssim.sim.CostProfile;
import dev.tlssim.tcp.TcpConfig;
import dev.tlssim.tls.handshake.ClientConfig;
import dev.tlssim.tls.handshake.ServerConfig;
import dev.tlssim.tls.handshake.TlsEndpoint;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Clients and servers that speak TLS over their TCP connections with our engine. {@code epoch}
 * is the instant virtual time 0 stands for (certificate validity is judged against it); every
 * random byte of the node's handshakes comes from {@code random}, a seeded stream.
 */
public final class TlsParties {
  private TlsParties() {}

  public static ClientParty client(String name, TcpConfig tcp, int cores, CostProfile costs, SplittableRandom isn,
      ClientConfig config, SecureRandom random, Instant epoch) {
    return new ClientParty(name, tcp, cores, costs, isn, party -> (connect, app) -> {
      ClientConfig forThis = connect.serverName() == null ? config : new ClientConfig(config.minVersion(),
          config.maxVersion(), config.cipherSuites(), config.groups(), config.signatureSchemes(), connect.serverName(),
          config.offerExtendedMasterSecret(), config.verifier());
      TlsChannel channel = new TlsChannel(party, app, now -> TlsEndpoint.client(forThis, random, epoch.plusNanos(now)));
      return new ClientParty.ChannelBinding(channel, channel);
    });
  }

  public static ServerParty server(String name, List<Integer> ports, TcpConfig tcp, int cores, CostProfile costs,
      SplittableRandom isn, ServerConfig config, SecureRandom random, Instant epoch) {
    return new ServerParty(name, ports, tcp, cores, costs, isn,
        party -> app -> new TlsChannel(party, app, now -> TlsEndpoint.server(config, random, epoch.plusNanos(now))));
  }
}
