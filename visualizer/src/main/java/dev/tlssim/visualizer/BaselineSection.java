package dev.tlssim.visualizer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The "vs baseline" part of a sweep report: per set of conditions, each variant's p50 and p95
 * with its difference (ms) and ratio to the baseline's, as a table; and, when the sweep has an x
 * axis besides the baseline's, the differences drawn over it, one pair of charts (p50, p95) per
 * combination of the remaining axes (per loss level in an RTT × loss sweep).
 */
final class BaselineSection {
  private BaselineSection() {}

  static String render(BaselineComparison cmp) {
    SweepData d = cmp.data;
    String base = cmp.baseline.variant();
    StringBuilder b = new StringBuilder("<h2>").append(Html.escape(d.metric)).append(" vs ").append(Html.escape(base))
        .append("</h2>\n<p class=\"muted\">Each ").append(Html.escape(SweepData.pretty(cmp.baseline.axis())))
        .append(" beside ").append(Html.escape(base)).append(" under the same conditions: the difference in ms (+ is ")
        .append("slower) and the ratio of its percentile to the baseline's.</p>\n");
    if (!d.xAxis.isEmpty() && !d.xAxis.equals(cmp.baseline.axis())) {
      b.append("<div class=\"charts\">");
      panels(cmp).forEach((panel, rows) -> {
        String where = panel.isEmpty() ? "" : ", " + panel;
        b.append(ChartSvg.figure(chart(d, "p50 \u2212 " + base + where, base, rows, true),
            "p50 of each variant minus " + base + "'s p50 under the same conditions" + where + ", over the "
                + d.xTitle() + ": above 0 is slower than the baseline."));
        b.append(ChartSvg.figure(chart(d, "p95 \u2212 " + base + where, base, rows, false),
            "p95 of each variant minus " + base + "'s p95" + where + ": the tail, where a bigger flight has more "
                + "packets to lose."));
      });
      b.append("</div>\n");
    }
    return b.append(table(cmp)).toString();
  }

  /** The rows grouped by every condition but the x axis ("loss 5%"), baseline rows left out. */
  private static Map<String, List<BaselineComparison.Row>> panels(BaselineComparison cmp) {
    Map<String, List<BaselineComparison.Row>> panels = new LinkedHashMap<>();
    cmp.byConditions.forEach((conditions, rows) -> {
      List<String> parts = new ArrayList<>();
      conditions.forEach((axis, value) -> {
        if (!axis.equals(cmp.data.xAxis)) {
          parts.add(SweepData.pretty(axis) + " " + value);
        }
      });
      List<BaselineComparison.Row> panel = panels.computeIfAbsent(String.join(", ", parts), k -> new ArrayList<>());
      rows.stream().filter(r -> !r.isBaseline()).forEach(panel::add);
    });
    return panels;
  }

  private static XYChart chart(SweepData d, String title, String base, List<BaselineComparison.Row> rows,
      boolean p50) {
    Map<String, List<BaselineComparison.Row>> series = new LinkedHashMap<>();
    rows.forEach(r -> series.computeIfAbsent(r.variant(), k -> new ArrayList<>()).add(r));
    XYChart c = ChartSvg.chart(title, d.xTitle(), "ms more than " + base);
    // Differences start at 0 and may rise anywhere: a legend below the plot hides none of them.
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    series.forEach((variant, list) -> {
      double[] x = list.stream().mapToDouble(r -> r.cell().x()).toArray();
      double[] y = list.stream().mapToDouble(r -> p50 ? r.p50Difference() : r.p95Difference()).toArray();
      XYSeries s = c.addSeries(variant, x, y);
      s.setMarker(SeriesMarkers.CIRCLE);
    });
    return c;
  }

  private static String table(BaselineComparison cmp) {
    SweepData d = cmp.data;
    StringBuilder b = new StringBuilder("<table class=\"vs-baseline\"><tr>");
    cmp.conditionAxes().forEach(a -> b.append("<th>").append(Html.escape(header(a))).append("</th>"));
    b.append("<th>").append(Html.escape(SweepData.pretty(cmp.baseline.axis()))).append("</th>")
        .append("<th>p50</th><th>\u0394 p50</th><th>\u00d7 p50</th><th>p95</th><th>\u0394 p95</th><th>\u00d7 p95</th>")
        .append("</tr>\n");
    cmp.byConditions.forEach((conditions, rows) -> {
      for (BaselineComparison.Row r : rows) {
        b.append("<tr>");
        conditions.forEach((axis, value) -> b.append("<td>").append(Html.escape(value(d, axis, value))).append("</td>"));
        b.append("<td>").append(Html.escape(r.variant())).append("</td><td>").append(Num.ms(r.cell().p50()))
            .append("</td>").append(versus(r, r.p50Difference(), r.p50Ratio()))
            .append("<td>").append(Num.ms(r.cell().p95())).append("</td>")
            .append(versus(r, r.p95Difference(), r.p95Ratio())).append("</tr>\n");
      }
    });
    return b.append("</table>\n").toString();
  }

  /** The baseline's own row says so instead of +0 ms ×1.00. */
  private static String versus(BaselineComparison.Row r, double difference, double ratio) {
    if (r.isBaseline()) {
      return "<td class=\"muted\">baseline</td><td></td>";
    }
    return "<td>" + difference(difference) + "</td><td>" + ratio(ratio) + "</td>";
  }

  /** One-way latency is shown as the RTT, as on the charts' x axis. */
  private static String header(String axis) {
    return axis.equals(SweepData.LATENCY) ? "RTT (ms)" : SweepData.pretty(axis);
  }

  private static String value(SweepData d, String axis, String value) {
    return axis.equals(SweepData.LATENCY) ? Num.ms(2 * SweepData.magnitude(value)) : value;
  }

  /** "+12.5", "-3", "0": ms, signed so a gain and a cost read apart. */
  static String difference(double ms) {
    if (Double.isNaN(ms)) {
      return "-";
    }
    return (ms > 0 ? "+" : "") + Num.ms(ms);
  }

  /** "×1.06": two decimals, enough to tell 5 % from 6 %. */
  static String ratio(double r) {
    if (Double.isNaN(r) || Double.isInfinite(r)) {
      return "-";
    }
    return "\u00d7" + BigDecimal.valueOf(r).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
