package dev.tlssim.tls.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the fields of a ClientHello lie in its bytes (RFC 5246 §7.4.1.2): each offered cipher
 * suite code and each extension type code, as offsets from the start of the message header. A
 * downgrade attacker overwrites codes in place (same length, so TCP needs no resynchronisation);
 * only the Finished messages, which hash what each side saw, can reveal it (RFC 5246 §7.4.9).
 */
public record ClientHelloLayout(List<Field> suites, List<Field> extensions) {

  /** A 16-bit code and the offset of its first byte in the message. */
  public record Field(int code, int offset) {}

  /** Parses positions from a whole ClientHello message (4-byte header included); empty when malformed. */
  public static ClientHelloLayout of(byte[] message) {
    List<Field> suites = new ArrayList<>();
    List<Field> extensions = new ArrayList<>();
    try {
      int p = 4 + 2 + 32;
      p += 1 + (message[p] & 0xff);
      int suitesLength = u16(message, p);
      p += 2;
      for (int i = 0; i + 1 < suitesLength; i += 2) {
        suites.add(new Field(u16(message, p + i), p + i));
      }
      p += suitesLength;
      p += 1 + (message[p] & 0xff);
      if (p + 2 <= message.length) {
        int end = p + 2 + u16(message, p);
        p += 2;
        while (p + 4 <= end) {
          extensions.add(new Field(u16(message, p), p));
          p += 4 + u16(message, p + 2);
        }
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      return new ClientHelloLayout(List.of(), List.of());
    }
    return new ClientHelloLayout(suites, extensions);
  }

  private static int u16(byte[] b, int p) {
    return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
  }
}
