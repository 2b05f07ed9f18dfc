package dev.tlssim.visualizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * report.html for a sweep folder (stats.csv, sweep.csv): latency percentiles and success rate over
 * the RTT per loss level and variant, each variant against the sweep's baseline when it names one,
 * and the latency CDF per loss level. Charts are drawn from aggregates only, so the page's size does
 * not grow with the number of trials.
 */
public final class SweepReport {
  private SweepReport() {}

  public static Path write(Path sweepDir) {
    try {
      List<SweepData> d = SweepData.readAll(sweepDir);
      Path out = sweepDir.resolve("report.html");
      String name = sweepName(d.get(0), sweepDir);
      Files.writeString(out, Html.page(name + " - tlssim sweep", body(name, d)));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the sweep report of " + sweepDir, e);
    }
  }

  /** The sweep's own name, from stats.csv's first comment ("sweep NAME, seed ..."), else the folder's. */
  static String sweepName(SweepData d, Path sweepDir) {
    for (String c : d.comments) {
      if (c.startsWith("sweep ")) {
        return c.substring("sweep ".length()).split("[ ,]")[0];
      }
    }
    return sweepDir.getParent() == null ? "sweep" : sweepDir.getParent().getFileName().toString();
  }

  static String body(String name, SweepData d) {
    return body(name, List.of(d));
  }

  /**
   * The page of a sweep of one or more metrics: the sweep's comments once, then the charts, CDFs
   * and cell table of each metric in turn. The metrics share their comments and axes (one
   * stats.csv), so the first one's stand for all.
   */
  static String body(String name, List<SweepData> metrics) {
    SweepData first = metrics.get(0);
    StringBuilder b = new StringBuilder("<h1>").append(Html.escape(name)).append(" <span class=\"muted\">sweep</span></h1>\n");
    first.comments.forEach(c -> b.append("<p class=\"muted\">").append(Html.escape(c)).append("</p>\n"));
    b.append("<p class=\"muted\">files: <a href=\"stats.csv\">stats.csv</a>, <a href=\"sweep.csv\">sweep.csv</a>, ")
        .append("<a href=\"sweep.yaml\">sweep.yaml</a></p>\n");
    // Only with several metrics do the CDF and table headings need the metric to tell the sections apart.
    boolean named = metrics.size() > 1;
    metrics.forEach(d -> section(b, d, named));
    return b.toString();
  }

  private static void section(StringBuilder b, SweepData d, boolean named) {
    b.append("<h2>").append(Html.escape(d.metric)).append(" over ").append(Html.escape(d.xTitle())).append("</h2>\n<div class=\"charts\">");
    b.append(ChartSvg.figure(over(d, "median " + d.metric, "ms", Stat.P50), "p50 per cell: the typical trial."));
    b.append(ChartSvg.figure(over(d, "p99 " + d.metric, "ms", Stat.P99),
        "p99 per cell: the slow tail, where lost packets wait for retransmission timeouts."));
    b.append(ChartSvg.figure(over(d, "success rate", "trials that reached " + d.metric, Stat.SUCCESS),
        "Share of trials that reached the metric at all."));
    b.append("</div>\n");
    BaselineComparison vs = BaselineComparison.of(d);
    if (vs != null) {
      b.append(BaselineSection.render(vs));
    }
    if (!d.cdfs.isEmpty()) {
      b.append("<h2>").append(named ? Html.escape(d.metric) + ": distribution" : "Distribution")
          .append(" (CDF) per loss level</h2>\n<div class=\"charts\">");
      d.cdfs.forEach((loss, series) -> b.append(ChartSvg.figure(cdf(d, loss, series),
          "Share of trials finished by a given time, loss " + loss + " (from at most " + SweepData.CDF_POINTS
              + " quantiles per series).")));
      b.append("</div>\n");
    }
    b.append(table(d, named));
  }

  enum Stat { P50, P99, SUCCESS }

  private static final int LEGEND_INSIDE_MAX = 5;

  private static XYChart over(SweepData d, String title, String yTitle, Stat stat) {
    Map<String, List<SweepData.Cell>> series = new LinkedHashMap<>();
    d.cells.forEach(cell -> series.computeIfAbsent(d.seriesKey(cell.axes()), k -> new ArrayList<>()).add(cell));
    boolean many = series.size() > LEGEND_INSIDE_MAX;
    XYChart c = many ? ChartSvg.wideChart(title, d.xTitle(), yTitle) : ChartSvg.chart(title, d.xTitle(), yTitle);
    series.forEach((key, cells) -> {
      double[] x = cells.stream().mapToDouble(SweepData.Cell::x).toArray();
      double[] y = cells.stream().mapToDouble(cell -> switch (stat) {
        case P50 -> cell.p50();
        case P99 -> cell.p99();
        case SUCCESS -> cell.successRate() * 100;
      }).toArray();
      XYSeries s = c.addSeries(key, x, y);
      s.setMarker(SeriesMarkers.CIRCLE);
    });
    c.getStyler().setYAxisMin(0.0);
    if (stat == Stat.SUCCESS) {
      c.getStyler().setYAxisMax(100.0);
      c.setYAxisTitle("% of trials");
      if (!many) {
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
      }
    }
    return c;
  }

  private static XYChart cdf(SweepData d, String loss, Map<String, double[][]> series) {
    boolean many = series.size() > LEGEND_INSIDE_MAX;
    XYChart c = many ? ChartSvg.wideChart("CDF, loss " + loss, d.metric + " (ms, log scale)", "share of trials")
        : ChartSvg.chart("CDF, loss " + loss, d.metric + " (ms, log scale)", "share of trials");
    c.getStyler().setXAxisLogarithmic(true);
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisMax(1.0);
    c.getStyler().setYAxisDecimalPattern("0%");
    if (!many) {
      c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
    }
    series.forEach((key, xy) -> {
      if (xy[0].length > 0 && xy[0][0] > 0) {
        XYSeries s = c.addSeries(key, xy[0], xy[1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        s.setMarker(SeriesMarkers.NONE);
      }
    });
    return c;
  }

  private static String table(SweepData d, boolean named) {
    StringBuilder b = new StringBuilder("<h2>Cells").append(named ? ": " + Html.escape(d.metric) : "")
        .append("</h2><table><tr>");
    d.axes.forEach(a -> b.append("<th>").append(Html.escape(SweepData.pretty(a))).append("</th>"));
    b.append("<th>n</th><th>success</th><th>mean</th><th>p50</th><th>p99</th><th>max</th></tr>\n");
    for (SweepData.Cell c : d.cells) {
      b.append("<tr>");
      c.axes().values().forEach(v -> b.append("<td>").append(Html.escape(v)).append("</td>"));
      b.append("<td>").append(c.n()).append("</td><td>").append(Num.ms(c.successRate() * 100)).append("%</td><td>")
          .append(Num.ms(c.mean())).append("</td><td>").append(Num.ms(c.p50())).append("</td><td>")
          .append(Num.ms(c.p99())).append("</td><td>").append(Num.ms(c.max())).append("</td></tr>\n");
    }
    return b.append("</table>\n").toString();
  }
}
