package dev.tlssim.tls.v13;

import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.wire.PskIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A ticket as the client keeps it (RFC 8446 §4.6.1): the opaque ticket, the PSK derived from
 * resumption_master_secret and ticket_nonce, the suite of the connection that issued it (its hash
 * is the PSK's, §4.2.11), when it arrived, its lifetime (capped at 7 days), ticket_age_add and
 * the max_early_data_size of its early_data extension (RFC 8446 §4.2.10; 0 without one: no 0-RTT
 * with this ticket). An immutable value; toString leaves the PSK out.
 */
public record Tls13ResumptionTicket(byte[] ticket, byte[] psk, Tls13CipherSuite suite, Instant arrival,
    Duration lifetime, long ageAdd, long maxEarlyDataSize) {
  /** A ticket that allows no 0-RTT data. */
  public Tls13ResumptionTicket(byte[] ticket, byte[] psk, Tls13CipherSuite suite, Instant arrival,
      Duration lifetime, long ageAdd) {
    this(ticket, psk, suite, arrival, lifetime, ageAdd, 0);
  }

  public Tls13ResumptionTicket {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(arrival, "arrival");
    Objects.requireNonNull(lifetime, "lifetime");
    ticket = ticket.clone();
    psk = psk.clone();
  }

  @Override
  public byte[] ticket() {
    return ticket.clone();
  }

  @Override
  public byte[] psk() {
    return psk.clone();
  }

  /** RFC 8446 §4.6.1: a client MUST NOT cache a ticket for longer than its lifetime. */
  public boolean usableAt(Instant now) {
    return !now.isBefore(arrival) && now.isBefore(arrival.plus(lifetime));
  }

  /**
   * obfuscated_ticket_age (RFC 8446 §4.2.11.1): the time since the ticket arrived, in
   * milliseconds, plus ticket_age_add modulo 2^32, so that an observer cannot link connections.
   */
  public long obfuscatedAge(Instant now) {
    return PskIdentity.obfuscate(Duration.between(arrival, now).toMillis(), ageAdd);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tls13ResumptionTicket t && suite == t.suite && arrival.equals(t.arrival)
        && lifetime.equals(t.lifetime) && ageAdd == t.ageAdd && maxEarlyDataSize == t.maxEarlyDataSize
        && Arrays.equals(ticket, t.ticket)
        && Arrays.equals(psk, t.psk);
  }

  @Override
  public int hashCode() {
    return Objects.hash(suite, arrival, lifetime, ageAdd, Arrays.hashCode(ticket));
  }

  @Override
  public String toString() {
    return "Tls13ResumptionTicket[" + suite + ", arrival=" + arrival + ", lifetime=" + lifetime
        + ", maxEarlyDataSize=" + maxEarlyDataSize + ", ticket=" + ticket.length + " bytes]";
  }
}
