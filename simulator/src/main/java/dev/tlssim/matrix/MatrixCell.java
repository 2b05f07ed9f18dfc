package dev.tlssim.matrix;

import dev.tlssim.results.ConnectionSummary;

/**
 * One attack against one client policy: did the victim's connection end before the attacker read
 * anything (and at which check, with which alert), or did the attacker read the plaintext? For a
 * replay of the victim's stream, the question is instead whether the server acted on a replayed
 * request ({@code replayedRequests}), which only 0-RTT data allows (RFC 8446 §8).
 */
public record MatrixCell(String attack, String policy, boolean succeeded, long bytesRead, String blockedBy,
    String alert, long replayedRequests) {

  public static MatrixCell of(String attack, String policy, ConnectionSummary victim) {
    if (victim.mitmReadBytes() > 0) {
      return new MatrixCell(attack, policy, true, victim.mitmReadBytes(), null, null, 0);
    }
    if (victim.replayedRequests() != null) {
      long replayed = victim.replayedRequests();
      return replayed > 0 ? new MatrixCell(attack, policy, true, 0, null, null, replayed)
          : new MatrixCell(attack, policy, false, 0, "anti_replay", "0-RTT data refused", 0);
    }
    String alert = victim.result().startsWith("alert:") ? victim.result().substring("alert:".length()) : victim.result();
    return new MatrixCell(attack, policy, false, 0, mechanism(victim), alert, 0);
  }

  /** The check that failed, or what caught the attack when no certificate check did. */
  private static String mechanism(ConnectionSummary c) {
    if (c.failedCheck() != null) {
      return c.failedCheck();
    }
    String reason = c.alertReason() == null ? "" : c.alertReason();
    if (reason.contains("downgrade sentinel")) {
      return "downgrade_sentinel";
    }
    if (reason.contains("certificate_verify")) {
      return "certificate_verify_signature";
    }
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
    if (!succeeded) {
      return "blocked by " + blockedBy + " (" + alert + ")";
    }
    return bytesRead > 0 ? "SUCCEEDED: attacker read " + bytesRead + " bytes"
        : "SUCCEEDED: the server acted on " + replayedRequests + " replayed request" + (replayedRequests == 1 ? "" : "s");
  }
}
