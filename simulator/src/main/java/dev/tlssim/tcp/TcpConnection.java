package dev.tlssim.tcp;

import dev.tlssim.events.Flow;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.Role;
import dev.tlssim.events.RunEvent;
import dev.tlssim.events.TcpEvent;
import dev.tlssim.events.TcpEvent.RetransmitReason;
import dev.tlssim.events.TcpFlag;

import java.util.ArrayList;
import java.util.List;

/**
 * One TCP connection, sans-I/O: segments, timer expiries and application writes go in (each with
 * the current virtual time); segments, timer requests, trace records and application events come
 * out through {@link Host} and {@link Listener}. It models what dominates handshake latency:
 * the three-way handshake with SYN/SYN-ACK retransmission, MSS segmentation, the RFC 6928 initial
 * window, slow start and congestion avoidance (RFC 5681), the RFC 6298 retransmission timer with
 * Karn's rule and backoff, cumulative ACKs (optionally delayed), the receive window and FIN close.
 * Loss recovery as Linux does it when both ends offer SACK (RFC 2018): a scoreboard of what the
 * peer holds ({@link Scoreboard}, RFC 6675), RACK's time-based loss detection ({@link Rack},
 * RFC 8985 §6) and tail loss probes (RFC 8985 §7); with the {@code rfc} timer profile, RFC 6675's
 * DupThresh instead of RACK and no probes; without SACK, fast retransmit with NewReno recovery
 * (RFC 5681 §3.2, RFC 6582). Retransmissions resend whole segments as first sent.
 *
 * <p>TIME_WAIT has no timer of its own: the stack forgets the connection once 2·MSL have passed
 * (see {@link TcpStack}), until then it only answers retransmitted FINs.
 *
 * <p>Not modelled (documented in docs/tcp-model.md): D-SACK, proportional rate reduction (the
 * window drops to ssthresh at once), SACK blocks on data segments, window scaling, Nagle (TLS
 * stacks write whole flights), PMTU discovery.
 */
public final class TcpConnection {

  public enum State { CLOSED, SYN_SENT, SYN_RCVD, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSING, TIME_WAIT, CLOSE_WAIT, LAST_ACK }

  /** What a connection asks of the node hosting it. */
  public interface Host {
    void transmit(TcpSegment segment);

    void setTimer(Timer timer, long atNanos);

    void cancelTimer(Timer timer);

    void trace(RunEvent event);

    /**
     * The connection just reached CLOSED or TIME_WAIT: it will send no more data, and its host
     * may forget it (at once, or when TIME_WAIT ends).
     */
    void ended(long now);
  }

  /** What the application on top hears. All methods are called with the current virtual time. */
  public interface Listener {
    default void established(TcpConnection c, long now) {}

    default void received(TcpConnection c, long now, byte[] data) {}

    /** The peer sent FIN: no more data will arrive. */
    default void peerClosed(TcpConnection c, long now) {}

    default void closed(TcpConnection c, long now) {}

    default void failed(TcpConnection c, long now, String reason) {}
  }

  /** The connection's timers: one of each at most. */
  public enum Timer {
    /**
     * Retransmission timeout (RFC 6298), or in its place the probe timeout or RACK's reordering
     * timer (RFC 8985 §7.2, §6.2): one timer, as Linux multiplexes them (icsk_pending).
     */
    RETRANSMISSION,
    /** Delayed acknowledgement (RFC 9293 §3.8.6.3, RFC 1122 §4.2.3.2). */
    DELAYED_ACK
  }

  private final Flow flow;
  private final int localPort;
  private final int remotePort;
  private final TcpConfig config;
  private final Host host;
  private Listener listener = new Listener() {};
  private final RttEstimator rtt;
  private State state = State.CLOSED;

  // Send side (RFC 9293 §3.3.1 names).
  private final long iss;
  private long sndUna;
  private long sndNxt;
  private long sndMax;
  private long sndWnd;
  private final SendBuffer sendBuffer;
  private boolean closeRequested;
  private boolean finSent;
  private long cwnd;
  private long ssthresh = Long.MAX_VALUE;
  private int smss;
  private boolean useTimestamps;
  private final Scoreboard board = new Scoreboard();
  private final Rack rack = new Rack();
  /** Both ends offered SACK on their SYNs (RFC 2018 §2). */
  private boolean sackOk;
  private int dupAcks;
  /** Fast recovery (RFC 5681 §3.2, RFC 6675 §5) until {@link #recover} is acknowledged. */
  private boolean inRecovery;
  /** After a retransmission timeout until {@link #recover} is acknowledged (Linux's CA_Loss). */
  private boolean inLoss;
  private long recover;
  /** What the retransmission timer slot holds now. */
  private TimerUse timerUse = TimerUse.RTO;
  /** snd_nxt when the last tail loss probe went, until it is acknowledged; -1 when none is out. */
  private long tlpHighSeq = -1;
  private boolean tlpRetransmitted;
  /** How long RACK's reordering timer should wait, from the last loss detection; 0 for none. */
  private long reorderingWait;
  /**
   * A retransmission is due whatever the window says: the first of a fast recovery (RFC 5681
   * §3.2 step 2, RFC 6675 §5 step 4.3), after a partial ACK (RFC 6582 §3.2 step 5), after a timeout.
   */
  private boolean owedRetransmission;
  private int retries;
  private int synRetransmissions;
  private long synSentAt;
  /** When armed timers really fire (Linux's timer wheel), or exactly at their deadlines. */
  private final TimerWheel wheel;
  /**
   * RFC 7323 §4.3 TS.Recent: the peer's timestamp we echo. A listener keeps the one of the SYN it
   * accepted, even when the SYN comes again (Linux's request sock keeps ts_recent), so a client
   * whose SYN-ACK was lost measures its RTT from its first SYN, as Linux does.
   */
  private long tsRecent = TcpSegment.NO_ECHO;
  private boolean rtoArmed;
  private long rtoDeadline;
  /** When an ACK last acknowledged new data with data still outstanding. */
  private long ackAdvancedAt = -1;
  /** When the pending probe timer was armed: the probe event reports the time it waited. */
  private long probeArmedAt;

