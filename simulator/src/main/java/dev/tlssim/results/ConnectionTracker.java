package dev.tlssim.results;

import dev.tlssim.events.AppEvent;
import dev.tlssim.events.ConnectionEvent;
import dev.tlssim.events.CpuWork;
import dev.tlssim.events.Direction;
import dev.tlssim.events.EventSink;
import dev.tlssim.events.Flow;
import dev.tlssim.events.MitmEvent;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.RunEvent;
import dev.tlssim.events.TcpEvent;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.TraceRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes each connection's results from the run's events as they happen, so summary.json needs
 * no trace; fed a trace.jsonl read back, it computes the same, so what summary.json says can
 * always be checked against the trace. A connection is known from its {@code conn.start} on; its
 * events are found by the timeline's id, by flow, or (packets) by the flow they travel on.
 *
 * <p>A load's connections are added to its {@link LoadTally} as they complete their handshake.
 * Only the first {@value #LISTED_PER_LOAD} of each load, and those the scenario names (in an
 * expectation or comparison), are summarised one by one; the others are followed only until
 * their handshake completes or they fail, then forgotten, so a million-connection load costs
 * memory by its open connections, not by its length.
 */
public final class ConnectionTracker implements EventSink {
  /** How many of a load's connections (its first ones) are summarised individually. */
  public static final int LISTED_PER_LOAD = 1_000;

  /** The connections summarised one by one, in the order they started. */
  private final List<Acc> listed = new ArrayList<>();
  /** Each flow's latest connection: a later connection on the same ports owns the flow from its start. */
  private final Map<Flow, Acc> byFlow = new HashMap<>();
  private final Map<String, Acc> byConn = new HashMap<>();
  /** An attacker's replay of a recorded client stream, by the flow it replays on. */
  private final Map<Flow, Acc> replays = new HashMap<>();
  private final Map<String, LoadTally> loads = new LinkedHashMap<>();
  private final Set<String> named;
  /** Load connections not listed, from their start until their handshake completes or they end. */
  private final Map<String, Unlisted> unlisted = new HashMap<>();

  private record Unlisted(LoadTally load, long start) {}

  /** A tracker for a run without loads, or a trace whose loads are not known: every connection listed. */
  public ConnectionTracker() {
    this(List.of(), Set.of());
  }

  /**
   * @param loads the run's loads, tallied as their connections complete
   * @param named load connections summarised individually whatever their number
   */
  public ConnectionTracker(List<LoadTally> loads, Set<String> named) {
    loads.forEach(l -> this.loads.put(l.id(), l));
    this.named = Set.copyOf(named);
  }

  /** The connections of a whole trace. */
  public static List<ConnectionSummary> connections(List<TraceRecord> trace) {
    ConnectionTracker tracker = new ConnectionTracker();
    for (TraceRecord r : trace) {
      tracker.record(r.timeNanos(), r.node(), r.event());
    }
    return tracker.summaries();
  }

  /** Every listed connection so far, in the order the timeline opened them. */
  public List<ConnectionSummary> summaries() {
    List<ConnectionSummary> out = new ArrayList<>(listed.size());
    for (Acc a : listed) {
      out.add(a.summary());
    }
    return out;
  }

  /** Each load's summary so far, in the order of the loads given. */
  public List<LoadSummary> loadSummaries() {
    List<LoadSummary> out = new ArrayList<>(loads.size());
    loads.values().forEach(l -> out.add(l.summary()));
    return out;
  }

  /** How many unlisted load connections are still followed: those open and not yet established. */
  public int followedLoadConnections() {
    return unlisted.size();
  }

  private LoadTally loadOf(String conn) {
    if (loads.isEmpty()) {
      return null;
    }
    String loadId = LoadTally.loadIdOf(conn);
    LoadTally load = loadId == null ? null : loads.get(loadId);
    return load != null && load.number(conn) > 0 ? load : null;
  }

  private boolean listed(LoadTally load, String conn) {
    return load.number(conn) <= LISTED_PER_LOAD || named.contains(conn);
  }

  /** An unlisted load connection's event: only its handshake's completion counts. */
  private boolean followUnlisted(long t, RunEvent e) {
    if (!(e instanceof ConnectionEvent c)) {
      return false;
    }
    Unlisted u = unlisted.get(c.conn());
    if (u == null) {
      return false;
    }
    if (e instanceof ConnectionEvent.Established) {
      u.load().completed(u.start(), t);
      unlisted.remove(c.conn());
    } else if (e instanceof ConnectionEvent.Failed || e instanceof ConnectionEvent.Closed) {
      unlisted.remove(c.conn());
    }
    return true;
  }

  @Override
  public void record(long t, String node, RunEvent e) {
    if (e instanceof ConnectionEvent.Started s) {
      LoadTally load = loadOf(s.conn());
      if (load != null) {
        load.started();
        if (!listed(load, s.conn())) {
          unlisted.put(s.conn(), new Unlisted(load, t));
          // Its packets must not count for an earlier connection on the same ports.
          byFlow.remove(s.flow());
          return;
        }
      }
      Acc a = new Acc(s.conn(), node, s.server(), s.flow(), t, load);
      listed.add(a);
      byFlow.put(a.flow, a);
      byConn.put(a.id, a);
      return;
    }
    if (!unlisted.isEmpty() && followUnlisted(t, e)) {
      return;
    }
    if (e instanceof MitmEvent.ReplayStarted r && byFlow.containsKey(r.victim())) {
      Acc victim = byFlow.get(r.victim());
      victim.replayedRequests = victim.replayedRequests == null ? 0L : victim.replayedRequests;
      replays.put(r.flow(), victim);
      return;
    }
    if (e instanceof AppEvent.Request r && replays.containsKey(r.flow())) {
      replays.get(r.flow()).replayedRequests++;
      return;
    }
    Acc a = find(e);
    if (a != null) {
      if (e instanceof ConnectionEvent.Established && a.handshake == null && a.load != null) {
        a.load.completed(a.start, t);
      }
      a.add(t, node, e);
    }
  }

