package dev.tlssim.bench;

import dev.tlssim.scenario.ScenarioRunner;
import java.util.List;

/**
 * Runs only the kernel part of {@code tlssim bench}, for iterating on the kernel and profiling it
 * (the whole bench takes minutes, most of them in handshakes). Not a test: run it from the test
 * class path, e.g. {@code java -cp simulator/target/classes:simulator/target/test-classes:'simulator/target/lib/*'
 * dev.tlssim.bench.KernelBenchMain [quick]}, with JFR options as wanted.
 */
public final class KernelBenchMain {
  private KernelBenchMain() {}

  public static void main(String[] args) {
    BenchSettings settings = args.length > 0 && args[0].equals("quick") ? BenchSettings.smoke() : BenchSettings.standard();
    try (ScenarioRunner runner = new ScenarioRunner()) {
      List<BenchRow> rows = new KernelBench(runner, settings, message -> System.err.println("bench: " + message)).run();
      System.out.print(ReportFormat.table(new BenchReport(settings.quick() ? "quick" : "full",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), -1, -1, 0, rows, List.of())));
    }
  }
}
