package dev.tlssim.tls.wire;

import java.util.Arrays;

/**
 * FIFO of bytes shared by the two incremental deframers (records from TCP, handshake messages
 * from record fragments): both receive arbitrary chunks and consume whole units from the front.
 */
final class ByteQueue {
  private byte[] buf = new byte[256];
  private int start;
  private int end;

  void append(byte[] chunk) {
    if (end + chunk.length > buf.length) {
      int live = end - start;
      int needed = live + chunk.length;
      byte[] target = needed > buf.length ? new byte[Math.max(buf.length * 2, needed)] : buf;
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
      start = 0;
      end = 0;
    }
    return out;
  }
}
