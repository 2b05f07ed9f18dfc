package dev.tlssim.fidelity;

import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TraceRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies one connection of a run by what the network dropped in its {@link HandshakeWindow},
 * exactly as the measured side does (scenarios/fidelity/measured/README.md).
 *
 * <p>Packet kinds follow the measured definitions ({@link PacketKind}): a lost SYN or SYN-ACK makes
 * the class {@code syn}; a lost bare FIN or RST does not count.
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
        switch (PacketKind.of(s)) {
          case SYN, SYN_ACK -> syn = true;
          case DATA -> data = true;
          case PURE_ACK -> ack = true;
          case OTHER -> { }
        }
      }
    }
    return syn ? DropClass.SYN : data ? DropClass.DATA : ack ? DropClass.ACK : DropClass.NONE;
  }
}
