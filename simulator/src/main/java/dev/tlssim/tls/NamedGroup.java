package dev.tlssim.tls;

import java.util.Locale;
import java.util.Optional;

/** Named groups for (EC)DHE (RFC 8422 §5.1.1, RFC 7748, RFC 8446 §4.2.7). */
public enum NamedGroup {
  SECP256R1(0x0017),
  SECP384R1(0x0018),
  SECP521R1(0x0019),
  X25519(0x001d),
  X448(0x001e);

  private final int code;

  NamedGroup(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<NamedGroup> fromCode(int code) {
    for (NamedGroup g : values()) {
      if (g.code == code) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Accepts the RFC name in any case ("x25519", "secp256r1"). */
  public static NamedGroup parse(String text) {
    for (NamedGroup g : values()) {
      if (g.rfcName().equalsIgnoreCase(text.trim())) {
        return g;
      }
    }
    throw new IllegalArgumentException("unknown group '" + text + "'");
  }
}
