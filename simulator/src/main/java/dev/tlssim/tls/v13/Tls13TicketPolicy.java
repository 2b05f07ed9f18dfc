package dev.tlssim.tls.v13;

import dev.tlssim.tls.wire.NewSessionTicket13;
import java.time.Duration;

/**
 * How a TLS 1.3 server issues session tickets (RFC 8446 §4.6.1): the AES-GCM key its tickets
 * are sealed under (16 or 32 bytes; servers sharing it accept each other's tickets), how many
 * NewSessionTickets it sends after each handshake, and their lifetime, at most 7 days ("Servers
 * MUST NOT use any value greater than 604800 seconds"), and max_early_data_size, how many bytes of
 * 0-RTT data a ticket lets the client send (RFC 8446 §4.2.10; 0, the default, means the tickets
 * carry no early_data extension and allow no 0-RTT). An immutable value; toString leaves the key
 * out.
 */
public record Tls13TicketPolicy(byte[] sealingKey, int count, Duration lifetime, long maxEarlyDataSize) {
  public Tls13TicketPolicy {
    if (maxEarlyDataSize < 0 || maxEarlyDataSize > 0xffffffffL) {
      throw new IllegalArgumentException("max_early_data_size is a uint32 (RFC 8446 §4.6.1): " + maxEarlyDataSize);
    }
    if (sealingKey.length != 16 && sealingKey.length != 32) {
      throw new IllegalArgumentException("the ticket sealing key is an AES key of 16 or 32 bytes");
    }
    if (count < 0 || count > 255) {
      throw new IllegalArgumentException("ticket count must be 0..255: " + count);
    }
    if (lifetime.isNegative() || lifetime.getSeconds() > NewSessionTicket13.MAX_TICKET_LIFETIME
        || (lifetime.getSeconds() == NewSessionTicket13.MAX_TICKET_LIFETIME && lifetime.getNano() > 0)) {
      throw new IllegalArgumentException("ticket lifetime must be 0..7 days (RFC 8446 §4.6.1): " + lifetime);
    }
    sealingKey = sealingKey.clone();
  }

  /** Tickets that allow no 0-RTT data. */
  public Tls13TicketPolicy(byte[] sealingKey, int count, Duration lifetime) {
    this(sealingKey, count, lifetime, 0);
  }

  /** One ticket per handshake, valid for a day. */
  public static Tls13TicketPolicy of(byte[] sealingKey) {
    return new Tls13TicketPolicy(sealingKey, 1, Duration.ofDays(1));
  }

  public Tls13TicketPolicy withCount(int newCount) {
    return new Tls13TicketPolicy(sealingKey, newCount, lifetime, maxEarlyDataSize);
  }

  public Tls13TicketPolicy withLifetime(Duration newLifetime) {
    return new Tls13TicketPolicy(sealingKey, count, newLifetime, maxEarlyDataSize);
  }

  /** Tickets that allow up to {@code size} bytes of 0-RTT data (RFC 8446 §4.2.10, §4.6.1). */
  public Tls13TicketPolicy withMaxEarlyDataSize(long size) {
    return new Tls13TicketPolicy(sealingKey, count, lifetime, size);
  }

  @Override
  public byte[] sealingKey() {
    return sealingKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tls13TicketPolicy p && count == p.count && lifetime.equals(p.lifetime)
        && maxEarlyDataSize == p.maxEarlyDataSize
        && java.security.MessageDigest.isEqual(sealingKey, p.sealingKey);
  }

  @Override
  public int hashCode() {
    return 31 * count + lifetime.hashCode();
  }

  @Override
  public String toString() {
    return "Tls13TicketPolicy[count=" + count + ", lifetime=" + lifetime + ", maxEarlyDataSize=" + maxEarlyDataSize + "]";
  }
}
