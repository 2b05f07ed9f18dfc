package dev.tlssim.tcp;

import java.util.Locale;

/**
 * How the retransmission timer is computed: the RFC 6298 text, or what Linux does (which is what
 * real measurements show). Both start at RTO = 1 s (RFC 6298 §2.1) and double it on each expiry
 * (§5.5). They differ in the floor and in a few details listed per field.
 *
 * @param minRtoNanos  Linux: rto = srtt + max(4·rttvar, 200 ms) (tcp_rto_min), so one sample R
 *                     gives R + max(2R, 200 ms); RFC: rto = max(srtt + 4·rttvar, 1 s) (§2.4), so
 *                     one sample gives max(3R, 1 s)
 * @param floorAddsToSrtt true for Linux's form (the floor replaces 4·rttvar), false for the RFC's
 *                     (the floor bounds the whole RTO)
 * @param iwCutRetransmissions initial window drops to one segment after this many SYN/SYN-ACK
 *                     retransmissions: 1 per RFC 5681 §3.1, 2 on Linux (only "more than one")
 * @param keepBackoffUntilSample RFC 6298 §5.5/Karn: a backed-off RTO stays until a valid sample;
 *                     Linux recomputes the RTO from SRTT as soon as new data is acknowledged
 * @param restartFromHead Linux (since 4.13) re-arms the timer relative to the send time of the
 *                     oldest outstanding segment; RFC 6298 §5.3 restarts it from now
 * @param rackTlp      Linux (tcp_recovery = 1, tcp_early_retrans = 3): on a SACK connection,
 *                     losses are detected by RACK and tails probed by TLP (RFC 8985); the plain
 *                     RFC stack uses RFC 6675's DupThresh and only the retransmission timer
 */
public record TimerProfile(
    String name,
    long initialRtoNanos,
    long minRtoNanos,
    long maxRtoNanos,
    boolean floorAddsToSrtt,
    int iwCutRetransmissions,
    boolean keepBackoffUntilSample,
    boolean restartFromHead,
    boolean rackTlp) {

  public static final long SECOND = 1_000_000_000L;
  public static final long MILLI = 1_000_000L;

  public static final TimerProfile LINUX =
      new TimerProfile("linux", SECOND, 200 * MILLI, 120 * SECOND, true, 2, false, true, true);
  public static final TimerProfile RFC =
      new TimerProfile("rfc", SECOND, SECOND, 60 * SECOND, false, 1, true, false, false);

  /** RFC 6298 §5.7: after a timed-out SYN and no RTT sample, RTO is 3 s when data starts. */
  public static final long FALLBACK_RTO_NANOS = 3 * SECOND;

  public long rto(long srtt, long rttvar) {
    long rto = floorAddsToSrtt ? srtt + Math.max(4 * rttvar, minRtoNanos) : Math.max(srtt + 4 * rttvar, minRtoNanos);
    return Math.min(rto, maxRtoNanos);
  }

  public static TimerProfile parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "linux" -> LINUX;
      case "rfc", "rfc6298" -> RFC;
      default -> throw new IllegalArgumentException("unknown timer profile '" + text + "' (use linux or rfc)");
    };
  }
}
