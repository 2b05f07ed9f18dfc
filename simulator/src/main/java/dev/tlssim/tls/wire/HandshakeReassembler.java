package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;
import java.util.Optional;

/**
 * Rebuilds handshake messages from the plaintext fragments of handshake records. RFC 5246 §6.2.1
 * lets a message span records and lets one record hold several messages, so message boundaries
 * are independent of record boundaries; only the 4-byte handshake header tells them.
 *
 * <p>Like {@link RecordReader}, it stays failed after the first alert.
 */
public final class HandshakeReassembler {
  private final ByteQueue queue = new ByteQueue();
  private final int maxBodyLength;
  private TlsAlertException failure;

  /** No limit beyond the uint24 length field itself. */
  public HandshakeReassembler() {
    this(HandshakeMessage.MAX_BODY_LENGTH);
  }

  /**
   * Refuses bodies announced longer than {@code maxBodyLength} as soon as the header arrives, so
   * a peer cannot make us buffer 16 MB. The RFC sets no such limit; exceeding a local limit is
   * reported as illegal_parameter ("a field in the handshake was out of range", RFC 5246 §7.2.2),
   * since the length is well-formed, just unacceptable to us.
   */
  public HandshakeReassembler(int maxBodyLength) {
    if (maxBodyLength < 0 || maxBodyLength > HandshakeMessage.MAX_BODY_LENGTH) {
      throw new IllegalArgumentException("max body length " + maxBodyLength);
    }
    this.maxBodyLength = maxBodyLength;
  }

  /** Appends the plaintext of one handshake record (any length, even a single byte). */
  public void feed(byte[] fragment) {
    queue.append(fragment);
  }

  /**
   * True when no partial message is buffered. A ChangeCipherSpec (or any non-handshake record)
   * arriving while this is false means the peer interleaved it inside a handshake message, which
   * the handshake engine must reject.
   */
  public boolean atMessageBoundary() {
    return queue.available() == 0;
  }

  /** The next complete message, or empty if more fragments are needed. */
  public Optional<HandshakeFrame> next() throws TlsAlertException {
    if (failure != null) {
      throw failure;
    }
    try {
      return Optional.ofNullable(tryNext());
    } catch (TlsAlertException e) {
      failure = e;
      throw e;
    }
  }

  private HandshakeFrame tryNext() throws TlsAlertException {
    if (queue.available() < 1) {
      return null;
    }
    int code = queue.peek(0);
    // RFC 5246 §7.4 defines the HandshakeType values; a value we do not know cannot be framed
    // meaningfully in this state, which RFC 5246 §7.2.2 calls an inappropriate message.
    HandshakeType type = HandshakeType.fromCode(code).orElseThrow(() -> new TlsAlertException(
        AlertDescription.UNEXPECTED_MESSAGE, "handshake: unknown msg_type " + code));
    if (queue.available() < HandshakeFrame.HEADER_LENGTH) {
      return null;
    }
    int length = (queue.peek(1) << 16) | (queue.peek(2) << 8) | queue.peek(3);
    if (length > maxBodyLength) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "handshake: " + type.rfcName() + " length " + length + " exceeds limit " + maxBodyLength);
    }
    if (queue.available() < HandshakeFrame.HEADER_LENGTH + length) {
      return null;
    }
    queue.take(HandshakeFrame.HEADER_LENGTH);
    return HandshakeFrame.frame(type, queue.take(length));
  }
}
