package dev.tlssim.events;

import java.util.List;

/** A TCP connection's state changes and recoveries (RFC 9293, RFC 6298, RFC 5681, RFC 6675, RFC 8985). */
public sealed interface TcpEvent extends RunEvent {
  Flow flow();

  record Opened(Flow flow, Role role, long iss) implements TcpEvent {}

  /** The connection reached ESTABLISHED; times in nanoseconds, cwnd in bytes. */
  record Established(Flow flow, long rto, long srtt, long cwnd, int mss) implements TcpEvent {}

  record Retransmitted(Flow flow, long seq, int len, RetransmitReason reason, List<TcpFlag> flags) implements TcpEvent {
    public Retransmitted {
      flags = List.copyOf(flags);
    }
  }

  /** The retransmission timer expired; {@code rto} is the backed-off value now in force. */
  record RtoFired(Flow flow, long rto, int retries) implements TcpEvent {}

  /**
   * The probe timeout expired and a tail loss probe went (RFC 8985 §7.3): {@code newData} when it
   * carried the next new segment, else it is the last segment sent, again. {@code pto} is the
   * timeout that expired, in nanoseconds.
   */
  record LossProbe(Flow flow, long seq, int len, boolean newData, long pto) implements TcpEvent {}

  /**
   * The sender judged an unacknowledged segment lost from what the SACK blocks reported, and will
   * send it again: by RACK (RFC 8985 §6.2: a segment sent later was delivered, and this one's
   * reordering window has passed) or by RFC 6675's DupThresh rule (three SACKed segments above it).
   */
  record MarkedLost(Flow flow, long seq, int len, LossDetection by) implements TcpEvent {}

  record FinReceived(Flow flow) implements TcpEvent {}

  record Closed(Flow flow) implements TcpEvent {}

  /** The connection failed: {@code timeout}, {@code refused} or {@code reset}. */
  record Failed(Flow flow, String reason) implements TcpEvent {}

  /** Why a segment went again. */
  enum RetransmitReason implements WireName {
    /** The retransmission timer expired (RFC 6298 §5). */
    RTO("rto"),
    /** Three duplicate ACKs (RFC 5681 §3.2). */
    FAST("fast"),
    /** A partial ACK during fast recovery (RFC 6582 §3.2). */
    PARTIAL_ACK("partial-ack"),
    /** The peer sent its SYN again: our SYN-ACK (or its ACK) was lost (RFC 9293 §3.10.7.3). */
    DUPLICATE_SYN("dup-syn"),
    /** RACK judged it lost (RFC 8985 §6.2). */
    RACK("rack"),
    /** Three SACKed segments above it (RFC 6675 §4, IsLost). */
    SACK("sack"),
    /** A tail loss probe resent the last segment (RFC 8985 §7.3). */
    TLP("tlp");

    private final String wire;

    RetransmitReason(String wire) {
      this.wire = wire;
    }

    @Override
    public String wireName() {
      return wire;
    }
  }

  /** How a loss was detected from SACK information. */
  enum LossDetection implements WireName {
    RACK("rack"),
    DUPTHRESH("dupthresh");

    private final String wire;

    LossDetection(String wire) {
      this.wire = wire;
    }

    @Override
    public String wireName() {
      return wire;
    }
  }
}
