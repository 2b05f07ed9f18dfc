package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * report.html for one run, rendered from its result files (summary.json, trace.jsonl) only: the
 * outcome, the expectations, the connection table and a ladder diagram drawn to scale in virtual
 * time.
 */
public final class RunReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunReport() {}

  public static Path write(Path runDir) {
    try {
      JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
      List<JsonNode> trace = readTrace(runDir.resolve("trace.jsonl"));
      StringBuilder b = new StringBuilder();
      boolean pass = "pass".equals(summary.path("outcome").asText());
      b.append("<h1>").append(Html.escape(summary.path("scenario").asText())).append(" <span class=\"")
          .append(pass ? "pass\">PASS" : "fail\">FAIL").append("</span></h1>\n");
      b.append("<p>").append(Html.escape(summary.path("description").asText())).append("</p>\n");
      b.append("<p>seed <code>").append(summary.path("seed").asText()).append("</code>, virtual end ")
          .append(summary.path("virtualEndMs").asText()).append(" ms, ").append(summary.path("events").asText())
          .append(" events. Files: <a href=\"summary.json\">summary.json</a>, <a href=\"trace.jsonl\">trace.jsonl</a>, ")
          .append("<a href=\"scenario.yaml\">scenario.yaml</a>.</p>\n");
      b.append("<h2>Expectations</h2><table><tr><th>expectation</th><th>held</th><th>actual</th></tr>\n");
      for (JsonNode e : summary.path("expectations")) {
        boolean held = e.path("held").asBoolean();
        b.append("<tr><td>").append(Html.escape(e.path("text").asText())).append("</td><td class=\"")
            .append(held ? "pass\">yes" : "fail\">NO").append("</td><td>").append(Html.escape(e.path("actual").asText()))
            .append("</td></tr>\n");
      }
      b.append("</table>\n<h2>Connections</h2>\n").append(connectionTable(summary.path("connections")));
      b.append("<h2>Ladder</h2>\n<p>Time runs down, to scale. Each arrow is one packet on one link; a cross marks a drop.</p>\n");
      b.append(Ladder.svg(trace));
      Path out = runDir.resolve("report.html");
      Files.writeString(out, Html.page(summary.path("scenario").asText() + " - tlssim", b.toString()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the report of " + runDir, e);
    }
  }

  private static String connectionTable(JsonNode connections) {
    if (!connections.isArray() || connections.isEmpty()) {
      return "<p>No connections.</p>\n";
    }
    List<String> columns = new ArrayList<>();
    connections.get(0).fieldNames().forEachRemaining(columns::add);
    StringBuilder b = new StringBuilder("<table><tr>");
    columns.forEach(c -> b.append("<th>").append(Html.escape(c)).append("</th>"));
    b.append("</tr>\n");
    for (JsonNode c : connections) {
      b.append("<tr>");
      for (String col : columns) {
        JsonNode v = c.path(col);
        b.append("<td>").append(v.isNull() ? "-" : Html.escape(v.asText())).append("</td>");
      }
      b.append("</tr>\n");
    }
    return b.append("</table>\n").toString();
  }

  static List<JsonNode> readTrace(Path file) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    if (!Files.exists(file)) {
      return events;
    }
    try (BufferedReader r = Files.newBufferedReader(file)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          events.add(JSON.readTree(line));
        }
      }
    }
    return events;
  }

  /** Groups packet events by packet id, keeping first-seen order. */
  static Map<Long, List<JsonNode>> packets(List<JsonNode> trace) {
    Map<Long, List<JsonNode>> m = new LinkedHashMap<>();
    for (JsonNode e : trace) {
      if (e.path("kind").asText().startsWith("packet.")) {
        m.computeIfAbsent(e.path("id").asLong(), k -> new ArrayList<>()).add(e);
      }
    }
    return m;
  }
}
