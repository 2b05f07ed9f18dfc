package dev.tlssim.bench;

import dev.tlssim.events.Flow;
import dev.tlssim.events.TlsChannelEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.results.ConnectionSummary;
import java.math.BigDecimal;
import dev.tlssim.scenario.Provisioning;
import dev.tlssim.scenario.RunResult;
import dev.tlssim.scenario.Scenario;
import dev.tlssim.scenario.ScenarioRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bench case does, simulated and with the JDK, the handshake it claims to measure. */
class HandshakeCasesTest {
  private static final Flow FLOW = Flow.parse("client:49152>server:443");
  private static final ScenarioRunner RUNNER = new ScenarioRunner();

  @AfterAll
  static void close() {
    RUNNER.close();
  }

  static java.util.List<HandshakeCase> cases() {
    return HandshakeCases.all();
  }

  /**
   * Enough connections that the last ones open after the first handshake completed (about 30 ms
   * at 1 ms spacing): a client that resumes when it should not, or does not when it should, shows.
   */
  private static final int HANDSHAKES = 40;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everySimulatedHandshakeIsTheMeasuredKind(HandshakeCase c) {
    // Recorded in full here (the bench records only the metrics) so that the trace can be checked too.
    Scenario scenario = c.scenario(HANDSHAKES).withRecording(dev.tlssim.events.Recording.FULL);
    RunResult r = RUNNER.run(scenario);
    assertThat(r.simulation().failure()).isNull();
    // measured() throws for a connection that did another kind of handshake.
    assertThat(r.connections().stream().filter(c::measured).count()).isEqualTo(HANDSHAKES);
    boolean resumes = c instanceof ResumedHandshake || c instanceof Tls13SimulatedResumed;
    assertThat(r.connections()).hasSize(HANDSHAKES + (resumes ? 1 : 0));
    if (c instanceof Tls13SimulatedResumed) {
      // The summary says "psk" for both TLS 1.3 modes; the trace tells psk_dhe_ke from psk_ke.
      java.util.List<String> modes = r.trace().stream()
          .filter(e -> e.event() instanceof TlsChannelEvent.Established && e.node().equals("client"))
          .map(e -> ((TlsChannelEvent.Established) e.event()).keyExchange()).toList();
      assertThat(modes).hasSize(HANDSHAKES + 1).first().isEqualTo("ecdhe");
      assertThat(modes.subList(1, modes.size())).containsOnly("psk_dhe_ke");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theJdkBaselineNegotiatesTheSameKeyExchange(HandshakeCase c) throws Exception {
    Scenario scenario = c.scenario(1);
    HandshakeCase.JdkBaseline jdk = c.jdk(Provisioning.provision(scenario.pki(), scenario.seed()));
    jdk.handshake().run();
    jdk.handshake().run();
    if (c instanceof FullHandshake f) {
      assertThat(jdk.negotiated()).endsWith("full");
      if (f.group() != null) {
        assertThat(jdk.negotiated()).startsWith(f.group());
      }
    } else if (c instanceof Tls13SimulatedFull) {
      assertThat(jdk.negotiated()).startsWith("full, TLS_AES_128_GCM_SHA256 over x25519");
    } else if (c instanceof Tls13SimulatedResumed) {
      // As for TLS 1.2: the handshakes themselves throw unless the ServerHello selected a PSK.
      assertThat(jdk.negotiated()).startsWith("resumed, psk_dhe_ke, TLS_AES_128_GCM_SHA256 over x25519");
    } else if (c instanceof ResumedHandshake resumed) {
      // The handshakes themselves throw unless they resumed by the expected mechanism.
      assertThat(jdk.negotiated()).startsWith("resumed by " + (resumed.by() == Resumption.TICKET ? "ticket"
          : "session ID")).contains("no Certificate");
    }
  }

  @Test
  void aResumedCaseCountsOnlyResumptionsByItsMechanism() {
    ResumedHandshake c = (ResumedHandshake) HandshakeCases.all().stream().filter(ResumedHandshake.class::isInstance)
        .filter(h -> ((ResumedHandshake) h).by() == Resumption.TICKET).findFirst().orElseThrow();
    assertThat(c.measured(established("c0", "full", null))).isFalse();
    assertThat(c.measured(established("c1", "abbreviated", "ticket"))).isTrue();
    assertThatThrownBy(() -> c.measured(established("c2", "full", null)))
        .hasMessageContaining("connection c2 ended established with a full handshake");
    assertThatThrownBy(() -> c.measured(established("c3", "abbreviated", "session-id")))
        .hasMessageContaining("resumed by session-id");
  }

  @Test
  void theSimulatedTls13ResumptionCountsOnlyTls13PskResumptions() {
    HandshakeCase c = simulated("tls13-resumed-psk");
    assertThat(c.measured(tls13("c0", "full", null))).isFalse();
    assertThat(c.measured(tls13("c1", "abbreviated", "psk"))).isTrue();
    // A client that found no ticket does a full handshake: not what the case measures.
    assertThatThrownBy(() -> c.measured(tls13("c2", "full", null)))
        .hasMessageContaining("connection c2 ended established with a TLSv1.3 full handshake");
    // A TLS 1.2 resumption by ticket, even on the TLS 1.3 suite's name, is rejected by version.
    assertThatThrownBy(() -> c.measured(summary("c3", "TLSv1.2", "TLS_AES_128_GCM_SHA256", "abbreviated", "psk")))
        .hasMessageContaining("TLSv1.2 abbreviated");
    assertThatThrownBy(() -> c.measured(established("c4", "abbreviated", "ticket")))
        .hasMessageContaining("expected an established TLSv1.3 abbreviated handshake resumed by psk");
    // The setup connection must be a full TLS 1.3 handshake too.
    assertThatThrownBy(() -> c.measured(summary("c0", "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "full",
        null))).hasMessageContaining("connection c0");
  }

  @Test
  void theSimulatedTls13FullHandshakeRejectsResumptionsAndTls12() {
    HandshakeCase c = simulated("tls13-full-x25519");
    assertThat(c.measured(tls13("c0", "full", null))).isTrue();
    assertThatThrownBy(() -> c.measured(tls13("c1", "abbreviated", "psk")))
        .hasMessageContaining("abbreviated handshake resumed by psk");
    assertThatThrownBy(() -> c.measured(established("c2", "full", null))).hasMessageContaining("TLSv1.2 full");
  }

  @Test
  void theTls13RowsCompareWithTheJdksTls13() {
    assertThat(simulated("tls13-full-x25519").baseline()).isEqualTo("JDK SSLEngine TLSv1.3 in memory");
    assertThat(simulated("tls13-resumed-psk").baseline()).isEqualTo("JDK SSLEngine TLSv1.3 in memory");
    assertThat(simulated("full-ecdhe-x25519").baseline()).isEqualTo("JDK SSLEngine in memory");
  }

  /**
   * More loops at once than the pool holds clients: each still resumes (the handshake throws
   * otherwise), so loops never share a ticket and an extra client is set up when needed.
   */
  @Test
  void theJdkTls13ResumptionBaselineResumesInEveryConcurrentLoop() throws Exception {
    HandshakeCase c = simulated("tls13-resumed-psk");
    Scenario scenario = c.scenario(1);
    HandshakeCase.JdkBaseline jdk = c.jdk(Provisioning.provision(scenario.pki(), scenario.seed()));
    int loops = Runtime.getRuntime().availableProcessors() + 2;
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(loops);
    try {
      assertThat(Loops.run(threads, java.util.Collections.nCopies(loops, jdk.handshake()), 3 * loops, "test"))
          .isEqualTo(3L * loops);
    } finally {
      threads.shutdownNow();
    }
  }

  private static HandshakeCase simulated(String name) {
    return HandshakeCases.all().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
  }

  private static ConnectionSummary tls13(String id, String handshake, String resumedBy) {
    return summary(id, "TLSv1.3", "TLS_AES_128_GCM_SHA256", handshake, resumedBy);
  }

  private static ConnectionSummary established(String id, String handshake, String resumedBy) {
    return summary(id, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", handshake, resumedBy);
  }

  private static ConnectionSummary summary(String id, String version, String suite, String handshake,
      String resumedBy) {
    return new ConnectionSummary(id, "client", "server", FLOW, BigDecimal.ZERO, "established", version,
        suite, null, null, handshake, resumedBy, null, null, null, null, null, null, 0, 0, 0, 0,
        null, null, 0, null, null);
  }

  @Test
  void aConnectionThatDidNotHandshakeIsRejected() {
    HandshakeCase c = HandshakeCases.all().get(0);
    ConnectionSummary failed = new ConnectionSummary("c0", "client", "server", FLOW, BigDecimal.ZERO,
        "alert:unknown_ca", "TLSv1.2", null, null, null, "failed", null, "chain", null, null, null, null, null, 0, 0, 0, 0, null, null, 0,
        null, null);
    assertThatThrownBy(() -> c.measured(failed)).hasMessageContaining("connection c0 ended alert:unknown_ca");
  }
}