  // Receive side.
  private long irs;
  private long rcvNxt;
  private final ReassemblyQueue reassembly = new ReassemblyQueue();
  private long peerFinSeq = -1;
  /** The sequence number of the out-of-order segment the next ACK answers (its first SACK block), or -1. */
  private long sackTrigger = -1;
  private int unackedSegments;

  /** What the one retransmission timer is used for. */
  private enum TimerUse { RTO, PROBE, REORDERING }

  /** TCP_TIMEOUT_MIN, added to a probe timeout with more than one segment in flight (HZ = 1000). */
  private static final long PROBE_SLACK_NANOS = 2 * TimerProfile.MILLI;
  /** RFC 6675 §2: DupThresh. */
  private static final int DUP_THRESH = 3;

  TcpConnection(Flow flow, int localPort, int remotePort, long iss, TcpConfig config, TimerWheel wheel, Host host) {
    this.flow = flow;
    this.wheel = wheel;
    this.localPort = localPort;
    this.remotePort = remotePort;
    this.iss = iss;
    this.config = config;
    this.host = host;
    this.rtt = new RttEstimator(config.timers());
    this.sendBuffer = new SendBuffer(iss + 1);
    this.sndUna = iss;
    this.sndNxt = iss;
    this.sndMax = iss;
    this.smss = config.mss();
  }

  public Flow flow() {
    return flow;
  }

  public State state() {
    return state;
  }

  public int localPort() {
    return localPort;
  }

  public int remotePort() {
    return remotePort;
  }

  public void setListener(Listener listener) {
    this.listener = listener;
  }

  /** Current retransmission timeout (for tests and traces). */
  public long rtoNanos() {
    return rtt.rto();
  }

  public long srttNanos() {
    return rtt.srtt();
  }

  public long congestionWindow() {
    return cwnd;
  }

  public int sendMss() {
    return smss;
  }

  boolean isOpen() {
    return state != State.CLOSED && state != State.TIME_WAIT;
  }

  // ---------------------------------------------------------------- opening

  /** Active open: send SYN (RFC 9293 §3.5). */
  void open(long now) {
    state = State.SYN_SENT;
    synSentAt = now;
    sndNxt = iss + 1;
    sndMax = sndNxt;
    host.trace(new TcpEvent.Opened(flow, Role.CLIENT, iss));
    sendSyn(now, null);
    armRto(now);
  }

  /** Passive open: a SYN reached a listening port. */
  void accept(long now, TcpSegment syn) {
    state = State.SYN_RCVD;
    irs = syn.seq();
    rcvNxt = irs + 1;
    sndWnd = syn.window();
    smss = Math.min(config.mss(), syn.mssOption() > 0 ? syn.mssOption() : 536);
    useTimestamps = config.timestamps() && syn.timestamps();
    if (useTimestamps) {
      smss -= TcpSegment.TIMESTAMPS_OPTION;
    }
    sackOk = config.sack() && syn.sackPermitted();
    if (useTimestamps) {
      tsRecent = syn.tsVal();
    }
    synSentAt = now;
    sndNxt = iss + 1;
    sndMax = sndNxt;
    host.trace(new TcpEvent.Opened(flow, Role.SERVER, iss));
    sendSyn(now, null);
    armRto(now);
  }

  private void sendSyn(long now, RetransmitReason retransmitReason) {
    int flags = state == State.SYN_RCVD ? TcpSegment.SYN | TcpSegment.ACK : TcpSegment.SYN;
    long ack = state == State.SYN_RCVD ? rcvNxt : 0;
    boolean ts = state == State.SYN_RCVD ? useTimestamps : config.timestamps();
    boolean sackPermitted = state == State.SYN_RCVD ? sackOk : config.sack();
    if (retransmitReason != null) {
      host.trace(new TcpEvent.Retransmitted(flow, iss, 0, retransmitReason,
          flags == TcpSegment.SYN ? List.of(TcpFlag.SYN) : List.of(TcpFlag.SYN, TcpFlag.ACK)));
    }
    host.transmit(new TcpSegment(localPort, remotePort, iss, ack, flags, advertisedWindow(), config.mss(), ts, null, null,
        sackPermitted, null, now, state == State.SYN_RCVD ? tsRecent : TcpSegment.NO_ECHO));
  }

