package dev.tlssim.tcp;

import dev.tlssim.events.PacketEvent;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Out-of-order segments waiting for the hole before them to fill (RFC 9293 §3.10.7.4). */
final class ReassemblyQueue {
  private final TreeMap<Long, byte[]> pending = new TreeMap<>();

  boolean isEmpty() {
    return pending.isEmpty();
  }

  void add(long seq, byte[] data) {
    byte[] existing = pending.get(seq);
    if (existing == null || existing.length < data.length) {
      pending.put(seq, data);
    }
  }

  /** Removes and returns the bytes that now follow {@code rcvNxt} contiguously. */
  byte[] takeContiguous(long rcvNxt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long next = rcvNxt;
    while (!pending.isEmpty()) {
      Map.Entry<Long, byte[]> e = pending.firstEntry();
      long seq = e.getKey();
      byte[] data = e.getValue();
      if (seq > next) {
        break;
      }
      pending.pollFirstEntry();
      long end = seq + data.length;
      if (end > next) {
        int skip = (int) (next - seq);
        out.write(data, skip, data.length - skip);
        next = end;
      }
    }
    return out.toByteArray();
  }

  /**
   * The SACK blocks to report (RFC 2018 §4): the contiguous ranges held above {@code rcvNxt},
   * the one holding {@code trigger} (the sequence number of the segment this ACK answers) first,
   * then the others from the highest down, at most {@code max}. RFC 2018 asks for the most
   * recently reported blocks after the first; the queue keeps no history, and for the few holes
   * of a handshake flight the highest ranges are those.
   */
  List<PacketEvent.SackBlock> blocks(long trigger, int max) {
    List<PacketEvent.SackBlock> ranges = new ArrayList<>();
    long start = -1;
    long end = -1;
    for (Map.Entry<Long, byte[]> e : pending.entrySet()) {
      long s = e.getKey();
      long t = s + e.getValue().length;
      if (t == s) {
        continue;
      }
      if (start >= 0 && s <= end) {
        end = Math.max(end, t);
        continue;
      }
      if (start >= 0) {
        ranges.add(new PacketEvent.SackBlock(start, end));
      }
      start = s;
      end = t;
    }
    if (start >= 0 && end > start) {
      ranges.add(new PacketEvent.SackBlock(start, end));
    }
    List<PacketEvent.SackBlock> out = new ArrayList<>(Math.min(max, ranges.size()));
    for (PacketEvent.SackBlock b : ranges) {
      if (trigger >= b.left() && trigger < b.right()) {
        out.add(b);
      }
    }
    for (int i = ranges.size() - 1; i >= 0 && out.size() < max; i--) {
      if (!out.contains(ranges.get(i))) {
        out.add(ranges.get(i));
      }
    }
    return out.size() > max ? out.subList(0, max) : out;
  }

  static byte[] trimFront(byte[] data, int skip) {
    return Arrays.copyOfRange(data, skip, data.length);
  }
}
