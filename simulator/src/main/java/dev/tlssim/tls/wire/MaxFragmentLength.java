package dev.tlssim.tls.wire;

import java.util.Optional;

/**
 * The four fragment lengths a client may ask for (RFC 6066 §4): {@code enum{ 2^9(1), 2^10(2),
 * 2^11(3), 2^12(4), (255) } MaxFragmentLength}. Each is a code on the wire and a limit in bytes
 * on the plaintext of every record once negotiated.
 */
public enum MaxFragmentLength {
  LENGTH_512(1, 512),
  LENGTH_1024(2, 1024),
  LENGTH_2048(3, 2048),
  LENGTH_4096(4, 4096);

  private final int code;
  private final int bytes;

  MaxFragmentLength(int code, int bytes) {
    this.code = code;
    this.bytes = bytes;
  }

  /** The MaxFragmentLength value on the wire. */
  public int code() {
    return code;
  }

  /** The largest TLSPlaintext.fragment it allows, in bytes. */
  public int bytes() {
    return bytes;
  }

  public static Optional<MaxFragmentLength> fromCode(int code) {
    for (MaxFragmentLength m : values()) {
      if (m.code == code) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The value for a limit of exactly {@code bytes}: 512, 1024, 2048 or 4096. */
  public static Optional<MaxFragmentLength> ofBytes(int bytes) {
    for (MaxFragmentLength m : values()) {
      if (m.bytes == bytes) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** As the RFC writes it, e.g. {@code 2^9 (1)}, for traces and the inspector. */
  public String rfcName() {
    return "2^" + Integer.numberOfTrailingZeros(bytes) + " (" + code + ")";
  }
}
