package dev.tlssim.tcp;

/**
 * The retransmission timer's state (RFC 6298 §2): SRTT, RTTVAR, the current RTO and its backoff.
 * Integer nanosecond arithmetic with α = 1/8 and β = 1/4, so results are exact and repeatable.
 */
final class RttEstimator {
  private final TimerProfile profile;
  private long srtt;
  private long rttvar;
  private long rto;
  private boolean sampled;

  RttEstimator(TimerProfile profile) {
    this.profile = profile;
    this.rto = profile.initialRtoNanos();
  }

  /** RFC 6298 §2.2 (first sample) and §2.3 (later samples). */
  void sample(long r) {
    if (!sampled) {
      srtt = r;
      rttvar = r / 2;
      sampled = true;
    } else {
      rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4;
      srtt = (7 * srtt + r) / 8;
    }
    rto = profile.rto(srtt, rttvar);
  }

  /** §5.5: double on expiry, up to the maximum. */
  void backOff() {
    rto = Math.min(rto * 2, profile.maxRtoNanos());
  }

  /** Drops a backoff once new data is acknowledged (Linux); the RFC keeps it until a sample. */
  void newDataAcked() {
    if (sampled && !profile.keepBackoffUntilSample()) {
      rto = profile.rto(srtt, rttvar);
    }
  }

  void set(long value) {
    rto = value;
  }

  boolean sampled() {
    return sampled;
  }

  long rto() {
    return rto;
  }

  long srtt() {
    return srtt;
  }

  long rttvar() {
    return rttvar;
  }
}
