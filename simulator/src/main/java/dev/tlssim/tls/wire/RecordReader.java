package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import java.util.Optional;

/**
 * Incremental record deframer: TCP delivers arbitrary chunks, {@link #next()} hands out whole
 * records (RFC 5246 §6.2) as soon as their last byte has arrived.
 *
 * <p>The header is judged as soon as it is complete, without waiting for the fragment, so a peer
 * cannot make us buffer 64 KB of garbage before we notice. After the first failure the reader is
 * dead: it keeps throwing the same alert, because the connection must close (RFC 5246 §7.2.2) and
 * the byte stream has lost its framing anyway.
 */
public final class RecordReader {
  private final ByteQueue queue = new ByteQueue();
  private final int maxFragmentLength;
  private TlsAlertException failure;

  /** Accepts fragments up to 2^14 + 2048 bytes, the TLSCiphertext limit (RFC 5246 §6.2.3). */
  public RecordReader() {
    this(TlsRecord.MAX_CIPHERTEXT_LENGTH);
  }

  /**
   * A stricter limit, e.g. {@link TlsRecord#MAX_PLAINTEXT_LENGTH} while records are still
   * unprotected (RFC 5246 §6.2.1).
   */
  public RecordReader(int maxFragmentLength) {
    if (maxFragmentLength < 0 || maxFragmentLength > TlsRecord.MAX_CIPHERTEXT_LENGTH) {
      throw new IllegalArgumentException("max fragment length " + maxFragmentLength);
    }
    this.maxFragmentLength = maxFragmentLength;
  }

  public void feed(byte[] chunk) {
    queue.append(chunk);
  }

  /** Bytes received but not yet returned as a record. */
  public int buffered() {
    return queue.available();
  }

  /** The next complete record, or empty if more bytes are needed. */
  public Optional<TlsRecord> next() throws TlsAlertException {
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

  private TlsRecord tryNext() throws TlsAlertException {
    if (queue.available() < 1) {
      return null;
    }
    int typeCode = queue.peek(0);
    // RFC 5246 §6: "If a TLS implementation receives an unexpected record type, it MUST send an
    // unexpected_message alert."
    ContentType type = ContentType.fromCode(typeCode).orElseThrow(() -> new TlsAlertException(
        AlertDescription.UNEXPECTED_MESSAGE, "record: unknown content type " + typeCode));
    if (queue.available() < TlsRecord.HEADER_LENGTH) {
      return null;
    }
    int length = (queue.peek(3) << 8) | queue.peek(4);
    if (length > maxFragmentLength) {
      // RFC 5246 §6.2.3 / §7.2.2 record_overflow: "a TLSCiphertext record was received that had
      // a length more than 2^14+2048 bytes".
      throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW,
          "record: length " + length + " exceeds " + maxFragmentLength);
    }
    if (queue.available() < TlsRecord.HEADER_LENGTH + length) {
      return null;
    }
    ProtocolVersion version = new ProtocolVersion(queue.peek(1), queue.peek(2));
    queue.take(TlsRecord.HEADER_LENGTH);
    return new TlsRecord(type, version, queue.take(length));
  }
}
