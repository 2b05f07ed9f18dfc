package dev.tlssim.tcp;

import dev.tlssim.events.PacketEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bytes written by the application and not yet acknowledged, addressed by sequence number, and,
 * when the application describes them, which record each byte belongs to. Acknowledged bytes
 * and the records wholly acknowledged are released from the front, so what is kept is bounded
 * by what is in flight.
 */
final class SendBuffer {
  /** A record of the application's stream, placed at the sequence number of its first byte. */
  private record Placed(long startSeq, StreamRecord record) {
    long endSeq() {
      return startSeq + record.length();
    }
  }

  private static final byte[] NONE = new byte[0];

  /** Sized to what is unacknowledged: an idle connection holds no buffer. */
  private byte[] bytes = NONE;
  private long startSeq;
  private int length;
  /** The described records not yet wholly acknowledged, in stream order; null until the first. */
  private ArrayDeque<Placed> records;

  SendBuffer(long firstSeq) {
    this.startSeq = firstSeq;
  }

  void append(byte[] data) {
    if (length + data.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + data.length));
    }
    System.arraycopy(data, 0, bytes, length, data.length);
    length += data.length;
  }

  /**
   * Appends {@code data}, made of {@code described} in order from its first byte; bytes after
   * them belong to no record.
   */
  void append(byte[] data, List<StreamRecord> described) {
    if (described == null || described.isEmpty()) {
      append(data);
      return;
    }
    long at = endSeq();
    long total = 0;
    for (StreamRecord r : described) {
      total += r.length();
    }
    if (total > data.length) {
      throw new IllegalArgumentException("records of " + total + " bytes described in a write of " + data.length);
    }
    append(data);
    if (records == null) {
      records = new ArrayDeque<>();
    }
    for (StreamRecord r : described) {
      records.addLast(new Placed(at, r));
      at += r.length();
    }
  }

  /** Sequence number just after the last byte written. */
  long endSeq() {
    return startSeq + length;
  }

  byte[] slice(long seq, int len) {
    int off = (int) (seq - startSeq);
    return Arrays.copyOfRange(bytes, off, off + len);
  }

  /**
   * The pieces of records that the {@code len} bytes from {@code seq} carry, in order; null when
   * none of them was described.
   */
  List<PacketEvent.Carried> carried(long seq, int len) {
    if (records == null || records.isEmpty()) {
      return null;
    }
    long end = seq + len;
    List<PacketEvent.Carried> out = null;
    for (Placed p : records) {
      if (p.startSeq() >= end) {
        break;
      }
      if (p.endSeq() <= seq) {
        continue;
      }
      long from = Math.max(seq, p.startSeq());
      long to = Math.min(end, p.endSeq());
      if (out == null) {
        out = new ArrayList<>(2);
      }
      StreamRecord r = p.record();
      out.add(new PacketEvent.Carried((int) (from - seq), (int) (to - from), (int) (from - p.startSeq()), r.length(),
          r.content(), r.messages()));
    }
    return out;
  }

  void releaseUpTo(long seq) {
    while (records != null && !records.isEmpty() && records.peekFirst().endSeq() <= seq) {
      records.pollFirst();
    }
    int n = (int) Math.min(Math.max(0, seq - startSeq), length);
    if (n == 0) {
      return;
    }
    if (n == length) {
      bytes = NONE;
      length = 0;
      startSeq += n;
      return;
    }
    System.arraycopy(bytes, n, bytes, 0, length - n);
    length -= n;
    startSeq += n;
  }
}
