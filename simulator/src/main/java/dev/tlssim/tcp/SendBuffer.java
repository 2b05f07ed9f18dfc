package dev.tlssim.tcp;

import java.util.Arrays;

/**
 * Bytes written by the application and not yet acknowledged, addressed by sequence number.
 * Acknowledged bytes are released from the front.
 */
final class SendBuffer {
  private byte[] bytes = new byte[1024];
  private long startSeq;
  private int length;

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

  /** Sequence number just after the last byte written. */
  long endSeq() {
    return startSeq + length;
  }

  byte[] slice(long seq, int len) {
    int off = (int) (seq - startSeq);
    return Arrays.copyOfRange(bytes, off, off + len);
  }

  void releaseUpTo(long seq) {
    int n = (int) Math.min(Math.max(0, seq - startSeq), length);
    if (n == 0) {
      return;
    }
    System.arraycopy(bytes, n, bytes, 0, length - n);
    length -= n;
    startSeq += n;
  }
}