  // ---------------------------------------------------------------- application calls

  /** Queues application bytes; they leave as the windows allow. */
  public void write(long now, byte[] data) {
    write(now, data, List.of());
  }

  /**
   * Queues application bytes made of {@code records}, in order from the first byte (their lengths
   * add up to at most {@code data.length}; bytes after them belong to none): every segment that
   * carries them, retransmissions included, says which pieces of which records it holds. Empty
   * when the application does not describe what it writes.
   */
  public void write(long now, byte[] data, List<StreamRecord> records) {
    if (closeRequested || state == State.CLOSED) {
      throw new IllegalStateException("write on a closed connection " + flow);
    }
    if (data.length == 0) {
      return;
    }
    sendBuffer.append(data, records);
    trySend(now);
    scheduleTimer(now);
  }

  /** Closes our direction: FIN after the queued data (RFC 9293 §3.6). */
  public void close(long now) {
    if (closeRequested || !isOpen()) {
      return;
    }
    closeRequested = true;
    if (state == State.SYN_SENT) {
      fail(now, "closed before established");
      return;
    }
    trySend(now);
    scheduleTimer(now);
  }

  // ---------------------------------------------------------------- segment arrival

  void onSegment(long now, TcpSegment s) {
    if (s.has(TcpSegment.RST)) {
      fail(now, state == State.SYN_SENT ? "refused" : "reset");
      return;
    }
    switch (state) {
      case SYN_SENT -> onSegmentInSynSent(now, s);
      case SYN_RCVD -> onSegmentInSynReceived(now, s);
      case CLOSED -> { }
      default -> onSegmentSynchronized(now, s);
    }
  }

  private void onSegmentInSynSent(long now, TcpSegment s) {
    if (!s.has(TcpSegment.SYN) || !s.has(TcpSegment.ACK) || s.ack() != iss + 1) {
      return;
    }
    irs = s.seq();
    rcvNxt = irs + 1;
    sndUna = iss + 1;
    sndWnd = s.window();
    smss = Math.min(config.mss(), s.mssOption() > 0 ? s.mssOption() : 536);
    useTimestamps = config.timestamps() && s.timestamps();
    if (useTimestamps) {
      smss -= TcpSegment.TIMESTAMPS_OPTION;
    }
    sackOk = config.sack() && s.sackPermitted();
    if (useTimestamps) {
      tsRecent = s.tsVal();
    }
    handshakeCompleted(now, s);
    sendAck(now);
    listener.established(this, now);
    trySend(now);
  }

  private void onSegmentInSynReceived(long now, TcpSegment s) {
    if (s.has(TcpSegment.SYN) && !s.has(TcpSegment.ACK) && s.seq() == irs) {
      // The client retransmitted its SYN (our SYN-ACK or its SYN was lost): answer it again and,
      // as Linux's tcp_check_req does, restart the SYN-ACK timer from this answer.
      synRetransmissions++;
      sendSyn(now, RetransmitReason.DUPLICATE_SYN);
      armRto(now);
      return;
    }
    if (!s.has(TcpSegment.ACK) || s.ack() != iss + 1) {
      return;
    }
    sndUna = iss + 1;
    sndWnd = s.window();
    handshakeCompleted(now, s);
    listener.established(this, now);
    if (s.length() > 0 || s.has(TcpSegment.FIN)) {
      onSegmentSynchronized(now, s);
    } else {
      trySend(now);
    }
  }

  /**
   * Common to both sides once the SYN is acknowledged by {@code s}: RTT sample, RTO, initial
   * window.
   */
  private void handshakeCompleted(long now, TcpSegment s) {
    state = State.ESTABLISHED;
    cancelRto();
    if (synRetransmissions == 0) {
      sampleRtt(now - synSentAt);
    } else if (useTimestamps && s.tsEcr() != TcpSegment.NO_ECHO) {
      // RFC 7323 §4: the echoed timestamp says which transmission is answered (Linux's
      // tcp_ack_update_rtt from TSecr): the peer's TS.Recent, not necessarily our last SYN.
      sampleRtt(now - s.tsEcr());
    } else {
      // RFC 6298 §5.7 (Linux does the same, TCP_TIMEOUT_FALLBACK).
      rtt.set(TimerProfile.FALLBACK_RTO_NANOS);
    }
    retries = 0;
    cwnd = config.initialWindowBytes(smss);
    if (synRetransmissions >= config.timers().iwCutRetransmissions()) {
      // RFC 5681 §3.1: lost SYN/SYN-ACK means the initial window is one segment.
      cwnd = smss;
    }
    host.trace(new TcpEvent.Established(flow, rtt.rto(), rtt.srtt(), cwnd, smss));
  }

