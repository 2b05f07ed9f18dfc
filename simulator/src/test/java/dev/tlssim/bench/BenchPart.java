package dev.tlssim.bench;

import dev.tlssim.scenario.ScenarioRunner;
import java.util.List;

/**
 * Runs one part of the bench alone, for iterating on it (the whole bench takes minutes):
 * {@code java -cp simulator/target/tlssim.jar:simulator/target/test-classes dev.tlssim.bench.BenchPart memory|load [quick]}.
 * With {@code -Dtlssim.bench.histogram=N} the memory part shows the N classes that grew most per
 * connection at its plateau.
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
        case "load" -> new LoadBench(runner, settings, System.err::println).run();
        default -> throw new IllegalArgumentException("no bench part '" + args[0] + "'");
      };
      rows.forEach(System.out::println);
    }
  }
}
