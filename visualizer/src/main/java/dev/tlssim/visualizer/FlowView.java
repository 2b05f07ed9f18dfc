package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tlssim.events.Direction;
import dev.tlssim.events.Flow;
import dev.tlssim.events.Role;
import dev.tlssim.events.RunEvent;
import dev.tlssim.events.TcpEvent;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.TraceRecord;
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
  record Message(int index, long atNs, String node, TlsChannelEvent.Message event) {
    String name() {
      return event.name();
    }

    long length() {
      return event.length();
    }

    boolean sent() {
      return event.dir() == Direction.SENT;
    }
  }

  /** An alert and the node that reported it (its sender when {@code dir} is sent). */
  record Alert(String node, TlsChannelEvent.Alert event) {}

  /** A timer event (tcp.rto) at a node: the wait that just ended and what TCP backs off to next. */
  record Timer(long atNs, String node, long nextRtoNs, int retries) {}

  /** A tail-loss probe a node sent (RFC 8985 §7), with the probe timeout that elapsed. */
  record Probe(long atNs, String node, long ptoNs) {}

  final Flow flow;
  final String client;
  final String server;
  final JsonNode connection;
  final long startNs;
  final List<PacketPath> packets;
  final List<Message> messages = new ArrayList<>();
  final List<TlsChannelEvent.Check> checks = new ArrayList<>();
  final List<Alert> alerts = new ArrayList<>();
  /** tls.keys events: only in runs made with --keylog, one per handshake at the client. */
  final List<TlsChannelEvent.Keys> keys = new ArrayList<>();
  final List<Timer> timers = new ArrayList<>();
  final List<Probe> probes = new ArrayList<>();
  /** When the client could send application data (TLS established, else TCP established), or -1. */
  long doneNs = -1;
  String doneWhat = "";

  FlowView(Flow flow, JsonNode connection, long startNs, List<PacketPath> packets) {
    this.flow = flow;
    this.connection = connection == null ? MissingNode.getInstance() : connection;
    this.startNs = startNs;
    this.packets = packets;
    this.client = flow.initiator();
    this.server = flow.acceptor();
  }

  String title() {
    return connection.isMissingNode() ? flow.toString() : connection.path("id").asText();
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
  static List<FlowView> build(List<TraceRecord> trace, JsonNode summary) {
    Map<Flow, List<PacketPath>> packets = PacketTracer.byFlow(trace);
    Map<Flow, FlowView> views = new LinkedHashMap<>();
    for (JsonNode c : summary.path("connections")) {
      String flow = c.path("flow").asText();
      // A connection that never got a port (no route to its server) has no flow to draw.
      if (!flow.isEmpty()) {
        Flow f = Flow.parse(flow);
        long start = Math.round(c.path("startMs").asDouble() * 1e6);
        views.put(f, new FlowView(f, c, start, packets.getOrDefault(f, List.of())));
      }
    }
    for (TraceRecord r : trace) {
      if (r.event() instanceof TcpEvent.Opened o && o.role() == Role.CLIENT) {
        views.computeIfAbsent(o.flow(), f -> new FlowView(f, null, r.timeNanos(), packets.getOrDefault(f, List.of())));
      }
    }
    for (TraceRecord r : trace) {
      FlowView v = views.get(flowOf(r.event()));
      if (v != null) {
        v.add(r);
      }
    }
    return new ArrayList<>(views.values());
  }

  /** The connection an event is about, for the families that name one by its TCP flow; else null. */
  private static Flow flowOf(RunEvent e) {
    if (e instanceof TlsChannelEvent t) {
      return t.flow();
    }
    if (e instanceof TcpEvent t) {
      return t.flow();
    }
    return null;
  }

  private void add(TraceRecord r) {
    long t = r.timeNanos();
    String node = r.node();
    RunEvent e = r.event();
    if (e instanceof TlsChannelEvent.Message m) {
      messages.add(new Message(messages.size(), t, node, m));
    } else if (e instanceof TlsChannelEvent.Check c) {
      checks.add(c);
    } else if (e instanceof TlsChannelEvent.Alert a) {
      alerts.add(new Alert(node, a));
    } else if (e instanceof TlsChannelEvent.Keys k) {
      keys.add(k);
    } else if (e instanceof TcpEvent.RtoFired rto) {
      timers.add(new Timer(t, node, rto.rto(), rto.retries()));
    } else if (e instanceof TcpEvent.LossProbe probe) {
      probes.add(new Probe(t, node, probe.pto()));
    } else if (e instanceof TlsChannelEvent.Established) {
      if (node.equals(client) && doneNs < 0) {
        doneNs = t;
        doneWhat = "handshake done";
      }
    } else if (e instanceof TcpEvent.Established) {
      // Without TLS the connection is usable once TCP is; TLS's own event replaces this below.
      if (node.equals(client) && doneNs < 0) {
        doneNs = t;
        doneWhat = "connected";
      }
    } else if (e instanceof TlsChannelEvent.Started && node.equals(client)) {
      doneNs = -1;
    }
  }
}
