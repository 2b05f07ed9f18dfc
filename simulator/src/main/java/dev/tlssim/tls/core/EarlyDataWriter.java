package dev.tlssim.tls.core;

/** A handshake that can send 0-RTT data (RFC 8446 §2.3): a TLS 1.3 client. */
public interface EarlyDataWriter {
  /** Queues {@code data} to go right after the ClientHello, before the handshake starts. */
  void queueEarlyData(byte[] data);
}
