package dev.tlssim.scenario;

import dev.tlssim.results.Comparison;
import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.results.LoadSummary;
import dev.tlssim.results.RunRecord;
import dev.tlssim.sim.Simulation;
import java.util.List;

/** A finished run: the scenario as run, what the kernel returned, connection results, verdicts. */
public record RunResult(
    Scenario scenario,
    Simulation.Result simulation,
    List<ConnectionSummary> connections,
    List<LoadSummary> loads,
    List<Comparison> comparisons,
    List<Expectation.Verdict> verdicts) {

  /** All expectations held and no node failed. */
  public boolean passed() {
    return simulation.failure() == null && verdicts.stream().allMatch(Expectation.Verdict::held);
  }

  /** What the result files record. */
  public RunRecord record() {
    List<RunRecord.ExpectationOutcome> outcomes = verdicts.stream()
        .map(v -> new RunRecord.ExpectationOutcome(v.expectation().text(), v.held(), v.actual())).toList();
    return new RunRecord(scenario.name(), scenario.description(), scenario.seed(), passed(), simulation.endNanos(),
        simulation.events(), simulation.stopReason(), simulation.failure(), outcomes, connections, loads, comparisons, simulation.trace(),
        scenario.effective());
  }
}
