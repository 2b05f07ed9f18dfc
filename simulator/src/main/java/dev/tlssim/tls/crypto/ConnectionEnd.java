package dev.tlssim.tls.crypto;

/**
 * Which end of the connection a party is (RFC 5246 §6.1, {@code ConnectionEnd}). It selects the
 * halves of the key block (a party writes with its own keys and reads with its peer's) and the
 * Finished label (RFC 5246 §7.4.9).
 */
public enum ConnectionEnd {
  CLIENT,
  SERVER;

  public ConnectionEnd peer() {
    return this == CLIENT ? SERVER : CLIENT;
  }
}
