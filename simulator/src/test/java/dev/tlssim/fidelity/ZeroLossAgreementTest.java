package dev.tlssim.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.scenario.ScenarioRunner;
import dev.tlssim.sweep.SweepPlan;
import dev.tlssim.sweep.SweepProgress;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The zero-loss half of the comparison, on scenarios/fidelity/latency.yaml with 2 trials per cell at
 * the measured RTTs (0, 50, 100, 200 ms). Without loss every trial is the same, so the simulated
 * medians are pinned exactly: k round trips (3 for a TLS 1.2 full handshake, 2 otherwise) plus
 * each mode's CPU and stack time under the openssl cost profile. The target holds for every
 * mode: within 1 ms of the measured median at RTT 0 and within 2 % at RTT 50, 100 and 200 ms. A
 * change to the TCP model, the cost profile or the scenario that moves a handshake shows here.
 */
class ZeroLossAgreementTest {
  private static final Path HOME = Path.of("..");
  private static final int[] RTTS = {0, 50, 100, 200};
  /** Mode, round trips, simulated time beyond them (ms, exact). */
  private static final List<Object[]> EXPECTED = List.of(
      new Object[] {"t12_rsa_full", 3, "4.500534"},
      new Object[] {"t12_ecdhe_full", 3, "4.660534"},
      new Object[] {"t12_sessid_resume", 2, "2.371516"},
      new Object[] {"t12_ticket_resume", 2, "2.371982"},
      new Object[] {"t13_full", 2, "4.312038"},
      new Object[] {"t13_resume", 2, "2.52754"});

  private static List<SimulatedHandshake> handshakes;
  private static List<SummaryRow> simulated;
  private static MeasuredData measured;

  @BeforeAll
  static void run() {
    SweepPlan latency = FidelityPlans.load(HOME, 2, null).get(RunGroup.LATENCY);
    try (ScenarioRunner runner = new ScenarioRunner()) {
      handshakes = FidelityRunner.run(Map.of(RunGroup.LATENCY, latency), runner, 4, p -> SweepProgress.NONE);
    }
    simulated = Summaries.of(handshakes.stream().map(SimulatedHandshake::sample).toList());
    measured = MeasuredData.load(HOME);
  }

  private static BigDecimal expected(Object[] mode, int rtt) {
    return new BigDecimal((String) mode[2]).add(BigDecimal.valueOf((long) (int) mode[1] * rtt));
  }

  private static SummaryKey key(int rtt, String mode) {
    return new SummaryKey(RunGroup.LATENCY, rtt, 0, mode, SummaryKey.ALL);
  }

  private static HandshakeStats sim(int rtt, String mode) {
    return simulated.stream().filter(r -> r.key().equals(key(rtt, mode))).findFirst().orElseThrow().stats();
  }

  @Test
  void everyTrialIsTheSameAndNothingIsLost() {
    assertThat(handshakes).hasSize(4 * 6 * 2);
    for (SimulatedHandshake h : handshakes) {
      Object[] mode = EXPECTED.stream().filter(m -> m[0].equals(h.mode())).findFirst().orElseThrow();
      assertThat(h.hsMs()).as(h.toString()).isEqualByComparingTo(expected(mode, h.rttMs()));
      assertThat(h.dropClass()).isEqualTo(DropClass.NONE);
      assertThat(h.resumedBy() != null).as(h.mode() + " resumed").isEqualTo(h.mode().endsWith("_resume"));
    }
  }

  @Test
  void theMediansArePinnedExactly() {
    for (int rtt : RTTS) {
      for (Object[] mode : EXPECTED) {
        HandshakeStats s = sim(rtt, (String) mode[0]);
        assertThat(s.n()).isEqualTo(2);
        assertThat(s.median()).as("RTT %d %s", rtt, mode[0]).isEqualByComparingTo(expected(mode, rtt));
      }
    }
  }

  @Test
  void theMediansMeetTheTargetForEveryMode() {
    for (int rtt : RTTS) {
      for (Object[] mode : EXPECTED) {
        String name = (String) mode[0];
        double sim = sim(rtt, name).median().doubleValue();
        double meas = measured.row(key(rtt, name)).stats().median().doubleValue();
        if (rtt == 0) {
          assertThat(Math.abs(sim - meas)).as("RTT 0 %s: %.3f vs %.3f ms", name, sim, meas).isLessThanOrEqualTo(1.0);
        } else {
          assertThat(Math.abs(sim / meas - 1)).as("RTT %d %s: %.3f vs %.3f ms", rtt, name, sim, meas)
              .isLessThanOrEqualTo(0.02);
        }
      }
    }
  }
}
