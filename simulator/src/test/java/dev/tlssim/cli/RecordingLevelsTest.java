package dev.tlssim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlssim.events.Recording;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.results.ResultWriter;
import dev.tlssim.scenario.RunResult;
import dev.tlssim.scenario.Scenario;
import dev.tlssim.scenario.ScenarioLoader;
import dev.tlssim.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Summaries are computed as the run goes, whatever is kept of the trace: over the whole catalog,
 * summary.json is the same at the full, events and summary recording levels (but for the field
 * naming the level), and each level keeps what it says.
 */
class RecordingLevelsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyCatalogScenarioSummarisesTheSameAtEveryRecordingLevel() throws Exception {
    List<Path> files = Catalog.scenarios(Path.of(".."));
    assertThat(files).hasSizeGreaterThan(30);
    List<String> differing = new ArrayList<>();
    int traced = 0;
    try (ScenarioRunner runner = new ScenarioRunner()) {
      List<CompletableFuture<RunResult>[]> futures = new ArrayList<>();
      for (Path f : files) {
        Scenario s = ScenarioLoader.load(f, List.of());
        @SuppressWarnings("unchecked")
        CompletableFuture<RunResult>[] levels = new CompletableFuture[Recording.values().length];
        for (Recording level : Recording.values()) {
          levels[level.ordinal()] = runner.start(s.withRecording(level));
        }
        futures.add(levels);
      }
      for (CompletableFuture<RunResult>[] levels : futures) {
        RunResult full = levels[Recording.FULL.ordinal()].join();
        RunResult events = levels[Recording.EVENTS.ordinal()].join();
        RunResult summary = levels[Recording.SUMMARY.ordinal()].join();
        String name = full.scenario().name();
        String expected = summaryJson(full);
        for (RunResult other : List.of(events, summary)) {
          if (!summaryJson(other).equals(expected)) {
            differing.add(name + " at " + other.scenario().recording().wireName());
          }
        }
        assertThat(summary.trace()).as(name).isEmpty();
        assertThat(events.trace()).as(name).hasSameSizeAs(full.trace());
        assertThat(events.trace()).as(name).noneMatch(r -> r.event() instanceof TlsChannelEvent.Message m
            && m.hex() != null);
        if (full.trace().stream().anyMatch(r -> r.event() instanceof TlsChannelEvent.Message m && m.hex() != null)) {
          traced++;
        }
      }
    }
    assertThat(differing).isEmpty();
    assertThat(traced).isGreaterThan(20);
  }

  private static String summaryJson(RunResult r) throws Exception {
    Map<String, Object> m = ResultWriter.summary(r.record());
    m.remove("recording");
    return JSON.writeValueAsString(m);
  }
}
