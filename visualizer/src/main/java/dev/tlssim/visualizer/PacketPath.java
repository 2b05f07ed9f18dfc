package dev.tlssim.visualizer;

import dev.tlssim.events.Flow;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TcpFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One IP packet as the trace saw it: who sent it, the TCP header fields, each link it crossed and,
 * if it died, where and why. Mutable while {@link PacketTracer} fills it in.
 */
final class PacketPath {
  /** One crossing of one link; times in virtual ns. */
  record Hop(String from, String to, long departNs, long arriveNs) {}

  /** The link a packet died on, at the moment the link decided so. */
  record Drop(String from, String to, long atNs, String reason) {}

  final long id;
  final Flow flow;
  final String sender;
  final List<TcpFlag> flags;
  final long seq;
  final int len;
  final long sentNs;
  final List<Hop> hops = new ArrayList<>();
  Drop drop;
  /** Why TCP sent these bytes again ({@code rto}, {@code fast}, ...), or null for a first transmission. */
  String retransmitReason;
  /** The TLS messages (RFC names) whose bytes this segment carries, in order. */
  List<String> tls = List.of();

  PacketPath(long id, Flow flow, String sender, PacketEvent.Segment tcp, long sentNs) {
    this.id = id;
    this.flow = flow;
    this.sender = sender;
    this.flags = tcp.flags();
    this.seq = tcp.seq();
    this.len = tcp.len();
    this.sentNs = sentNs;
  }

  boolean has(TcpFlag flag) {
    return flags.contains(flag);
  }

  /** The flags as tcpdump-like tools list them: "SYN,ACK". */
  String flagText() {
    return flags.stream().map(TcpFlag::name).collect(Collectors.joining(","));
  }

  /** A segment with no payload and none of the connection-shaping flags: just acknowledging. */
  boolean pureAck() {
    return len == 0 && !has(TcpFlag.SYN) && !has(TcpFlag.FIN) && !has(TcpFlag.RST);
  }

  /** What the ladder writes on the arrow: the TLS messages if any, else the TCP flags. */
  String label() {
    if (!tls.isEmpty()) {
      return String.join(", ", tls);
    }
    String f = flags.isEmpty() ? "-" : flagText();
    return len > 0 ? f + " " + len + " B" : f;
  }

  long lastNs() {
    long t = sentNs;
    for (Hop h : hops) {
      t = Math.max(t, h.arriveNs());
    }
    return drop == null ? t : Math.max(t, drop.atNs());
  }
}
