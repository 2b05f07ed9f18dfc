package dev.tlssim.bench;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.ServerKeyExchange;
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
  private static final int NEW_SESSION_TICKET = HandshakeType.NEW_SESSION_TICKET.code();
  private static final int CERTIFICATE = HandshakeType.CERTIFICATE.code();

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
    try {
      for (HandshakeFrame m : HandshakeRecords.beforeChangeCipherSpec(sent)) {
        types.add(m.type().code());
        if (m.type() == HandshakeType.SERVER_HELLO) {
          sessionId = HexFormat.of().formatHex(ServerHello.decode(m.body()).sessionId());
        }
        if (m.type() == HandshakeType.SERVER_KEY_EXCHANGE) {
          ServerKeyExchange kx = ServerKeyExchange.decode(m.body());
          int code = kx.params().namedCurve();
          group = NamedGroup.fromCode(code).map(NamedGroup::rfcName).orElse(String.format("0x%04x", code));
          int scheme = kx.signedParams().algorithm();
          signature = SignatureScheme.fromCode(scheme).map(SignatureScheme::rfcName)
              .orElse(String.format("0x%04x", scheme));
        }
      }
    } catch (TlsAlertException e) {
      throw new IllegalArgumentException("the server's flight does not decode: " + e.getMessage(), e);
    }
    return new ServerFlight(List.copyOf(types), group, signature, sessionId);
  }
}
