package dev.tlssim.bench;

import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.scenario.Provisioning;
import dev.tlssim.scenario.Scenario;
import java.io.ByteArrayOutputStream;
import javax.net.ssl.SSLEngine;

/**
 * A full TLS 1.2 handshake with one cipher suite: every connection of the simulated run does it,
 * and the JDK baseline does it between fresh engines that cannot resume.
 *
 * @param name   metric name suffix
 * @param suite  RFC (and JDK) name of the only suite both sides offer
 * @param group  the ECDHE group both sides offer and must be seen to negotiate; null for RSA key
 *               exchange (no ServerKeyExchange)
 */
public record FullHandshake(String name, String suite, String group) implements HandshakeCase {
  /** Scenarios must name some group; it goes unused when the suite has no ECDHE. */
  private static final String DEFAULT_GROUP = "x25519";
  /** Connections open this far apart in virtual time; any spacing works, the run is CPU-bound. */
  private static final long SPACING_MICROS = 1_000;

  @Override
  public String description() {
    return "full TLS 1.2 handshake, " + suite + (group == null ? "" : " over " + group)
        + ", RSA-2048 server certificate issued by an RSA-2048 root";
  }

  @Override
  public Scenario scenario(int handshakes) {
    String yaml = BenchScenarios.tls("bench-" + name, suite, group == null ? DEFAULT_GROUP : group)
        + BenchScenarios.connects(handshakes, SPACING_MICROS, 0, 0, true);
    return BenchScenarios.parse("bench-" + name, yaml);
  }

  @Override
  public boolean measured(ConnectionSummary c) {
    // Handshake only, no request: a connection that got through is "established" (a request would make it
    // "completed" and add application-data work the JDK baseline does not do).
    if (!"established".equals(c.result()) || !"full".equals(c.handshake()) || !suite.equals(c.cipherSuite())) {
      throw new IllegalStateException("bench " + name + ": connection " + c.id() + " ended " + c.result()
          + " with a " + c.handshake() + " handshake on " + c.cipherSuite() + ", expected an established full "
          + "handshake on " + suite);
    }
    return true;
  }

  @Override
  public HandshakeCase.JdkBaseline jdk(Provisioning.Result pki) {
    JdkEngines engines = new JdkEngines(pki, "server", "root", suite);
    ServerFlight flight = sample(engines);
    if (!flight.full() || (group != null && !group.equals(flight.group()))) {
      throw new IllegalStateException("bench " + name + ": the JDK baseline negotiated " + flight
          + ", not a full handshake" + (group == null ? "" : " over " + group));
    }
    String negotiated = flight.group() == null ? "RSA key exchange, full"
        : flight.group() + " signed with " + flight.signature() + ", full";
    return new HandshakeCase.JdkBaseline(() -> handshake(engines, null), negotiated);
  }

  /** One recorded handshake: what did the JDK server actually send? */
  private static ServerFlight sample(JdkEngines engines) {
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    try {
      handshake(engines, sent);
    } catch (Exception e) {
      throw new IllegalStateException("the JDK baseline handshake failed: " + e, e);
    }
    return ServerFlight.parse(sent.toByteArray());
  }

  private static void handshake(JdkEngines engines, ByteArrayOutputStream serverSent) throws Exception {
    SSLEngine client = engines.client();
    SSLEngine server = engines.server();
    InMemoryHandshake.run(client, server, serverSent);
    // The server would keep every session in its cache; a server under this load would evict them.
    server.getSession().invalidate();
    client.getSession().invalidate();
  }
}
