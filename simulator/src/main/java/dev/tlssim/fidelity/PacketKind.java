package dev.tlssim.fidelity;

import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TcpFlag;

/**
 * A segment's kind as derive.py's {@code Pkt.kind} names it from the packet logs: a SYN, a SYN-ACK,
 * a segment with payload (TCP options are never payload), a pure ACK (no payload and none of SYN,
 * FIN, RST), or other (a bare FIN or RST). The drop classes and the resend delays both use it.
 */
enum PacketKind {
  SYN("syn"),
  SYN_ACK("synack"),
  DATA("data"),
  PURE_ACK("ack"),
  OTHER("other");

  private final String label;

  PacketKind(String label) {
    this.label = label;
  }

  static PacketKind of(PacketEvent.Segment s) {
    if (s.has(TcpFlag.SYN)) {
      return s.has(TcpFlag.ACK) ? SYN_ACK : SYN;
    }
    if (s.len() > 0) {
      return DATA;
    }
    return s.has(TcpFlag.FIN) || s.has(TcpFlag.RST) ? OTHER : PURE_ACK;
  }

  /** derive.py's name of the kind. */
  String label() {
    return label;
  }
}
