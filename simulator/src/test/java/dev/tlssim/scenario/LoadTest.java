package dev.tlssim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.party.PartyAction;
import dev.tlssim.sim.RandomStreams;
import dev.tlssim.sim.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Load generators expand into single connections with seeded arrival times. */
class LoadTest {
  private static final String YAML = """
      nodes:
        client: {role: client}
        server: {role: server, cores: 2}
      network: {latency: 10ms}
      timeline:
        - {at: 1s, load: {id: web, from: client, to: server, count: COUNT, rate: 100/s, arrivals: ARRIVALS, request: 100B, response: 1KB}}
      """;

  private static List<Simulation.ScheduledAction> expand(String arrivals, int count, long seed) {
    Scenario s = Runs.scenario(YAML.replace("COUNT", Integer.toString(count)).replace("ARRIVALS", arrivals));
    var entry = s.timeline().get(0);
    return ScenarioRunner.expand(entry, (Load) entry.action(), new RandomStreams(seed));
  }

  @Test
  void uniformArrivalsAreEvenlySpaced() {
    var actions = expand("uniform", 3, 1);
    assertThat(actions).extracting(Simulation.ScheduledAction::atNanos)
        .containsExactly(1_000_000_000L, 1_010_000_000L, 1_020_000_000L);
    assertThat(actions).extracting(a -> ((PartyAction.Connect) a.action()).id()).containsExactly("web-1", "web-2", "web-3");
  }

  @Test
  void poissonArrivalsHaveTheRequestedMeanRateAndFollowTheSeed() {
    var actions = expand("poisson", 5000, 1);
    long span = actions.get(actions.size() - 1).atNanos() - actions.get(0).atNanos();
    double rate = (actions.size() - 1) / (span / 1e9);
    assertThat(rate).isBetween(95.0, 105.0);
    assertThat(expand("poisson", 50, 1)).isEqualTo(expand("poisson", 50, 1));
    assertThat(expand("poisson", 50, 1)).isNotEqualTo(expand("poisson", 50, 2));
  }

  @Test
  void everyGeneratedConnectionRuns() {
    RunResult r = Runs.run(YAML.replace("COUNT", "1000").replace("ARRIVALS", "poisson") + """
        expect:
          - {connection: web-0001, result: completed}
          - {connection: web-1000, result: completed}
        """);
    assertThat(r.connections()).hasSize(1000).allSatisfy(c -> assertThat(c.result()).isEqualTo("completed"));
    assertThat(r.passed()).isTrue();
  }

  @Test
  void aLoadIsSummarisedAndCanBeExpected() {
    RunResult r = Runs.run(YAML.replace("COUNT", "101").replace("ARRIVALS", "uniform") + """
        expect:
          - {load: web, completed: 101, failed: 0, handshakeP50Ms: 20, handshakeMaxMs: 20}
          - {load: web, throughputPerSecond: {min: 99, max: 101}}
        """);
    assertThat(r.passed()).isTrue();
    var load = r.loads().get(0);
    // 101 arrivals 10 ms apart, each handshake 20 ms: completions 10 ms apart, 100 gaps in 1 s.
    assertThat(load.throughputPerSecond()).isEqualByComparingTo("100");
    assertThat(load.handshakeMs().n()).isEqualTo(101);
  }
}
