package dev.tlssim.party;

import dev.tlssim.pki.CertificateChain;
import dev.tlssim.sim.CostProfile;
import dev.tlssim.tcp.TcpConfig;
import dev.tlssim.tls.config.TlsClientConfig;
import dev.tlssim.tls.config.TlsServerConfig;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * Clients and servers that speak TLS over their TCP connections with our engine. {@code epoch}
 * is the instant virtual time 0 stands for (certificate validity is judged against it); every
 * random byte of the node's handshakes comes from {@code random}, a seeded stream.
 */
public final class TlsParties {
  private TlsParties() {}

  /** What every party is built from: its name, TCP settings, CPU and the seeded stream of its TCP ISNs. */
  public record Node(String name, TcpConfig tcp, int cores, CostProfile costs, SplittableRandom isn) {}

  /**
   * Where a client asks about revocation during the handshake: the node hosting the CA that
   * issued a certificate, and how long it waits for the answer.
   */
  public record OnlineChecks(Function<X509CertificateHolder, String> caNodeOf, long fetchTimeoutNanos) {}

  /**
   * A TLS client of our engine.
   *
   * @param earlyData sends the request as 0-RTT data when TLS 1.3 and the ticket allow
   * @param keyLog    writes the session secrets in NSS key log format
   * @param online    how it asks CAs about revocation; null when it never asks over the network
   */
  public record ClientSetup(Node node, TlsClientConfig versions, boolean earlyData, SecureRandom random, Instant epoch,
      boolean keyLog, OnlineChecks online) {}

  public static ClientParty client(ClientSetup setup) {
    Node n = setup.node();
    TlsClientConfig versions = setup.versions();
    TlsChannel.OnlineRevocation online = setup.online() == null ? null
        : new TlsChannel.OnlineRevocation(setup.online().caNodeOf(), setup.online().fetchTimeoutNanos(), setup.epoch());
    return new ClientParty(n.name(), n.tcp(), n.cores(), n.costs(), n.isn(), party -> (connect, app) -> {
      TlsClientConfig forThis = connect.serverName() == null ? versions : versions.withServerName(connect.serverName());
      // RFC 8446 §2.3: the request goes as 0-RTT data when the ticket allows; the endpoint decides.
      byte[] early = setup.earlyData() && versions.tls13().isPresent() && connect.requestBytes() > 0
          ? RequestResponse.request(connect.requestBytes(), connect.responseBytes()) : null;
      TlsChannel channel = new TlsChannel(party, app,
          now -> forThis.newConnection(setup.random(), setup.epoch().plusNanos(now)), setup.keyLog(), online, early);
      return new ClientParty.ChannelBinding(channel, channel);
    });
  }

  /** A client whose TLS is the JDK's SSLEngine (for interoperability runs). */
  public static ClientParty jdkClient(Node n, List<X509CertificateHolder> anchors, String serverName,
      boolean checkHostname, List<String> protocols, List<String> suites, SecureRandom random) {
    SSLContext context = JdkTls.clientContext(anchors, random);
    return new ClientParty(n.name(), n.tcp(), n.cores(), n.costs(), n.isn(), party -> (connect, app) -> {
      String host = connect.serverName() == null ? serverName : connect.serverName();
      SslEngineChannel channel = new SslEngineChannel(party, app,
          JdkTls.clientEngine(context, host, connect.port(), checkHostname, protocols, suites));
      return new ClientParty.ChannelBinding(channel, channel);
    });
  }

  /** A server whose TLS is the JDK's SSLEngine (for interoperability runs). */
  public static ServerParty jdkServer(Node n, List<Integer> ports, CertificateChain chain,
      AsymmetricKeyParameter key, List<String> protocols, List<String> suites, SecureRandom random) {
    SSLContext context = JdkTls.serverContext(chain, key, random);
    return new ServerParty(n.name(), ports, n.tcp(), n.cores(), n.costs(), n.isn(),
        party -> app -> new SslEngineChannel(party, app, JdkTls.serverEngine(context, protocols, suites)));
  }

  /**
   * A TLS server. It can renew its certificate from a CA during the run (timeline "enroll"):
   * {@code keys} gives the new key pair for (label, key type); connections accepted after the
   * renewal present the new chain.
   */
  public static ServerParty server(Node n, List<Integer> ports, TlsServerConfig config, SecureRandom random,
      Instant epoch, BiFunction<String, String, AsymmetricCipherKeyPair> keys) {
    AtomicReference<TlsServerConfig> current = new AtomicReference<>(config);
    ServerParty party = new ServerParty(n.name(), ports, n.tcp(), n.cores(), n.costs(), n.isn(),
        p -> app -> new TlsChannel(p, app, now -> current.get().newConnection(random, epoch.plusNanos(now)), false));
    party.enableEnrollment(new Enroller(keys,
        (chain, keyPair) -> current.set(current.get().withCertificate(chain, keyPair.getPrivate()))));
    return party;
  }
}
