package dev.tlssim.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps of several metrics, on the catalog's reconnect scenario at 50 ms one way and no loss,
 * where every trial of the second connection takes exactly 3 RTT (full) or 2 RTT (ticket) to
 * finish its handshake and half an RTT more for the first application byte.
 */
class SweepMetricsTest {
  private static final ScenarioRunner RUNNER = new ScenarioRunner();
  private static final Path RECONNECT = Path.of("../scenarios/tls12-reconnect.yaml");

  @TempDir Path dir;

  @AfterAll
  static void close() {
    RUNNER.close();
  }

  private SweepResult sweep(String metric) throws IOException {
    Files.copy(RECONNECT, dir.resolve("reconnect.yaml"), StandardCopyOption.REPLACE_EXISTING);
    Path file = dir.resolve("metrics.yaml");
    Files.writeString(file, """
        sweep:
          name: metrics
          scenario: reconnect.yaml
          connection: again
          trials: 2
          metric: %s
          grid:
            mode:
              full: {nodes.client.tls.resumption: none}
              ticket: {nodes.client.tls.resumption: ticket}
        """.formatted(metric));
    SweepPlan plan = SweepPlan.of(SweepReader.read(file));
    return SweepResult.of(plan, new SweepRunner(RUNNER, 4).run(plan, SweepProgress.NONE));
  }

  @Test
  void statsHaveARowPerCellPerMetricInTheListedOrder() throws IOException {
    SweepResult r = sweep("[firstAppByteMs, handshakeMs]");
    assertThat(r.statsCsv()).isEqualTo("""
        # sweep metrics, seed 1, 2 trials per cell, base scenario tls12-reconnect
        # metrics: firstAppByteMs, handshakeMs of connection again, virtual milliseconds, over the successful \
        trials (those that reached it)
        # percentiles: nearest rank, the p-th of n ascending values v[1..n] is v[ceil(p*n/100)]; mean rounded \
        half-even to 1 ns; empty when no trial succeeded
        mode,cell,metric,n,successes,successRate,mean,p50,p75,p90,p95,p99,max
        full,0,firstAppByteMs,2,2,1,350,350,350,350,350,350,350
        full,0,handshakeMs,2,2,1,300,300,300,300,300,300,300
        ticket,1,firstAppByteMs,2,2,1,250,250,250,250,250,250,250
        ticket,1,handshakeMs,2,2,1,200,200,200,200,200,200,200
        """);
    // The primary leads: trials.csv's first metric column and stats().
    assertThat(r.sweepCsv()).startsWith("mode,cell,trial,seed,result,firstAppByteMs,tcpConnectMs,handshakeMs,"
        + "responseMs,packets,retransmissions\n");
    assertThat(r.stats().get(1).max()).isEqualByComparingTo("250");
    assertThat(r.stats(Metric.HANDSHAKE).get(1).max()).isEqualByComparingTo("200");
  }

  @Test
  void theTableHasABlockPerMetric() throws IOException {
    String table = sweep("[handshakeMs, firstAppByteMs]").table();
    String nl = System.lineSeparator();
    assertThat(table).isEqualTo(String.join(nl,
        "handshakeMs (virtual ms, successful trials; ok% = success rate)",
        "mode    n    ok%   mean    p50    p90    p99    max",
        "full    2  100.0  300.0  300.0  300.0  300.0  300.0",
        "ticket  2  100.0  200.0  200.0  200.0  200.0  200.0",
        "",
        "firstAppByteMs (virtual ms, successful trials; ok% = success rate)",
        "mode    n    ok%   mean    p50    p90    p99    max",
        "full    2  100.0  350.0  350.0  350.0  350.0  350.0",
        "ticket  2  100.0  250.0  250.0  250.0  250.0  250.0",
        ""));
  }

  @Test
  void aSingleMetricKeepsTheSingularHeaderAndOneRowPerCell() throws IOException {
    SweepResult r = sweep("firstAppByteMs");
    assertThat(r.statsCsv()).contains("\n# metric: firstAppByteMs of connection again, virtual milliseconds,")
        .endsWith("""
            mode,cell,metric,n,successes,successRate,mean,p50,p75,p90,p95,p99,max
            full,0,firstAppByteMs,2,2,1,350,350,350,350,350,350,350
            ticket,1,firstAppByteMs,2,2,1,250,250,250,250,250,250,250
            """);
    assertThat(r.table()).startsWith("firstAppByteMs (virtual ms,").doesNotContain("handshakeMs");
  }
}
