package dev.tlssim.bench;

import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.scenario.Provisioning;
import dev.tlssim.scenario.Scenario;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A TLS 1.3 resumption in psk_dhe_ke mode (RFC 8446 §2.2, §4.2.9) simulated end to end, as the
 * TLS 1.2 {@link ResumedHandshake} is: the client offers the ticket of its previous connection and
 * a fresh x25519 share, the server accepts the PSK, sends no certificate and issues the next
 * ticket. Each simulated run does one full handshake first (setup, not counted, its CPU time in the
 * run's), then the measured resumptions from the same client, one after the other: a TLS 1.3 client
 * uses a ticket once (RFC 8446 §C.4), so a connection opened before the previous one's ticket
 * arrived would have none to offer and do a full handshake, which {@link #measured} rejects.
 *
 * <p>The client offers psk_dhe_ke alone, so a resumption it reports (resumedBy psk) is in that mode.
 *
 * @param name metric name suffix
 */
public record Tls13SimulatedResumed(String name) implements HandshakeCase {
  private static final String SETUP_ID = BenchScenarios.id(0);
  /**
   * A connection's ticket is in the client's store 3 round trips (of 10 ms) after it opened: TCP,
   * the handshake, then the NewSessionTicket the server sends once the client's Finished reached it
   * (§4.6.1). 50 ms keeps every connection clear of its predecessor; virtual time between
   * connections costs no CPU.
   */
  private static final long SPACING_MICROS = 50_000;

  /** About three resumptions cost a full handshake (the ECDHE stays, the signature goes). */
  @Override
  public int scale() {
    return 3;
  }

  @Override
  public String description() {
    return "resumed TLS 1.3 handshake, psk_dhe_ke with a ticket and a fresh " + JdkTls13.GROUP + " share, "
        + JdkTls13.SUITE + ", no certificate; each simulated run first does one full handshake (RSA-2048 "
        + "certificate) for the first ticket (not counted as a handshake, its CPU time included), then resumes "
        + "one connection after the other, every resumption bringing the next ticket";
  }

  @Override
  public String baseline() {
    return EngineBench.BASELINE;
  }

  @Override
  public Scenario scenario(int handshakes) {
    String yaml = tls("bench-" + name, "resumption: ticket, pskModes: [psk_dhe_ke]") + "timeline:\n"
        + BenchScenarios.connectEntries(0, handshakes + 1, 0, SPACING_MICROS, 0, 0, true);
    return BenchScenarios.parse("bench-" + name, yaml);
  }

  /**
   * TLS 1.3 alone, {@link JdkTls13#SUITE} over {@link JdkTls13#GROUP}, the TLS 1.2 scenarios' PKI;
   * the server issues tickets (a lifetime of an hour, as in the catalog's scenarios) whether or not
   * the client uses them, as the JDK's does.
   */
  static String tls(String name, String clientOptions) {
    return BenchScenarios.tls(name, JdkTls13.SUITE, JdkTls13.GROUP, "versions: [\"1.3\"], " + clientOptions,
        "versions: [\"1.3\"], tickets: {lifetime: 1h}");
  }

  @Override
  public boolean measured(ConnectionSummary c) {
    boolean setup = SETUP_ID.equals(c.id());
    String expected = setup ? "full" : "abbreviated";
    String resumedBy = setup ? null : "psk";
    // Handshake only, no request: a connection that got through is "established".
    if (!"established".equals(c.result()) || !"TLSv1.3".equals(c.version()) || !expected.equals(c.handshake())
        || !Objects.equals(resumedBy, c.resumedBy()) || !JdkTls13.SUITE.equals(c.cipherSuite())) {
      throw new IllegalStateException("bench " + name + ": connection " + c.id() + " ended " + c.result()
          + " with a " + c.version() + " " + c.handshake() + " handshake"
          + (c.resumedBy() == null ? "" : " resumed by " + c.resumedBy()) + " on " + c.cipherSuite()
          + ", expected an established TLSv1.3 " + expected + " handshake" + (setup ? "" : " resumed by psk")
          + " on " + JdkTls13.SUITE);
    }
    return !setup;
  }

  /**
   * The JDK resuming from per-thread clients: JDK 17's client, too, uses a session's PSK once, so
   * loops sharing one client context would race for it and some would fall back to a full
   * handshake. Clients (each a client and a server context, set up with a full handshake) are
   * taken from a pool for one handshake and put back; one per core is made up front and another
   * only when more threads than that run at once.
   */
  @Override
  public HandshakeCase.JdkBaseline jdk(Provisioning.Result pki) {
    ConcurrentLinkedQueue<JdkEngines> pool = new ConcurrentLinkedQueue<>();
    String negotiated = null;
    for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
      JdkEngines engines = setUp(pki);
      try {
        negotiated = JdkTls13.handshake(engines.resumingClient(), engines.server(), true);
      } catch (Exception e) {
        throw new IllegalStateException("bench " + name + ": " + e.getMessage(), e);
      }
      pool.add(engines);
    }
    return new HandshakeCase.JdkBaseline(() -> {
      JdkEngines engines = pool.poll();
      if (engines == null) {
        engines = setUp(pki);
      }
      JdkTls13.handshake(engines.resumingClient(), engines.server(), true);
      pool.add(engines);
    }, negotiated + ", no Certificate; the server sent a new ticket with each resumption");
  }

  /** Contexts whose client holds a ticket from a full handshake. */
  private JdkEngines setUp(Provisioning.Result pki) {
    JdkEngines engines = new JdkEngines(pki, "server", "root", JdkTls13.SUITE, true, "TLSv1.3");
    try {
      JdkTls13.handshake(engines.resumingClient(), engines.server(), false);
    } catch (Exception e) {
      throw new IllegalStateException("bench " + name + ": the JDK baseline's setup failed: " + e.getMessage(), e);
    }
    return engines;
  }
}
