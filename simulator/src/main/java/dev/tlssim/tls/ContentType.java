package dev.tlssim.tls;

import java.util.Optional;

/** Record-layer content types (RFC 5246 §6.2.1, {@code ContentType}). */
public enum ContentType {
  CHANGE_CIPHER_SPEC(20),
  ALERT(21),
  HANDSHAKE(22),
  APPLICATION_DATA(23);

  private final int code;

  ContentType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<ContentType> fromCode(int code) {
    for (ContentType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The RFC's spelling, e.g. {@code change_cipher_spec}. */
  public String rfcName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
