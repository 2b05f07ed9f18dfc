package dev.tlssim.fidelity;

import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TraceRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long one packet dropped in a handshake window took to be sent again, as derive.py's
 * {@code retx_delay} measures it in the packet logs: from the drop to the first later packet of the
 * connection in the same direction with the same sequence number and of the same kind (a SYN, a
 * SYN-ACK, or payload), whether that copy passed or not; the sender's timers as they fired. A drop
 * never sent again (a duplicate SYN-ACK, a SYN whose connection the SYN-ACK's retransmission
 * completed) has no delay and counts in neither population.
 *
 * @param kind      {@code data}, {@code syn} or {@code synack} (derive.py's packet kinds)
 * @param fromClient the direction: true for client to server ("c2s")
 * @param delayMs   exact virtual milliseconds
 */
public record Resend(String kind, boolean fromClient, BigDecimal delayMs) {
  public static final List<String> KINDS = List.of("data", "syn", "synack");

  /** Every dropped SYN, SYN-ACK and payload segment of connection {@code conn}'s handshake window that was sent again. */
  public static List<Resend> of(List<TraceRecord> trace, String conn) {
    HandshakeWindow window = HandshakeWindow.of(trace, conn);
    List<TraceRecord> sends = new ArrayList<>();
    List<Integer> dropped = new ArrayList<>();
    Map<Long, Integer> sendIndex = new HashMap<>();
    for (TraceRecord r : trace) {
      if (r.event() instanceof PacketEvent.Sent p && window.ofConnection(p)) {
        sendIndex.put(p.id(), sends.size());
        sends.add(r);
      } else if (r.event() instanceof PacketEvent.Dropped d && sendIndex.containsKey(d.id())) {
        dropped.add(sendIndex.get(d.id()));
      }
    }
    List<Resend> out = new ArrayList<>();
    for (int i : dropped) {
      TraceRecord r = sends.get(i);
      PacketEvent.Sent p = (PacketEvent.Sent) r.event();
      String kind = kind(p.tcp());
      if (kind == null || !window.holds(r.timeNanos(), p)) {
        continue;
      }
      for (int j = i + 1; j < sends.size(); j++) {
        PacketEvent.Sent q = (PacketEvent.Sent) sends.get(j).event();
        if (window.fromClient(q) == window.fromClient(p) && q.tcp().seq() == p.tcp().seq()
            && kind.equals(kind(q.tcp()))) {
          long ns = sends.get(j).timeNanos() - r.timeNanos();
          out.add(new Resend(kind, window.fromClient(p),
              BigDecimal.valueOf(ns).divide(BigDecimal.valueOf(1_000_000L), 6, RoundingMode.UNNECESSARY)));
          break;
        }
      }
    }
    return List.copyOf(out);
  }

  /** derive.py's kind for the kinds that are resent: null for pure ACKs, FINs and RSTs. */
  private static String kind(PacketEvent.Segment s) {
    PacketKind k = PacketKind.of(s);
    return k == PacketKind.PURE_ACK || k == PacketKind.OTHER ? null : k.label();
  }

  public String direction() {
    return fromClient ? "c2s" : "s2c";
  }
}
