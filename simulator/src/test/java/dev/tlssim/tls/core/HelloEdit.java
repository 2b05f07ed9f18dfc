package dev.tlssim.tls.core;

/** Test plumbing: what an on-path attacker does to a ClientHello's bytes. */
final class HelloEdit {
  private HelloEdit() {}

  /**
   * The first record, a ClientHello, with extension {@code from} renamed to {@code to}; lengths
   * are unchanged, so the rest of the stream stays aligned.
   */
  static byte[] renameExtension(byte[] stream, int from, int to) {
    byte[] out = stream.clone();
    int at = 5 + 4 + 2 + 32;
    at += 1 + (out[at] & 0xff);
    at += 2 + u16(out, at);
    at += 1 + (out[at] & 0xff);
    int end = at + 2 + u16(out, at);
    at += 2;
    while (at < end) {
      if (u16(out, at) == from) {
        out[at] = (byte) (to >> 8);
        out[at + 1] = (byte) to;
        return out;
      }
      at += 4 + u16(out, at + 2);
    }
    throw new AssertionError("no extension " + from + " in the ClientHello");
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }
}
