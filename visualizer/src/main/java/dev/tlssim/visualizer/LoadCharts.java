package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** For a run with load generators (summary.json "loads"): what the server served, and how slowly. */
final class LoadCharts {
  private LoadCharts() {}

  static String html(JsonNode loads) {
    int n = loads.size();
    double[] offered = new double[n];
    double[] served = new double[n];
    double[] p50 = new double[n];
    double[] p99 = new double[n];
    for (int i = 0; i < n; i++) {
      JsonNode l = loads.get(i);
      offered[i] = l.path("offeredPerSecond").asDouble();
      served[i] = l.path("throughputPerSecond").asDouble();
      p50[i] = l.path("handshakeP50Ms").asDouble(Double.NaN);
      p99[i] = l.path("handshakeP99Ms").asDouble(Double.NaN);
    }
    XYChart t = ChartSvg.chart("Throughput", "offered handshakes / s", "served handshakes / s");
    XYSeries ideal = t.addSeries("offered (ideal)", offered, offered);
    ideal.setLineStyle(SeriesLines.DASH_DASH);
    ideal.setMarker(SeriesMarkers.NONE);
    t.addSeries("served", offered, served).setMarker(SeriesMarkers.CIRCLE);
    t.getStyler().setYAxisMin(0.0);
    XYChart h = ChartSvg.chart("Handshake latency", "offered handshakes / s", "handshake (ms)");
    h.addSeries("p50", offered, p50).setMarker(SeriesMarkers.CIRCLE);
    h.addSeries("p99", offered, p99).setMarker(SeriesMarkers.DIAMOND);
    h.getStyler().setYAxisMin(0.0);
    StringBuilder b = new StringBuilder("<div class=\"charts\">");
    b.append(ChartSvg.figure(t, "Served throughput flattens where the server's cores saturate; beyond it the "
        + "offered load only queues."));
    b.append(ChartSvg.figure(h, "Handshake latency percentiles per offered rate: queueing shows up in p99 first."));
    b.append("</div>\n<table><tr><th>load</th><th>offered/s</th><th>served/s</th><th>completed</th><th>failed</th>"
        + "<th>p50 ms</th><th>p99 ms</th><th>max ms</th></tr>");
    for (JsonNode l : loads) {
      b.append("<tr><td>").append(Html.escape(l.path("id").asText())).append("</td><td>")
          .append(Num.ms(l.path("offeredPerSecond").asDouble())).append("</td><td>")
          .append(Num.ms(l.path("throughputPerSecond").asDouble())).append("</td><td>")
          .append(l.path("completed").asText()).append("</td><td>").append(l.path("failed").asText()).append("</td><td>")
          .append(Num.ms(l.path("handshakeP50Ms").asDouble())).append("</td><td>")
          .append(Num.ms(l.path("handshakeP99Ms").asDouble())).append("</td><td>")
          .append(Num.ms(l.path("handshakeMaxMs").asDouble())).append("</td></tr>");
    }
    return b.append("</table>\n").toString();
  }
}
