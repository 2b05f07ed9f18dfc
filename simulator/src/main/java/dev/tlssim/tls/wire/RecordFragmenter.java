package dev.tlssim.tls.wire;

import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a stream of one content type into records (RFC 5246 §6.2.1): "multiple client messages of
 * the same ContentType MAY be coalesced into a single TLSPlaintext record, or a single message
 * MAY be fragmented across several records". Callers pass the concatenation of whatever they
 * want to send together (e.g. a whole handshake flight), and get records of at most
 * {@code maxFragmentLength} bytes each.
 */
public final class RecordFragmenter {
  private final ProtocolVersion version;
  private final int maxFragmentLength;

  /** Records of up to 2^14 bytes, the TLSPlaintext maximum. */
  public RecordFragmenter(ProtocolVersion version) {
    this(version, TlsRecord.MAX_PLAINTEXT_LENGTH);
  }

  public RecordFragmenter(ProtocolVersion version, int maxFragmentLength) {
    if (maxFragmentLength < 1 || maxFragmentLength > TlsRecord.MAX_PLAINTEXT_LENGTH) {
      throw new IllegalArgumentException(
          "max fragment length must be 1..2^14: " + maxFragmentLength);
    }
    this.version = Objects.requireNonNull(version, "version");
    this.maxFragmentLength = maxFragmentLength;
  }

  public int maxFragmentLength() {
    return maxFragmentLength;
  }

  /**
   * The records carrying {@code payload}. An empty payload yields no record at all: RFC 5246
   * §6.2.1 forbids sending zero-length handshake, alert and change_cipher_spec fragments, and an
   * empty application_data record carries nothing.
   */
  public List<TlsRecord> fragment(ContentType type, byte[] payload) {
    List<TlsRecord> out = new ArrayList<>();
    for (int off = 0; off < payload.length; off += maxFragmentLength) {
      int end = Math.min(payload.length, off + maxFragmentLength);
      out.add(new TlsRecord(type, version, Arrays.copyOfRange(payload, off, end)));
    }
    return List.copyOf(out);
  }

  /** Coalesces several handshake messages and fragments the result. */
  public List<TlsRecord> fragmentHandshake(List<? extends HandshakeMessage> messages) {
    WireWriter w = new WireWriter();
    messages.forEach(m -> w.bytes(m.encode()));
    return fragment(ContentType.HANDSHAKE, w.toByteArray());
  }
}
