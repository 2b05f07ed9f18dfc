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
      out.printf("  %-8s %-12s %10s %10s %10s %10s %8s %8s %6s %6s%n", "conn", "result", "tcp ms", "hs ms",
          "1st byte", "resp ms", "up B", "down B", "pkts", "retx");
      for (ConnectionSummary c : run.connections()) {
        out.printf("  %-8s %-12s %10s %10s %10s %10s %8d %8d %6d %6d%n", c.id(), c.result(),
            ResultWriter.ms(c.tcpConnectMs()), ResultWriter.ms(c.handshakeMs()), ResultWriter.ms(c.firstAppByteMs()),
            ResultWriter.ms(c.responseMs()), c.bytesClientToServer(), c.bytesServerToClient(), c.packets(),
            c.retransmissions());
        if (c.handshake() != null) {
          out.printf("  %-8s %s %s, handshake %s%s, CPU client %s ms, server %s ms%n", "", c.version(), c.cipherSuite(),
              c.handshake(), c.failedCheck() == null ? "" : " (failed check: " + c.failedCheck() + ")",
              ResultWriter.ms(c.cpuClientMs()), ResultWriter.ms(c.cpuServerMs()));
        }
      }
    }
    for (RunRecord.ExpectationOutcome e : run.expectations()) {
      out.printf("  [%s] %s%s%n", e.held() ? "ok" : "FAILED", e.text(), e.held() ? "" : " (actual: " + e.actual() + ")");
    }
  }
}
