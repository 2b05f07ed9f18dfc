package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlssim.events.TraceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * report.html for one run, rendered from its result files (summary.json, trace.jsonl) only: the
 * outcome and expectations, the connections, load charts when the run had load generators, and a
 * ladder diagram per connection with its certificate checks and TLS messages, all clickable.
 */
public final class RunReport {
  /** Side-by-side ladders beyond this many stop fitting a screen; the rest are summarised. */
  static final int MAX_LADDERS = 9;
  static final double MAX_LADDER_PX = 2400;

  private RunReport() {}

  public static Path write(Path runDir) {
    try {
      JsonNode summary = TraceFile.summary(runDir);
      List<TraceRecord> trace = TraceFile.read(runDir.resolve("trace.jsonl"));
      Path out = runDir.resolve("report.html");
      Files.writeString(out, render(summary, trace));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the report of " + runDir, e);
    }
  }

  static String render(JsonNode summary, List<TraceRecord> trace) {
    StringBuilder b = new StringBuilder();
    boolean pass = "pass".equals(summary.path("outcome").asText());
    String name = summary.path("scenario").asText();
    b.append("<h1>").append(Html.escape(name)).append(" <span class=\"badge ").append(pass ? "pass\">PASS" : "fail\">FAIL")
        .append("</span></h1>\n<p class=\"lead\">").append(Html.escape(summary.path("description").asText()))
        .append("</p>\n<p class=\"muted\">seed <code>").append(Html.escape(summary.path("seed").asText()))
        .append("</code> &middot; virtual end ").append(Html.escape(summary.path("virtualEndMs").asText()))
        .append(" ms &middot; ").append(Html.escape(summary.path("events").asText()))
        .append(" events &middot; files: <a href=\"summary.json\">summary.json</a>, <a href=\"trace.jsonl\">trace.jsonl</a>, ")
        .append("<a href=\"scenario.yaml\">scenario.yaml</a></p>\n");
    b.append(ConnectionTable.html(summary.path("connections")));
    if (summary.path("comparisons").isArray() && !summary.path("comparisons").isEmpty()) {
      b.append("<h2>Savings</h2>\n").append(SavingsCharts.html(summary.path("comparisons")));
    }
    if (summary.path("loads").isArray() && !summary.path("loads").isEmpty()) {
      b.append("<h2>Server under load</h2>\n").append(LoadCharts.html(summary.path("loads")));
    }
    b.append(ladders(FlowView.build(trace, summary)));
    b.append(expectations(summary.path("expectations")));
    return Html.page(name + " - tlssim", b.toString());
  }

