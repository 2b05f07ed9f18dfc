package dev.tlssim.tls.wire;

import dev.tlssim.tls.HandshakeType;
import java.util.Arrays;
import java.util.Objects;

/**
 * One complete handshake message as received, before its body is interpreted (RFC 5246 §7.4,
 * {@code struct Handshake}). Keeps the exact bytes seen on the wire, header included, because
 * the Finished computation hashes "all of the data from all messages in this handshake" as sent
 * (RFC 5246 §7.4.9), not a re-encoding of what we understood.
 */
public final class HandshakeFrame {
  /** msg_type(1) + uint24 length. */
  public static final int HEADER_LENGTH = 4;

  private final HandshakeType type;
  private final byte[] raw;

  private HandshakeFrame(HandshakeType type, byte[] raw) {
    this.type = type;
    this.raw = raw;
  }

  /** Frames a body: used for sending, and by the reassembler for receiving. */
  public static HandshakeFrame frame(HandshakeType type, byte[] body) {
    Objects.requireNonNull(type, "type");
    if (body.length > HandshakeMessage.MAX_BODY_LENGTH) {
      throw new IllegalArgumentException("handshake body of " + body.length + " bytes");
    }
    return new HandshakeFrame(type, new WireWriter().u8(type.code()).vector24(body).toByteArray());
  }

  public HandshakeType type() {
    return type;
  }

  public byte[] body() {
    return Arrays.copyOfRange(raw, HEADER_LENGTH, raw.length);
  }

  public int bodyLength() {
    return raw.length - HEADER_LENGTH;
  }

  /** Header plus body, exactly as on the wire: feed this to the transcript hash. */
  public byte[] raw() {
    return raw.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HandshakeFrame f && type == f.type && Arrays.equals(raw, f.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "HandshakeFrame[" + type.rfcName() + ", " + bodyLength() + " bytes]";
  }
}
