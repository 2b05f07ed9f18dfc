package dev.tlssim.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.scenario.ScenarioRunner;
import dev.tlssim.stats.Baseline;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * scenarios/post-quantum/post-quantum-sweep.yaml with one trial per cell: each variant's overrides
 * give the handshake its name promises (group, retry, CertificateVerify scheme), and at zero
 * loss the hybrid costs no round trip over classical at any RTT, the HelloRetryRequest exactly one,
 * and ML-DSA's bigger server flight none: it still fits TCP's initial window.
 * (PostQuantumScenarioTest covers the hybrids' message sizes at one RTT; this is the sweep's grid.)
 */
class PostQuantumSweepTest {
  private static final ScenarioRunner RUNNER = new ScenarioRunner();

  /** Per variant: the group and CertificateVerify scheme it must end with, and its RTTs to completion. */
  private static final Map<String, Variant> VARIANTS = Map.of(
      "classical", new Variant("x25519", "ecdsa_secp256r1_sha256", 2),
      "hybrid", new Variant("X25519MLKEM768", "ecdsa_secp256r1_sha256", 2),
      "hybrid-hrr", new Variant("X25519MLKEM768", "ecdsa_secp256r1_sha256", 3),
      "hybrid-mldsa44", new Variant("X25519MLKEM768", "mldsa44", 2),
      "hybrid-mldsa65", new Variant("X25519MLKEM768", "mldsa65", 2));

  private record Variant(String group, String signature, int roundTrips) {}

  @AfterAll
  static void close() {
    RUNNER.close();
  }

  @Test
  void everyVariantNegotiatesItsGroupAndSchemeAndTakesItsRoundTripsAtZeroLoss() {
    SweepPlan plan = SweepPlan.of(
        SweepReader.read(Path.of("../scenarios/post-quantum/post-quantum-sweep.yaml")).withTrials(1));
    assertThat(plan.spec().baseline()).isEqualTo(new Baseline("variant", "classical"));
    List<ConnectionSummary> runs = new SweepRunner(RUNNER, 2).run(plan, SweepProgress.NONE,
        (cell, trial, seed, r) -> r.connections().stream().filter(c -> c.id().equals(plan.connection())).findFirst()
            .orElseThrow());
    // A variant added to the sweep is added here too, with what it must do.
    assertThat(plan.spec().axes().get(0).values()).extracting(AxisValue::label)
        .containsExactlyInAnyOrderElementsOf(VARIANTS.keySet());
    int checked = 0;
    for (Cell cell : plan.cells()) {
      // Labels: variant, one-way latency, loss.
      if (!cell.labels().get(2).equals("0%")) {
        continue;
      }
      Variant v = VARIANTS.get(cell.labels().get(0));
      ConnectionSummary c = runs.get(cell.index());
      assertThat(c.group()).as("group " + cell.labels()).isEqualTo(v.group());
      assertThat(c.signature()).as("signature " + cell.labels()).isEqualTo(v.signature());
      BigDecimal rtt = new BigDecimal(cell.labels().get(1).replace("ms", "")).multiply(BigDecimal.valueOf(2));
      assertThat(c.handshakeMs()).as("handshake " + cell.labels())
          .isEqualByComparingTo(rtt.multiply(BigDecimal.valueOf(v.roundTrips())));
      assertThat(c.roundTrips()).as("round trips " + cell.labels()).isEqualByComparingTo(
          BigDecimal.valueOf(v.roundTrips()));
      checked++;
    }
    assertThat(checked).isEqualTo(VARIANTS.size() * 4);
  }
}
