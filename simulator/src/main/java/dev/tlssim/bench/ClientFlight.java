package dev.tlssim.bench;

import java.util.HexFormat;
import java.util.List;

/**
 * What a TLS 1.2 client offered to resume with, read from its ClientHello: the JDK decides by
 * itself whether to offer a session ID, a ticket or both, and has no API telling which.
 *
 * @param sessionId     the ClientHello's session_id in hex, "" when empty
 * @param ticketLength  bytes of ticket in its SessionTicket extension (RFC 5077 §3.2): 0 when the
 *                      extension is empty (asking for a ticket), -1 when it is absent
 */
record ClientFlight(String sessionId, int ticketLength) {
  private static final int CLIENT_HELLO = 1;
  private static final int SESSION_TICKET = 35;
  /** ClientHello: client_version (2) and random (32) come before the session_id. */
  private static final int SESSION_ID_AT = 34;

  /** Whether the client offered a ticket to resume with. */
  boolean offersTicket() {
    return ticketLength > 0;
  }

  static ClientFlight parse(byte[] sent) {
    List<HandshakeRecords.Message> messages = HandshakeRecords.beforeChangeCipherSpec(sent);
    if (messages.isEmpty() || messages.get(0).type() != CLIENT_HELLO) {
      throw new IllegalArgumentException("the client's first message is not a ClientHello");
    }
    byte[] b = messages.get(0).body();
    int sessionIdLength = b[SESSION_ID_AT] & 0xff;
    String sessionId = HexFormat.of().formatHex(b, SESSION_ID_AT + 1, SESSION_ID_AT + 1 + sessionIdLength);
    int pos = SESSION_ID_AT + 1 + sessionIdLength;
    pos += 2 + HandshakeRecords.u16(b, pos); // cipher_suites
    pos += 1 + (b[pos] & 0xff); // compression_methods
    int ticketLength = -1;
    if (pos + 2 <= b.length) {
      int end = pos + 2 + HandshakeRecords.u16(b, pos);
      for (pos += 2; pos + 4 <= end; ) {
        int type = HandshakeRecords.u16(b, pos);
        int length = HandshakeRecords.u16(b, pos + 2);
        if (type == SESSION_TICKET) {
          ticketLength = length;
        }
        pos += 4 + length;
      }
    }
    return new ClientFlight(sessionId, ticketLength);
  }
}
