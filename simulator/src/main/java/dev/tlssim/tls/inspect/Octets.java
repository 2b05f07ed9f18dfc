package dev.tlssim.tls.inspect;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string for inspection output: the bytes are copied in and out, so a
 * walkthrough built from them can be shared and printed without defensive copies.
 */
public final class Octets {
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private Octets(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Octets of(byte[] bytes) {
    return new Octets(bytes.clone());
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  /** Lower-case hex, two digits per byte, no separators (the form key logs and RFC vectors use). */
  public String hex() {
    return HEX.formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Octets other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
