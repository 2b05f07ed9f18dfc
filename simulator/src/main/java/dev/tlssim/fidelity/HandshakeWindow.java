package dev.tlssim.fidelity;

import dev.tlssim.events.ConnectionEvent;
import dev.tlssim.events.Flow;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TraceRecord;
import java.util.List;

/**
 * The packets of one connection that the measured side counts as its handshake's
 * (scenarios/fidelity/measured/README.md): those sent within {@code [start, start + hs_ms]}, both
 * ends included, by the time they were sent, as linkem stamps a packet when it reads it from the
 * sender. A connection that never completes has a window to the end of the run.
 *
 * <p>At the window's last instant the simulated client sends both its final handshake flight and,
 * in the same virtual nanosecond, its first request. The real client wrote its final flight before
 * {@code do_handshake()} returned (inside the window) and its request only after (outside), so a
 * segment sent at that instant counts unless everything it carries is application data.
 */
record HandshakeWindow(Flow flow, long start, long end) {
  private static final String APPLICATION_DATA = "application_data";

  /** The window of connection {@code conn} (a timeline id) in {@code trace}. */
  static HandshakeWindow of(List<TraceRecord> trace, String conn) {
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
    return new HandshakeWindow(flow, start, end);
  }

  /** Whether the segment {@code p}, sent at {@code timeNanos}, is one of the connection's in the window. */
  boolean holds(long timeNanos, PacketEvent.Sent p) {
    return ofConnection(p) && timeNanos >= start && timeNanos <= end
        && !(timeNanos == end && onlyApplicationData(p.tcp()));
  }

  /** Whether {@code p} is a segment of this connection, in either direction, at any time. */
  boolean ofConnection(PacketEvent.Sent p) {
    return p.tcp() != null && flow.joins(p.from(), p.tcp().sport(), p.to(), p.tcp().dport());
  }

  /** Whether the connection's client sent {@code p}. */
  boolean fromClient(PacketEvent.Sent p) {
    return p.from().equals(flow.initiator()) && p.tcp().sport() == flow.initiatorPort();
  }

  /** Whether a segment has payload and all of it is application data records (the client's request). */
  private static boolean onlyApplicationData(PacketEvent.Segment s) {
    return s.len() > 0 && s.carries() != null
        && s.carries().stream().allMatch(c -> c.content().equals(APPLICATION_DATA));
  }
}
