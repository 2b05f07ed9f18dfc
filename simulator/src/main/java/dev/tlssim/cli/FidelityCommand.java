package dev.tlssim.cli;

import dev.tlssim.fidelity.ComparisonTables;
import dev.tlssim.fidelity.FidelityDocument;
import dev.tlssim.fidelity.FidelityPlans;
import dev.tlssim.fidelity.FidelityRunner;
import dev.tlssim.fidelity.MeasuredData;
import dev.tlssim.fidelity.RunGroup;
import dev.tlssim.fidelity.SimulatedHandshake;
import dev.tlssim.fidelity.Summaries;
import dev.tlssim.fidelity.SummaryRow;
import dev.tlssim.fidelity.Table;
import dev.tlssim.scenario.ScenarioException;
import dev.tlssim.scenario.ScenarioRunner;
import dev.tlssim.sweep.Csv;
import dev.tlssim.sweep.ProgressLines;
import dev.tlssim.sweep.SweepPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tlssim fidelity}: runs the sweeps of scenarios/fidelity/ (the measured conditions), classifies
 * each simulated handshake by what it lost, and compares the statistics with the real-stack
 * measurement in scenarios/fidelity/measured/. The work is the fidelity package's; this only wires
 * the options, the files and the output.
 */
@Command(
    name = "fidelity",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Runs scenarios/fidelity/latency.yaml and loss.yaml (the conditions of the real-stack measurement in "
            + "scenarios/fidelity/measured/: six TLS modes, no loss at RTT 0-200 ms, 5 %% and 10 %% loss at RTT 100 ms), "
            + "classifies each simulated handshake by drop class (syn, data, ack, none) from its run's events, and "
            + "prints simulated vs measured median, p75, p90, mean and share >= 1 s per mode and pooled, and the "
            + "medians per drop class. Run from the project folder.",
        "Writes DIR/handshakes.csv (one row per simulated handshake) and DIR/summary.csv (the measured summary.csv's "
            + "format): the same seed and trials give byte-identical files at any --parallel."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the comparison ran", "2:invalid input (a missing file, a bad option)",
        "3:internal error (a run failed inside the simulator)"})
final class FidelityCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", description = "Write the CSVs here instead of results/fidelity/<run-id>/.")
  Path out;

  @Option(names = "--markdown", paramLabel = "FILE",
      description = "Also write the comparison as a markdown document (docs/fidelity.md is made this way); "
          + "the hand-written notes after its marker line are kept.")
  Path markdown;

  @CommandLine.Mixin
  SweepRunOptions run = new SweepRunOptions();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (run.problem() != null) {
      return badInput(run.problem());
    }
    Path home = TlssimCommand.home();
    MeasuredData measured;
    Map<RunGroup, SweepPlan> plans;
    try {
      measured = MeasuredData.load(home);
      plans = FidelityPlans.load(home, run.trials, run.seed);
    } catch (ScenarioException e) {
      err.println(e.report());
      err.flush();
      return TlssimCommand.BAD_INPUT;
    } catch (IllegalArgumentException e) {
      return badInput(e.getMessage());
    }
    int runs = plans.values().stream().mapToInt(SweepPlan::runs).sum();
    stdout.printf(Locale.ROOT, "fidelity: %d runs (%s), %d in flight%n", runs, describe(plans), run.parallel);
    stdout.flush();
    long start = System.nanoTime();
    List<SimulatedHandshake> handshakes;
    try (ScenarioRunner runner = new ScenarioRunner()) {
      handshakes = FidelityRunner.run(plans, runner, run.parallel,
          plan -> new ProgressLines(err, plan.spec().name(), plan.runs(), Duration.ofSeconds(10)));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<SummaryRow> simulated = Summaries.of(handshakes.stream().map(SimulatedHandshake::sample).toList());
    List<Table> tables = ComparisonTables.of(measured, simulated, handshakes);
    long seedShown = plans.get(RunGroup.LATENCY).spec().seed();
    Path dir = out != null ? out : RunOutput.newRunDir(home.resolve("results"), "fidelity", seedShown);
    try {
      Files.createDirectories(dir);
      StringBuilder rows = new StringBuilder(Csv.row(SimulatedHandshake.HEADER));
      handshakes.forEach(h -> rows.append(Csv.row(h.fields())));
      Files.writeString(dir.resolve("handshakes.csv"), rows);
      StringBuilder summary = new StringBuilder(Csv.row(SummaryRow.HEADER));
      simulated.forEach(r -> summary.append(Csv.row(r.fields())));
      Files.writeString(dir.resolve("summary.csv"), summary);
      if (markdown != null) {
        String notes = Files.isRegularFile(markdown) ? FidelityDocument.notesOf(Files.readString(markdown)) : null;
        Files.writeString(markdown, FidelityDocument.markdown(plans, tables, command(plans), notes));
      }
    } catch (IOException e) {
      return badInput("cannot write the results: " + e.getMessage());
    }
    tables.forEach(t -> stdout.print(System.lineSeparator() + t.text()));
    long incomplete = handshakes.stream().filter(h -> h.hsMs() == null).count();
    if (incomplete > 0) {
      stdout.printf(Locale.ROOT, "%d simulated handshakes never completed (left out of the statistics)%n", incomplete);
    }
    stdout.printf(Locale.ROOT, "%d runs in %.1f s%n", runs, seconds);
    stdout.println("results: " + dir);
    stdout.flush();
    return TlssimCommand.OK;
  }

  private static String describe(Map<RunGroup, SweepPlan> plans) {
    StringBuilder b = new StringBuilder();
    plans.forEach((g, p) -> b.append(b.length() == 0 ? "" : "; ").append(g.label()).append(": ")
        .append(p.cells().size()).append(" cells x ").append(p.spec().trials()));
    return b.toString();
  }

  /** The command line that reproduces the document, as docs/fidelity.md states it. */
  private String command(Map<RunGroup, SweepPlan> plans) {
    return "./tlssim fidelity" + (run.trials == null ? "" : " --trials " + run.trials)
        + (run.seed == null ? "" : " --seed " + run.seed)
        + " --markdown " + markdown;
  }

  /** A command line picocli could not parse: one line naming the problem, exit 2. */
  static int badOption(CommandLine.ParameterException ex) {
    PrintWriter err = ex.getCommandLine().getErr();
    err.println("tlssim fidelity: " + ex.getMessage() + " (tlssim fidelity --help lists the options)");
    err.flush();
    return TlssimCommand.BAD_INPUT;
  }

  private int badInput(String message) {
    spec.commandLine().getErr().println("tlssim fidelity: " + message);
    spec.commandLine().getErr().flush();
    return TlssimCommand.BAD_INPUT;
  }
}
