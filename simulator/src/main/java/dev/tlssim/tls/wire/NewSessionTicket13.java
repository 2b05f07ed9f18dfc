package dev.tlssim.tls.wire;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The TLS 1.3 NewSessionTicket (RFC 8446 §4.6.1), named so to sit beside the RFC 5077
 * {@link NewSessionTicket}, with which it shares the msg_type:
 *
 * <pre>
 * struct {
 *     uint32 ticket_lifetime;
 *     uint32 ticket_age_add;
 *     opaque ticket_nonce&lt;0..255&gt;;
 *     opaque ticket&lt;1..2^16-1&gt;;
 *     Extension extensions&lt;0..2^16-2&gt;;
 * } NewSessionTicket;
 * </pre>
 *
 * "Servers MUST NOT use any value greater than 604800 seconds (7 days)" for ticket_lifetime;
 * the bound binds the sender, so the decoder accepts any uint32 and a client caps what it
 * caches at {@link #MAX_TICKET_LIFETIME}. The only extension defined here is early_data with
 * max_early_data_size (§4.2.10).
 */
public record NewSessionTicket13(
    long ticketLifetime, long ticketAgeAdd, byte[] ticketNonce, byte[] ticket,
    Extensions extensions) implements Tls13HandshakeMessage {
  /** Seven days in seconds, the longest lifetime a server may give (RFC 8446 §4.6.1). */
  public static final long MAX_TICKET_LIFETIME = 604_800;

  public NewSessionTicket13 {
    Objects.requireNonNull(extensions, "extensions");
    if (ticketLifetime < 0 || ticketLifetime > 0xffffffffL
        || ticketAgeAdd < 0 || ticketAgeAdd > 0xffffffffL) {
      throw new IllegalArgumentException("ticket_lifetime or ticket_age_add out of uint32 range");
    }
    if (ticketNonce.length > 0xff) {
      throw new IllegalArgumentException("ticket_nonce longer than 255 bytes: " + ticketNonce.length);
    }
    if (ticket.length < 1 || ticket.length > 0xffff) {
      throw new IllegalArgumentException("ticket needs 1..65535 bytes: " + ticket.length);
    }
    ticketNonce = ticketNonce.clone();
    ticket = ticket.clone();
  }

  @Override
  public byte[] ticketNonce() {
    return ticketNonce.clone();
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
    WireWriter w = new WireWriter()
        .u32(ticketLifetime)
        .u32(ticketAgeAdd)
        .vector8(ticketNonce)
        .vector16(ticket);
    extensions.encode(w);
    return w.toByteArray();
  }

  public static NewSessionTicket13 decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "new_session_ticket"));
  }

  static NewSessionTicket13 decode(WireReader r) throws TlsAlertException {
    long lifetime = r.u32("ticket_lifetime");
    r.describeLong(v -> v + " seconds", lifetime);
    long ageAdd = r.u32("ticket_age_add");
    byte[] nonce = r.vector8("ticket_nonce", 0, 0xff);
    byte[] ticket = r.vector16("ticket", 1, 0xffff);
    Extensions extensions = Tls13Extensions.decodeBlock(
        r, "new_session_ticket", ExtensionContext.NEW_SESSION_TICKET);
    r.expectEnd();
    return new NewSessionTicket13(lifetime, ageAdd, nonce, ticket, extensions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NewSessionTicket13 n
        && ticketLifetime == n.ticketLifetime
        && ticketAgeAdd == n.ticketAgeAdd
        && Arrays.equals(ticketNonce, n.ticketNonce)
        && Arrays.equals(ticket, n.ticket)
        && extensions.equals(n.extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ticketLifetime, ticketAgeAdd, Arrays.hashCode(ticketNonce),
        Arrays.hashCode(ticket), extensions);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "NewSessionTicket13[" + ticketLifetime + "s, age_add=" + ticketAgeAdd
        + ", nonce=" + hex.formatHex(ticketNonce) + ", ticket=" + ticket.length + " bytes, "
        + extensions.list() + "]";
  }
}
