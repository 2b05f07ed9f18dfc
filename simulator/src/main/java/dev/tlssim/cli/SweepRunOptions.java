package dev.tlssim.cli;

import dev.tlssim.sweep.SweepRunner;
import picocli.CommandLine.Option;

/** The options every command that runs sweeps takes: how many trials, which seed, how many runs at once. */
final class SweepRunOptions {
  @Option(names = "--seed", paramLabel = "N", description = "Sweep seed (default: the sweep file's, else 1).")
  Long seed;

  @Option(names = "--trials", paramLabel = "N", description = "Trials per cell (default: the sweep file's, else 100).")
  Integer trials;

  @Option(names = "--parallel", paramLabel = "N",
      description = "Runs in flight at once (default: 4 x cores = ${DEFAULT-VALUE}). Does not change the results.")
  int parallel = SweepRunner.defaultInFlight();

  /** What is wrong with the values given, in one line, or null. */
  String problem() {
    if (trials != null && trials < 1) {
      return "--trials must be at least 1, got " + trials;
    }
    if (parallel < 1) {
      return "--parallel must be at least 1, got " + parallel;
    }
    return null;
  }
}
