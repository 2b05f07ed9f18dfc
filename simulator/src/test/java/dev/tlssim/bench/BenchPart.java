package dev.tlssim.bench;

import dev.tlssim.scenario.ScenarioRunner;
import java.util.List;

/**
 * Runs one part of the bench alone, for iterating on it (the whole bench takes minutes):
 * {@code java -cp simulator/target/tlssim.jar:simulator/target/test-classes dev.tlssim.bench.BenchPart memory|load [quick]}.
 * The process stays up for a while at the memory plateau when {@code -Dtlssim.bench.pauseSeconds}
 * is set, so that a heap histogram can be taken then ({@code jcmd <pid> GC.class_histogram}).
 */
public final class BenchPart {
  private BenchPart() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: BenchPart memory|load [quick]");
      System.exit(2);
    }
    BenchSettings settings = args.length > 1 && args[1].equals("quick") ? BenchSettings.smoke() : BenchSettings.standard();
    try (ScenarioRunner runner = new ScenarioRunner()) {
      List<BenchRow> rows = switch (args[0]) {
        case "memory" -> new MemoryBench(runner, settings, System.err::println).run();
        default -> throw new IllegalArgumentException("no bench part '" + args[0] + "'");
      };
      rows.forEach(System.out::println);
    }
  }
}
