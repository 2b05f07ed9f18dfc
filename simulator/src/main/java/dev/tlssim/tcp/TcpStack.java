package dev.tlssim.tcp;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The TCP layer of one node: demultiplexes segments to connections by (local port, remote node,
 * remote port), accepts connections on listening ports, answers strays with RST, and names the
 * timers and trace records of each connection after its flow ("client:49152>server:443").
 */
public final class TcpStack {

  /** What the stack needs from the node hosting it. */
  public interface Host {
    void transmit(String remoteNode, TcpSegment segment);

    void setTimer(String key, long atNanos);

    void cancelTimer(String key);

    void trace(String kind, Map<String, Object> details);
  }

  private final String timerPrefix;
  private static final int FIRST_EPHEMERAL_PORT = 49152;

  private final String node;
  private final TcpConfig config;
  private final Host host;
  private final SplittableRandom isnRandom;
  private final Map<String, TcpConnection> connections = new LinkedHashMap<>();
  private final Map<String, String> connectionRemote = new HashMap<>();
  private final Map<Integer, Supplier<TcpConnection.Listener>> listeners = new HashMap<>();
  private int nextPort = FIRST_EPHEMERAL_PORT;

  public TcpStack(String node, TcpConfig config, Host host, SplittableRandom isnRandom) {
    this(node, config, host, isnRandom, "tcp|");
  }

  /**
   * @param node        the address this stack speaks as (a MITM's second stack speaks as the server
   *                    it impersonates)
   * @param timerPrefix keeps the timers of several stacks on one node apart
   */
  public TcpStack(String node, TcpConfig config, Host host, SplittableRandom isnRandom, String timerPrefix) {
    this.timerPrefix = timerPrefix;
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
    String flow = node + ":" + port + ">" + remoteNode + ":" + remotePort;
    TcpConnection c = newConnection(flow, port, remoteNode, remotePort);
    c.setListener(listener);
    c.open(now);
    return c;
  }

  private TcpConnection newConnection(String flow, int localPort, String remoteNode, int remotePort) {
    String key = key(localPort, remoteNode, remotePort);
    long iss = isnRandom.nextLong() & 0xffffffffL;
    TcpConnection c = new TcpConnection(flow, localPort, remotePort, iss, config, new ConnectionHost(key, flow, remoteNode));
    connections.put(key, c);
    connectionRemote.put(key, remoteNode);
    return c;
  }

  public void onSegment(long now, String fromNode, TcpSegment s) {
    String key = key(s.destinationPort(), fromNode, s.sourcePort());
    TcpConnection c = connections.get(key);
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
      String flow = fromNode + ":" + s.sourcePort() + ">" + node + ":" + s.destinationPort();
      TcpConnection accepted = newConnection(flow, s.destinationPort(), fromNode, s.sourcePort());
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

  /** Routes a timer to its connection; returns false when the key is not a TCP timer. */
  public boolean onTimer(long now, String key) {
    if (!key.startsWith(timerPrefix)) {
      return false;
    }
    int bar = key.lastIndexOf('|');
    String connKey = key.substring(timerPrefix.length(), bar);
    TcpConnection c = connections.get(connKey);
    if (c != null) {
      c.onTimer(now, key.substring(bar + 1));
    }
    return true;
  }

  private static String key(int localPort, String remoteNode, int remotePort) {
    return localPort + "/" + remoteNode + "/" + remotePort;
  }

  private final class ConnectionHost implements TcpConnection.Host {
    private final String key;
    private final String flow;
    private final String remoteNode;

    ConnectionHost(String key, String flow, String remoteNode) {
      this.key = key;
      this.flow = flow;
      this.remoteNode = remoteNode;
    }

    @Override
    public void transmit(TcpSegment segment) {
      host.transmit(remoteNode, segment);
    }

    @Override
    public void setTimer(String timer, long atNanos) {
      host.setTimer(timerPrefix + key + "|" + timer, atNanos);
    }

    @Override
    public void cancelTimer(String timer) {
      host.cancelTimer(timerPrefix + key + "|" + timer);
    }

    @Override
    public void trace(String kind, Object... keyValues) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("flow", flow);
      for (int i = 0; i < keyValues.length; i += 2) {
        d.put((String) keyValues[i], keyValues[i + 1]);
      }
      host.trace(kind, d);
    }
  }
}
