package dev.tlssim.scenario;

import dev.tlssim.sim.TraceEvent;
import java.util.List;
import java.util.function.Predicate;

/** Test helpers: run inline scenarios on one shared runner and query their traces. */
final class Runs {
  static final ScenarioRunner RUNNER = new ScenarioRunner();

  private Runs() {}

  static Scenario scenario(String yaml, String... overrides) {
    return ScenarioLoader.parse("inline.yaml", "inline", yaml, List.of(overrides));
  }

  static RunResult run(String yaml, String... overrides) {
    return RUNNER.run(scenario(yaml, overrides));
  }

  static TraceEvent first(RunResult r, Predicate<TraceEvent> p) {
    return r.simulation().trace().stream().filter(p).findFirst()
        .orElseThrow(() -> new AssertionError("no such trace event"));
  }

  static List<TraceEvent> all(RunResult r, String kind) {
    return r.simulation().trace().stream().filter(e -> e.kind().equals(kind)).toList();
  }

  static long ms(long millis) {
    return millis * 1_000_000L;
  }
}
