package dev.tlssim.party;

import dev.tlssim.events.Flow;
/**
 * A byte stream between two applications: plain TCP, or TLS over TCP. The request/response
 * workload runs on either without knowing which.
 */
interface Channel {
  void write(long now, byte[] data);

  void close(long now);

  /**
   * Whether the server accepted the 0-RTT data this client channel sent before the handshake
   * (RFC 8446 §2.3): then the application must not send that data again.
   */
  default boolean earlyDataAccepted() {
    return false;
  }

  /** The TCP flow underneath ("client:49152>server:443"), which names it in the trace. */
  Flow flow();

  /** What the application on a channel hears. */
  interface Listener {
    /** The application may send (TCP established, or the TLS handshake completed). */
    void opened(Channel c, long now);

    void received(Channel c, long now, byte[] data);

    /** The peer will send no more (FIN, or TLS close_notify). */
    void peerClosed(Channel c, long now);

    void closed(Channel c, long now);

    void failed(Channel c, long now, String reason);
  }
}
