package dev.tlssim.tls;

import java.util.Optional;

/** Alert levels (RFC 5246 §7.2). */
public enum AlertLevel {
  WARNING(1),
  FATAL(2);

  private final int code;

  AlertLevel(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<AlertLevel> fromCode(int code) {
    for (AlertLevel l : values()) {
      if (l.code == code) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
