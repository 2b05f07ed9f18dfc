package dev.tlssim.visualizer;

import dev.tlssim.events.Flow;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TcpFlag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One IP packet as the trace saw it: who sent it, the TCP header fields, the pieces of TLS records
 * its payload carries, each link it crossed and, if it died, where and why. Mutable while
 * {@link PacketTracer} fills it in.
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
  /**
   * The pieces of TLS records in the payload, in payload order, as the sender recorded them: the
   * sender's record layer knows where its records went, so nothing is inferred here. Empty for a
   * segment without TLS bytes, and for every segment of a trace that does not record them.
   */
  final List<PacketEvent.Carried> carries;
  /** The cumulative acknowledgment the segment carries. */
  final long ack;
  /** SACK blocks of an ACK (RFC 2018): bytes the receiver holds above a hole; empty when none. */
  final List<PacketEvent.SackBlock> sack;

  PacketPath(long id, Flow flow, String sender, PacketEvent.Segment tcp, long sentNs) {
    this.id = id;
    this.flow = flow;
    this.sender = sender;
    this.flags = tcp.flags();
    this.seq = tcp.seq();
    this.len = tcp.len();
    this.sentNs = sentNs;
    this.carries = tcp.carries() == null ? List.of() : tcp.carries();
    this.ack = tcp.ack();
    this.sack = tcp.sack() == null ? List.of() : tcp.sack();
  }

  /**
   * The SACK blocks as offsets above the cumulative ACK, the hole's left edge: "SACK +1448..+2896"
   * says the 1448 bytes after the ACK are missing and the next 1448 arrived.
   */
  String sackText() {
    return "SACK " + sack.stream().map(b -> "+" + (b.left() - ack) + "..+" + (b.right() - ack))
        .collect(Collectors.joining(" "));
  }

  boolean carriesTls() {
    return !carries.isEmpty();
  }

  /** The messages (RFC names) of the records this segment carries all or part of, in order, each once. */
  List<String> messages() {
    Set<String> out = new LinkedHashSet<>();
    for (PacketEvent.Carried c : carries) {
      out.addAll(names(c));
    }
    return List.copyOf(out);
  }

  /** What a piece holds: its record's messages, or the record's content type when it names none (application data). */
  static List<String> names(PacketEvent.Carried c) {
    return c.messages().isEmpty() ? List.of(c.content()) : c.messages();
  }

  /**
   * A piece as the ladder names it. As in Wireshark's Info column, a record split over segments is
   * named by the segment that carries its last byte, where the receiver can reassemble and parse it
   * (TLS sees TCP as a byte stream, RFC 8446 §1, so records cross segment boundaries freely); the
   * segments before it say they carry part of it.
   */
  static String label(PacketEvent.Carried c) {
    String names = String.join(", ", names(c));
    return c.endsRecord() ? names : "part of " + names;
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

  /** What the ladder writes on the arrow: the TLS records carried if any, else the TCP flags. */
  String label() {
    if (carriesTls()) {
      return carries.stream().map(PacketPath::label).collect(Collectors.joining(", "));
    }
    String f = flags.isEmpty() ? "-" : flagText();
    if (!sack.isEmpty()) {
      f = f + ", " + sackText();
    }
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
