package dev.tlssim.scenario;

import dev.tlssim.events.RunEvent;
import dev.tlssim.events.TraceRecord;
import java.util.List;
import java.util.function.Predicate;

/** Test helpers: run inline scenarios on one shared runner and query their traces by event type. */
final class Runs {
  static final ScenarioRunner RUNNER = new ScenarioRunner();

  private Runs() {}

  /** An event of a known type, where and when it happened. */
  record Seen<E extends RunEvent>(long timeNanos, String node, E event) {}

  static Scenario scenario(String yaml, String... overrides) {
    return ScenarioLoader.parse("inline.yaml", "inline", yaml, List.of(overrides));
  }

  static RunResult run(String yaml, String... overrides) {
    return RUNNER.run(scenario(yaml, overrides));
  }

  static <E extends RunEvent> Seen<E> first(RunResult r, Class<E> type, Predicate<Seen<E>> p) {
    return all(r, type).stream().filter(p).findFirst().orElseThrow(() -> new AssertionError("no such trace event"));
  }

  static <E extends RunEvent> List<Seen<E>> all(RunResult r, Class<E> type) {
    return r.trace().stream().filter(t -> type.isInstance(t.event())).map(t -> seen(t, type)).toList();
  }

  private static <E extends RunEvent> Seen<E> seen(TraceRecord t, Class<E> type) {
    return new Seen<>(t.timeNanos(), t.node(), type.cast(t.event()));
  }

  static long ms(long millis) {
    return millis * 1_000_000L;
  }
}
