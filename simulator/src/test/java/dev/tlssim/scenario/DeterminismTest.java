package dev.tlssim.scenario;

import static dev.tlssim.scenario.Runs.RUNNER;
import static dev.tlssim.scenario.Runs.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.events.TraceJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A run is a pure function of scenario + seed, whatever the parallelism. */
class DeterminismTest {
  private static final String LOSSY = """
      nodes:
        client: {role: client}
        server: {role: server}
      network:
        latency: 20ms
        jitter: 5ms
        distribution: normal
        loss: 5%
        rate: 20mbit
      timeline:
        - {at: 0ms, connect: {id: a, from: client, to: server, request: 300B, response: 40KB}}
        - {at: 10ms, connect: {id: b, from: client, to: server, request: 300B, response: 40KB}}
      """;

  @Test
  void sameSeedGivesAByteIdenticalTrace() {
    byte[] first = TraceJson.toBytes(RUNNER.run(scenario(LOSSY).withSeed(42)).trace());
    byte[] second = TraceJson.toBytes(RUNNER.run(scenario(LOSSY).withSeed(42)).trace());
    assertThat(first).isEqualTo(second);
    assertThat(first.length).isGreaterThan(10_000);
  }

  @Test
  void differentSeedsUnderLossGiveDifferentTraces() {
    byte[] a = TraceJson.toBytes(RUNNER.run(scenario(LOSSY).withSeed(1)).trace());
    byte[] b = TraceJson.toBytes(RUNNER.run(scenario(LOSSY).withSeed(2)).trace());
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void aThousandParallelRunsEqualTheSameRunsOneByOne() {
    Scenario base = scenario(LOSSY);
    List<byte[]> sequential = new ArrayList<>();
    for (int seed = 0; seed < 1000; seed++) {
      sequential.add(TraceJson.toBytes(RUNNER.run(base.withSeed(seed)).trace()));
    }
    List<CompletableFuture<RunResult>> parallel = new ArrayList<>();
    for (int seed = 0; seed < 1000; seed++) {
      parallel.add(RUNNER.start(base.withSeed(seed)));
    }
    int lossy = 0;
    for (int seed = 0; seed < 1000; seed++) {
      RunResult r = parallel.get(seed).join();
      assertThat(TraceJson.toBytes(r.trace())).as("seed %d", seed).isEqualTo(sequential.get(seed));
      if (r.connections().stream().anyMatch(c -> c.retransmissions() > 0)) {
        lossy++;
      }
    }
    // The runs are not trivially alike: at 5% loss most of them retransmit something.
    assertThat(lossy).isGreaterThan(500);
  }
}
