package dev.tlssim.cli;

import dev.tlssim.scenario.ScenarioException;
import dev.tlssim.scenario.ScenarioRunner;
import dev.tlssim.sweep.CryptoMode;
import dev.tlssim.sweep.ProgressBarDisplay;
import dev.tlssim.sweep.ProgressLines;
import dev.tlssim.sweep.SweepOutput;
import dev.tlssim.visualizer.SweepReport;
import dev.tlssim.sweep.SweepPlan;
import dev.tlssim.sweep.SweepProgress;
import dev.tlssim.sweep.SweepReader;
import dev.tlssim.sweep.SweepResult;
import dev.tlssim.sweep.SweepRunner;
import dev.tlssim.sweep.SweepSpec;
import dev.tlssim.sweep.TrialResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tlssim sweep}: runs a scenario over a grid of conditions, many trials per cell, and
 * summarises a latency. Reading and expanding the sweep file is {@link SweepReader} and
 * {@link SweepPlan}'s, running {@link SweepRunner}'s, the numbers and files {@link SweepResult}'s.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Runs a base scenario over a grid of conditions, many trials per cell, each trial with its own seed "
            + "derived from the sweep seed, the cell's values and the trial number (so results do not depend on "
            + "parallelism). Keys and certificates come from the sweep seed: every trial talks to the same server.",
        "A sweep file has one top-level key, sweep:, with name, description, scenario (path relative to the sweep "
            + "file), seed (default 1), trials per cell (default 100), metric (handshakeMs (default), responseMs, "
            + "firstAppByteMs or tcpConnectMs, or a list of them, the first being the primary), connection (default: the scenario's first), crypto (per-trial (default) or per-cell), "
            + "baseline (a variant the report compares every other variant with, cell by cell; trial k of each "
            + "variant then meets the same network draws as the baseline's) and grid. A grid axis is "
            + "an override path with values (network.loss: [0%%, 1%%]) or a name with variants, each a mapping of "
            + "overrides (suite: {rsa: {nodes.client.tls.suites: [TLS_RSA_WITH_AES_128_GCM_SHA256]}, ecdhe: {}}).",
        "Writes results/<sweep>/<run-id>/: sweep.csv (one row per trial), stats.csv (per cell: n, successes, "
            + "successRate, mean, p50, p75, p90, p95, p99, max of each metric over trials that reached it; "
            + "nearest-rank percentiles: the p-th of n sorted values is v[ceil(p*n/100)]), sweep.yaml and "
            + "scenario.yaml (rerun with ./tlssim sweep DIR/sweep.yaml). Prints the statistics as a table."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the sweep ran and its results were written",
        "2:invalid input (file:line:column: field: message) or the results cannot be written",
        "3:internal error (a run failed inside the simulator)"})
final class SweepCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "Sweep YAML file.")
  Path file;

  @Option(names = "--crypto", paramLabel = "MODE",
      description = "per-trial (each trial its own TLS randoms and keys) or per-cell (a cell's trials share them and "
          + "reuse every public-key result: faster, but identical TLS bytes within a cell). Default: the file's, "
          + "else per-trial.")
  String crypto;

  @Option(names = "--out", paramLabel = "DIR", description = "Write results here instead of results/<sweep>/<run-id>/.")
  Path out;

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
    CryptoMode mode = null;
    if (crypto != null) {
      try {
        mode = CryptoMode.parse(crypto);
      } catch (IllegalArgumentException e) {
        return badInput("--crypto: " + e.getMessage());
      }
    }
    SweepPlan plan;
    try {
      SweepSpec s = SweepReader.read(file);
      s = run.seed == null ? s : s.withSeed(run.seed);
      s = mode == null ? s : s.withCrypto(mode);
      plan = SweepPlan.of(run.trials == null ? s : s.withTrials(run.trials));
    } catch (ScenarioException e) {
      err.println(e.report());
      err.flush();
      return TlssimCommand.BAD_INPUT;
    }
    SweepSpec s = plan.spec();
    Path dir = out != null ? out : RunOutput.newRunDir(TlssimCommand.home().resolve("results"), s.name(), s.seed());
    stdout.printf(Locale.ROOT, "sweep %s: %d cells x %d trials = %d runs, %s of connection %s (%d in flight%s)%n",
        s.name(), plan.cells().size(), s.trials(), plan.runs(),
        s.metrics().stream().map(m -> m.field()).collect(java.util.stream.Collectors.joining(", ")), plan.connection(),
        run.parallel, s.crypto() == CryptoMode.PER_CELL ? ", cryptography per cell" : "");
    stdout.flush();
    long start = System.nanoTime();
    List<TrialResult> results;
    try (ScenarioRunner runner = new ScenarioRunner(); SweepProgress progress = progress(s.name(), plan.runs(), err)) {
      results = new SweepRunner(runner, run.parallel).run(plan, progress);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    SweepResult result = SweepResult.of(plan, results);
    try {
      SweepOutput.write(result, dir);
      SweepReport.write(dir);
    } catch (UncheckedIOException e) {
      return badInput(e.getMessage() + ": " + e.getCause().getMessage());
    }
    if (out == null) {
      RunOutput.linkLatest(dir);
    }
    stdout.print(result.table());
    stdout.printf(Locale.ROOT, "%d runs in %.1f s (%.0f runs/s)%n", plan.runs(), seconds, plan.runs() / seconds);
    stdout.println("results: " + dir);
    stdout.flush();
    return TlssimCommand.OK;
  }

  /** A bar on a terminal; in logs (CI, pipes) a line every 10 seconds. */
  private static SweepProgress progress(String name, long total, PrintWriter err) {
    return System.console() != null
        ? new ProgressBarDisplay(name, total)
        : new ProgressLines(err, name, total, Duration.ofSeconds(10));
  }

  private int badInput(String message) {
    spec.commandLine().getErr().println("tlssim sweep: " + message);
    spec.commandLine().getErr().flush();
    return TlssimCommand.BAD_INPUT;
  }
}