  private void onSegmentSynchronized(long now, TcpSegment s) {
    if (s.has(TcpSegment.SYN)) {
      // Our ACK of the peer's SYN was lost and it retransmitted: acknowledge again.
      sendAck(now);
      return;
    }
    if (useTimestamps && s.seq() <= rcvNxt && s.tsVal() >= tsRecent) {
      // RFC 7323 §4.3: only a segment at or left of what we acknowledged updates TS.Recent.
      tsRecent = s.tsVal();
    }
    if (s.has(TcpSegment.ACK)) {
      onAck(now, s);
      if (state == State.CLOSED) {
        return;
      }
    }
    if (s.length() > 0 || s.has(TcpSegment.FIN)) {
      onData(now, s);
    }
    if (isOpen()) {
      trySend(now);
      scheduleTimer(now);
    }
  }

  private void onAck(long now, TcpSegment s) {
    long ack = s.ack();
    if (ack > sndMax) {
      sendAck(now);
      return;
    }
    long previousWindow = sndWnd;
    sndWnd = s.window();
    List<Scoreboard.Entry> newlySacked = sackOk && s.sack() != null ? board.sack(s.sack()) : List.of();
    for (Scoreboard.Entry e : newlySacked) {
      rack.delivered(e, now);
    }
    if (ack > sndUna) {
      newDataAcked(now, ack, newlySacked);
    } else if (!newlySacked.isEmpty()) {
      // RTT from the earliest newly SACKed segment sent once, when nothing was acknowledged
      // cumulatively (Linux's sack_rtt).
      sampleFromSacked(now, newlySacked);
    } else if (!sackOk && ack == sndUna && s.length() == 0 && !s.has(TcpSegment.FIN) && sndMax > sndUna
        && s.window() == previousWindow) {
      duplicateAck(now);
    }
    if (sackOk) {
      detectLosses(now);
    }
    if (tlpHighSeq >= 0) {
      tailProbeAcknowledged(ack, s, newlySacked);
    }
  }

  private void newDataAcked(long now, long ack, List<Scoreboard.Entry> newlySacked) {
    long acked = ack - sndUna;
    long flightBefore = sndMax - sndUna;
    List<Scoreboard.Entry> delivered = board.acknowledge(ack);
    sampleFromAcked(now, delivered, newlySacked);
    for (Scoreboard.Entry e : delivered) {
      if (!e.sacked) {
        rack.delivered(e, now);
      }
    }
    sndUna = ack;
    if (sndNxt < sndUna) {
      sndNxt = sndUna;
    }
    sendBuffer.releaseUpTo(Math.min(ack, sendBuffer.endSeq()));
    retries = 0;
    rtt.newDataAcked();
    if (inLoss && ack >= recover) {
      inLoss = false;
    }
    if (inRecovery) {
      if (ack >= recover) {
        inRecovery = false;
        cwnd = sackOk ? ssthresh : Math.min(ssthresh, Math.max(flightBefore - acked, 0) + smss);
      } else if (!sackOk) {
        // RFC 6582 §3.2 step 5: partial ACK, retransmit the next hole and deflate.
        markHeadLost(RetransmitReason.PARTIAL_ACK);
        cwnd = Math.max(cwnd - acked + smss, smss);
      }
    } else if (cwnd < ssthresh) {
      cwnd += Math.min(acked, smss);
    } else {
      cwnd += Math.max(1, (long) smss * smss / cwnd);
    }
    dupAcks = 0;
    if (board.isEmpty()) {
      cancelRto();
    } else {
      rearmRto(now);
      ackAdvancedAt = now;
    }
    if (finSent && ack == finSeq() + 1) {
      finAcked(now);
    }
  }

  private void duplicateAck(long now) {
    dupAcks++;
    if (dupAcks == DUP_THRESH && !inRecovery) {
      // RFC 5681 §3.2 steps 2-4.
      enterRecovery();
      markHeadLost(RetransmitReason.FAST);
      cwnd = ssthresh + 3L * smss;
    } else if (dupAcks > DUP_THRESH && inRecovery) {
      cwnd += smss;
    }
  }

  /** RFC 5681 §3.2 step 2 / RFC 6675 §5 step 4: halve, and recover up to what is sent now. */
  private void enterRecovery() {
    long flight = sndMax - sndUna;
    ssthresh = Math.max(flight / 2, 2L * smss);
    recover = sndMax;
    inRecovery = true;
    owedRetransmission = true;
    if (sackOk) {
      cwnd = ssthresh;
    }
  }

  private void markHeadLost(RetransmitReason reason) {
    Scoreboard.Entry head = board.first();
    if (head != null && board.markLost(head, reason)) {
      owedRetransmission = true;
    }
  }

