package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the report draws about one TCP flow: its packets, its TLS messages, certificate
 * checks, alerts, timer firings, and its connection record from summary.json when the flow belongs
 * to a timeline connection (an enrollment with a CA is a flow without one).
 */
final class FlowView {
  /** A TLS message as one end logged it. */
  record Message(int index, long atNs, String node, String dir, String name, long length, JsonNode event) {}

  /** A timer event (tcp.rto) at a node: the wait that just ended and what TCP backs off to next. */
  record Timer(long atNs, String node, long nextRtoNs, int retries) {}

  final String flow;
  final String client;
  final String server;
  final JsonNode connection;
  final long startNs;
  final List<PacketPath> packets;
  final List<Message> messages = new ArrayList<>();
  final List<JsonNode> checks = new ArrayList<>();
  final List<JsonNode> alerts = new ArrayList<>();
  /** tls.keys events: only in runs made with --keylog, one per handshake at the client. */
  final List<JsonNode> keys = new ArrayList<>();
  final List<Timer> timers = new ArrayList<>();
  /** When the client could send application data (TLS established, else TCP established), or -1. */
  long doneNs = -1;
  String doneWhat = "";

  FlowView(String flow, JsonNode connection, long startNs, List<PacketPath> packets) {
    this.flow = flow;
    this.connection = connection == null ? MissingNode.getInstance() : connection;
    this.startNs = startNs;
    this.packets = packets;
    String[] ends = flow.split(">", 2);
    this.client = ends[0].replaceAll(":\\d+$", "");
    this.server = ends.length > 1 ? ends[1].replaceAll(":\\d+$", "") : "?";
  }

  String title() {
    return connection.isMissingNode() ? flow : connection.path("id").asText();
  }

  String result() {
    return connection.path("result").asText(connection.isMissingNode() ? "" : "-");
  }

  long endNs() {
    long end = startNs;
    for (PacketPath p : packets) {
      end = Math.max(end, p.lastNs());
    }
    return end;
  }

  /** Builds the views of all flows, timeline connections first (summary order), then the others. */
  static List<FlowView> build(List<JsonNode> trace, JsonNode summary) {
    Map<String, List<PacketPath>> packets = PacketTracer.byFlow(trace);
    Map<Long, PacketPath> byId = new LinkedHashMap<>();
    packets.values().forEach(l -> l.forEach(p -> byId.put(p.id, p)));
    TlsCarriage.assign(trace, byId);

    Map<String, FlowView> views = new LinkedHashMap<>();
    for (JsonNode c : summary.path("connections")) {
      String flow = c.path("flow").asText();
      if (!flow.isEmpty()) {
        long start = Math.round(c.path("startMs").asDouble() * 1e6);
        views.put(flow, new FlowView(flow, c, start, packets.getOrDefault(flow, List.of())));
      }
    }
    for (JsonNode e : trace) {
      if (TraceFile.kind(e).equals("tcp.open") && e.path("role").asText().equals("client")) {
        String flow = e.path("flow").asText();
        views.computeIfAbsent(flow, f -> new FlowView(f, null, TraceFile.t(e), packets.getOrDefault(f, List.of())));
      }
    }
    for (JsonNode e : trace) {
      FlowView v = views.get(e.path("flow").asText());
      if (v == null) {
        continue;
      }
      long t = TraceFile.t(e);
      String node = e.path("node").asText();
      switch (TraceFile.kind(e)) {
        case "tls.message" -> v.messages.add(new Message(v.messages.size(), t, node, e.path("dir").asText(),
            e.path("name").asText(), e.path("length").asLong(), e));
        case "tls.check" -> v.checks.add(e);
        case "tls.alert" -> v.alerts.add(e);
        case "tls.keys" -> v.keys.add(e);
        case "tcp.rto" -> v.timers.add(new Timer(t, node, e.path("rto").asLong(), e.path("retries").asInt()));
        case "tls.established" -> {
          if (node.equals(v.client) && v.doneNs < 0) {
            v.doneNs = t;
            v.doneWhat = "handshake done";
          }
        }
        case "tcp.established" -> {
          // Without TLS the connection is usable once TCP is; TLS's own event replaces this below.
          if (node.equals(v.client) && v.doneNs < 0) {
            v.doneNs = t;
            v.doneWhat = "connected";
          }
        }
        case "tls.start" -> {
          if (node.equals(v.client)) {
            v.doneNs = -1;
          }
        }
        default -> { }
      }
    }
    return new ArrayList<>(views.values());
  }
}
