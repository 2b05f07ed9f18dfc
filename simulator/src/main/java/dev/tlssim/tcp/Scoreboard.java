package dev.tlssim.tcp;

import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TcpEvent.RetransmitReason;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * What the sender sent and has not had acknowledged cumulatively: RFC 6675 §3's scoreboard, with
 * the send time RACK needs per segment (RFC 8985 §5.2). One entry per segment as it was first
 * sent; a retransmission resends an entry whole, as Linux resends a socket buffer, so SACK blocks
 * and the entries line up.
 *
 * <p>The flags follow Linux's: an entry is {@code sacked}, or {@code lost} (presumed gone from
 * the network, waiting to be resent), and {@code retransInFlight} once a retransmission of a lost
 * entry is out. What is in flight (RFC 6675's pipe) is every entry neither SACKed nor lost, plus
 * the lost ones whose retransmission is out.
 */
final class Scoreboard {
  /** One segment: its sequence range, whether it carries the FIN, and its state. */
  static final class Entry {
    final long seq;
    final long end;
    final boolean fin;
    /** The latest transmission, original or retransmission (RACK's xmit_ts). */
    long xmitTime;
    boolean retransmitted;
    boolean sacked;
    boolean lost;
    boolean retransInFlight;
    /** How it was judged lost, which names its retransmission. */
    RetransmitReason lostBy;

    Entry(long seq, long end, boolean fin, long now) {
      this.seq = seq;
      this.end = end;
      this.fin = fin;
      this.xmitTime = now;
    }

    int dataLength() {
      return (int) (end - seq) - (fin ? 1 : 0);
    }

    long sequenceLength() {
      return end - seq;
    }

    boolean inFlight() {
      return !sacked && (!lost || retransInFlight);
    }

    /** Lost and not yet resent: what recovery sends next. */
    boolean awaitingRetransmission() {
      return lost && !sacked && !retransInFlight;
    }
  }

  private final TreeMap<Long, Entry> entries = new TreeMap<>();
  private int sackedCount;

  boolean isEmpty() {
    return entries.isEmpty();
  }

  int size() {
    return entries.size();
  }

  Entry first() {
    return entries.isEmpty() ? null : entries.firstEntry().getValue();
  }

  Entry last() {
    return entries.isEmpty() ? null : entries.lastEntry().getValue();
  }

  Iterable<Entry> entries() {
    return entries.values();
  }

  int sackedCount() {
    return sackedCount;
  }

  void sent(long seq, long end, boolean fin, long now) {
    entries.put(seq, new Entry(seq, end, fin, now));
  }

  void resent(Entry e, long now) {
    e.xmitTime = now;
    e.retransmitted = true;
    if (e.lost) {
      e.retransInFlight = true;
    }
  }

  /** Marks {@code e} lost; false when it already was and its retransmission is not out. */
  boolean markLost(Entry e, RetransmitReason by) {
    if (e.sacked || (e.lost && !e.retransInFlight)) {
      return false;
    }
    e.lost = true;
    e.retransInFlight = false;
    e.lostBy = by;
    return true;
  }

  /** Removes and returns the entries wholly below {@code ack} (RFC 9293: cumulatively acknowledged). */
  List<Entry> acknowledge(long ack) {
    List<Entry> out = new ArrayList<>(2);
    Iterator<Entry> it = entries.values().iterator();
    while (it.hasNext()) {
      Entry e = it.next();
      if (e.end > ack) {
        break;
      }
      if (e.sacked) {
        sackedCount--;
      }
      out.add(e);
      it.remove();
    }
    return out;
  }

  /** Marks the entries the blocks cover wholly as SACKed and returns those newly so (RFC 6675 §4, Update). */
  List<Entry> sack(List<PacketEvent.SackBlock> blocks) {
    List<Entry> out = new ArrayList<>(2);
    for (PacketEvent.SackBlock b : blocks) {
      for (Entry e : entries.subMap(b.left(), true, b.right(), false).values()) {
        if (!e.sacked && e.end <= b.right()) {
          e.sacked = true;
          e.retransInFlight = false;
          sackedCount++;
          out.add(e);
        }
      }
    }
    return out;
  }

  /** RFC 6675 §4 SetPipe, in bytes of sequence space. */
  long pipe() {
    long pipe = 0;
    for (Entry e : entries.values()) {
      if (e.inFlight()) {
        pipe += e.sequenceLength();
      }
    }
    return pipe;
  }

  /** The first lost entry not yet resent, or null. */
  Entry nextToRetransmit() {
    for (Entry e : entries.values()) {
      if (e.awaitingRetransmission()) {
        return e;
      }
    }
    return null;
  }

  /**
   * RFC 6675 §4 IsLost(SeqNum), with segments for octets: DupThresh (3) SACKed segments above the
   * entry, the rule a stack without RACK decides by.
   */
  boolean sackedAbove(Entry e, int threshold) {
    int above = 0;
    for (Entry x : entries.tailMap(e.seq, false).values()) {
      if (x.sacked && ++above >= threshold) {
        return true;
      }
    }
    return false;
  }
}
