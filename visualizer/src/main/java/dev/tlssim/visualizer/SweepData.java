package dev.tlssim.visualizer;

import dev.tlssim.stats.Baseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep folder's numbers for one metric, aggregated for drawing: per cell the statistics of
 * stats.csv, and per cell a CDF reduced to at most {@link #CDF_POINTS} quantiles from sweep.csv.
 * A sweep of several metrics has one stats.csv row per cell and metric and one sweep.csv column
 * per metric; {@link #readAll} gives one of these per metric. The x axis of the
 * charts is the RTT when the grid varies network.latency (one way, so RTT = 2 × latency), else the
 * first axis; every other axis value combination is a series. A sweep that names a baseline
 * variant says so in a stats.csv comment ({@link Baseline#comment}), read into {@link #baseline}.
 */
final class SweepData {
  static final int CDF_POINTS = 100;
  static final String LATENCY = "network.latency";
  static final String LOSS = "network.loss";

  /** One grid cell: its axis values and what stats.csv says about it. */
  record Cell(Map<String, String> axes, double x, int n, int successes, double successRate, double mean, double p50,
      double p95, double p99, double max) {}

  final String metric;
  final List<String> axes;
  final String xAxis;
  final List<Cell> cells = new ArrayList<>();
  /** Per series key (see {@link #seriesKey}) per loss level: the CDF points of the metric. */
  final Map<String, Map<String, double[][]>> cdfs = new LinkedHashMap<>();
  final List<String> comments;
  /** Null when the sweep names no baseline. */
  final Baseline baseline;

  private SweepData(String metric, List<String> axes, List<String> comments) {
    this.metric = metric;
    this.axes = axes;
    this.xAxis = axes.contains(LATENCY) ? LATENCY : axes.isEmpty() ? "" : axes.get(0);
    this.comments = comments;
    this.baseline = Baseline.find(comments, axes).orElse(null);
  }

  /** The first (primary) metric of the sweep in {@code dir}. */
  static SweepData read(Path dir) throws IOException {
    return readAll(dir).get(0);
  }

  /** One per metric in stats.csv, in the order the metrics first appear there (the primary first). */
  static List<SweepData> readAll(Path dir) throws IOException {
    Csv stats = Csv.read(dir.resolve("stats.csv"));
    int metricCol = stats.col("metric");
    Map<String, SweepData> byMetric = new LinkedHashMap<>();
    if (stats.rows.isEmpty()) {
      byMetric.put("handshakeMs", new SweepData("handshakeMs", stats.axes(), stats.comments));
    }
    for (String[] r : stats.rows) {
      SweepData d = byMetric.computeIfAbsent(r[metricCol], m -> new SweepData(m, stats.axes(), stats.comments));
      Map<String, String> ax = new LinkedHashMap<>();
      d.axes.forEach(a -> ax.put(a, r[stats.col(a)]));
      d.cells.add(new Cell(ax, d.x(ax), (int) Csv.number(r[stats.col("n")]), (int) Csv.number(r[stats.col("successes")]),
          Csv.number(r[stats.col("successRate")]), Csv.number(r[stats.col("mean")]), Csv.number(r[stats.col("p50")]),
          Csv.number(r[stats.col("p95")]), Csv.number(r[stats.col("p99")]), Csv.number(r[stats.col("max")])));
    }
    Path trials = dir.resolve("sweep.csv");
    if (Files.exists(trials)) {
      Csv csv = Csv.read(trials);
      for (SweepData d : byMetric.values()) {
        d.readTrials(csv);
      }
    }
    return List.copyOf(byMetric.values());
  }

  private void readTrials(Csv csv) {
    int metricCol = csv.col(metric);
    if (metricCol < 0) {
      return;
    }
    Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
    for (String[] r : csv.rows) {
      double v = Csv.number(r[metricCol]);
      if (Double.isNaN(v)) {
        continue;
      }
      Map<String, String> ax = new LinkedHashMap<>();
      axes.forEach(a -> ax.put(a, r[csv.col(a)]));
      values.computeIfAbsent(ax.getOrDefault(LOSS, "all"), k -> new LinkedHashMap<>())
          .computeIfAbsent(cdfKey(ax), k -> new ArrayList<>()).add(v);
    }
    values.forEach((loss, bySeries) -> bySeries.forEach((key, list) -> {
      double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      cdfs.computeIfAbsent(loss, k -> new LinkedHashMap<>()).put(key, Quantiles.cdf(sorted, CDF_POINTS));
    }));
  }

  double x(Map<String, String> ax) {
    double v = magnitude(ax.getOrDefault(xAxis, ""));
    return xAxis.equals(LATENCY) ? 2 * v : v;
  }

  String xTitle() {
    return xAxis.equals(LATENCY) ? "RTT (ms)" : pretty(xAxis);
  }

  /** The series a cell belongs to in the charts over the x axis: every other axis value. */
  String seriesKey(Map<String, String> ax) {
    List<String> parts = new ArrayList<>();
    ax.forEach((a, v) -> {
      if (!a.equals(xAxis)) {
        parts.add(pretty(a) + " " + v);
      }
    });
    return parts.isEmpty() ? metric : String.join(", ", parts);
  }

  /** The series of a CDF within one loss level: the RTT and the other axes. */
  String cdfKey(Map<String, String> ax) {
    List<String> parts = new ArrayList<>();
    ax.forEach((a, v) -> {
      if (a.equals(LATENCY)) {
        parts.add("RTT " + Num.ms(2 * magnitude(v)) + " ms");
      } else if (!a.equals(LOSS)) {
        parts.add(pretty(a) + " " + v);
      }
    });
    return parts.isEmpty() ? "all" : String.join(", ", parts);
  }

  static String pretty(String axis) {
    int dot = axis.lastIndexOf('.');
    return dot < 0 ? axis : axis.substring(dot + 1);
  }

  /** "50ms" → 50, "1s" → 1000, "2%" → 2, "10mbit" → 10: the number a chart can place. */
  static double magnitude(String v) {
    String s = v.trim().toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '-')) {
      i++;
    }
    double n = Csv.number(s.substring(0, i));
    String unit = s.substring(i).trim();
    return switch (unit) {
      case "s" -> n * 1000;
      case "us" -> n / 1000;
      case "ns" -> n / 1e6;
      default -> n;
    };
  }
}
