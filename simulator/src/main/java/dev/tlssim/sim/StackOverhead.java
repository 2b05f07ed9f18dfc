package dev.tlssim.sim;

/**
 * The time a real TLS stack spends on a handshake besides its cryptography: the library's state
 * machine, buffer handling, X.509 parsing, system calls and, for a scripted client, the language
 * runtime around the library. Measured OpenSSL 3.0 handshakes exceed k·RTT plus their public-key
 * work by 1.5-4 ms (shared/validation RESULTS.md §2b), which a simulation of cryptography alone
 * leaves out. A cost profile prices these like any other operation; {@code dev.tlssim.party}'s
 * TLS channel charges them on the critical path, where a real stack spends them.
 */
public enum StackOverhead {
  /** Once per connection, with the client's first flight: creating the session and its ClientHello. */
  CLIENT_HANDSHAKE("stack.client.handshake"),
  /** Each handshake flight the client sends, and the flight it completes the handshake on. */
  CLIENT_FLIGHT("stack.client.flight"),
  /** Each handshake flight the server sends, and the flight it completes the handshake on. */
  SERVER_FLIGHT("stack.server.flight"),
  /**
   * The client's handling of the server's Certificate message beyond the signature arithmetic
   * (which the profile prices separately): DER parsing, chain building, name and policy checks.
   */
  CLIENT_CERTIFICATE("stack.client.certificate");

  private final String id;

  StackOverhead(String id) {
    this.id = id;
  }

  /** The operation name in cost profiles and the trace, e.g. "stack.client.flight". */
  public String id() {
    return id;
  }
}
