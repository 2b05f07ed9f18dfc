package dev.tlssim.tls.crypto;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;

/**
 * The initial connection state, TLS_NULL_WITH_NULL_NULL (RFC 5246 §6.1, §6.2.3.1): fragments pass
 * through unchanged. Sequence numbers still count records, as the RFC keeps them for every state.
 */
public final class NullRecordProtection implements RecordProtection {
  private final SequenceNumber sequence = new SequenceNumber();

  @Override
  public byte[] seal(ContentType type, ProtocolVersion version, byte[] plaintext) {
    if (plaintext.length > MAX_PLAINTEXT_LENGTH) {
      throw new IllegalArgumentException("fragment of " + plaintext.length + " bytes exceeds 2^14");
    }
    sequence.advance();
    return plaintext.clone();
  }

  @Override
  public byte[] open(ContentType type, ProtocolVersion version, byte[] fragment) throws TlsAlertException {
    if (fragment.length > MAX_PLAINTEXT_LENGTH) {
      throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW,
          "plaintext record of " + fragment.length + " bytes exceeds 2^14 (RFC 5246 §6.2.1)");
    }
    sequence.advance();
    return fragment.clone();
  }

  @Override
  public long sequenceNumber() {
    return sequence.current();
  }
}
