package dev.tlssim.results;

import dev.tlssim.events.Direction;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.TraceRecord;
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

  public static void print(ConnectionSummary c, List<TraceRecord> trace, PrintWriter out) {
    out.printf("  %s: %s %s %s%n", c.id(), c.client(), "-".repeat(WIDTH - c.client().length() - c.server().length()),
        c.server());
    long start = Math.round(c.startMs().doubleValue() * 1_000_000);
    for (TraceRecord r : trace) {
      if (!(r.event() instanceof TlsChannelEvent e) || !e.flow().equals(c.flow())) {
        continue;
      }
      String line = null;
      if (e instanceof TlsChannelEvent.Message m && m.dir() == Direction.SENT) {
        boolean fromClient = r.node().equals(c.client());
        String label = m.name() + " (" + m.length() + " B)";
        line = fromClient ? "  " + label + " " + arrow(label, true) : arrow(label, false) + " " + label;
      } else if (e instanceof TlsChannelEvent.Established est && r.node().equals(c.client())) {
        line = "  == established" + (est.resumedBy() != null ? " (resumed by " + est.resumedBy() + ")" : "");
      } else if (e instanceof TlsChannelEvent.Alert a && a.dir() == Direction.SENT && a.fatal()) {
        line = "  !! " + r.node() + " sends alert " + a.description();
      }
      if (line != null) {
        out.printf("  %10s ms %s%n", Millis.of(r.timeNanos() - start).toPlainString(), line);
      }
    }
  }

  private static String arrow(String label, boolean right) {
    int n = Math.max(2, WIDTH - label.length());
    return right ? "-".repeat(n) + ">" : "<" + "-".repeat(n);
  }
}
