package dev.tlssim.net;

import dev.tlssim.events.PacketEvent;

/**
 * What a packet carries (a TCP segment). The network only needs its size on the wire and how the
 * trace reports it when it is sent; it never looks further inside.
 */
public interface Payload {
  /** Size of the IP packet in bytes (IP header + transport header + data). */
  int wireSize();

  /** The event reporting this payload's packet {@code id} sent from {@code from} to {@code to}. */
  PacketEvent.Sent sent(long id, String from, String to);
}
