package dev.tlssim.tls;

/**
 * A TLS protocol version as it appears on the wire (RFC 5246 §6.2.1, {@code ProtocolVersion}).
 * Two bytes, major then minor: TLS 1.2 is {3, 3}.
 */
public record ProtocolVersion(int major, int minor) implements Comparable<ProtocolVersion> {
  public static final ProtocolVersion SSL30 = new ProtocolVersion(3, 0);
  public static final ProtocolVersion TLS10 = new ProtocolVersion(3, 1);
  public static final ProtocolVersion TLS11 = new ProtocolVersion(3, 2);
  public static final ProtocolVersion TLS12 = new ProtocolVersion(3, 3);
  public static final ProtocolVersion TLS13 = new ProtocolVersion(3, 4);

  public ProtocolVersion {
    if (major < 0 || major > 255 || minor < 0 || minor > 255) {
      throw new IllegalArgumentException("version bytes out of range: " + major + "." + minor);
    }
  }

  /** The 16-bit wire value, e.g. 0x0303 for TLS 1.2. */
  public int code() {
    return (major << 8) | minor;
  }

  public static ProtocolVersion fromCode(int code) {
    return new ProtocolVersion((code >> 8) & 0xff, code & 0xff);
  }

  /** Parses "1.2", "TLSv1.2" or "TLS1.2". */
  public static ProtocolVersion parse(String text) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace("TLSV", "").replace("TLS", "");
    return switch (t) {
      case "1.0" -> TLS10;
      case "1.1" -> TLS11;
      case "1.2" -> TLS12;
      case "1.3" -> TLS13;
      default -> throw new IllegalArgumentException("unknown TLS version '" + text + "' (use 1.0, 1.1, 1.2 or 1.3)");
    };
  }

  @Override
  public int compareTo(ProtocolVersion o) {
    return Integer.compare(code(), o.code());
  }

  @Override
  public String toString() {
    if (major == 3 && minor >= 1) {
      return "TLSv1." + (minor - 1);
    }
    return String.format("0x%02x%02x", major, minor);
  }
}
