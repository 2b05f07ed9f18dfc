package dev.tlssim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.events.TraceJson;
import dev.tlssim.sim.Pacing;
import org.junit.jupiter.api.Test;

/** Paced runs follow the wall clock and still produce the very same trace. */
class PacingTest {
  private static final String YAML = """
      nodes:
        client: {role: client}
        server: {role: server}
      network: {latency: 100ms}
      timeline:
        - {at: 0ms, connect: {id: c1, from: client, to: server, request: 100B, response: 1KB}}
      """;

  @Test
  void aPacedRunTakesItsVirtualDurationOnTheWallClockAndChangesNothingElse() {
    Scenario s = Runs.scenario(YAML);
    long start = System.nanoTime();
    RunResult paced = Runs.RUNNER.start(s, Pacing.wallClock(2.0)).join();
    long wall = System.nanoTime() - start;
    RunResult fast = Runs.RUNNER.run(s);
    // The run's last event is the final ACK of the FIN exchange at 700 ms of virtual time; at speed 2
    // that is 350 ms of wall time.
    assertThat(paced.simulation().endNanos()).isEqualTo(700_000_000L);
    assertThat(wall).isGreaterThanOrEqualTo(350_000_000L);
    assertThat(TraceJson.toBytes(paced.trace())).isEqualTo(TraceJson.toBytes(fast.trace()));
  }
}
