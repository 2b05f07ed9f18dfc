package dev.tlssim.bench;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.Codec;
import dev.tlssim.tls.wire.Decoded;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.HandshakeFrame;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a TLS 1.2 client offered to resume with, read from its ClientHello with the simulator's
 * codec: the JDK decides by itself whether to offer a session ID, a ticket or both, and has no API
 * telling which.
 *
 * @param sessionId     the ClientHello's session_id in hex, "" when empty
 * @param ticketLength  bytes of ticket in its SessionTicket extension (RFC 5077 §3.2): 0 when the
 *                      extension is empty (asking for a ticket), -1 when it is absent
 */
record ClientFlight(String sessionId, int ticketLength) {
  /** Whether the client offered a ticket to resume with. */
  boolean offersTicket() {
    return ticketLength > 0;
  }

  static ClientFlight parse(byte[] sent) {
    List<HandshakeFrame> messages = HandshakeRecords.beforeChangeCipherSpec(sent);
    if (messages.isEmpty() || messages.get(0).type() != HandshakeType.CLIENT_HELLO) {
      throw new IllegalArgumentException("the client's first message is not a ClientHello");
    }
    ClientHello hello = Codec.clientHello(messages.get(0).raw()).map(Decoded::message)
        .orElseThrow(() -> new IllegalArgumentException("the client's ClientHello does not decode"));
    Optional<Extension> ticket = hello.extensionsOrEmpty().find(ExtensionType.SESSION_TICKET);
    return new ClientFlight(HexFormat.of().formatHex(hello.sessionId()),
        ticket.map(t -> t.encodeData().length).orElse(-1));
  }
}
