package dev.tlssim.tls.crypto;

/**
 * The per-direction 64-bit record sequence number (RFC 5246 §6.1): starts at zero for each new
 * connection state, increments after each record, and "Sequence numbers do not wrap. If a TLS
 * implementation would need to wrap a sequence number, it must renegotiate instead."
 */
final class SequenceNumber {
  private long next;

  long current() {
    return next;
  }

  /** Returns the number for the record being processed and advances. */
  long advance() {
    if (next == -1L) {
      throw new IllegalStateException("sequence number would wrap (RFC 5246 §6.1)");
    }
    return next++;
  }

  /** seq_num as the 8 big-endian bytes that MAC input and AEAD additional data begin with. */
  static void write(long seq, byte[] out, int offset) {
    for (int i = 0; i < 8; i++) {
      out[offset + i] = (byte) (seq >>> (56 - 8 * i));
    }
  }
}
