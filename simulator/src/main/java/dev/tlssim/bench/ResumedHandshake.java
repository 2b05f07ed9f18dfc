package dev.tlssim.bench;

import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.scenario.Provisioning;
import dev.tlssim.scenario.Scenario;

/**
 * A resumed (abbreviated) TLS 1.2 handshake: the client offers the session of an earlier full
 * handshake and both sides skip the certificate and the key exchange. Each simulated run does one
 * full handshake first (setup, not counted, but its CPU time is in the run's), then the measured
 * resumptions from the same client; the JDK does its setup handshake once, when the baseline is built.
 *
 * @param name   metric name suffix
 * @param by     the resumption mechanism, the only one client and server enable
 * @param suite  RFC (and JDK) name of the only suite both sides offer
 * @param group  the ECDHE group of the setup handshake
 */
public record ResumedHandshake(String name, Resumption by, String suite, String group) implements HandshakeCase {
  private static final String SETUP_ID = BenchScenarios.id(0);
  /**
   * The resumptions start once the setup handshake has certainly completed and the client holds
   * its session (it takes 3 round trips of 10 ms); a connection that finds none would do a full
   * handshake and {@link #measured} would reject it.
   */
  private static final long RESUME_AT_MICROS = 200_000;
  /** As for full handshakes: any spacing works, the run is CPU-bound. */
  private static final long SPACING_MICROS = 1_000;

  /** A resumption costs about a tenth of a full handshake: five times as many keep rounds as long. */
  @Override
  public int scale() {
    return 5;
  }

  @Override
  public String description() {
    return "resumed TLS 1.2 handshake by " + by.label() + " (abbreviated: no certificate, no key exchange), "
        + suite + "; each simulated run first does one full handshake over " + group
        + " to get the session (not counted as a handshake, its CPU time included)";
  }

  @Override
  public Scenario scenario(int handshakes) {
    String yaml = BenchScenarios.tls("bench-" + name, suite, group, by.clientOptions(), by.serverOptions())
        + "timeline:\n"
        + BenchScenarios.connectEntries(0, 1, 0, SPACING_MICROS, 0, 0, true)
        + BenchScenarios.connectEntries(1, handshakes, RESUME_AT_MICROS, SPACING_MICROS, 0, 0, true);
    return BenchScenarios.parse("bench-" + name, yaml);
  }

  @Override
  public boolean measured(ConnectionSummary c) {
    boolean setup = SETUP_ID.equals(c.id());
    String expected = setup ? "full" : "abbreviated";
    String resumedBy = setup ? null : by.label();
    // Handshake only, no request: a connection that got through is "established".
    if (!"established".equals(c.result()) || !expected.equals(c.handshake())
        || !java.util.Objects.equals(resumedBy, c.resumedBy()) || !suite.equals(c.cipherSuite())) {
      throw new IllegalStateException("bench " + name + ": connection " + c.id() + " ended " + c.result()
          + " with a " + c.handshake() + " handshake" + (c.resumedBy() == null ? "" : " resumed by " + c.resumedBy())
          + " on " + c.cipherSuite() + ", expected an established " + expected + " handshake"
          + (setup ? "" : " resumed by " + by.label()) + " on " + suite);
    }
    return !setup;
  }

  @Override
  public HandshakeCase.JdkBaseline jdk(Provisioning.Result pki) {
    JdkResumption jdk = JdkResumption.setUp(pki, suite, by);
    String negotiated;
    try {
      negotiated = jdk.describe(jdk.handshake());
    } catch (Exception e) {
      throw new IllegalStateException("bench " + name + ": " + e.getMessage(), e);
    }
    return new HandshakeCase.JdkBaseline(jdk::handshake, negotiated);
  }
}
