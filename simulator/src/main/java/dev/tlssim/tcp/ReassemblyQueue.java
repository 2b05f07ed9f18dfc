package dev.tlssim.tcp;

import java.io.ByteArrayOutputStream;
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

  static byte[] trimFront(byte[] data, int skip) {
    return Arrays.copyOfRange(data, skip, data.length);
  }
}
