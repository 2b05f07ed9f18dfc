package dev.tlssim.tcp;

/**
 * TCP parameters of one node. Defaults follow Linux where the RFCs leave a choice; see
 * shared notes in docs/tcp-model.md for the sources.
 *
 * @param mss                 MSS announced on the SYN (1460 on Ethernet); payload per segment is the
 *                            smaller of both sides' MSS, minus 12 bytes when timestamps are on
 * @param initialWindow       IW in segments: RFC 6928's 10 gives min(10·MSS, max(2·MSS, 14600))
 * @param receiveWindow       advertised receive window in bytes (applications read at once)
 * @param timestamps          RFC 7323 timestamps option: 12 bytes per segment, and RTT samples
 *                            are valid even from retransmitted segments
 * @param delayedAck          RFC 1122 delayed ACKs (every second segment or after the timeout);
 *                            off by default, like Linux's quick-ack mode at connection start
 * @param synRetries          SYN retransmissions before giving up (Linux tcp_syn_retries = 6)
 * @param synAckRetries       SYN-ACK retransmissions (Linux tcp_synack_retries = 5)
 * @param dataRetries         data retransmissions before the connection fails (tcp_retries2 = 15)
 * @param synLinearTimeouts   first SYN retries at a fixed 1 s instead of doubling (Linux
 *                            tcp_syn_linear_timeouts); 0 = classic exponential backoff; the
 *                            SYN-ACK always doubles (the sysctl has no effect on it)
 * @param sack                offer SACK on the SYN (RFC 2018), on by default as on Linux
 *                            (tcp_sack = 1); used when both ends offer it
 * @param hz                  0: timers fire at their deadline (the analytical model); else the
 *                            node's timers run on Linux's timer wheel at HZ ticks a second
 *                            ({@link TimerWheel}; Debian's kernels use 250)
 */
public record TcpConfig(
    int mss,
    int initialWindow,
    int receiveWindow,
    boolean timestamps,
    boolean delayedAck,
    long delayedAckNanos,
    TimerProfile timers,
    int synRetries,
    int synAckRetries,
    int dataRetries,
    int synLinearTimeouts,
    boolean sack,
    int hz) {

  public static final TcpConfig DEFAULT =
      new TcpConfig(1460, 10, 1 << 20, false, false, 40 * TimerProfile.MILLI, TimerProfile.LINUX, 6, 5, 15, 0, true, 0);

  /** A configuration offering SACK. */
  public TcpConfig(int mss, int initialWindow, int receiveWindow, boolean timestamps, boolean delayedAck,
      long delayedAckNanos, TimerProfile timers, int synRetries, int synAckRetries, int dataRetries,
      int synLinearTimeouts) {
    this(mss, initialWindow, receiveWindow, timestamps, delayedAck, delayedAckNanos, timers, synRetries, synAckRetries,
        dataRetries, synLinearTimeouts, true, 0);
  }

  public TcpConfig {
    if (mss < 88 || mss > 65495) {
      throw new IllegalArgumentException("mss must be between 88 and 65495 bytes");
    }
    if (initialWindow < 1) {
      throw new IllegalArgumentException("initialWindow must be at least 1 segment");
    }
    if (receiveWindow < mss) {
      throw new IllegalArgumentException("receiveWindow must hold at least one segment");
    }
    if (synRetries < 0 || synAckRetries < 0 || dataRetries < 0 || synLinearTimeouts < 0) {
      throw new IllegalArgumentException("retry counts must not be negative");
    }
    if (hz < 0 || hz > 10_000) {
      throw new IllegalArgumentException("hz must be between 0 (exact timers) and 10000");
    }
  }

  /** RFC 6928 §2 generalised to n segments: min(n·SMSS, max(2·SMSS, 14600·n/10)). */
  public long initialWindowBytes(int smss) {
    long n = initialWindow;
    return Math.min(n * smss, Math.max(2L * smss, 14600L * n / 10));
  }

  public TcpConfig withTimers(TimerProfile profile) {
    return new TcpConfig(mss, initialWindow, receiveWindow, timestamps, delayedAck, delayedAckNanos, profile,
        synRetries, synAckRetries, dataRetries, synLinearTimeouts, sack, hz);
  }

  public TcpConfig withSack(boolean on) {
    return new TcpConfig(mss, initialWindow, receiveWindow, timestamps, delayedAck, delayedAckNanos, timers,
        synRetries, synAckRetries, dataRetries, synLinearTimeouts, on, hz);
  }

  public TcpConfig withHz(int ticks) {
    return new TcpConfig(mss, initialWindow, receiveWindow, timestamps, delayedAck, delayedAckNanos, timers,
        synRetries, synAckRetries, dataRetries, synLinearTimeouts, sack, ticks);
  }
}
