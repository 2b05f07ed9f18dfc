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
import java.util.Map;
import java.util.TreeMap;

/**
 * One TCP connection, sans-I/O: segments, timer expiries and application writes go in (each with
 * the current virtual time); segments, timer requests, trace records and application events come
 * out through {@link Host} and {@link Listener}. It models what dominates handshake latency:
 * the three-way handshake with SYN/SYN-ACK retransmission, MSS segmentation, the RFC 6928 initial
 * window, slow start and congestion avoidance (RFC 5681), the RFC 6298 retransmission timer with
 * Karn's rule and backoff, fast retransmit with NewReno recovery (RFC 5681 §3.2, RFC 6582),
 * cumulative ACKs (optionally delayed), the receive window and FIN close.
 *
 * <p>TIME_WAIT has no timer of its own: the stack forgets the connection once 2·MSL have passed
 * (see {@link TcpStack}), until then it only answers retransmitted FINs.
 *
 * <p>Not modelled (documented in docs/tcp-model.md): SACK, window scaling, Nagle (TLS stacks write
 * whole flights), tail-loss probes, PMTU discovery.
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
    /** Retransmission timeout (RFC 6298). */
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
  private final TreeMap<Long, Sent> outstanding = new TreeMap<>();
  private int dupAcks;
  private boolean inRecovery;
  private long recover;
  private int retries;
  private int synRetransmissions;
  private long synSentAt;
  private boolean rtoArmed;
  private long rtoDeadline;

  // Receive side.
  private long irs;
  private long rcvNxt;
  private final ReassemblyQueue reassembly = new ReassemblyQueue();
  private long peerFinSeq = -1;
  private int unackedSegments;

  /** Send time of a segment and whether it was ever retransmitted (Karn's rule). */
  private record Sent(long end, long time, boolean retransmitted) {}

  TcpConnection(Flow flow, int localPort, int remotePort, long iss, TcpConfig config, Host host) {
    this.flow = flow;
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
    if (retransmitReason != null) {
      host.trace(new TcpEvent.Retransmitted(flow, iss, 0, retransmitReason,
          flags == TcpSegment.SYN ? List.of(TcpFlag.SYN) : List.of(TcpFlag.SYN, TcpFlag.ACK)));
    }
    host.transmit(new TcpSegment(localPort, remotePort, iss, ack, flags, advertisedWindow(), config.mss(), ts, null));
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
    handshakeCompleted(now);
    sendAck(now);
    listener.established(this, now);
    trySend(now);
  }

  private void onSegmentInSynReceived(long now, TcpSegment s) {
    if (s.has(TcpSegment.SYN) && !s.has(TcpSegment.ACK) && s.seq() == irs) {
      // The client retransmitted its SYN (our SYN-ACK or its SYN was lost): answer it again.
      synRetransmissions++;
      sendSyn(now, RetransmitReason.DUPLICATE_SYN);
      return;
    }
    if (!s.has(TcpSegment.ACK) || s.ack() != iss + 1) {
      return;
    }
    sndUna = iss + 1;
    sndWnd = s.window();
    handshakeCompleted(now);
    listener.established(this, now);
    if (s.length() > 0 || s.has(TcpSegment.FIN)) {
      onSegmentSynchronized(now, s);
    } else {
      trySend(now);
    }
  }

  /** Common to both sides once the SYN is acknowledged: RTT sample, RTO, initial window. */
  private void handshakeCompleted(long now) {
    state = State.ESTABLISHED;
    cancelRto();
    if (synRetransmissions == 0) {
      rtt.sample(now - synSentAt);
    } else if (config.timestamps() && useTimestamps) {
      // RFC 7323 §4: the echoed timestamp identifies the transmission, so the sample is valid.
      rtt.sample(now - synSentAt);
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
    if (ack > sndUna) {
      newDataAcked(now, ack);
    } else if (ack == sndUna && s.length() == 0 && !s.has(TcpSegment.FIN) && sndMax > sndUna
        && s.window() == previousWindow) {
      duplicateAck(now);
    }
  }

  private void newDataAcked(long now, long ack) {
    long acked = ack - sndUna;
    long flightBefore = sndMax - sndUna;
    sampleRtt(now, ack);
    sndUna = ack;
    if (sndNxt < sndUna) {
      sndNxt = sndUna;
    }
    sendBuffer.releaseUpTo(Math.min(ack, sendBuffer.endSeq()));
    retries = 0;
    rtt.newDataAcked();
    if (inRecovery) {
      if (ack >= recover) {
        inRecovery = false;
        cwnd = Math.min(ssthresh, Math.max(flightBefore - acked, 0) + smss);
      } else {
        // RFC 6582 §3.2 step 5: partial ACK, retransmit the next hole and deflate.
        retransmitHead(now, RetransmitReason.PARTIAL_ACK);
        cwnd = Math.max(cwnd - acked + smss, smss);
      }
    } else if (cwnd < ssthresh) {
      cwnd += Math.min(acked, smss);
    } else {
      cwnd += Math.max(1, (long) smss * smss / cwnd);
    }
    dupAcks = 0;
    if (sndUna >= sndMax) {
      cancelRto();
    } else {
      rearmRto(now);
    }
    if (finSent && ack == finSeq() + 1) {
      finAcked(now);
    }
  }

  private void duplicateAck(long now) {
    dupAcks++;
    if (dupAcks == 3 && !inRecovery) {
      // RFC 5681 §3.2 steps 2-4.
      long flight = sndMax - sndUna;
      ssthresh = Math.max(flight / 2, 2L * smss);
      recover = sndMax;
      inRecovery = true;
      retransmitHead(now, RetransmitReason.FAST);
      cwnd = ssthresh + 3L * smss;
    } else if (dupAcks > 3 && inRecovery) {
      cwnd += smss;
    }
  }

  private void sampleRtt(long now, long ack) {
    Map.Entry<Long, Sent> first = outstanding.firstEntry();
    boolean anyRetransmitted = false;
    long oldest = -1;
    var it = outstanding.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getValue().end() > ack) {
        break;
      }
      anyRetransmitted |= e.getValue().retransmitted();
      if (oldest < 0) {
        oldest = e.getValue().time();
      }
      it.remove();
    }
    if (first == null || oldest < 0) {
      return;
    }
    if (!anyRetransmitted || useTimestamps) {
      rtt.sample(now - oldest);
    }
  }

  private void onData(long now, TcpSegment s) {
    long seq = s.seq();
    byte[] data = s.data();
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
      host.setTimer(Timer.DELAYED_ACK, now + config.delayedAckNanos());
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
      default -> dataTimeout(now);
    }
  }

  private void synTimeout(long now) {
    int limit = state == State.SYN_SENT ? config.synRetries() : config.synAckRetries();
    if (synRetransmissions >= limit) {
      fail(now, "timeout");
      return;
    }
    synRetransmissions++;
    if (synRetransmissions > config.synLinearTimeouts()) {
      rtt.backOff();
    }
    sendSyn(now, RetransmitReason.RTO);
    armRto(now);
  }

  /** RFC 6298 §5.4-5.6 and RFC 5681 §3.1 (loss window). */
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
    dupAcks = 0;
    rtt.backOff();
    host.trace(new TcpEvent.RtoFired(flow, rtt.rto(), retries));
    // Go back N: everything unacknowledged is resent as the window reopens.
    sndNxt = sndUna;
    if (finSent && sndUna <= finSeq()) {
      finSent = false;
    }
    sendFrom(now, sndUna, RetransmitReason.RTO);
    armRto(now);
  }

  private void armRto(long now) {
    rtoArmed = true;
    rtoDeadline = now + rtt.rto();
    host.setTimer(Timer.RETRANSMISSION, rtoDeadline);
  }

  private void rearmRto(long now) {
    long base = now;
    if (config.timers().restartFromHead() && !outstanding.isEmpty()) {
      base = Math.min(now, outstanding.firstEntry().getValue().time());
    }
    rtoArmed = true;
    rtoDeadline = Math.max(base + rtt.rto(), now);
    host.setTimer(Timer.RETRANSMISSION, rtoDeadline);
  }

  private void cancelRto() {
    if (rtoArmed) {
      rtoArmed = false;
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

  private void trySend(long now) {
    if (state != State.ESTABLISHED && state != State.CLOSE_WAIT && state != State.FIN_WAIT_1
        && state != State.LAST_ACK && state != State.CLOSING) {
      return;
    }
    while (true) {
      long dataEnd = sendBuffer.endSeq();
      if (sndNxt < dataEnd) {
        long window = Math.min(cwnd, sndWnd);
        long inFlight = sndNxt - sndUna;
        long want = Math.min(smss, dataEnd - sndNxt);
        long room = window - inFlight;
        if (room < want && !(inFlight == 0 && room > 0)) {
          return;
        }
        sendFrom(now, sndNxt, null);
      } else if (closeRequested && !finSent && sndNxt == dataEnd) {
        sendFrom(now, sndNxt, null);
        return;
      } else {
        return;
      }
    }
  }

  /** Sends the segment that starts at {@code seq}: data, or the FIN once the data is all sent. */
  private void sendFrom(long now, long seq, RetransmitReason retransmitReason) {
    long dataEnd = sendBuffer.endSeq();
    boolean retransmission = seq < sndMax;
    if (seq < dataEnd) {
      long room = Math.max(Math.min(cwnd, sndWnd) - (seq - sndUna), 1);
      int len = (int) Math.min(Math.min(smss, dataEnd - seq), retransmitReason != null ? smss : room);
      byte[] data = sendBuffer.slice(seq, len);
      boolean last = seq + len == dataEnd;
      int flags = TcpSegment.ACK | (last ? TcpSegment.PSH : 0);
      transmit(now, seq, flags, data, retransmission, retransmitReason);
      sndNxt = Math.max(sndNxt, seq + len);
    } else if (closeRequested && seq == dataEnd) {
      transmit(now, seq, TcpSegment.FIN | TcpSegment.ACK, new byte[0], retransmission, retransmitReason);
      sndNxt = Math.max(sndNxt, seq + 1);
      if (!finSent) {
        finSent = true;
        if (state == State.ESTABLISHED) {
          state = State.FIN_WAIT_1;
        } else if (state == State.CLOSE_WAIT) {
          state = State.LAST_ACK;
        }
      }
    } else {
      return;
    }
    sndMax = Math.max(sndMax, sndNxt);
    if (!rtoArmed) {
      armRto(now);
    }
  }

  private void retransmitHead(long now, RetransmitReason reason) {
    long saved = sndNxt;
    sendFrom(now, sndUna, reason);
    sndNxt = Math.max(saved, sndNxt);
  }

  private void transmit(long now, long seq, int flags, byte[] data, boolean retransmission, RetransmitReason reason) {
    long end = seq + data.length + ((flags & TcpSegment.FIN) != 0 ? 1 : 0);
    if (retransmission) {
      host.trace(new TcpEvent.Retransmitted(flow, seq, data.length, reason == null ? RetransmitReason.RTO : reason,
          (flags & TcpSegment.FIN) != 0 ? List.of(TcpFlag.FIN) : List.of()));
      outstanding.put(seq, new Sent(end, now, true));
    } else {
      outstanding.put(seq, new Sent(end, now, false));
    }
    unackedSegments = 0;
    host.cancelTimer(Timer.DELAYED_ACK);
    List<PacketEvent.Carried> carries = data.length == 0 ? null : sendBuffer.carried(seq, data.length);
    host.transmit(new TcpSegment(localPort, remotePort, seq, rcvNxt, flags, advertisedWindow(), 0, useTimestamps, data,
        carries));
  }

  private void sendAck(long now) {
    unackedSegments = 0;
    host.cancelTimer(Timer.DELAYED_ACK);
    host.transmit(new TcpSegment(localPort, remotePort, sndNxt, rcvNxt, TcpSegment.ACK, advertisedWindow(), 0,
        useTimestamps, null));
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
