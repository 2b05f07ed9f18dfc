package dev.tlssim.tls;

import java.util.Optional;

/** Handshake message types (RFC 5246 §7.4, RFC 5077 §3.3, RFC 8446 §4). */
public enum HandshakeType {
  HELLO_REQUEST(0),
  CLIENT_HELLO(1),
  SERVER_HELLO(2),
  NEW_SESSION_TICKET(4),
  END_OF_EARLY_DATA(5),
  ENCRYPTED_EXTENSIONS(8),
  CERTIFICATE(11),
  SERVER_KEY_EXCHANGE(12),
  CERTIFICATE_REQUEST(13),
  SERVER_HELLO_DONE(14),
  CERTIFICATE_VERIFY(15),
  CLIENT_KEY_EXCHANGE(16),
  FINISHED(20),
  CERTIFICATE_STATUS(22),
  KEY_UPDATE(24),
  MESSAGE_HASH(254);

  private final int code;

  HandshakeType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<HandshakeType> fromCode(int code) {
    for (HandshakeType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The RFC's spelling, e.g. {@code client_hello}. */
  public String rfcName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