  private Acc find(RunEvent e) {
    if (e instanceof PacketEvent.Sent p) {
      if (p.tcp() == null) {
        return null;
      }
      Acc up = byFlow.get(new Flow(p.from(), p.tcp().sport(), p.to(), p.tcp().dport()));
      return up != null ? up : byFlow.get(new Flow(p.to(), p.tcp().dport(), p.from(), p.tcp().sport()));
    }
    if (e instanceof ConnectionEvent c) {
      return byConn.get(c.conn());
    }
    if (e instanceof AppEvent.Sent s) {
      return byConn.get(s.conn());
    }
    if (e instanceof AppEvent.Response r) {
      return byConn.get(r.conn());
    }
    Flow flow = flowOf(e);
    return flow == null ? null : byFlow.get(flow);
  }

  /** The connection an event names by flow, for the kinds a summary uses. */
  private static Flow flowOf(RunEvent e) {
    if (e instanceof TcpEvent t) {
      return t.flow();
    }
    if (e instanceof TlsChannelEvent t) {
      return t.flow();
    }
    if (e instanceof AppEvent.FirstByte f) {
      return f.flow();
    }
    if (e instanceof MitmEvent.Read r) {
      return r.flow();
    }
    if (e instanceof CpuWork c) {
      return c.flow();
    }
    return null;
  }

  private static final class Acc {
    final String id;
    final String client;
    final String server;
    final Flow flow;
    final long start;
    /** The load the connection belongs to, or null. */
    final LoadTally load;
    Long tcpConnect;
    Long handshake;
    Long firstAppByte;
    Long response;
    String failure;
    long bytesUp;
    long bytesDown;
    long packets;
    long retransmissions;
    boolean tls;
    boolean tlsEstablished;
    String version;
    String suite;
    String group;
    String signature;
    String failedCheck;
    String resumedBy;
    long cpuClient;
    long cpuServer;
    long mitmRead;
    String alertReason;
    Long replayedRequests;

    Acc(String id, String client, String server, Flow flow, long start, LoadTally load) {
      this.id = id;
      this.load = load;
      this.client = client;
      this.server = server;
      this.flow = flow;
      this.start = start;
    }

    void add(long t, String node, RunEvent e) {
      if (e instanceof TcpEvent.Established) {
        if (node.equals(client) && tcpConnect == null) {
          tcpConnect = t;
        }
      } else if (e instanceof ConnectionEvent.Established) {
        handshake = handshake == null ? t : handshake;
      } else if (e instanceof AppEvent.FirstByte) {
        firstAppByte = firstAppByte == null ? t : firstAppByte;
      } else if (e instanceof AppEvent.Response) {
        response = response == null ? t : response;
      } else if (e instanceof ConnectionEvent.Failed f) {
        failure = failure == null ? f.reason() : failure;
      } else if (e instanceof PacketEvent.Sent p) {
        packets++;
        if (node.equals(client)) {
          bytesUp += p.size();
        } else {
          bytesDown += p.size();
        }
      } else if (e instanceof TcpEvent.Retransmitted) {
        retransmissions++;
      } else if (e instanceof TlsChannelEvent.Started) {
        tls = true;
      } else if (e instanceof TlsChannelEvent.Established est) {
        if (node.equals(client)) {
          tlsEstablished = true;
          version = est.version();
          suite = est.suite();
          group = est.group();
          signature = est.signature();
        }
        // Either end knows whether the session was resumed (the JDK's SSLEngine does not say).
        if (est.resumedBy() != null) {
          resumedBy = est.resumedBy();
        }
      } else if (e instanceof TlsChannelEvent.Check c) {
        if (node.equals(client) && c.failed() && failedCheck == null) {
          failedCheck = c.check();
        }
      } else if (e instanceof MitmEvent.Read r) {
        mitmRead += r.bytes();
      } else if (e instanceof TlsChannelEvent.Alert alert) {
        if (alert.fatal() && alert.dir() == Direction.SENT && alertReason == null) {
          alertReason = node + ": " + alert.reason();
        }
      } else if (e instanceof CpuWork w) {
        if (node.equals(client)) {
          cpuClient += w.cost();
        } else if (node.equals(server)) {
          cpuServer += w.cost();
        }
      }
    }

    private BigDecimal roundTrips() {
      if (tcpConnect == null || handshake == null || tcpConnect == start) {
        return null;
      }
      return BigDecimal.valueOf(handshake - start)
          .divide(BigDecimal.valueOf(tcpConnect - start), 2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private BigDecimal since(Long t) {
      return t == null ? null : Millis.of(t - start);
    }

    ConnectionSummary summary() {
      String result;
      if (failure != null) {
        result = failure;
      } else if (response != null) {
        result = "completed";
      } else if (handshake != null) {
        result = "established";
      } else {
        result = "incomplete";
      }
      String handshakeKind = !tls ? null : !tlsEstablished ? "failed" : resumedBy != null ? "abbreviated" : "full";
      return new ConnectionSummary(id, client, server, flow, Millis.of(start), result, version, suite, group, signature, handshakeKind,
          resumedBy, failedCheck,
          since(tcpConnect), since(handshake), roundTrips(), since(firstAppByte), since(response), bytesUp, bytesDown, packets,
          retransmissions, Millis.of(cpuClient), Millis.of(cpuServer), mitmRead,
          alertReason, replayedRequests);
    }
  }
}
