package dev.tlssim.fidelity;

import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TcpFlag;
import dev.tlssim.events.TraceRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies one connection of a run by what the network dropped in its {@link HandshakeWindow},
 * exactly as the measured side does (scenarios/fidelity/measured/README.md).
 *
 * <p>Packet kinds follow the measured definitions: SYN = the SYN flag, with or without ACK (a SYN or a
 * SYN-ACK); data = payload length above 0 (TCP options are never payload here either); pure ACK =
 * no payload and none of SYN, FIN, RST. A lost bare FIN or RST is none of these and does not count.
 */
public final class DropClassifier {
  private DropClassifier() {}

  /** The drop class of connection {@code conn} (a timeline id) in {@code trace}. */
  public static DropClass classify(List<TraceRecord> trace, String conn) {
    HandshakeWindow window = HandshakeWindow.of(trace, conn);
    // A packet's id is announced by its Sent record; only the packets of this flow sent in the window matter.
    Map<Long, PacketEvent.Segment> inWindow = new HashMap<>();
    boolean syn = false;
    boolean data = false;
    boolean ack = false;
    for (TraceRecord r : trace) {
      if (r.event() instanceof PacketEvent.Sent p) {
        if (window.holds(r.timeNanos(), p)) {
          inWindow.put(p.id(), p.tcp());
        }
      } else if (r.event() instanceof PacketEvent.Dropped d) {
        PacketEvent.Segment s = inWindow.get(d.id());
        if (s == null) {
          continue;
        }
        if (s.has(TcpFlag.SYN)) {
          syn = true;
        } else if (s.len() > 0) {
          data = true;
        } else if (!s.has(TcpFlag.FIN) && !s.has(TcpFlag.RST)) {
          ack = true;
        }
      }
    }
    return syn ? DropClass.SYN : data ? DropClass.DATA : ack ? DropClass.ACK : DropClass.NONE;
  }
}
