package dev.tlssim.bench;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a TLS 1.2 server negotiated from the bytes it sent, up to its ChangeCipherSpec (after
 * it the records are encrypted). Used once per bench case to confirm that the JDK baseline did the
 * same key exchange as the simulation; JDK 17 has no API to choose or query the group.
 *
 * @param handshakeTypes  the handshake message types in order (2 ServerHello, 11 Certificate, ...)
 * @param group           the ECDHE group of the ServerKeyExchange, null without one (RSA key exchange)
 * @param signature       the scheme signing the ServerKeyExchange, null without one
 */
record ServerFlight(List<Integer> handshakeTypes, String group, String signature) {
  private static final int HANDSHAKE = 22;
  private static final int CHANGE_CIPHER_SPEC = 20;
  private static final int SERVER_KEY_EXCHANGE = 12;
  private static final int CERTIFICATE = 11;
  private static final int NAMED_CURVE = 3;

  /** A full handshake sends the certificate; an abbreviated one does not. */
  boolean full() {
    return handshakeTypes.contains(CERTIFICATE);
  }

  static ServerFlight parse(byte[] sent) {
    ByteArrayOutputStream handshake = new ByteArrayOutputStream();
    for (int pos = 0; pos + 5 <= sent.length; ) {
      int type = sent[pos] & 0xff;
      int length = u16(sent, pos + 3);
      if (type == CHANGE_CIPHER_SPEC) {
        break;
      }
      if (type == HANDSHAKE) {
        handshake.write(sent, pos + 5, Math.min(length, sent.length - pos - 5));
      }
      pos += 5 + length;
    }
    byte[] h = handshake.toByteArray();
    List<Integer> types = new ArrayList<>();
    String group = null;
    String signature = null;
    for (int pos = 0; pos + 4 <= h.length; ) {
      int type = h[pos] & 0xff;
      int length = ((h[pos + 1] & 0xff) << 16) | u16(h, pos + 2);
      types.add(type);
      int body = pos + 4;
      if (type == SERVER_KEY_EXCHANGE && (h[body] & 0xff) == NAMED_CURVE) {
        int code = u16(h, body + 1);
        group = NamedGroup.fromCode(code).map(NamedGroup::rfcName).orElse(String.format("0x%04x", code));
        int afterKey = body + 3 + 1 + (h[body + 3] & 0xff);
        int scheme = u16(h, afterKey);
        signature = SignatureScheme.fromCode(scheme).map(SignatureScheme::rfcName)
            .orElse(String.format("0x%04x", scheme));
      }
      pos = body + length;
    }
    return new ServerFlight(List.copyOf(types), group, signature);
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }
}
