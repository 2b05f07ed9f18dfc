package dev.tlssim.results;

import dev.tlssim.sim.TraceEvent;
import java.io.PrintWriter;
import java.util.List;

/**
 * The handshake of a connection as a compact text ladder for the terminal: each TLS message with
 * the virtual time it was sent, an arrow for its direction and its size, then the outcome, so the
 * round trips can be counted without opening the report.
 */
public final class TextLadder {
  private static final int WIDTH = 34;

  private TextLadder() {}

  public static void print(ConnectionSummary c, List<TraceEvent> trace, PrintWriter out) {
    out.printf("  %s: %s %s %s%n", c.id(), c.client(), "-".repeat(WIDTH - c.client().length() - c.server().length()),
        c.server());
    String clientFlowSide = c.flow() == null ? "" : c.flow();
    long start = Math.round(c.startMs().doubleValue() * 1_000_000);
    for (TraceEvent e : trace) {
      if (!clientFlowSide.equals(e.string("flow"))) {
        continue;
      }
      String line = null;
      if (e.kind().equals("tls.message") && "sent".equals(e.get("dir"))) {
        boolean fromClient = e.node().equals(c.client());
        String label = e.string("name") + " (" + e.get("length") + " B)";
        line = fromClient ? "  " + label + " " + arrow(label, true) : arrow(label, false) + " " + label;
      } else if (e.kind().equals("tls.established") && e.node().equals(c.client())) {
        line = "  == established" + (e.get("resumedBy") != null ? " (resumed by " + e.get("resumedBy") + ")" : "");
      } else if (e.kind().equals("tls.alert") && "sent".equals(e.get("dir")) && Boolean.TRUE.equals(e.get("fatal"))) {
        line = "  !! " + e.node() + " sends alert " + e.get("description");
      }
      if (line != null) {
        out.printf("  %10s ms %s%n", TraceAnalyzer.millis(e.timeNanos() - start).toPlainString(), line);
      }
    }
  }

  private static String arrow(String label, boolean right) {
    int n = Math.max(2, WIDTH - label.length());
    return right ? "-".repeat(n) + ">" : "<" + "-".repeat(n);
  }
}
