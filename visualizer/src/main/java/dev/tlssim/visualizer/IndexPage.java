package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * results/index.html: every scenario of a tour with its teaching line, outcome, key numbers (read
 * from the summary.json beside each report) and a link to its report.
 */
public final class IndexPage {
  private IndexPage() {}

  public record Entry(String scenario, String description, boolean passed, String reportPath) {}

  public static Path write(Path resultsRoot, List<Entry> entries) {
    long passed = entries.stream().filter(Entry::passed).count();
    StringBuilder b = new StringBuilder("<h1>tlssim tour</h1>\n<p class=\"lead\">").append(entries.size())
        .append(" scenarios, <span class=\"pass\">").append(passed).append(" passed</span>");
    if (passed < entries.size()) {
      b.append(", <span class=\"fail\">").append(entries.size() - passed).append(" failed</span>");
    }
    b.append(". Click a scenario for its ladder diagrams, certificate checks and charts.</p>\n")
        .append("<table class=\"index\"><tr><th>scenario</th><th>outcome</th><th>what it shows</th>")
        .append("<th>connections</th><th>handshake ms</th><th>result</th></tr>\n");
    for (Entry e : entries) {
      JsonNode connections = connections(resultsRoot.resolve(e.reportPath()));
      b.append("<tr><td><a href=\"").append(Html.escape(e.reportPath())).append("\">").append(Html.escape(e.scenario()))
          .append("</a></td><td><span class=\"badge ").append(e.passed() ? "pass\">pass" : "fail\">FAIL")
          .append("</span></td><td style=\"text-align:left\">").append(Html.escape(e.description())).append("</td><td>")
          .append(connections.size()).append("</td><td>").append(Html.escape(handshakes(connections)))
          .append("</td><td style=\"text-align:left\">").append(Html.escape(results(connections))).append("</td></tr>\n");
    }
    b.append("</table>\n");
    try {
      Files.createDirectories(resultsRoot);
      Path out = resultsRoot.resolve("index.html");
      Files.writeString(out, Html.page("tlssim tour", b.toString()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode connections(Path report) {
    Path summary = report.resolveSibling("summary.json");
    try {
      return Files.exists(summary) ? TraceFile.JSON.readTree(summary.toFile()).path("connections")
          : TraceFile.JSON.createArrayNode();
    } catch (IOException e) {
      // The index still lists a scenario whose summary cannot be read, without its numbers.
      return TraceFile.JSON.createArrayNode();
    }
  }

  /** The first connection's handshake time, or the range over all of them. */
  static String handshakes(JsonNode connections) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (JsonNode c : connections) {
      if (c.path("handshakeMs").isNumber()) {
        min = Math.min(min, c.path("handshakeMs").asDouble());
        max = Math.max(max, c.path("handshakeMs").asDouble());
      }
    }
    if (min == Double.POSITIVE_INFINITY) {
      return "-";
    }
    return min == max ? Num.ms(min) : Num.ms(min) + " \u2013 " + Num.ms(max);
  }

  /** Distinct results with counts: "completed", "completed ×1, alert:unknown_ca ×1". */
  static String results(JsonNode connections) {
    java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    connections.forEach(c -> counts.merge(c.path("result").asText(), 1, Integer::sum));
    if (counts.size() == 1 && connections.size() == 1) {
      return counts.keySet().iterator().next();
    }
    StringBuilder b = new StringBuilder();
    counts.forEach((r, n) -> b.append(b.length() == 0 ? "" : ", ").append(r).append(" \u00d7").append(n));
    return b.toString();
  }
}
