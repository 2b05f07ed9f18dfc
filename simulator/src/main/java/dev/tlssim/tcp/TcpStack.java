package dev.tlssim.tcp;

import dev.tlssim.events.Flow;
import dev.tlssim.events.Mix;
import dev.tlssim.events.RunEvent;
import dev.tlssim.sim.TimerKey;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The TCP layer of one node: demultiplexes segments to connections by (local port, remote node,
 * remote port), accepts connections on listening ports, and answers strays with RST. Each
 * connection's timers carry the connection itself, so a fired timer goes straight to it.
 *
 * <p>A connection is forgotten once it is CLOSED, or when its TIME_WAIT ends (RFC 9293 §3.6),
 * so what the stack holds is bounded by the connections open (or recently closed), not by the
 * length of the run. A segment for a forgotten connection is a stray like any other.
 */
public final class TcpStack {

  /** What the stack needs from the node hosting it. */
  public interface Host {
    void transmit(String remoteNode, TcpSegment segment);

    void setTimer(TimerKey key, long atNanos);

    void cancelTimer(TimerKey key);

    void trace(RunEvent event);
  }

  /** A connection's timer: which connection (of which stack) and which of its timers. */
  private record ConnectionTimer(ConnectionHost owner, TcpConnection.Timer timer) implements TimerKey {}

  private static final int FIRST_EPHEMERAL_PORT = 49152;
  /**
   * How long a connection stays in TIME_WAIT: Linux's TCP_TIMEWAIT_LEN of 60 s. RFC 9293 §3.6
   * asks for 2·MSL, and §3.4.2 takes MSL to be 2 minutes; stacks use less.
   */
  static final long TIME_WAIT_NANOS = 60 * TimerProfile.SECOND;

  /**
   * A connection in TIME_WAIT, reduced to what that state needs (the ACK for a retransmitted FIN) and
   * when the stack may forget it: the connection itself, and the TLS and application state hanging
   * from it, are gone at once, so that a busy server's memory follows its open connections.
   */
  private record TimeWait(ConnectionId id, TcpSegment ack, long untilNanos) {}

  private final String node;
  private final TcpConfig config;
  private final Host host;
  private final SplittableRandom isnRandom;
  /** Phases over 2^15 jiffies: past the bucket width of every level a TCP timer uses. */
  private static final long PHASE_RANGE_JIFFIES = 1L << 15;
  private final TimerWheel wheel;
  private final Map<ConnectionId, TcpConnection> connections = new HashMap<>();
  /** The connections in TIME_WAIT, in the order they entered it (and so of their ends). */
  private final ArrayDeque<TimeWait> timeWaits = new ArrayDeque<>();
  private final Map<ConnectionId, TimeWait> timeWaiting = new HashMap<>();
  private final Map<Integer, Supplier<TcpConnection.Listener>> listeners = new HashMap<>();
  private int nextPort = FIRST_EPHEMERAL_PORT;

  /**
   * @param node the address this stack speaks as (a MITM's second stack speaks as the server it
   *             impersonates)
   */
  public TcpStack(String node, TcpConfig config, Host host, SplittableRandom isnRandom) {
    this.node = node;
    this.config = config;
    this.host = host;
    this.isnRandom = isnRandom;
    // The host's jiffies phase: drawn only when the wheel is on, so exact-timer runs keep their ISNs.
    this.wheel = config.hz() <= 0 ? TimerWheel.EXACT
        : TimerWheel.ofHz(config.hz(), isnRandom.split().nextLong(PHASE_RANGE_JIFFIES * (1_000_000_000L / config.hz())));
  }

  public TcpConfig config() {
    return config;
  }

  public void listen(int port, Supplier<TcpConnection.Listener> acceptor) {
    listeners.put(port, acceptor);
  }

  /** Opens a connection; the listener hears about its progress. */
  public TcpConnection connect(long now, String remoteNode, int remotePort, TcpConnection.Listener listener) {
    forgetEndedTimeWaits(now);
    int port = nextPort++;
    TcpConnection c = newConnection(new Flow(node, port, remoteNode, remotePort), port, remoteNode, remotePort);
    c.setListener(listener);
    c.open(now);
    return c;
  }

  private TcpConnection newConnection(Flow flow, int localPort, String remoteNode, int remotePort) {
    long iss = isnRandom.nextLong() & 0xffffffffL;
    ConnectionId id = new ConnectionId(localPort, remoteNode, remotePort);
    ConnectionHost connectionHost = new ConnectionHost(id);
    TcpConnection c = new TcpConnection(flow, localPort, remotePort, iss, config, wheel, connectionHost);
    connectionHost.connection = c;
    connections.put(id, c);
    return c;
  }

