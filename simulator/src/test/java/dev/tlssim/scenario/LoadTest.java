package dev.tlssim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.party.PartyAction;
import dev.tlssim.results.ConnectionTracker;
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

  @Test
  void aLoadMayHaveAMillionConnectionsWithoutListingThem() {
    Scenario s = Runs.scenario(YAML.replace("COUNT", "1000000").replace("ARRIVALS", "poisson") + """
        expect:
          - {connection: web-0999999, result: completed}
        compare:
          - {baseline: web-0000001, with: web-1000000}
        """);
    Load load = (Load) s.timeline().get(0).action();
    assertThat(load.count()).isEqualTo(1_000_000);
    assertThat(load.hasConnection("web-1000000")).isTrue();
    assertThat(load.hasConnection("web-0000000")).isFalse();
    assertThat(load.hasConnection("web-1000001")).isFalse();
    assertThat(load.hasConnection("web-999999")).as("ids are zero-padded").isFalse();
  }

  @Test
  void anExpectationOnAConnectionNoLoadOpensIsRejected() {
    assertThatThrownBy(() -> Runs.scenario(YAML.replace("COUNT", "100").replace("ARRIVALS", "poisson") + """
        expect:
          - {connection: web-101, result: completed}
        """)).isInstanceOf(ScenarioException.class).hasMessageContaining("no connection 'web-101' in the timeline");
  }

  @Test
  void aConnectIdInALoadsPatternIsUsedTwice() {
    assertThatThrownBy(() -> Runs.scenario(YAML.replace("COUNT", "100").replace("ARRIVALS", "poisson") + """
          - {at: 2s, connect: {id: web-042, from: client, to: server}}
        """)).isInstanceOf(ScenarioException.class).hasMessageContaining("connection id 'web-042' is used twice");
    assertThatThrownBy(() -> Runs.scenario(YAML.replace("COUNT", "100").replace("ARRIVALS", "poisson") + """
          - {at: 2s, load: {id: web, from: client, to: server, count: 5, rate: 10/s}}
        """)).isInstanceOf(ScenarioException.class).hasMessageContaining("load id 'web' is used twice");
  }

  @Test
  void loadSummariesAreTheSameAtEveryRecordingLevel() {
    String yaml = YAML.replace("COUNT", "1200").replace("ARRIVALS", "poisson").replace("rate: 100/s", "rate: 2000/s")
        + """
        expect:
          - {connection: web-1100, result: completed}
        """;
    RunResult full = Runs.run(yaml + "recording: full\n");
    RunResult summary = Runs.run(yaml + "recording: summary\n");
    assertThat(summary.trace()).isEmpty();
    assertThat(full.trace()).isNotEmpty();
    assertThat(summary.loads()).isEqualTo(full.loads());
    assertThat(summary.loads().get(0).count()).isEqualTo(1200);
    assertThat(summary.loads().get(0).completed()).isEqualTo(1200);
    assertThat(summary.connections()).isEqualTo(full.connections());
    // The first 1,000 connections of a load are listed, and those an expectation names.
    assertThat(summary.connections()).hasSize(ConnectionTracker.LISTED_PER_LOAD + 1);
    assertThat(summary.connections().get(ConnectionTracker.LISTED_PER_LOAD).id()).isEqualTo("web-1100");
    assertThat(summary.passed()).isTrue();
  }
}