  /**
   * Loss detection from SACK information: RACK (RFC 8985 §6.2) with the linux profile, RFC 6675's
   * DupThresh rule with the rfc one. A first loss starts fast recovery; a segment RACK cannot
   * judge yet arms the reordering timer.
   */
  private void detectLosses(long now) {
    List<Scoreboard.Entry> lost = new ArrayList<>(1);
    long wait = 0;
    if (config.timers().rackTlp()) {
      long reoWnd = rack.reorderingWindow(inRecovery || inLoss, board.sackedCount(), rtt.srtt());
      wait = rack.detectLoss(board, now, reoWnd, lost);
    } else {
      for (Scoreboard.Entry e : board.entries()) {
        if (!e.sacked && !e.lost && board.sackedAbove(e, DUP_THRESH)) {
          lost.add(e);
        }
      }
    }
    RetransmitReason reason = config.timers().rackTlp() ? RetransmitReason.RACK : RetransmitReason.SACK;
    for (Scoreboard.Entry e : lost) {
      if (board.markLost(e, reason)) {
        host.trace(new TcpEvent.MarkedLost(flow, e.seq, e.dataLength(), config.timers().rackTlp()
            ? TcpEvent.LossDetection.RACK : TcpEvent.LossDetection.DUPTHRESH));
      }
    }
    if (!lost.isEmpty() && !inRecovery && !inLoss) {
      enterRecovery();
    }
    reorderingWait = wait;
  }

  /**
   * Linux's tcp_process_tlp_ack: once the ACK passes what was sent when the probe went, a probe
   * that resent a segment repaired a loss (without D-SACK the sender cannot tell it was not lost),
   * so the window is halved (RFC 8985 §7.4.2, as CWR); a probe of new data needs nothing.
   */
  private void tailProbeAcknowledged(long ack, TcpSegment s, List<Scoreboard.Entry> newlySacked) {
    if (ack < tlpHighSeq) {
      return;
    }
    if (!tlpRetransmitted) {
      tlpHighSeq = -1;
    } else if (ack > tlpHighSeq) {
      ssthresh = Math.max(cwnd / 2, 2L * smss);
      cwnd = ssthresh;
      tlpHighSeq = -1;
    } else if (ack == sndUna && newlySacked.isEmpty() && s.length() == 0) {
      tlpHighSeq = -1;
    }
  }

  /** Karn's rule (RFC 6298 §3) unless timestamps tell the transmissions apart (RFC 7323 §4). */
  private void sampleFromAcked(long now, List<Scoreboard.Entry> delivered, List<Scoreboard.Entry> newlySacked) {
    if (delivered.isEmpty()) {
      if (!newlySacked.isEmpty()) {
        sampleFromSacked(now, newlySacked);
      }
      return;
    }
    boolean anyRetransmitted = false;
    for (Scoreboard.Entry e : delivered) {
      anyRetransmitted |= e.retransmitted;
    }
    if (!anyRetransmitted || useTimestamps) {
      sampleRtt(now - delivered.get(0).xmitTime);
    }
  }

  private void sampleFromSacked(long now, List<Scoreboard.Entry> newlySacked) {
    long earliest = Long.MAX_VALUE;
    for (Scoreboard.Entry e : newlySacked) {
      if (!e.retransmitted || useTimestamps) {
        earliest = Math.min(earliest, e.xmitTime);
      }
    }
    if (earliest != Long.MAX_VALUE) {
      sampleRtt(now - earliest);
    }
  }

  private void sampleRtt(long sample) {
    rtt.sample(sample);
    rack.rttSample(sample);
  }

  private void onData(long now, TcpSegment s) {
    long seq = s.seq();
    byte[] data = s.data();
    sackTrigger = -1;
    if (s.has(TcpSegment.FIN)) {
      peerFinSeq = seq + data.length;
    }
    long end = seq + data.length;
    if (end < rcvNxt || (end == rcvNxt && !s.has(TcpSegment.FIN)) || (peerFinSeq >= 0 && rcvNxt > peerFinSeq)) {
      sendAck(now);
      return;
    }
    if (seq > rcvNxt) {
      reassembly.add(seq, data);
      sackTrigger = seq;
      sendAck(now);
      return;
    }
    boolean filledHole = !reassembly.isEmpty();
    byte[] fresh = seq < rcvNxt ? ReassemblyQueue.trimFront(data, (int) (rcvNxt - seq)) : data;
    List<byte[]> deliveries = new ArrayList<>();
    if (fresh.length > 0) {
      deliveries.add(fresh);
      rcvNxt += fresh.length;
    }
    byte[] more = reassembly.takeContiguous(rcvNxt);
    if (more.length > 0) {
      deliveries.add(more);
      rcvNxt += more.length;
    }
    boolean finNow = peerFinSeq >= 0 && rcvNxt == peerFinSeq;
    if (finNow) {
      rcvNxt++;
    }
    if (filledHole || finNow || !config.delayedAck() || ++unackedSegments >= 2) {
      sendAck(now);
    } else {
      host.setTimer(Timer.DELAYED_ACK, wheel.fireTime(now, now + config.delayedAckNanos()));
    }
    for (byte[] d : deliveries) {
      listener.received(this, now, d);
    }
    if (finNow) {
      peerFinished(now);
    }
  }

