package dev.tlssim.bench;

import java.util.List;

/**
 * Everything one bench run measured, with the conditions it ran under: ratios only compare numbers
 * taken in the same process on the same machine, so the machine's load belongs to the result.
 *
 * @param mode               "full" or "quick" (quick numbers are not meaningful)
 * @param cores              processors the JVM saw
 * @param java               the runtime's version
 * @param loadAverageBefore  the one-minute load average when the bench started (-1 if unknown)
 * @param loadAverageAfter   the same when it ended
 * @param wallSeconds        how long the whole bench took
 * @param rows               the metrics
 * @param notes              findings that explain the numbers
 */
public record BenchReport(
    String mode,
    int cores,
    String java,
    double loadAverageBefore,
    double loadAverageAfter,
    double wallSeconds,
    List<BenchRow> rows,
    List<String> notes) {

  public BenchReport {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }
}
