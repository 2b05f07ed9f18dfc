package dev.tlssim.fidelity;

import dev.tlssim.events.ConnectionEvent;
import dev.tlssim.events.Flow;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TcpFlag;
import dev.tlssim.events.TraceRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies one connection of a run by what the network dropped between its start and its
 * handshake's completion, exactly as the measured side does (scenarios/fidelity/measured/README.md):
 * the window is {@code [start, start + handshakeMs]}, both ends included, and a packet counts by the
 * time it was sent, as linkem stamps a packet when it reads it from the sender (the kernel records a
 * drop at that moment too: a link decides a packet's fate when it takes it). A connection that never
 * completes its handshake has a window to the end of the run.
 *
 * <p>At the window's last instant the simulated client sends both its final handshake flight and,
 * in the same virtual nanosecond, its first request. The real client wrote its final flight before
 * {@code do_handshake()} returned (inside the window) and its request only after (outside), so a
 * segment sent at that instant counts unless everything it carries is application data.
 *
 * <p>Packet kinds follow the measured definitions: SYN = the SYN flag, with or without ACK (a SYN or a
 * SYN-ACK); data = payload length above 0 (TCP options are never payload here either); pure ACK =
 * no payload and none of SYN, FIN, RST. A lost bare FIN or RST is none of these and does not count.
 */
public final class DropClassifier {
  private static final String APPLICATION_DATA = "application_data";

  private DropClassifier() {}

  /** The drop class of connection {@code conn} (a timeline id) in {@code trace}. */
  public static DropClass classify(List<TraceRecord> trace, String conn) {
    Flow flow = null;
    long start = 0;
    long end = Long.MAX_VALUE;
    for (TraceRecord r : trace) {
      if (r.event() instanceof ConnectionEvent.Started s && s.conn().equals(conn)) {
        flow = s.flow();
        start = r.timeNanos();
      } else if (r.event() instanceof ConnectionEvent.Established e && e.conn().equals(conn) && end == Long.MAX_VALUE) {
        end = r.timeNanos();
      }
    }
    if (flow == null) {
      throw new IllegalArgumentException("the trace has no start of connection '" + conn + "'");
    }
    // A packet's id is announced by its Sent record; only the packets of this flow sent in the window matter.
    Map<Long, PacketEvent.Segment> inWindow = new HashMap<>();
    boolean syn = false;
    boolean data = false;
    boolean ack = false;
    for (TraceRecord r : trace) {
      if (r.event() instanceof PacketEvent.Sent p) {
        if (p.tcp() != null && r.timeNanos() >= start && r.timeNanos() <= end
            && flow.joins(p.from(), p.tcp().sport(), p.to(), p.tcp().dport())
            && !(r.timeNanos() == end && onlyApplicationData(p.tcp()))) {
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

  /** Whether a segment has payload and all of it is application data records (the client's request). */
  private static boolean onlyApplicationData(PacketEvent.Segment s) {
    return s.len() > 0 && s.carries() != null
        && s.carries().stream().allMatch(c -> c.content().equals(APPLICATION_DATA));
  }
}