  private void peerFinished(long now) {
    host.trace(new TcpEvent.FinReceived(flow));
    switch (state) {
      case ESTABLISHED -> state = State.CLOSE_WAIT;
      case FIN_WAIT_1 -> state = State.CLOSING;
      case FIN_WAIT_2 -> enterTimeWait(now);
      default -> { }
    }
    listener.peerClosed(this, now);
  }

  private void finAcked(long now) {
    switch (state) {
      case FIN_WAIT_1 -> state = State.FIN_WAIT_2;
      case CLOSING -> enterTimeWait(now);
      case LAST_ACK -> {
        state = State.CLOSED;
        cancelTimers();
        host.trace(new TcpEvent.Closed(flow));
        host.ended(now);
        listener.closed(this, now);
      }
      default -> { }
    }
  }

  /**
   * RFC 9293 §3.6: the side that closed first waits 2·MSL before the connection is gone. No timer
   * fires for it (a run would otherwise last until the last wait ended); the stack forgets the
   * connection lazily once the wait is over, and meanwhile it only answers retransmitted FINs.
   */
  private void enterTimeWait(long now) {
    state = State.TIME_WAIT;
    cancelTimers();
    host.trace(new TcpEvent.Closed(flow));
    host.ended(now);
    listener.closed(this, now);
  }

  /**
   * The ACK this connection answers a retransmitted FIN with while in TIME_WAIT (RFC 9293 §3.10.7.4):
   * all the stack keeps of it then, as Linux keeps a small timewait socket instead of the connection.
   */
  TcpSegment timeWaitAck() {
    return new TcpSegment(localPort, remotePort, sndNxt, rcvNxt, TcpSegment.ACK, advertisedWindow(), 0,
        useTimestamps, null);
  }

  // ---------------------------------------------------------------- timers

  void onTimer(long now, Timer timer) {
    if (timer == Timer.DELAYED_ACK) {
      if (unackedSegments > 0) {
        sendAck(now);
      }
      return;
    }
    if (timer != Timer.RETRANSMISSION || !rtoArmed) {
      return;
    }
    rtoArmed = false;
    switch (state) {
      case SYN_SENT, SYN_RCVD -> synTimeout(now);
      case CLOSED, TIME_WAIT -> { }
      default -> {
        if (timerUse == TimerUse.PROBE) {
          lossProbe(now);
        } else if (timerUse == TimerUse.REORDERING) {
          detectLosses(now);
          trySend(now);
          scheduleTimer(now);
        } else {
          dataTimeout(now);
        }
      }
    }
  }

  private void synTimeout(long now) {
    int limit = state == State.SYN_SENT ? config.synRetries() : config.synAckRetries();
    if (synRetransmissions >= limit) {
      fail(now, "timeout");
      return;
    }
    synRetransmissions++;
    // Linux's tcp_syn_linear_timeouts: "no effect on SYNACK at the passive TCP side".
    if (state == State.SYN_RCVD || synRetransmissions > config.synLinearTimeouts()) {
      rtt.backOff();
    }
    sendSyn(now, RetransmitReason.RTO);
    armRto(now);
  }

  /**
   * RFC 6298 §5.4-5.6 and RFC 5681 §3.1 (loss window): every segment not SACKed is presumed lost
   * (RFC 6675 §5.1, Linux's tcp_enter_loss) and resent as the window of one segment grows.
   */
  private void dataTimeout(long now) {
    if (retries >= config.dataRetries()) {
      fail(now, "timeout");
      return;
    }
    retries++;
    long flight = sndMax - sndUna;
    ssthresh = Math.max(flight / 2, 2L * smss);
    cwnd = smss;
    inRecovery = false;
    inLoss = true;
    recover = sndMax;
    dupAcks = 0;
    tlpHighSeq = -1;
    rtt.backOff();
    host.trace(new TcpEvent.RtoFired(flow, rtt.rto(), retries));
    for (Scoreboard.Entry e : board.entries()) {
      board.markLost(e, RetransmitReason.RTO);
    }
    owedRetransmission = true;
    armRto(now);
    trySend(now);
    scheduleTimer(now);
  }

  /**
   * RFC 8985 §7.3 (Linux's tcp_send_loss_probe): the next new segment if the receive window takes
   * it (the congestion window does not bind a probe), else the last segment sent, again. One probe
   * at a time; then the retransmission timer runs.
   */
  private void lossProbe(long now) {
    long pto = now - probeArmedAt;
    long dataEnd = sendBuffer.endSeq();
    if (sndNxt < dataEnd && sndNxt - sndUna + Math.min(smss, dataEnd - sndNxt) <= sndWnd) {
      long seq = sndNxt;
      sendNew(now, seq, (int) Math.min(smss, dataEnd - seq));
      tlpRetransmitted = false;
      host.trace(new TcpEvent.LossProbe(flow, seq, (int) (sndNxt - seq), true, pto));
    } else {
      Scoreboard.Entry last = board.last();
      if (last == null) {
        return;
      }
      host.trace(new TcpEvent.LossProbe(flow, last.seq, last.dataLength(), false, pto));
      retransmit(now, last, RetransmitReason.TLP);
      tlpRetransmitted = true;
    }
    tlpHighSeq = sndNxt;
    // Linux clears the pending probe before re-arming, so the RTO runs in full from the probe.
    armRto(now);
  }

