package dev.tlssim.fidelity;

import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.scenario.ScenarioRunner;
import dev.tlssim.sweep.SweepPlan;
import dev.tlssim.sweep.SweepProgress;
import dev.tlssim.sweep.SweepRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the fidelity sweeps through the sweep machinery ({@link SweepRunner}: its per-trial seeds and
 * in-flight bound, so the results do not depend on parallelism) and keeps, of each run, the measured
 * connection's handshake time and its drop class, read from the run's events as the run ends.
 */
public final class FidelityRunner {
  private FidelityRunner() {}

  /** Every simulated handshake, group by group in {@link RunGroup} order, each in (cell, trial) order. */
  public static List<SimulatedHandshake> run(Map<RunGroup, SweepPlan> plans, ScenarioRunner runner, int parallel,
      Function<SweepPlan, SweepProgress> progress) {
    List<SimulatedHandshake> out = new ArrayList<>();
    for (Map.Entry<RunGroup, SweepPlan> e : plans.entrySet()) {
      RunGroup group = e.getKey();
      SweepPlan plan = e.getValue();
      String conn = plan.connection();
      try (SweepProgress p = progress.apply(plan)) {
        out.addAll(new SweepRunner(runner, parallel).run(plan, p, (cell, trial, seed, r) -> {
          CellCondition c = CellCondition.of(plan, cell);
          ConnectionSummary s = r.connections().stream().filter(x -> x.id().equals(conn)).findFirst()
              .orElseThrow(() -> new IllegalStateException("the run reported no connection '" + conn + "'"));
          return new SimulatedHandshake(group, c.rttMs(), c.lossPct(), c.mode(), trial, seed, s.result(),
              s.handshakeMs(), DropClassifier.classify(r.trace(), conn), s.resumedBy(), Resend.of(r.trace(), conn));
        }));
      }
    }
    return List.copyOf(out);
  }
}
