package dev.tlssim.bench;

import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.scenario.Provisioning;
import dev.tlssim.scenario.Scenario;

/**
 * A full TLS 1.3 handshake (RFC 8446 §2: ECDHE and a certificate) simulated end to end, as the
 * TLS 1.2 {@link FullHandshake} is: every connection of the run does one between client and server
 * actors over the simulated network and TCP. The PKI is the TLS 1.2 scenarios' (an RSA-2048 server
 * certificate issued by an RSA-2048 root), so the server signs with RSA-PSS (§4.2.3). The JDK
 * baseline does the same handshake with protocol TLSv1.3, from fresh clients that cannot resume.
 *
 * @param name metric name suffix
 */
public record Tls13SimulatedFull(String name) implements HandshakeCase {
  /** As for the TLS 1.2 full handshakes: any spacing works, the run is CPU-bound. */
  private static final long SPACING_MICROS = 1_000;

  @Override
  public String description() {
    return "full TLS 1.3 handshake, " + JdkTls13.SUITE + " over " + JdkTls13.GROUP
        + ", RSA-2048 server certificate issued by an RSA-2048 root (the TLS 1.2 rows' PKI), signed with RSA-PSS; "
        + "the server issues a ticket that the client reads but never offers, as the JDK's does";
  }

  @Override
  public String baseline() {
    return EngineBench.BASELINE;
  }

  @Override
  public Scenario scenario(int handshakes) {
    String yaml = Tls13SimulatedResumed.tls("bench-" + name, "resumption: none")
        + BenchScenarios.connects(handshakes, SPACING_MICROS, 0, 0, true);
    return BenchScenarios.parse("bench-" + name, yaml);
  }

  @Override
  public boolean measured(ConnectionSummary c) {
    // Handshake only, no request: a connection that got through is "established".
    if (!"established".equals(c.result()) || !"TLSv1.3".equals(c.version()) || !"full".equals(c.handshake())
        || c.resumedBy() != null || !JdkTls13.SUITE.equals(c.cipherSuite())) {
      throw new IllegalStateException("bench " + name + ": connection " + c.id() + " ended " + c.result()
          + " with a " + c.version() + " " + c.handshake() + " handshake"
          + (c.resumedBy() == null ? "" : " resumed by " + c.resumedBy()) + " on " + c.cipherSuite()
          + ", expected an established TLSv1.3 full handshake on " + JdkTls13.SUITE);
    }
    return true;
  }

  @Override
  public HandshakeCase.JdkBaseline jdk(Provisioning.Result pki) {
    JdkEngines engines = new JdkEngines(pki, "server", "root", JdkTls13.SUITE, true, "TLSv1.3");
    String negotiated;
    try {
      negotiated = JdkTls13.handshake(engines.client(), engines.server(), false);
    } catch (Exception e) {
      throw new IllegalStateException("bench " + name + ": " + e.getMessage(), e);
    }
    // CertificateVerify is encrypted, so the JDK's scheme cannot be read on the wire; with an RSA key
    // it can only be RSA-PSS in TLS 1.3 (RFC 8446 §4.2.3).
    return new HandshakeCase.JdkBaseline(() -> Tls13FullHandshake.handshake(engines, null),
        negotiated + ", RSA-2048 key");
  }
}
