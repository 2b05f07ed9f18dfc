package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One offered PSK (RFC 8446 §4.2.11): {@code opaque identity<1..2^16-1>; uint32
 * obfuscated_ticket_age;}. For a resumption PSK the identity is the ticket and the age is the
 * ticket's age in milliseconds plus ticket_age_add, modulo 2^32 (§4.2.11.1); for an external PSK
 * the age SHOULD be 0.
 */
public record PskIdentity(byte[] identity, long obfuscatedTicketAge) {
  public PskIdentity {
    if (identity.length < 1 || identity.length > 0xffff) {
      throw new IllegalArgumentException("identity needs 1..65535 bytes: " + identity.length);
    }
    if (obfuscatedTicketAge < 0 || obfuscatedTicketAge > 0xffffffffL) {
      throw new IllegalArgumentException("obfuscated_ticket_age out of uint32 range");
    }
    identity = identity.clone();
  }

  /** The obfuscated age of a ticket (RFC 8446 §4.2.11.1): (age + ticket_age_add) mod 2^32. */
  public static long obfuscate(long ticketAgeMillis, long ticketAgeAdd) {
    return (ticketAgeMillis + ticketAgeAdd) & 0xffffffffL;
  }

  @Override
  public byte[] identity() {
    return identity.clone();
  }

  void encode(WireWriter w) {
    w.vector16(identity).u32(obfuscatedTicketAge);
  }

  static PskIdentity decode(WireReader r) throws TlsAlertException {
    byte[] identity = r.vector16("identity", 1, 0xffff);
    long age = r.u32("obfuscated_ticket_age");
    return new PskIdentity(identity, age);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PskIdentity p && obfuscatedTicketAge == p.obfuscatedTicketAge
        && Arrays.equals(identity, p.identity);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(identity) + Long.hashCode(obfuscatedTicketAge);
  }

  @Override
  public String toString() {
    return "PskIdentity[" + HexFormat.of().formatHex(identity) + ", age=" + obfuscatedTicketAge
        + "]";
  }
}
