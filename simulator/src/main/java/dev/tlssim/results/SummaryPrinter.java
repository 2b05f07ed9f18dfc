package dev.tlssim.results;

import java.io.PrintWriter;

/** The readable summary `./tlssim run` prints: connections, then expectations. */
public final class SummaryPrinter {
  private SummaryPrinter() {}

  private static String ms(java.math.BigDecimal v) {
    return ResultWriter.ms(v);
  }

  public static void print(RunRecord run, PrintWriter out) {
    out.printf("%s (seed %d): %s%n", run.scenario(), run.seed(), run.passed() ? "PASS" : "FAIL");
    if (run.failure() != null) {
      out.println("  run failed: " + run.failure());
    }
    if (!run.loads().isEmpty()) {
      out.printf("  %-10s %7s %9s %9s %10s %10s %10s %10s%n", "load", "count", "completed", "offered/s", "served/s",
          "hs p50 ms", "hs p90 ms", "hs p99 ms");
      for (LoadSummary l : run.loads()) {
        out.printf("  %-10s %7d %9d %9s %10s %10s %10s %10s%n", l.id(), l.count(), l.completed(),
            l.offeredPerSecond().toPlainString(), ms(l.throughputPerSecond()), ms(l.handshakeMs().p50()),
            ms(l.handshakeMs().p90()), ms(l.handshakeMs().p99()));
      }
    }
    boolean many = run.connections().size() > 20;
    if (many) {
      out.printf("  (%d connections: see summary.json)%n", run.connections().size());
    }
    if (!run.connections().isEmpty() && !many) {
      out.printf("  %-14s %-30s %8s %8s %8s %8s %7s %7s %5s %5s%n", "conn", "result", "tcp ms", "hs ms",
          "1st byte", "resp ms", "up B", "down B", "pkts", "retx");
      for (ConnectionSummary c : run.connections()) {
        out.printf("  %-14s %-30s %8s %8s %8s %8s %7d %7d %5d %5d%n", c.id(), c.result(),
            ResultWriter.ms(c.tcpConnectMs()), ResultWriter.ms(c.handshakeMs()), ResultWriter.ms(c.firstAppByteMs()),
            ResultWriter.ms(c.responseMs()), c.bytesClientToServer(), c.bytesServerToClient(), c.packets(),
            c.retransmissions());
        if (c.handshake() != null) {
          String negotiated = c.version() == null ? "" : c.version() + " " + c.cipherSuite() + ", ";
          out.printf("  %-14s %shandshake %s%s, CPU client %s ms, server %s ms%n", "", negotiated, c.handshake(),
              c.failedCheck() == null ? "" : " (failed check: " + c.failedCheck() + ")",
              ResultWriter.ms(c.cpuClientMs()), ResultWriter.ms(c.cpuServerMs()));
        }
      }
    }
    if (!run.connections().isEmpty() && run.connections().size() <= 2) {
      for (ConnectionSummary c : run.connections()) {
        if (c.handshake() != null) {
          TextLadder.print(c, run.trace(), out);
        }
      }
    }
    for (Comparison c : run.comparisons()) {
      out.printf("  %s vs %s%n  %-20s %12s %12s %12s %8s%n", c.candidate(), c.baseline(), "", c.baseline(),
          c.candidate(), "saved", "ratio");
      for (Comparison.Row r : c.rows()) {
        out.printf("  %-20s %12s %12s %12s %8s%n", r.metric(), ms(r.baseline()), ms(r.candidate()), ms(r.saved()),
            ms(r.ratio()));
      }
    }
    for (RunRecord.ExpectationOutcome e : run.expectations()) {
      out.printf("  [%s] %s%s%n", e.held() ? "ok" : "FAILED", e.text(), e.held() ? "" : " (actual: " + e.actual() + ")");
    }
  }
}
