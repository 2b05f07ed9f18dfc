package dev.tlssim.visualizer;

import dev.tlssim.events.Direction;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.TraceRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which TLS messages each TCP segment carries. The trace logs the messages a sender hands to its
 * TLS record layer ("tls.message" dir=sent) just before TCP sends the resulting data segments, so
 * the messages written at one instant form a flight whose bytes fill the next data segments of that
 * flow, in order. Record headers and encryption overhead are not in the message lengths; bytes
 * beyond a flight's messages count as that flight's tail. A retransmission carries what the first
 * transmission of the same sequence number carried.
 */
final class TlsCarriage {
  private TlsCarriage() {}

  private static final class Flight {
    final long atNs;
    final List<String> names = new ArrayList<>();
    final List<Long> ends = new ArrayList<>();
    long total;
    long consumed;
    long lastSegmentNs = -1;

    Flight(long atNs) {
      this.atNs = atNs;
    }

    void add(String name, long length) {
      names.add(name);
      total += length;
      ends.add(total);
    }

    /** Messages overlapping the byte range [from, to) of this flight. */
    void collect(long from, long to, Set<String> out) {
      long start = 0;
      for (int i = 0; i < names.size(); i++) {
        long end = ends.get(i);
        if (from < end && to > start || (i == names.size() - 1 && from >= end)) {
          out.add(names.get(i));
        }
        start = end;
      }
    }
  }

  /** Sets {@link PacketPath#tls} on the data segments of {@code packets}. */
  static void assign(List<TraceRecord> trace, Map<Long, PacketPath> packets) {
    Map<String, Deque<Flight>> pending = new HashMap<>();
    Map<String, List<String>> bySeq = new HashMap<>();
    for (TraceRecord e : trace) {
      long t = e.timeNanos();
      if (e.event() instanceof TlsChannelEvent.Message m && m.dir() == Direction.SENT) {
        Deque<Flight> q = pending.computeIfAbsent(e.node() + "|" + m.flow(), k -> new ArrayDeque<>());
        Flight last = q.peekLast();
        if (last == null || last.atNs != t || last.consumed > 0) {
          last = new Flight(t);
          q.addLast(last);
        }
        last.add(m.name(), m.length());
      } else if (e.event() instanceof PacketEvent.Sent s && s.tcp() != null && s.tcp().len() > 0) {
        PacketPath p = packets.get(s.id());
        if (p == null) {
          continue;
        }
        String key = p.sender + "|" + p.flow;
        if (p.retransmitReason != null) {
          p.tls = bySeq.getOrDefault(key + "|" + p.seq, List.of());
          continue;
        }
        p.tls = carried(pending.get(key), p.len, t);
        bySeq.put(key + "|" + p.seq, p.tls);
      }
    }
  }

  private static List<String> carried(Deque<Flight> q, int len, long t) {
    if (q == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    long remaining = len;
    while (remaining > 0 && !q.isEmpty()) {
      Flight f = q.peekFirst();
      long free = f.total - f.consumed;
      if (free <= 0) {
        if (q.size() > 1) {
          q.pollFirst();
          continue;
        }
        // Overhead bytes of the flight just sent belong to it; a later segment is not its tail.
        if (f.lastSegmentNs == t) {
          f.collect(f.consumed, f.consumed + remaining, out);
        } else {
          q.pollFirst();
        }
        break;
      }
      long take = Math.min(free, remaining);
      f.collect(f.consumed, f.consumed + take, out);
      f.consumed += take;
      f.lastSegmentNs = t;
      remaining -= take;
    }
    return List.copyOf(out);
  }
}
