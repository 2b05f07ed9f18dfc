package dev.tlssim.tls.wire;

import java.util.Arrays;

/**
 * FIFO of bytes shared by the two incremental deframers (records from TCP, handshake messages
 * from record fragments): both receive arbitrary chunks and consume whole units from the front.
 * An empty queue holds no buffer: a connection spends most of its life between records, and the
 * buffer grown for a handshake flight (kilobytes) would otherwise stay with it to the end.
 */
final class ByteQueue {
  private static final byte[] EMPTY = new byte[0];
  private static final int MIN_CAPACITY = 256;

  private byte[] buf = EMPTY;
  private int start;
  private int end;

  void append(byte[] chunk) {
    if (end + chunk.length > buf.length) {
      int live = end - start;
      int needed = live + chunk.length;
      byte[] target = needed > buf.length ? new byte[Math.max(MIN_CAPACITY, Math.max(buf.length * 2, needed))] : buf;
      System.arraycopy(buf, start, target, 0, live);
      buf = target;
      start = 0;
      end = live;
    }
    System.arraycopy(chunk, 0, buf, end, chunk.length);
    end += chunk.length;
  }

  int available() {
    return end - start;
  }

  /** The byte at {@code index} from the front, as 0..255; caller checks {@link #available()}. */
  int peek(int index) {
    return buf[start + index] & 0xff;
  }

  byte[] take(int n) {
    byte[] out = Arrays.copyOfRange(buf, start, start + n);
    start += n;
    if (start == end) {
      buf = EMPTY;
      start = 0;
      end = 0;
    }
    return out;
  }
}
