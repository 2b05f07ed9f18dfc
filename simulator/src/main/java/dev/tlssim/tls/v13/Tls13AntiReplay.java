package dev.tlssim.tls.v13;

/**
 * How a TLS 1.3 server guards 0-RTT data against replay (RFC 8446 §8). 0-RTT data is not
 * protected against replay by TLS itself (§2.3: "There are no guarantees of non-replay between
 * connections"), so the server must remember what it has seen to refuse a copy.
 */
public enum Tls13AntiReplay {
  /** No protection: every acceptable 0-RTT attempt is accepted, replays included (§8 warns). */
  NONE,
  /** §8.1: each ticket allows 0-RTT once; a ticket seen again gets a 1-RTT handshake. */
  SINGLE_USE_TICKETS,
  /**
   * §8.2: the binders of ClientHellos are recorded for a window, and a ClientHello whose ticket
   * age does not fit that window is refused 0-RTT, so that no replay escapes the record.
   */
  CLIENT_HELLO_RECORDING
}
