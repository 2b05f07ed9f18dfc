package dev.tlssim.results;

import dev.tlssim.sim.TraceEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes connection results from a run's trace alone, so that what summary.json says can always
 * be checked against trace.jsonl, and the visualizer can do the same from the files.
 */
public final class TraceAnalyzer {
  private TraceAnalyzer() {}

  public static List<ConnectionSummary> connections(List<TraceEvent> trace) {
    Map<String, Acc> byFlow = new LinkedHashMap<>();
    Map<String, Acc> byConn = new HashMap<>();
    for (TraceEvent e : trace) {
      if (e.kind().equals("conn.start")) {
        Acc a = new Acc(e.string("conn"), e.node(), e.string("server"), e.string("flow"), e.timeNanos());
        byFlow.put(a.flow, a);
        byConn.put(a.id, a);
      }
    }
    // An attacker's replay of a recorded client stream, by the flow it replays on.
    Map<String, Acc> replays = new HashMap<>();
    for (TraceEvent e : trace) {
      if (e.kind().equals("mitm.replay-start") && byFlow.containsKey(e.string("victim"))) {
        Acc victim = byFlow.get(e.string("victim"));
        victim.replayedRequests = victim.replayedRequests == null ? 0L : victim.replayedRequests;
        replays.put(e.string("flow"), victim);
        continue;
      }
      if (e.kind().equals("app.request") && replays.containsKey(e.string("flow"))) {
        Acc victim = replays.get(e.string("flow"));
        victim.replayedRequests++;
        continue;
      }
      Acc a = find(e, byFlow, byConn);
      if (a == null) {
        continue;
      }
      long t = e.timeNanos();
      switch (e.kind()) {
        case "tcp.established" -> {
          if (e.node().equals(a.client) && a.tcpConnect == null) {
            a.tcpConnect = t;
          }
        }
        case "conn.established" -> a.handshake = a.handshake == null ? t : a.handshake;
        case "app.first-byte" -> a.firstAppByte = a.firstAppByte == null ? t : a.firstAppByte;
        case "app.response" -> a.response = a.response == null ? t : a.response;
        case "conn.failed" -> a.failure = a.failure == null ? e.string("reason") : a.failure;
        case "packet.send" -> {
          a.packets++;
          if (e.node().equals(a.client)) {
            a.bytesUp += e.longValue("size");
          } else {
            a.bytesDown += e.longValue("size");
          }
        }
        case "tcp.retransmit" -> a.retransmissions++;
        case "tls.start" -> a.tls = true;
        case "tls.established" -> {
          if (e.node().equals(a.client)) {
            a.tlsEstablished = true;
            a.version = e.string("version");
            a.suite = e.string("suite");
          }
          // Either end knows whether the session was resumed (the JDK's SSLEngine does not say).
          if (e.string("resumedBy") != null) {
            a.resumedBy = e.string("resumedBy");
          }
        }
        case "tls.check" -> {
          if (e.node().equals(a.client) && "failed".equals(e.string("status")) && a.failedCheck == null) {
            a.failedCheck = e.string("check");
          }
        }
        case "mitm.read" -> a.mitmRead += e.longValue("bytes");
        case "tls.alert" -> {
          if (Boolean.TRUE.equals(e.get("fatal")) && "sent".equals(e.get("dir")) && a.alertReason == null) {
            a.alertReason = e.node() + ": " + e.string("reason");
          }
        }
        case "cpu" -> {
          if (e.node().equals(a.client)) {
            a.cpuClient += e.longValue("cost");
          } else if (e.node().equals(a.server)) {
            a.cpuServer += e.longValue("cost");
          }
        }
        default -> { }
      }
    }
    List<ConnectionSummary> out = new ArrayList<>();
    for (Acc a : byFlow.values()) {
      out.add(a.summary());
    }
    return out;
  }

  private static Acc find(TraceEvent e, Map<String, Acc> byFlow, Map<String, Acc> byConn) {
    String conn = e.string("conn");
    if (conn != null && byConn.containsKey(conn)) {
      return byConn.get(conn);
    }
    String flow = e.string("flow");
    if (flow != null) {
      return byFlow.get(flow);
    }
    if (e.kind().equals("packet.send")) {
      String up = e.string("from") + ":" + e.get("sport") + ">" + e.string("to") + ":" + e.get("dport");
      String down = e.string("to") + ":" + e.get("dport") + ">" + e.string("from") + ":" + e.get("sport");
      Acc a = byFlow.get(up);
      return a != null ? a : byFlow.get(down);
    }
    return null;
  }

  /** Exact milliseconds from nanoseconds: 100000000 ns → 100. */
  public static BigDecimal millis(long nanos) {
    BigDecimal v = BigDecimal.valueOf(nanos, 6).stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  private static final class Acc {
    final String id;
    final String client;
    final String server;
    final String flow;
    final long start;
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
    String failedCheck;
    String resumedBy;
    long cpuClient;
    long cpuServer;
    long mitmRead;
    String alertReason;
    Long replayedRequests;

    Acc(String id, String client, String server, String flow, long start) {
      this.id = id;
      this.client = client;
      this.server = server;
      this.flow = flow;
      this.start = start;
    }

    private BigDecimal roundTrips() {
      if (tcpConnect == null || handshake == null || tcpConnect == start) {
        return null;
      }
      return BigDecimal.valueOf(handshake - start)
          .divide(BigDecimal.valueOf(tcpConnect - start), 2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private BigDecimal since(Long t) {
      return t == null ? null : millis(t - start);
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
      return new ConnectionSummary(id, client, server, flow, millis(start), result, version, suite, handshakeKind,
          resumedBy, failedCheck,
          since(tcpConnect), since(handshake), roundTrips(), since(firstAppByte), since(response), bytesUp, bytesDown, packets,
          retransmissions, millis(cpuClient), millis(cpuServer), mitmRead,
          alertReason, replayedRequests);
    }
  }
}
