package dev.tlssim.tls.crypto;

/**
 * Whether a record protection state protects outgoing records or checks incoming ones. RFC 5246
 * §6.1 keeps four connection states (current/pending, read/write); each read or write state has
 * its own keys and its own sequence number.
 */
public enum Direction {
  READ,
  WRITE
}