  /**
   * RFC 8985 §7.2 as Linux computes it (tcp_schedule_loss_probe): 2·SRTT, plus the worst-case
   * delayed ACK (the minimum RTO, 200 ms) when one segment is in flight, else plus 2 ms; 1 s
   * without an RTT sample.
   */
  private long probeTimeout() {
    if (!rtt.sampled()) {
      return config.timers().initialRtoNanos();
    }
    long pto = 2 * rtt.srtt();
    return pto + (board.size() == 1 ? config.timers().minRtoNanos() : PROBE_SLACK_NANOS);
  }

  /** Whether a tail loss probe may be armed now (Linux: SACK, state Open, one probe at a time). */
  private boolean mayProbe() {
    return sackOk && config.timers().rackTlp() && !inRecovery && !inLoss && tlpHighSeq < 0 && !board.isEmpty()
        && state != State.SYN_SENT && state != State.SYN_RCVD;
  }

  /**
   * Puts what is due in the one retransmission timer: nothing when nothing is outstanding; RACK's
   * reordering timer when a segment waits for its window; the probe timeout when a probe may go,
   * no later than the retransmission timeout would (RFC 8985 §7.2, tcp_schedule_loss_probe); else
   * the retransmission timeout.
   */
  private void scheduleTimer(long now) {
    if (board.isEmpty() || !isOpen()) {
      cancelRto();
      reorderingWait = 0;
      return;
    }
    if (!rtoArmed && timerUse != TimerUse.RTO) {
      rearmRto(now);
    }
    long deadline = rtoDeadline;
    TimerUse use = TimerUse.RTO;
    if (reorderingWait > 0) {
      use = TimerUse.REORDERING;
      deadline = Math.min(deadline, now + reorderingWait);
      reorderingWait = 0;
    } else if (mayProbe()) {
      // Linux caps the probe timeout at the retransmission timeout and arms the probe either way:
      // a lone tail segment is probed when the RTO would have fired, without the RTO's backoff
      // and window collapse.
      // An ACK that advanced the window restarts the RTO in full, so it caps the probe from now
      // (tcp_set_xmit_timer calls tcp_schedule_loss_probe with advancing_rto).
      use = TimerUse.PROBE;
      long cap = ackAdvancedAt == now ? now + rtt.rto() : rtoDeadline;
      deadline = Math.min(cap, now + probeTimeout());
      probeArmedAt = now;
    }
    if (use == TimerUse.RTO && timerUse == TimerUse.RTO && rtoArmed) {
      return;
    }
    timerUse = use;
    rtoArmed = true;
    host.setTimer(Timer.RETRANSMISSION, wheel.fireTime(now, deadline));
  }

  private void armRto(long now) {
    timerUse = TimerUse.RTO;
    rtoArmed = true;
    rtoDeadline = now + rtt.rto();
    host.setTimer(Timer.RETRANSMISSION, wheel.fireTime(now, rtoDeadline));
  }

  private void rearmRto(long now) {
    long base = now;
    Scoreboard.Entry head = board.first();
    if (config.timers().restartFromHead() && head != null) {
      base = Math.min(now, head.xmitTime);
    }
    timerUse = TimerUse.RTO;
    rtoArmed = true;
    rtoDeadline = Math.max(base + rtt.rto(), now);
    host.setTimer(Timer.RETRANSMISSION, wheel.fireTime(now, rtoDeadline));
  }

  private void cancelRto() {
    if (rtoArmed) {
      rtoArmed = false;
      timerUse = TimerUse.RTO;
      host.cancelTimer(Timer.RETRANSMISSION);
    }
  }

  private void cancelTimers() {
    cancelRto();
    host.cancelTimer(Timer.DELAYED_ACK);
  }

  // ---------------------------------------------------------------- sending

  private long finSeq() {
    return sendBuffer.endSeq();
  }

