package dev.tlssim.scenario;

import dev.tlssim.tls.v13.GroupSelection;

/**
 * A server's TLS settings.
 *
 * @param certificate  the pki certificate it presents
 * @param sessionCache its session-ID cache, or null for none (RFC 5246 §7.4.1.3)
 * @param tickets      session tickets (RFC 5077; TLS 1.3 NewSessionTicket), or null for none
 * @param staple       staples an OCSP response from its CA when asked
 * @param earlyData    TLS 1.3: the 0-RTT data its tickets allow and how it refuses replays
 * @param maxFragmentLength whether it accepts a client's max_fragment_length request (RFC 6066 §4)
 * @param groupSelection TLS 1.3: how it picks the group, by the client's shares or by its own
 *                       preference at the cost of a HelloRetryRequest (RFC 8446 §4.2.8)
 */
public record TlsServerSpec(String certificate, CacheSpec sessionCache, TicketSpec tickets, boolean staple,
    EarlyData earlyData, MaxFragmentLengthPolicy maxFragmentLength, GroupSelection groupSelection) {

  /** A session cache; servers naming the same {@code shared} group share one cache. */
  public record CacheSpec(int capacity, long lifetimeNanos, String shared) {}

  /**
   * Ticket keys: a key seals tickets for {@code rotation}, then still opens them for
   * {@code grace}; servers naming the same {@code keys} group share the keys.
   */
  public record TicketSpec(long rotationNanos, long graceNanos, long lifetimeNanos, String keys) {}
}
