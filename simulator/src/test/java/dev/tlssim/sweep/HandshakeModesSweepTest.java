package dev.tlssim.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.results.Stats;
import dev.tlssim.scenario.ScenarioRunner;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * scenarios/handshake-modes-sweep.yaml with one trial per cell: in every zero-loss cell each mode
 * takes exactly its round trips to the handshake's completion and to the first request byte at
 * the server, whatever the RTT.
 */
class HandshakeModesSweepTest {
  private static final ScenarioRunner RUNNER = new ScenarioRunner();

  /** Per mode: RTTs to established, and half-RTTs to the request's first byte at the server. */
  private static final Map<String, int[]> ROUND_TRIPS = Map.of(
      "tls12-full", new int[] {3, 7},
      "tls12-session-id", new int[] {2, 5},
      "tls12-ticket", new int[] {2, 5},
      "tls13-full", new int[] {2, 5},
      "tls13-psk", new int[] {2, 5},
      "tls13-0rtt", new int[] {2, 3});

  @AfterAll
  static void close() {
    RUNNER.close();
  }

  @Test
  void everyModeTakesExactlyItsRoundTripsAtZeroLoss() throws Exception {
    SweepPlan plan = SweepPlan.of(SweepReader.read(Path.of("../scenarios/handshake-modes-sweep.yaml")).withTrials(1));
    SweepResult r = SweepResult.of(plan, new SweepRunner(RUNNER, 2).run(plan, SweepProgress.NONE));
    List<Stats> handshake = r.stats(Metric.HANDSHAKE);
    List<Stats> firstByte = r.stats(Metric.FIRST_APP_BYTE);
    int checked = 0;
    for (Cell cell : plan.cells()) {
      // Labels: mode, one-way latency, loss.
      if (!cell.labels().get(2).equals("0%")) {
        continue;
      }
      int[] counts = ROUND_TRIPS.get(cell.labels().get(0));
      BigDecimal rtt = new BigDecimal(cell.labels().get(1).replace("ms", "")).multiply(BigDecimal.valueOf(2));
      assertThat(handshake.get(cell.index()).p50()).as("handshake " + cell.labels())
          .isEqualByComparingTo(rtt.multiply(BigDecimal.valueOf(counts[0])));
      assertThat(firstByte.get(cell.index()).p50()).as("first byte " + cell.labels())
          .isEqualByComparingTo(rtt.multiply(BigDecimal.valueOf(counts[1])).divide(BigDecimal.valueOf(2)));
      checked++;
    }
    assertThat(checked).isEqualTo(6 * 5);
  }
}
