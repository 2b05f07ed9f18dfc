package dev.tlssim.tcp;

import dev.tlssim.events.Flow;
import dev.tlssim.events.RunEvent;
import dev.tlssim.sim.TimerKey;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The TCP layer of one node: demultiplexes segments to connections by (local port, remote node,
 * remote port), accepts connections on listening ports, and answers strays with RST. Each
 * connection's timers carry the connection itself, so a fired timer goes straight to it.
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

  private final String node;
  private final TcpConfig config;
  private final Host host;
  private final SplittableRandom isnRandom;
  private final Map<ConnectionId, TcpConnection> connections = new HashMap<>();
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
  }

  public TcpConfig config() {
    return config;
  }

  public void listen(int port, Supplier<TcpConnection.Listener> acceptor) {
    listeners.put(port, acceptor);
  }

  /** Opens a connection; the listener hears about its progress. */
  public TcpConnection connect(long now, String remoteNode, int remotePort, TcpConnection.Listener listener) {
    int port = nextPort++;
    TcpConnection c = newConnection(new Flow(node, port, remoteNode, remotePort), port, remoteNode, remotePort);
    c.setListener(listener);
    c.open(now);
    return c;
  }

  private TcpConnection newConnection(Flow flow, int localPort, String remoteNode, int remotePort) {
    long iss = isnRandom.nextLong() & 0xffffffffL;
    ConnectionHost connectionHost = new ConnectionHost(remoteNode);
    TcpConnection c = new TcpConnection(flow, localPort, remotePort, iss, config, connectionHost);
    connectionHost.connection = c;
    connections.put(new ConnectionId(localPort, remoteNode, remotePort), c);
    return c;
  }

  public void onSegment(long now, String fromNode, TcpSegment s) {
    TcpConnection c = connections.get(new ConnectionId(s.destinationPort(), fromNode, s.sourcePort()));
    if (c != null && c.state() == TcpConnection.State.TIME_WAIT) {
      c.onSegmentInTimeWait(now, s);
      return;
    }
    if (c != null && c.state() != TcpConnection.State.CLOSED) {
      c.onSegment(now, s);
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
  private record ConnectionId(int localPort, String remoteNode, int remotePort) {}

  private final class ConnectionHost implements TcpConnection.Host {
    private final String remoteNode;
    private TcpConnection connection;

    ConnectionHost(String remoteNode) {
      this.remoteNode = remoteNode;
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
      host.setTimer(new ConnectionTimer(this, timer), atNanos);
    }

    @Override
    public void cancelTimer(TcpConnection.Timer timer) {
      host.cancelTimer(new ConnectionTimer(this, timer));
    }

    @Override
    public void trace(RunEvent event) {
      host.trace(event);
    }
  }
}
