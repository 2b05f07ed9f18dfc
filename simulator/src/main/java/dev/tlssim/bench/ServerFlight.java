package dev.tlssim.bench;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads what a TLS 1.2 server negotiated from the bytes it sent, up to its ChangeCipherSpec. Used to
 * confirm that the JDK baseline did the same key exchange as the simulation (JDK 17 has no API to
 * choose or query the group) and, for resumption, that it really resumed.
 *
 * @param handshakeTypes  the handshake message types in order (2 ServerHello, 11 Certificate, ...)
 * @param group           the ECDHE group of the ServerKeyExchange, null without one (RSA key exchange)
 * @param signature       the scheme signing the ServerKeyExchange, null without one
 * @param sessionId       the ServerHello's session_id in hex, "" when empty
 */
record ServerFlight(List<Integer> handshakeTypes, String group, String signature, String sessionId) {
  private static final int SERVER_HELLO = 2;
  private static final int NEW_SESSION_TICKET = 4;
  private static final int SERVER_KEY_EXCHANGE = 12;
  private static final int CERTIFICATE = 11;
  private static final int NAMED_CURVE = 3;
  /** ServerHello: server_version (2) and random (32) come before the session_id. */
  private static final int SESSION_ID_AT = 34;

  /** A full handshake sends the certificate; an abbreviated one does not. */
  boolean full() {
    return handshakeTypes.contains(CERTIFICATE);
  }

  /** Whether the server issued a ticket (RFC 5077 §3.3) in this handshake. */
  boolean newTicket() {
    return handshakeTypes.contains(NEW_SESSION_TICKET);
  }

  static ServerFlight parse(byte[] sent) {
    List<Integer> types = new ArrayList<>();
    String group = null;
    String signature = null;
    String sessionId = "";
    for (HandshakeRecords.Message m : HandshakeRecords.beforeChangeCipherSpec(sent)) {
      types.add(m.type());
      byte[] body = m.body();
      if (m.type() == SERVER_HELLO) {
        int length = body[SESSION_ID_AT] & 0xff;
        sessionId = HexFormat.of().formatHex(body, SESSION_ID_AT + 1, SESSION_ID_AT + 1 + length);
      }
      if (m.type() == SERVER_KEY_EXCHANGE && (body[0] & 0xff) == NAMED_CURVE) {
        int code = HandshakeRecords.u16(body, 1);
        group = NamedGroup.fromCode(code).map(NamedGroup::rfcName).orElse(String.format("0x%04x", code));
        int afterKey = 3 + 1 + (body[3] & 0xff);
        int scheme = HandshakeRecords.u16(body, afterKey);
        signature = SignatureScheme.fromCode(scheme).map(SignatureScheme::rfcName)
            .orElse(String.format("0x%04x", scheme));
      }
    }
    return new ServerFlight(List.copyOf(types), group, signature, sessionId);
  }
}
