package dev.tlssim.matrix;

import dev.tlssim.results.ConnectionSummary;

/**
 * One attack against one client policy: did the victim's connection end before the attacker read
 * anything (and at which check, with which alert), or did the attacker read the plaintext?
 */
public record MatrixCell(String attack, String policy, boolean succeeded, long bytesRead, String blockedBy,
    String alert) {

  public static MatrixCell of(String attack, String policy, ConnectionSummary victim) {
    if (victim.mitmReadBytes() > 0) {
      return new MatrixCell(attack, policy, true, victim.mitmReadBytes(), null, null);
    }
    String alert = victim.result().startsWith("alert:") ? victim.result().substring("alert:".length()) : victim.result();
    return new MatrixCell(attack, policy, false, 0, mechanism(victim), alert);
  }

  /** The check that failed, or what caught the attack when no certificate check did. */
  private static String mechanism(ConnectionSummary c) {
    if (c.failedCheck() != null) {
      return c.failedCheck();
    }
    String reason = c.alertReason() == null ? "" : c.alertReason();
    if (reason.contains("server_key_exchange")) {
      return "key_exchange_signature";
    }
    if (reason.contains("finished")) {
      return "finished";
    }
    if (reason.contains("authentication failed") || reason.contains("record")) {
      return "record_mac";
    }
    return reason.isEmpty() ? c.result() : reason;
  }

  /** What the printed matrix shows. */
  public String text() {
    return succeeded ? "SUCCEEDED: attacker read " + bytesRead + " bytes" : "blocked by " + blockedBy + " (" + alert + ")";
  }
}
