package dev.tlssim.tls.core;

import dev.tlssim.pki.RevocationSource;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.wire.RecordDescriptor;
import java.time.Instant;
import java.util.List;

/**
 * One end of a TLS connection as its host sees it, whatever the version: bytes from the peer go
 * into {@link #receive}, bytes for the peer come out of {@link #drainOutput}, and what happened
 * comes out of {@link #drainEvents}. The TLS 1.2 {@link TlsEndpoint}, the TLS 1.3 endpoint and
 * the endpoints that negotiate between them all have this shape, so a host (an actor, a test, a
 * benchmark) drives any of them the same way.
 */
public interface TlsConnection {
  ConnectionEnd side();

  /** The client queues its ClientHello; the server waits for one. */
  void start();

  /** Bytes from the peer, in any chunking. Never throws for what the peer sends. */
  void receive(byte[] bytes);

  /** Whether {@link #write} is allowed now. */
  boolean canWrite();

  /** Sends application data; only when {@link #canWrite}. */
  void write(byte[] applicationData);

  /** Sends close_notify; data from the peer is still delivered until its own. */
  void close();

  byte[] drainOutput();

  /**
   * From now on, describe every record written (call before {@link #start}): its content type,
   * the inner one for a protected TLS 1.3 record (RFC 8446 §5.2), its length and the messages it
   * carries, for the host to label the segments with. Off by default, so a host that keeps no
   * trace pays nothing.
   */
  default void describeRecords() {}

  /**
   * The records of the bytes {@link #drainOutput} returned, in order: drain both together. Empty
   * unless {@link #describeRecords} was called.
   */
  default List<RecordDescriptor> drainRecords() {
    return List.of();
  }

  List<TlsEvent> drainEvents();

  /** Both Finished messages sent and verified, and the connection not closed. */
  boolean established();

  boolean closed();

  /**
   * Queues 0-RTT data (RFC 8446 §2.3) before {@link #start}, for a client that may send some;
   * whether it went and was accepted shows in the events.
   *
   * @throws IllegalStateException for a connection that cannot send 0-RTT data
   */
  default void writeEarly(byte[] earlyData) {
    throw new IllegalStateException("this connection sends no 0-RTT data");
  }

  /** Whether the handshake waits for revocation status it asked for. */
  default boolean awaitingRevocationStatus() {
    return false;
  }

  /** The revocation status asked for with {@link TlsEvent.RevocationStatusNeeded}. */
  default void supplyRevocationStatus(RevocationSource fetched, Instant now) {
    throw new IllegalStateException("not waiting for revocation status");
  }
}