  /** How many connections the stack remembers: open ones and those in TIME_WAIT. */
  int connectionCount() {
    return connections.size() + timeWaiting.size();
  }

  private void forgetEndedTimeWaits(long now) {
    while (!timeWaits.isEmpty() && timeWaits.peekFirst().untilNanos() <= now) {
      TimeWait ended = timeWaits.pollFirst();
      timeWaiting.remove(ended.id(), ended);
    }
  }

  public void onSegment(long now, String fromNode, TcpSegment s) {
    forgetEndedTimeWaits(now);
    ConnectionId id = new ConnectionId(s.destinationPort(), fromNode, s.sourcePort());
    TcpConnection c = connections.get(id);
    if (c != null && c.state() != TcpConnection.State.CLOSED) {
      c.onSegment(now, s);
      return;
    }
    TimeWait waiting = timeWaiting.get(id);
    if (waiting != null) {
      // RFC 9293 §3.10.7.4: in TIME_WAIT only a retransmitted FIN needs an answer, our ACK again.
      if (s.has(TcpSegment.FIN)) {
        host.transmit(fromNode, waiting.ack());
      }
      return;
    }
    Supplier<TcpConnection.Listener> acceptor = listeners.get(s.destinationPort());
    if (acceptor != null && s.has(TcpSegment.SYN) && !s.has(TcpSegment.ACK)) {
      TcpConnection accepted = newConnection(new Flow(fromNode, s.sourcePort(), node, s.destinationPort()),
          s.destinationPort(), fromNode, s.sourcePort());
      accepted.setListener(acceptor.get());
      accepted.accept(now, s);
      return;
    }
    if (!s.has(TcpSegment.RST)) {
      // RFC 9293 §3.10.7.1: a segment for no connection gets a reset.
      long seq = s.has(TcpSegment.ACK) ? s.ack() : 0;
      host.transmit(fromNode, new TcpSegment(s.destinationPort(), s.sourcePort(), seq, s.seq() + s.sequenceLength(),
          TcpSegment.RST | TcpSegment.ACK, 0, 0, false, null));
    }
  }

  /** Routes a timer to its connection; returns false when the key is not one of this stack's timers. */
  public boolean onTimer(long now, TimerKey key) {
    if (!(key instanceof ConnectionTimer t) || t.owner().stack() != this) {
      return false;
    }
    t.owner().connection.onTimer(now, t.timer());
    return true;
  }

  /** A connection as the stack demultiplexes segments to it (RFC 9293 §3.3.1: the socket pair). */
  private record ConnectionId(int localPort, String remoteNode, int remotePort) {
    /** Spread over all bits: a client's connections to one server differ only in the local port. */
    @Override
    public int hashCode() {
      return Mix.fmix32(remoteNode.hashCode() ^ localPort * 0x9E3779B1 ^ remotePort * 0x85EBCA6B);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ConnectionId c && localPort == c.localPort && remotePort == c.remotePort
          && remoteNode.equals(c.remoteNode);
    }
  }

  private final class ConnectionHost implements TcpConnection.Host {
    private final ConnectionId id;
    private final String remoteNode;
    private TcpConnection connection;
    /** The connection's timer keys, made once: a connection sets and cancels them on most segments. */
    private final ConnectionTimer retransmission = new ConnectionTimer(this, TcpConnection.Timer.RETRANSMISSION);
    private final ConnectionTimer delayedAck = new ConnectionTimer(this, TcpConnection.Timer.DELAYED_ACK);

    ConnectionHost(ConnectionId id) {
      this.id = id;
      this.remoteNode = id.remoteNode();
    }

    private ConnectionTimer key(TcpConnection.Timer timer) {
      return timer == TcpConnection.Timer.RETRANSMISSION ? retransmission : delayedAck;
    }

    TcpStack stack() {
      return TcpStack.this;
    }

    @Override
    public void transmit(TcpSegment segment) {
      host.transmit(remoteNode, segment);
    }

    @Override
    public void setTimer(TcpConnection.Timer timer, long atNanos) {
      host.setTimer(key(timer), atNanos);
    }

    @Override
    public void cancelTimer(TcpConnection.Timer timer) {
      host.cancelTimer(key(timer));
    }

    @Override
    public void trace(RunEvent event) {
      host.trace(event);
    }

    /** Only this connection is forgotten: a newer one may have taken its socket pair since. */
    @Override
    public void ended(long now) {
      connections.remove(id, connection);
      if (connection.state() == TcpConnection.State.TIME_WAIT) {
        TimeWait waiting = new TimeWait(id, connection.timeWaitAck(), now + TIME_WAIT_NANOS);
        timeWaiting.put(id, waiting);
        timeWaits.addLast(waiting);
      }
    }
  }
}
