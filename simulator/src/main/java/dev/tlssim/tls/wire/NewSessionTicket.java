package dev.tlssim.tls.wire;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * NewSessionTicket (RFC 5077 §3.3): {@code uint32 ticket_lifetime_hint; opaque
 * ticket<0..2^16-1>}. A hint of 0 means "unspecified"; an empty ticket means the server changed
 * its mind after announcing one (§3.3).
 */
public record NewSessionTicket(long ticketLifetimeHint, byte[] ticket) implements HandshakeMessage {
  public NewSessionTicket {
    if (ticketLifetimeHint < 0 || ticketLifetimeHint > 0xffffffffL) {
      throw new IllegalArgumentException(
          "lifetime hint out of uint32 range: " + ticketLifetimeHint);
    }
    if (ticket.length > 0xffff) {
      throw new IllegalArgumentException("ticket too long: " + ticket.length);
    }
    ticket = ticket.clone();
  }

  @Override
  public byte[] ticket() {
    return ticket.clone();
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.NEW_SESSION_TICKET;
  }

  @Override
  public byte[] encodeBody() {
    return new WireWriter().u32(ticketLifetimeHint).vector16(ticket).toByteArray();
  }

  public static NewSessionTicket decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "new_session_ticket"));
  }

  static NewSessionTicket decode(WireReader r) throws TlsAlertException {
    long hint = r.u32("ticket_lifetime_hint");
    r.describeLong(v -> v == 0 ? "0 (unspecified)" : v + " seconds", hint);
    byte[] ticket = r.vector16("ticket", 0, 0xffff);
    r.expectEnd();
    return new NewSessionTicket(hint, ticket);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NewSessionTicket n
        && ticketLifetimeHint == n.ticketLifetimeHint
        && Arrays.equals(ticket, n.ticket);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(ticketLifetimeHint) * 31 + Arrays.hashCode(ticket);
  }

  @Override
  public String toString() {
    return "NewSessionTicket[" + ticketLifetimeHint + "s, "
        + HexFormat.of().formatHex(ticket) + "]";
  }
}