  private static String ladders(List<FlowView> flows) {
    if (flows.isEmpty()) {
      return "";
    }
    List<FlowView> drawn = flows.subList(0, Math.min(MAX_LADDERS, flows.size()));
    long minRtt = Long.MAX_VALUE;
    double longest = 1;
    for (FlowView v : drawn) {
      long rtt = Rtt.estimateNs(v.packets);
      if (rtt > 0) {
        minRtt = Math.min(minRtt, rtt);
      }
      longest = Math.max(longest, durationMs(v));
    }
    double scale = LadderLayout.scale(minRtt == Long.MAX_VALUE ? -1 : minRtt, longest, MAX_LADDER_PX);
    StringBuilder b = new StringBuilder("<h2>Ladder diagrams</h2>\n<p>Time runs down from each connection's start, ")
        .append("to the same scale in every diagram (").append(Num.ms(scale)).append(" px per virtual ms). ")
        .append("Click an arrow or a message for its fields.</p>\n").append(legend());
    b.append("<div class=\"ladders\">\n");
    for (int i = 0; i < drawn.size(); i++) {
      FlowView v = drawn.get(i);
      LadderLayout layout = new LadderLayout(v, scale, durationMs(v));
      String result = v.result();
      boolean bad = !result.isEmpty() && !result.equals("completed") && !result.equals("established");
      b.append("<section class=\"card\" id=\"conn-").append(Html.escape(v.title())).append("\"><h3>")
          .append(Html.escape(v.title())).append(" <span class=\"res ").append(bad ? "fail" : "pass").append("\">")
          .append(Html.escape(result.isEmpty() ? v.flow.toString() : result)).append("</span></h3>\n")
          .append(LadderSvg.svg(layout, i)).append("\n").append(CertPanel.html(v)).append(KeyPanel.html(v));
      if (!v.messages.isEmpty()) {
        b.append("<details").append(drawn.size() <= 2 ? " open" : "").append("><summary>TLS messages (")
            .append(v.messages.size()).append(")</summary>").append(Inspector.list(v, i)).append("</details>");
      }
      List<PacketPath> packets = v.packets.subList(0, Math.min(LadderLayout.MAX_PACKETS, v.packets.size()));
      b.append("<script type=\"application/json\" id=\"flow-data-").append(i).append("\">")
          .append(Inspector.json(v, packets)).append("</script>").append(Inspector.dumpTemplates(v, i)).append("</section>\n");
    }
    b.append("</div>\n");
    if (flows.size() > drawn.size()) {
      b.append("<p class=\"muted\">").append(flows.size() - drawn.size())
          .append(" more flows not drawn; the connection table above summarises them.</p>\n");
    }
    return b.toString();
  }

  /** A ladder's height: up to its last drawn packet (or handshake mark), from its start. */
  static double durationMs(FlowView v) {
    long end = v.startNs;
    int n = Math.min(LadderLayout.MAX_PACKETS, v.packets.size());
    for (int i = 0; i < n; i++) {
      end = Math.max(end, v.packets.get(i).lastNs());
    }
    end = Math.max(end, v.doneNs);
    return Math.max(1, (end - v.startNs) / 1e6);
  }

  private static String legend() {
    String[][] items = {{"tls", "#0072B2", "2.6", "",
        "segment carrying TLS records (their messages; \"part of\" until the record ends)"},
        {"ack", "#8a8a8a", "1", "", "pure ACK"}, {"syn", "#009E73", "2.4", "", "SYN / SYN-ACK"},
        {"fin", "#CC79A7", "2.2", "8 3", "FIN"}, {"rst", "#D55E00", "2.4", "3 3", "RST"},
        {"retx", "#E69F00", "3.4", "", "\u21bb retransmission"}, {"wait", "#E69F00", "3", "6 5", "wait before a resend: RTO, tail-loss probe (TLP), RACK or SACK loss marking"},
        {"done", "#009E73", "2", "10 4", "handshake done"}};
    StringBuilder b = new StringBuilder("<div class=\"legend\">");
    for (String[] i : items) {
      b.append("<span><svg width=\"44\" height=\"12\"><line x1=\"2\" y1=\"6\" x2=\"42\" y2=\"6\" stroke=\"").append(i[1])
          .append("\" stroke-width=\"").append(i[2]).append("\"").append(i[3].isEmpty() ? "" : " stroke-dasharray=\""
              + i[3] + "\"").append("/></svg> ").append(Html.escape(i[4])).append("</span>");
    }
    return b.append("<span><b style=\"color:#D55E00\">&#x2715;</b> lost packet (with reason)</span></div>\n").toString();
  }

  private static String expectations(JsonNode expectations) {
    if (!expectations.isArray() || expectations.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<h2>Expectations</h2><table><tr><th>expectation</th><th>held</th><th>actual</th></tr>\n");
    for (JsonNode e : expectations) {
      boolean held = e.path("held").asBoolean();
      b.append("<tr><td>").append(Html.escape(e.path("text").asText())).append("</td><td class=\"")
          .append(held ? "pass\">yes" : "fail\">NO").append("</td><td>").append(Html.escape(e.path("actual").asText()))
          .append("</td></tr>\n");
    }
    return b.append("</table>\n").toString();
  }
}
