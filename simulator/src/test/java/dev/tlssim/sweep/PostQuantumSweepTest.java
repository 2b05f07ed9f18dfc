package dev.tlssim.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.scenario.ScenarioRunner;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * scenarios/post-quantum/post-quantum-sweep.yaml with one trial per cell: each variant's overrides
 * give the handshake its name promises (group, retry, an ML-DSA certificate's bytes), and at zero
 * loss the hybrid costs no round trip over classical at any RTT, the HelloRetryRequest exactly one,
 * and ML-DSA's bigger server flight none: it still fits TCP's initial window.
 * (PostQuantumScenarioTest covers the hybrids' message sizes at one RTT; this is the sweep's grid.)
 */
class PostQuantumSweepTest {
  private static final ScenarioRunner RUNNER = new ScenarioRunner();

  /**
   * An ML-DSA leaf in place of the ECDSA one adds at least its key and CertificateVerify signature
   * less ECDSA's (a 65-byte point, a DER signature of at most 72 bytes) to the server's bytes.
   */
  private static final int MLDSA44_EXTRA = (1312 - 65) + (2420 - 72);
  private static final int MLDSA65_EXTRA = (1952 - 65) + (3309 - 72);

  /**
   * Per variant: the group it must end with, its RTTs to the handshake's completion, and for an
   * ML-DSA certificate how many bytes more than the hybrid with ECDSA the server sends at least.
   */
  private static final Map<String, Variant> VARIANTS = Map.of(
      "classical", new Variant("x25519", 2, 0),
      "hybrid", new Variant("X25519MLKEM768", 2, 0),
      "hybrid-hrr", new Variant("X25519MLKEM768", 3, 0),
      "hybrid-mldsa44", new Variant("X25519MLKEM768", 2, MLDSA44_EXTRA),
      "hybrid-mldsa65", new Variant("X25519MLKEM768", 2, MLDSA65_EXTRA));

  private record Variant(String group, int roundTrips, int bytesOverHybrid) {}

  @AfterAll
  static void close() {
    RUNNER.close();
  }

  @Test
  void everyVariantNegotiatesItsGroupAndTakesItsRoundTripsAtZeroLoss() {
    SweepPlan plan = SweepPlan.of(
        SweepReader.read(Path.of("../scenarios/post-quantum/post-quantum-sweep.yaml")).withTrials(1));
    assertThat(plan.spec().baseline()).isEqualTo(new Baseline("kex", "classical"));
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
      BigDecimal rtt = new BigDecimal(cell.labels().get(1).replace("ms", "")).multiply(BigDecimal.valueOf(2));
      assertThat(c.handshakeMs()).as("handshake " + cell.labels())
          .isEqualByComparingTo(rtt.multiply(BigDecimal.valueOf(v.roundTrips())));
      assertThat(c.roundTrips()).as("round trips " + cell.labels()).isEqualByComparingTo(
          BigDecimal.valueOf(v.roundTrips()));
      if (v.bytesOverHybrid() > 0) {
        ConnectionSummary hybrid = runs.get(hybridCell(plan, cell).index());
        assertThat(c.bytesServerToClient() - hybrid.bytesServerToClient()).as("server bytes over hybrid "
            + cell.labels()).isGreaterThanOrEqualTo(v.bytesOverHybrid());
      }
      checked++;
    }
    assertThat(checked).isEqualTo(VARIANTS.size() * 4);
  }

  /** The hybrid (ECDSA) cell of the same RTT and loss. */
  private static Cell hybridCell(SweepPlan plan, Cell cell) {
    return plan.cells().stream().filter(c -> c.labels().get(0).equals("hybrid"))
        .filter(c -> c.labels().subList(1, 3).equals(cell.labels().subList(1, 3))).findFirst().orElseThrow();
  }
}
