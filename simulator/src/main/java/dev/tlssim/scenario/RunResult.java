package dev.tlssim.scenario;

import dev.tlssim.events.TraceRecord;
import dev.tlssim.results.Comparison;
import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.results.LoadSummary;
import dev.tlssim.results.RunRecord;
import dev.tlssim.sim.Simulation;
import dev.tlssim.results.capture.PcapWriter;
import dev.tlssim.tcp.TcpSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished run: the scenario as run, what the kernel returned, the trace (empty at the summary
 * recording level), connection results, verdicts.
 */
public record RunResult(
    Scenario scenario,
    Simulation.Result simulation,
    List<TraceRecord> trace,
    List<String> keyLog,
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
        simulation.events(), simulation.stopReason(), simulation.failure(), outcomes, connections, loads, comparisons,
        scenario.recording(), trace, keyLog, captures(), scenario.effective());
  }

  /** One pcap per node that sent or received packets, addresses 10.0.0.x in scenario order. */
  private Map<String, byte[]> captures() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (simulation.observed().isEmpty()) {
      return out;
    }
    Map<String, Integer> addresses = new LinkedHashMap<>();
    for (Scenario.NodeSpec n : scenario.nodes()) {
      addresses.put(n.name(), addresses.size() + 1);
    }
    Map<String, List<PcapWriter.Captured>> byNode = new LinkedHashMap<>();
    for (Simulation.Observed o : simulation.observed()) {
      if (o.packet().payload() instanceof TcpSegment s) {
        byNode.computeIfAbsent(o.observer(), k -> new ArrayList<>())
            .add(new PcapWriter.Captured(o.timeNanos(), o.packet().source(), o.packet().destination(), s));
      }
    }
    long epochSeconds = scenario.pki().epoch().getEpochSecond();
    byNode.forEach((node, packets) -> out.put(node, PcapWriter.write(packets, addresses, epochSeconds)));
    return out;
  }
}
