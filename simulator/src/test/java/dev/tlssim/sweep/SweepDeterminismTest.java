package dev.tlssim.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.scenario.ScenarioRunner;
import dev.tlssim.sim.RandomStreams;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep is a function of its file and seed: one run in flight or many, the same bytes. */
class SweepDeterminismTest {
  private static final ScenarioRunner RUNNER = new ScenarioRunner();

  @TempDir Path dir;

  @AfterAll
  static void close() {
    RUNNER.close();
  }

  private SweepPlan lossy() {
    return SweepPlan.of(SweepReader.read(SweepFiles.write(dir, """
        sweep:
          scenario: base.yaml
          seed: 3
          trials: 10
          grid:
            network.latency: [5ms, 50ms]
            network.loss: [0%, 10%]
            suite:
              rsa: {nodes.client.tls.suites: [TLS_RSA_WITH_AES_128_GCM_SHA256]}
              ecdhe: {}
        """)));
  }

  @Test
  void oneInFlightAndManyInFlightGiveIdenticalFiles() {
    SweepPlan plan = lossy();
    SweepResult one = SweepResult.of(plan, new SweepRunner(RUNNER, 1).run(plan, SweepProgress.NONE));
    SweepResult many = SweepResult.of(plan, new SweepRunner(RUNNER, 64).run(plan, SweepProgress.NONE));
    assertThat(many.sweepCsv()).isEqualTo(one.sweepCsv());
    assertThat(many.statsCsv()).isEqualTo(one.statsCsv());

    List<TrialResult> trials = one.trials();
    assertThat(trials).hasSize(80);
    assertThat(trials).extracting(TrialResult::seed).doesNotHaveDuplicates();
    // The lossy cells are not trivially alike: some trials retransmit, and their handshakes vary.
    assertThat(trials).anyMatch(t -> t.retransmissions() > 0);
    // Cell 2: 5 ms one way, 10% loss, rsa.
    assertThat(plan.cells().get(2).labels()).containsExactly("5ms", "10%", "rsa");
    assertThat(one.stats().get(2).max()).isGreaterThan(new BigDecimal("30"));
  }

  @Test
  void theVariantsRunTheirOwnSuitesAtTheSameThreeRoundTrips() {
    SweepPlan plan = lossy();
    SweepResult r = SweepResult.of(plan, new SweepRunner(RUNNER, 16).run(plan, SweepProgress.NONE));
    // Cells 0 and 1: 5 ms one way, 0% loss, rsa then ecdhe; both full handshakes of 3 RTT = 30 ms.
    assertThat(r.stats().get(0).max()).isEqualByComparingTo("30");
    assertThat(r.stats().get(1).max()).isEqualByComparingTo("30");
    assertThat(r.sweepCsv()).contains("\n5ms,0%,rsa,0,0,");
  }

  /**
   * With a baseline, a trial's seed leaves the baseline's axis out: trial k of every variant under
   * the same conditions draws the same network randomness, and trials of other conditions do not.
   */
  @Test
  void withABaselineTheVariantsOfOneConditionShareTheirTrialSeeds() throws Exception {
    String sweep = """
        sweep:
          scenario: base.yaml
          trials: 2
          %s
          grid:
            network.loss: [0%%, 10%%]
            suite:
              rsa: {nodes.client.tls.suites: [TLS_RSA_WITH_AES_128_GCM_SHA256]}
              ecdhe: {}
        """;
    SweepPlan shared = SweepPlan.of(SweepReader.read(SweepFiles.write(dir, sweep.formatted("baseline: ecdhe"))));
    // Cells: 0%/rsa, 0%/ecdhe, 10%/rsa, 10%/ecdhe.
    List<Cell> c = shared.cells();
    assertThat(shared.trialSeed(c.get(0), 0)).isEqualTo(shared.trialSeed(c.get(1), 0));
    assertThat(shared.trialSeed(c.get(2), 1)).isEqualTo(shared.trialSeed(c.get(3), 1));
    assertThat(shared.trialSeed(c.get(0), 0)).isNotEqualTo(shared.trialSeed(c.get(0), 1))
        .isNotEqualTo(shared.trialSeed(c.get(2), 0));
    // The sweep without one keeps its seeds: every cell its own.
    SweepPlan own = SweepPlan.of(SweepReader.read(SweepFiles.write(dir, sweep.formatted(""))));
    assertThat(own.trialSeed(own.cells().get(0), 0)).isNotEqualTo(own.trialSeed(own.cells().get(1), 0));
    assertThat(own.trialSeed(own.cells().get(1), 0))
        .isEqualTo(new RandomStreams(1).derive("sweep/network.loss=0%/suite=ecdhe/trial=0"));
    assertThat(shared.trialSeed(c.get(1), 0)).isEqualTo(new RandomStreams(1).derive("sweep/network.loss=0%/trial=0"));
  }
}
