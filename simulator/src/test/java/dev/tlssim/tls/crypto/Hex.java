package dev.tlssim.tls.crypto;

import java.util.HexFormat;

/** Test-only hex conversion; tolerates whitespace so vectors can be laid out as published. */
final class Hex {
  private Hex() {}

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
  }

  static String of(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
