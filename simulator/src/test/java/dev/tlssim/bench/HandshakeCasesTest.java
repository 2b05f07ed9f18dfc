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

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everySimulatedConnectionIsAMeasuredHandshake(HandshakeCase c) {
    Scenario scenario = c.scenario(3);
    RunResult r = RUNNER.run(scenario);
    assertThat(r.simulation().failure()).isNull();
    assertThat(r.connections()).hasSize(3).allMatch(c::measured);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theJdkBaselineNegotiatesTheSameKeyExchange(HandshakeCase c) throws Exception {
    Scenario scenario = c.scenario(1);
    HandshakeCase.JdkBaseline jdk = c.jdk(Provisioning.provision(scenario.pki(), scenario.seed()));
    jdk.handshake().run();
    jdk.handshake().run();
    assertThat(jdk.negotiated()).endsWith("full");
    if (c instanceof FullHandshake f && f.group() != null) {
      assertThat(jdk.negotiated()).startsWith(f.group());
    }
  }

  @Test
  void aConnectionThatDidNotHandshakeIsRejected() {
    HandshakeCase c = HandshakeCases.all().get(0);
    ConnectionSummary failed = new ConnectionSummary("c0", "client", "server", "flow", BigDecimal.ZERO,
        "alert:unknown_ca", "TLSv1.2", null, "failed", null, "chain", null, null, null, null, null, 0, 0, 0, 0, null, null, 0,
        null);
    assertThatThrownBy(() -> c.measured(failed)).hasMessageContaining("connection c0 ended alert:unknown_ca");
  }
}
