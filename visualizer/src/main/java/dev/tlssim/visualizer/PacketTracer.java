package dev.tlssim.visualizer;

import dev.tlssim.events.Flow;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TcpEvent;
import dev.tlssim.events.TraceRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

  /** A retransmission TCP announced at a node, waiting for the packet.send that carries it. */
  private record Resend(String node, Flow flow, long seq) {}

  /** Packets per flow, in send order. */
  static Map<Flow, List<PacketPath>> byFlow(List<TraceRecord> trace) {
    Set<Flow> flows = new LinkedHashSet<>();
    for (TraceRecord r : trace) {
      if (r.event() instanceof TcpEvent.Opened o) {
        flows.add(o.flow());
      }
    }
    Map<Long, PacketPath> packets = new LinkedHashMap<>();
    Map<Long, Long> lastNs = new HashMap<>();
    Map<Resend, TraceRecord> pendingRetransmit = new HashMap<>();
    for (TraceRecord r : trace) {
      long t = r.timeNanos();
      if (r.event() instanceof TcpEvent.Retransmitted x) {
        pendingRetransmit.put(new Resend(r.node(), x.flow(), x.seq()), r);
      } else if (r.event() instanceof PacketEvent.Sent s && s.tcp() != null) {
        PacketPath p = new PacketPath(s.id(), flowOf(s, flows), s.from(), s.tcp(), t);
        TraceRecord x = pendingRetransmit.remove(new Resend(p.sender, p.flow, p.seq));
        if (x != null && x.timeNanos() == t) {
          p.retransmitReason = ((TcpEvent.Retransmitted) x.event()).reason().wireName();
        }
        packets.put(s.id(), p);
        lastNs.put(s.id(), t);
      } else if (r.event() instanceof PacketEvent.Arrived a) {
        PacketPath p = packets.get(a.id());
        if (p != null) {
          String[] link = link(a.link(), r.node());
          p.hops.add(new PacketPath.Hop(link[0], r.node(), lastNs.get(a.id()), t));
          lastNs.put(a.id(), t);
        }
      } else if (r.event() instanceof PacketEvent.Dropped d) {
        PacketPath p = packets.get(d.id());
        if (p != null) {
          String[] link = link(d.link(), r.node());
          p.drop = new PacketPath.Drop(link[0], link[1], t, d.reason().wireName());
        }
      }
    }
    Map<Flow, List<PacketPath>> byFlow = new LinkedHashMap<>();
    for (PacketPath p : packets.values()) {
      byFlow.computeIfAbsent(p.flow, k -> new ArrayList<>()).add(p);
    }
    return byFlow;
  }

  private static String[] link(String link, String node) {
    String[] parts = link == null ? new String[0] : link.split("->", 2);
    return parts.length == 2 ? parts : new String[] {node, "?"};
  }

  /**
   * The connection a segment belongs to: the opened flow it joins (a server's segment travels it
   * backwards), else the flow it would open (a packet of no connection the trace saw open).
   */
  static Flow flowOf(PacketEvent.Sent send, Set<Flow> known) {
    PacketEvent.Segment tcp = send.tcp();
    Flow forward = new Flow(send.from(), tcp.sport(), send.to(), tcp.dport());
    Flow backward = new Flow(send.to(), tcp.dport(), send.from(), tcp.sport());
    return known.contains(backward) && !known.contains(forward) ? backward : forward;
  }
}