  /**
   * Sends what the windows allow: first the segments judged lost (RFC 6675 §5 NextSeg rule 1),
   * while what is in flight stays below cwnd, at least one when recovery has just begun
   * (§5 step 4.3); then new data.
   */
  private void trySend(long now) {
    if (state != State.ESTABLISHED && state != State.CLOSE_WAIT && state != State.FIN_WAIT_1
        && state != State.LAST_ACK && state != State.CLOSING) {
      return;
    }
    boolean sentRetransmission = false;
    Scoreboard.Entry lost = board.nextToRetransmit();
    while (lost != null) {
      long pipe = board.pipe();
      if (pipe + lost.sequenceLength() > cwnd && !owedRetransmission) {
        break;
      }
      retransmit(now, lost, lost.lostBy == null ? RetransmitReason.RTO : lost.lostBy);
      owedRetransmission = false;
      sentRetransmission = true;
      lost = board.nextToRetransmit();
    }
    if (board.nextToRetransmit() != null) {
      return;
    }
    while (true) {
      long dataEnd = sendBuffer.endSeq();
      if (sndNxt < dataEnd) {
        long inFlight = sackOk || inLoss || sentRetransmission ? board.pipe() : sndNxt - sndUna;
        long want = Math.min(smss, dataEnd - sndNxt);
        long room = Math.min(cwnd - inFlight, sndWnd - (sndNxt - sndUna));
        if (room < want && !(sndNxt == sndUna && room > 0)) {
          return;
        }
        int len = (int) Math.min(want, Math.max(room, 1));
        sendNew(now, sndNxt, len);
      } else if (closeRequested && !finSent && sndNxt == dataEnd) {
        sendFin(now);
        return;
      } else {
        return;
      }
    }
  }

  private void sendNew(long now, long seq, int len) {
    long dataEnd = sendBuffer.endSeq();
    byte[] data = sendBuffer.slice(seq, len);
    boolean last = seq + len == dataEnd;
    int flags = TcpSegment.ACK | (last ? TcpSegment.PSH : 0);
    board.sent(seq, seq + len, false, now);
    transmit(now, seq, flags, data);
    sndNxt = seq + len;
    sndMax = Math.max(sndMax, sndNxt);
    if (!rtoArmed) {
      armRto(now);
    }
  }

  private void sendFin(long now) {
    long seq = sndNxt;
    board.sent(seq, seq + 1, true, now);
    transmit(now, seq, TcpSegment.FIN | TcpSegment.ACK, new byte[0]);
    sndNxt = seq + 1;
    sndMax = Math.max(sndMax, sndNxt);
    finSent = true;
    if (state == State.ESTABLISHED) {
      state = State.FIN_WAIT_1;
    } else if (state == State.CLOSE_WAIT) {
      state = State.LAST_ACK;
    }
    if (!rtoArmed) {
      armRto(now);
    }
  }

  /** Sends {@code e} again, whole, as it was first sent. */
  private void retransmit(long now, Scoreboard.Entry e, RetransmitReason reason) {
    int len = e.dataLength();
    byte[] data = len == 0 ? new byte[0] : sendBuffer.slice(e.seq, len);
    int flags = e.fin ? TcpSegment.FIN | TcpSegment.ACK
        : TcpSegment.ACK | (e.seq + len == sendBuffer.endSeq() ? TcpSegment.PSH : 0);
    host.trace(new TcpEvent.Retransmitted(flow, e.seq, len, reason, e.fin ? List.of(TcpFlag.FIN) : List.of()));
    board.resent(e, now);
    transmit(now, e.seq, flags, data);
    if (!rtoArmed) {
      armRto(now);
    }
  }

  private void transmit(long now, long seq, int flags, byte[] data) {
    unackedSegments = 0;
    host.cancelTimer(Timer.DELAYED_ACK);
    List<PacketEvent.Carried> carries = data.length == 0 ? null : sendBuffer.carried(seq, data.length);
    host.transmit(new TcpSegment(localPort, remotePort, seq, rcvNxt, flags, advertisedWindow(), 0, useTimestamps, data,
        carries, false, null, now, tsRecent));
  }

  /**
   * A pure ACK, with SACK blocks (RFC 2018 §4) when segments wait above a hole: at most three next
   * to the timestamps option, four without.
   */
  private void sendAck(long now) {
    unackedSegments = 0;
    host.cancelTimer(Timer.DELAYED_ACK);
    List<PacketEvent.SackBlock> sack = null;
    if (sackOk && !reassembly.isEmpty()) {
      sack = reassembly.blocks(sackTrigger, useTimestamps
          ? TcpSegment.MAX_SACK_BLOCKS_WITH_TIMESTAMPS : TcpSegment.MAX_SACK_BLOCKS);
    }
    host.transmit(new TcpSegment(localPort, remotePort, sndNxt, rcvNxt, TcpSegment.ACK, advertisedWindow(), 0,
        useTimestamps, null, null, false, sack, now, tsRecent));
  }

  /**
   * The application reads at once, so the window is the whole buffer. Out-of-order data is not
   * subtracted: a window that moved would disqualify the duplicate ACKs fast retransmit relies on
   * (RFC 5681 §2, "the advertised window in the incoming acknowledgment equals the advertised
   * window in the last incoming acknowledgment"), which real stacks avoid the same way.
   */
  private int advertisedWindow() {
    return config.receiveWindow();
  }

  private void fail(long now, String reason) {
    state = State.CLOSED;
    cancelTimers();
    host.trace(new TcpEvent.Failed(flow, reason));
    host.ended(now);
    listener.failed(this, now, reason);
  }
}
