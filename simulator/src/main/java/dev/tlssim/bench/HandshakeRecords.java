package dev.tlssim.bench;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The plaintext handshake messages one side of a TLS 1.2 connection sent, read from its raw bytes
 * up to its ChangeCipherSpec (after it the records are encrypted). The bench uses it to see what
 * the JDK's engines really did: JDK 17 has no API telling the group, or whether and how a session
 * was resumed.
 */
final class HandshakeRecords {
  private static final int HANDSHAKE = 22;
  private static final int CHANGE_CIPHER_SPEC = 20;

  private HandshakeRecords() {}

  /** One handshake message: its type (1 ClientHello, 2 ServerHello, 11 Certificate, ...) and body. */
  record Message(int type, byte[] body) {}

  static List<Message> beforeChangeCipherSpec(byte[] sent) {
    // Messages may span records and records may hold several messages: join the fragments first.
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
    List<Message> messages = new ArrayList<>();
    for (int pos = 0; pos + 4 <= h.length; ) {
      int length = ((h[pos + 1] & 0xff) << 16) | u16(h, pos + 2);
      int body = pos + 4;
      messages.add(new Message(h[pos] & 0xff, Arrays.copyOfRange(h, body, Math.min(h.length, body + length))));
      pos = body + length;
    }
    return messages;
  }

  static int u16(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }
}
