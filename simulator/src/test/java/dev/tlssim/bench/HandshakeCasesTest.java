package dev.tlssim.bench;

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
    Scenario scenario = c.scenario(HANDSHAKES);
    RunResult r = RUNNER.run(scenario);
    assertThat(r.simulation().failure()).isNull();
    // measured() throws for a connection that did another kind of handshake.
    assertThat(r.connections().stream().filter(c::measured).count()).isEqualTo(HANDSHAKES);
    int setup = c instanceof ResumedHandshake ? 1 : 0;
    assertThat(r.connections()).hasSize(HANDSHAKES + setup);
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

  private static ConnectionSummary established(String id, String handshake, String resumedBy) {
    return new ConnectionSummary(id, "client", "server", "flow", BigDecimal.ZERO, "established", "TLSv1.2",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", handshake, resumedBy, null, null, null, null, null, null, 0, 0, 0, 0,
        null, null, 0, null, null);
  }

  @Test
  void aConnectionThatDidNotHandshakeIsRejected() {
    HandshakeCase c = HandshakeCases.all().get(0);
    ConnectionSummary failed = new ConnectionSummary("c0", "client", "server", "flow", BigDecimal.ZERO,
        "alert:unknown_ca", "TLSv1.2", null, "failed", null, "chain", null, null, null, null, null, 0, 0, 0, 0, null, null, 0,
        null, null);
    assertThatThrownBy(() -> c.measured(failed)).hasMessageContaining("connection c0 ended alert:unknown_ca");
  }
}
