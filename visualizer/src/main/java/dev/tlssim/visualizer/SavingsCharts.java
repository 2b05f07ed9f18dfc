package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * For a run that compares connections (summary.json "comparisons", e.g. a resumed handshake
 * against the full one): each metric of the candidate as a share of the baseline's, in bars, and
 * the absolute values in a table, so the saving is visible at a glance.
 */
final class SavingsCharts {
  private SavingsCharts() {}

  static String html(JsonNode comparisons) {
    StringBuilder b = new StringBuilder("<div class=\"charts\">");
    StringBuilder tables = new StringBuilder();
    for (JsonNode c : comparisons) {
      String baseline = c.path("baseline").asText();
      String candidate = c.path("candidate").asText();
      List<String> metrics = new ArrayList<>();
      List<Double> shares = new ArrayList<>();
      tables.append("<table><tr><th>").append(Html.escape(candidate)).append(" vs ").append(Html.escape(baseline))
          .append("</th><th>").append(Html.escape(baseline)).append("</th><th>").append(Html.escape(candidate))
          .append("</th><th>saved</th><th>ratio</th></tr>");
      for (JsonNode r : c.path("rows")) {
        String metric = r.path("metric").asText();
        tables.append("<tr><td>").append(Html.escape(metric)).append("</td><td>").append(text(r.path("baseline")))
            .append("</td><td>").append(text(r.path("candidate"))).append("</td><td>").append(text(r.path("saved")))
            .append("</td><td>").append(text(r.path("ratio"))).append("</td></tr>");
        if (r.path("ratio").isNumber()) {
          metrics.add(metric);
          shares.add(r.path("ratio").asDouble() * 100);
        }
      }
      tables.append("</table>\n");
      if (metrics.isEmpty()) {
        continue;
      }
      CategoryChart chart = new CategoryChartBuilder().width(560).height(380)
          .title(candidate + " as % of " + baseline).xAxisTitle("").yAxisTitle("% of " + baseline).build();
      Styler s = chart.getStyler();
      s.setSeriesColors(new Color[] {ChartSvg.PALETTE[0]});
      s.setChartBackgroundColor(Color.WHITE);
      s.setPlotBackgroundColor(Color.WHITE);
      s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
      chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      s.setLegendVisible(false);
      chart.getStyler().setXAxisLabelRotation(30);
      chart.getStyler().setYAxisMin(0.0);
      chart.getStyler().setLabelsVisible(true);
      chart.getStyler().setDecimalPattern("#0.#");
      chart.addSeries(candidate, metrics, shares);
      b.append(ChartSvg.figure(chart, candidate + " measured against " + baseline + ": below 100 % is a saving."));
    }
    return b.append("</div>\n").append(tables).toString();
  }

  private static String text(JsonNode v) {
    return v.isNull() || v.isMissingNode() ? "-" : Html.escape(v.asText());
  }
}
