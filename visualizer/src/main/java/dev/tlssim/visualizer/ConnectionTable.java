package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The connections of summary.json as a table of the numbers a reader compares; a big run (load
 * generators make hundreds) gets its results counted and its handshake times summarised instead
 * of a row per connection.
 */
final class ConnectionTable {
  static final int MAX_ROWS = 12;
  private static final String[] COLUMNS = {"id", "result", "handshake", "failedCheck", "tcpConnectMs", "handshakeMs",
      "firstAppByteMs", "responseMs", "packets", "retransmissions", "cipherSuite"};

  private ConnectionTable() {}

  static String html(JsonNode connections) {
    if (!connections.isArray() || connections.isEmpty()) {
      return "<p>No connections.</p>\n";
    }
    StringBuilder b = new StringBuilder("<h2>Connections</h2>\n<div class=\"wide\">");
    if (connections.size() > MAX_ROWS) {
      b.append(aggregate(connections));
    }
    b.append("<table><tr>");
    Arrays.stream(COLUMNS).forEach(c -> b.append("<th>").append(c).append("</th>"));
    b.append("</tr>\n");
    int n = 0;
    for (JsonNode c : connections) {
      if (n++ == MAX_ROWS) {
        break;
      }
      String result = c.path("result").asText();
      b.append("<tr>");
      for (String col : COLUMNS) {
        JsonNode v = c.path(col);
        String text = v.isNull() || v.isMissingNode() ? "-" : v.asText();
        if (col.endsWith("Ms") && v.isNumber()) {
          text = Num.ms(v.asDouble());
        }
        String cls = col.equals("result") ? (result.equals("completed") || result.equals("established") ? " class=\"pass\""
            : " class=\"fail\"") : "";
        b.append("<td").append(cls).append(">").append(Html.escape(text)).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table></div>\n");
    if (connections.size() > MAX_ROWS) {
      b.append("<p class=\"muted\">first ").append(MAX_ROWS).append(" of ").append(connections.size())
          .append(" connections shown; all are in summary.json.</p>\n");
    }
    return b.toString();
  }

  private static String aggregate(JsonNode connections) {
    Map<String, Integer> results = new TreeMap<>();
    List<Double> handshakes = new ArrayList<>();
    for (JsonNode c : connections) {
      results.merge(c.path("result").asText(), 1, Integer::sum);
      if (c.path("handshakeMs").isNumber()) {
        handshakes.add(c.path("handshakeMs").asDouble());
      }
    }
    double[] h = handshakes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    StringBuilder b = new StringBuilder("<p><b>").append(connections.size()).append(" connections</b>: ");
    results.forEach((r, n) -> b.append(Html.escape(r)).append(" &times;").append(n).append(" &nbsp;"));
    if (h.length > 0) {
      b.append("<br>handshake ms: p50 ").append(Num.ms(Quantiles.nearestRank(h, 50))).append(", p90 ")
          .append(Num.ms(Quantiles.nearestRank(h, 90))).append(", p99 ").append(Num.ms(Quantiles.nearestRank(h, 99)))
          .append(", max ").append(Num.ms(h[h.length - 1]));
    }
    return b.append("</p>\n").toString();
  }
}
