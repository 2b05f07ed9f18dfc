package dev.tlssim.sweep;

import dev.tlssim.results.Stats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A finished sweep: every trial in (cell, trial) order and, per metric of the sweep (in its
 * listed order), the statistics of each cell, with their renderings (sweep.csv, stats.csv, the
 * terminal table). The files hold nothing that depends on the machine or the clock, so the same
 * sweep file and seed give identical bytes.
 */
public record SweepResult(SweepPlan plan, List<TrialResult> trials, Map<Metric, List<Stats>> metricStats) {

  public static SweepResult of(SweepPlan plan, List<TrialResult> trials) {
    int perCell = plan.spec().trials();
    Map<Metric, List<Stats>> byMetric = new LinkedHashMap<>();
    for (Metric metric : plan.spec().metrics()) {
      List<Stats> stats = new ArrayList<>();
      for (Cell cell : plan.cells()) {
        List<BigDecimal> values = new ArrayList<>();
        for (TrialResult t : trials.subList(cell.index() * perCell, (cell.index() + 1) * perCell)) {
          if (t.succeeded(metric)) {
            values.add(t.value(metric));
          }
        }
        stats.add(Stats.of(perCell, values));
      }
      byMetric.put(metric, List.copyOf(stats));
    }
    return new SweepResult(plan, List.copyOf(trials), Collections.unmodifiableMap(byMetric));
  }

  /** The statistics of each cell for the primary metric. */
  public List<Stats> stats() {
    return stats(plan.spec().metric());
  }

  /** The statistics of each cell for one of the sweep's metrics. */
  public List<Stats> stats(Metric metric) {
    List<Stats> stats = metricStats.get(metric);
    if (stats == null) {
      throw new IllegalArgumentException("the sweep did not measure " + metric.field());
    }
    return stats;
  }

  private List<String> axisNames() {
    return plan.spec().axes().stream().map(Axis::name).toList();
  }

  /** One row per trial. */
  public String sweepCsv() {
    Metric metric = plan.spec().metric();
    List<Object> header = new ArrayList<>(axisNames());
    header.addAll(List.of("cell", "trial", "seed", "result", metric.field()));
    for (Metric m : Metric.values()) {
      if (m != metric) {
        header.add(m.field());
      }
    }
    header.addAll(List.of("packets", "retransmissions"));
    StringBuilder b = new StringBuilder(Csv.row(header));
    for (TrialResult t : trials) {
      List<Object> row = new ArrayList<>(plan.cells().get(t.cell()).labels());
      row.addAll(List.of(t.cell(), t.trial(), t.seed(), t.result()));
      row.add(t.value(metric));
      for (Metric m : Metric.values()) {
        if (m != metric) {
          row.add(t.value(m));
        }
      }
      row.addAll(List.of(t.packets(), t.retransmissions()));
      b.append(Csv.row(row));
    }
    return b.toString();
  }

  /**
   * One row per cell and metric (cell-major, the metrics in their listed order), after '#' comment
   * lines that say what the numbers are.
   */
  public String statsCsv() {
    SweepSpec spec = plan.spec();
    StringBuilder b = new StringBuilder();
    b.append("# sweep ").append(spec.name()).append(", seed ").append(spec.seed()).append(", ").append(spec.trials())
        .append(" trials per cell, base scenario ").append(plan.base().name()).append('\n');
    // A single metric keeps the singular line, so one-metric sweeps write the same bytes as before lists existed.
    b.append(spec.metrics().size() == 1 ? "# metric: " : "# metrics: ").append(fields(spec.metrics()))
        .append(" of connection ").append(plan.connection())
        .append(", virtual milliseconds, over the successful trials (those that reached it)\n");
    b.append("# percentiles: nearest rank, the p-th of n ascending values v[1..n] is v[ceil(p*n/100)];"
        + " mean rounded half-even to 1 ns; empty when no trial succeeded\n");
    // Only when named: stats.csv of sweeps without a baseline keep their bytes.
    if (spec.baseline() != null) {
      b.append("# ").append(spec.baseline().comment()).append('\n');
    }
    List<Object> header = new ArrayList<>(axisNames());
    header.addAll(List.of("cell", "metric", "n", "successes", "successRate", "mean", "p50", "p75", "p90", "p95", "p99",
        "max"));
    b.append(Csv.row(header));
    for (Cell cell : plan.cells()) {
      for (Metric metric : spec.metrics()) {
        Stats s = stats(metric).get(cell.index());
        List<Object> row = new ArrayList<>(cell.labels());
        row.addAll(List.of(cell.index(), metric.field(), s.n(), s.successes()));
        row.addAll(Arrays.asList(s.successRate(), s.mean(), s.p50(), s.p75(), s.p90(), s.p95(), s.p99(),
            s.max()));
        b.append(Csv.row(row));
      }
    }
    return b.toString();
  }

  private static String fields(List<Metric> metrics) {
    return String.join(", ", metrics.stream().map(Metric::field).toList());
  }

  /**
   * A compact cells-by-statistics table for the terminal: one block per metric, each under its
   * own title line, with the columns of all blocks aligned so they read as one table.
   */
  public String table() {
    List<String> header = new ArrayList<>(axisNames());
    header.addAll(List.of("n", "ok%", "mean", "p50", "p90", "p99", "max"));
    Map<Metric, List<List<String>>> blocks = new LinkedHashMap<>();
    for (Metric metric : plan.spec().metrics()) {
      List<List<String>> rows = new ArrayList<>();
      for (Cell cell : plan.cells()) {
        Stats s = stats(metric).get(cell.index());
        List<String> row = new ArrayList<>(cell.labels());
        row.add(String.valueOf(s.n()));
        row.add(String.format(Locale.ROOT, "%.1f", 100.0 * s.successes() / s.n()));
        for (BigDecimal v : Arrays.asList(s.mean(), s.p50(), s.p90(), s.p99(), s.max())) {
          row.add(v == null ? "-" : String.format(Locale.ROOT, "%.1f", v));
        }
        rows.add(row);
      }
      blocks.put(metric, rows);
    }
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<List<String>> rows : blocks.values()) {
        for (List<String> r : rows) {
          width[i] = Math.max(width[i], r.get(i).length());
        }
      }
    }
    int axes = axisNames().size();
    StringBuilder b = new StringBuilder();
    blocks.forEach((metric, rows) -> {
      if (b.length() > 0) {
        b.append(System.lineSeparator());
      }
      b.append(String.format(Locale.ROOT, "%s (virtual ms, %s)%n", metric.field(),
          "successful trials; ok% = success rate"));
      for (List<String> r : prepend(header, rows)) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
          String cell = r.get(i);
          // Labels read left to right, numbers line up on the right.
          line.append(i == 0 ? "" : "  ").append(i < axes ? pad(cell, width[i], false) : pad(cell, width[i], true));
        }
        b.append(line.toString().stripTrailing()).append(System.lineSeparator());
      }
    });
    return b.toString();
  }

  private static List<List<String>> prepend(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }
}
