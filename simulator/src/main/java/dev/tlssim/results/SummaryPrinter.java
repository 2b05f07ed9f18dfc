package dev.tlssim.results;

import java.io.PrintWriter;

/** The readable summary `./tlssim run` prints: connections, then expectations. */
public final class SummaryPrinter {
  private SummaryPrinter() {}

  public static void print(RunRecord run, PrintWriter out) {
    out.printf("%s (seed %d): %s%n", run.scenario(), run.seed(), run.passed() ? "PASS" : "FAIL");
    if (run.failure() != null) {
      out.println("  run failed: " + run.failure());
    }
    if (!run.connections().isEmpty()) {
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
    for (RunRecord.ExpectationOutcome e : run.expectations()) {
      out.printf("  [%s] %s%s%n", e.held() ? "ok" : "FAILED", e.text(), e.held() ? "" : " (actual: " + e.actual() + ")");
    }
  }
}
