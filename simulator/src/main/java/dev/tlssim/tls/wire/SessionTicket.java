package dev.tlssim.tls.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * SessionTicket extension (RFC 5077 §3.2). Its extension_data is the bare ticket, with no inner
 * length: empty when the client asks for a new ticket, and always empty in the ServerHello.
 */
public record SessionTicket(byte[] ticket) implements Extension {
  public SessionTicket {
    if (ticket.length > 0xffff) {
      throw new IllegalArgumentException("ticket does not fit extension_data: " + ticket.length);
    }
    ticket = ticket.clone();
  }

  public static SessionTicket empty() {
    return new SessionTicket(new byte[0]);
  }

  @Override
  public byte[] ticket() {
    return ticket.clone();
  }

  public boolean isEmpty() {
    return ticket.length == 0;
  }

  @Override
  public int typeCode() {
    return ExtensionType.SESSION_TICKET.code();
  }

  @Override
  public byte[] encodeData() {
    return ticket.clone();
  }

  static SessionTicket decode(WireReader r) {
    return new SessionTicket(r.hasRemaining() ? r.rest("ticket") : new byte[0]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionTicket s && Arrays.equals(ticket, s.ticket);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ticket);
  }

  @Override
  public String toString() {
    return "SessionTicket[" + HexFormat.of().formatHex(ticket) + "]";
  }
}
