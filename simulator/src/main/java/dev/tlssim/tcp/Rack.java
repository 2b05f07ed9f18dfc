package dev.tlssim.tcp;

import java.util.List;

/**
 * RACK's state (RFC 8985 §6): the most recent send time among delivered segments, the RTT of the
 * segment that set it, and what reordering has been seen. A segment sent before a delivered one
 * is lost once a reordering window has passed beyond that RTT, whatever the duplicate ACKs say.
 *
 * <p>As Linux: the reordering window is min_RTT / 4, or 0 while no reordering has been seen and
 * the sender is in recovery or has DupThresh SACKed segments (tcp_rack_reo_wnd); no D-SACK, so
 * the window never grows (RFC 8985 §6.2 step 3 not modelled). min_RTT is the least RTT sample of
 * the connection (Linux keeps a windowed minimum over 5 minutes, longer than any handshake).
 */
final class Rack {
  private static final int DUP_THRESH = 3;

  private long xmitTime = -1;
  private long endSeq;
  private long rtt;
  private long minRtt = Long.MAX_VALUE;
  private long fack;
  private boolean reorderingSeen;

  /** An RTT sample from the retransmission timer's estimator or from RACK's own, for min_RTT. */
  void rttSample(long sample) {
    minRtt = Math.min(minRtt, sample);
  }

  /** RFC 8985 §6.2 steps 1 and 2, for a segment newly acknowledged, cumulatively or by SACK. */
  void delivered(Scoreboard.Entry e, long now) {
    long sample = now - e.xmitTime;
    // Step 1: a retransmitted segment whose sample is below min_RTT was acknowledged for its
    // original transmission (without the timestamp's echo, the RTT is the test).
    if (e.retransmitted && sample < minRtt) {
      return;
    }
    rtt = sample;
    minRtt = Math.min(minRtt, sample);
    if (sentAfter(e.xmitTime, e.end, xmitTime, endSeq)) {
      xmitTime = e.xmitTime;
      endSeq = e.end;
    }
    if (e.end < fack && !e.retransmitted) {
      reorderingSeen = true;
    }
    fack = Math.max(fack, e.end);
  }

  /** RFC 8985 §6.2 step 4. */
  long reorderingWindow(boolean inRecovery, int sacked, long srtt) {
    if (!reorderingSeen && (inRecovery || sacked >= DUP_THRESH)) {
      return 0;
    }
    return minRtt == Long.MAX_VALUE ? 0 : Math.min(minRtt / 4, srtt);
  }

  /**
   * RFC 8985 §6.2 step 5: marks lost every entry sent before the most recent delivered one whose
   * time is up, into {@code lost}; returns how long until the next one's time is up (for the
   * reordering timer), or 0 when none waits.
   */
  long detectLoss(Scoreboard board, long now, long reoWnd, List<Scoreboard.Entry> lost) {
    if (xmitTime < 0) {
      return 0;
    }
    long timeout = 0;
    for (Scoreboard.Entry e : board.entries()) {
      if (e.sacked || e.awaitingRetransmission()) {
        continue;
      }
      if (!sentAfter(xmitTime, endSeq, e.xmitTime, e.end)) {
        continue;
      }
      long remaining = e.xmitTime + rtt + reoWnd - now;
      if (remaining <= 0) {
        lost.add(e);
      } else {
        timeout = Math.max(timeout, remaining);
      }
    }
    return timeout;
  }

  /** RACK_sent_after: t1/seq1 was sent after t2/seq2 (§6.2; the sequence breaks ties). */
  private static boolean sentAfter(long t1, long seq1, long t2, long seq2) {
    return t1 > t2 || (t1 == t2 && seq1 > seq2);
  }
}
