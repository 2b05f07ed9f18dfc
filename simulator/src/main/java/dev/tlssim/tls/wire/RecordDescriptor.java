package dev.tlssim.tls.wire;

import dev.tlssim.tls.ContentType;
import java.util.List;
import java.util.Objects;

/**
 * One record as its sender describes it, for the trace: what the segments carrying it are labelled
 * with. {@code type} is the content type the sender knows: for a protected TLS 1.3 record the
 * inner one when the sender's own engine wrote it (RFC 8446 §5.2: the outer type is always
 * application_data), the outer one when only the bytes are known. {@code length} is its size on
 * the wire, the 5-byte header included (RFC 5246 §6.2). {@code messages} are what it carries:
 * handshake messages by their RFC names (every message with at least one byte in the record, since
 * a message may span records, RFC 5246 §6.2.1), an alert's description ("close_notify"), and
 * nothing for change_cipher_spec, application data and whatever the describer cannot read.
 */
public record RecordDescriptor(ContentType type, int length, List<String> messages) {
  public RecordDescriptor {
    Objects.requireNonNull(type, "type");
    if (length < TlsRecord.HEADER_LENGTH) {
      throw new IllegalArgumentException("a record is at least its 5-byte header: " + length);
    }
    messages = List.copyOf(messages);
  }
}
