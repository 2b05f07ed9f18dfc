package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows every packet id through packet.send / packet.arrive / packet.drop and groups the packets
 * by TCP flow. A router forwards without a packet.send of its own, so a hop starts where the
 * previous one ended (the "link" field names both ends).
 */
final class PacketTracer {
  private PacketTracer() {}

  /** Packets per flow (the flow named as the trace names it: client:port>server:port), in send order. */
  static Map<String, List<PacketPath>> byFlow(List<JsonNode> trace) {
    Set<String> flows = new HashSet<>();
    for (JsonNode e : trace) {
      if (TraceFile.kind(e).equals("tcp.open")) {
        flows.add(e.path("flow").asText());
      }
    }
    Map<Long, PacketPath> packets = new LinkedHashMap<>();
    Map<Long, Long> lastNs = new HashMap<>();
    Map<String, JsonNode> pendingRetransmit = new HashMap<>();
    for (JsonNode e : trace) {
      long t = TraceFile.t(e);
      long id = e.path("id").asLong();
      switch (TraceFile.kind(e)) {
        case "tcp.retransmit" -> pendingRetransmit.put(
            e.path("node").asText() + "|" + e.path("flow").asText() + "|" + e.path("seq").asLong(), e);
        case "packet.send" -> {
          String flow = flowOf(e, flows);
          PacketPath p = new PacketPath(id, flow, e.path("from").asText(), e.path("flags").asText(),
              e.path("seq").asLong(), e.path("len").asInt(), t);
          JsonNode r = pendingRetransmit.remove(p.sender + "|" + flow + "|" + p.seq);
          if (r != null && TraceFile.t(r) == t) {
            p.retransmitReason = r.path("reason").asText();
          }
          packets.put(id, p);
          lastNs.put(id, t);
        }
        case "packet.arrive" -> {
          PacketPath p = packets.get(id);
          if (p != null) {
            String[] link = link(e);
            p.hops.add(new PacketPath.Hop(link[0], e.path("node").asText(), lastNs.get(id), t));
            lastNs.put(id, t);
          }
        }
        case "packet.drop" -> {
          PacketPath p = packets.get(id);
          if (p != null) {
            String[] link = link(e);
            p.drop = new PacketPath.Drop(link[0], link[1], t, e.path("reason").asText());
          }
        }
        default -> { }
      }
    }
    Map<String, List<PacketPath>> byFlow = new LinkedHashMap<>();
    for (PacketPath p : packets.values()) {
      byFlow.computeIfAbsent(p.flow, k -> new java.util.ArrayList<>()).add(p);
    }
    return byFlow;
  }

  private static String[] link(JsonNode e) {
    String[] parts = e.path("link").asText().split("->", 2);
    return parts.length == 2 ? parts : new String[] {e.path("node").asText(), "?"};
  }

  /** The flow is named by its client end, so a server's segment matches it read backwards. */
  static String flowOf(JsonNode send, Set<String> known) {
    String a = send.path("from").asText() + ":" + send.path("sport").asText();
    String b = send.path("to").asText() + ":" + send.path("dport").asText();
    String forward = a + ">" + b;
    String backward = b + ">" + a;
    if (known.contains(backward) && !known.contains(forward)) {
      return backward;
    }
    return forward;
  }
}
