package dev.tlssim.tls.core;

import dev.tlssim.pki.RevocationSource;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import java.time.Instant;

/**
 * One version's handshake as the {@link TlsEndpoint} shell drives it: the shell takes records
 * from {@link #records()}, routes them by content type (RFC 5246 §6.2.1, RFC 8446 §5) and turns
 * every failure into an alert; the handshake reassembles, checks and answers handshake messages,
 * installs keys in its record layer and says what state it is in. TLS 1.2 and TLS 1.3 each
 * implement this once; a handshake that finds at the hellos that the other version was chosen
 * hands over to that version's handshake through {@link EndpointContext#continueWith}.
 */
public interface HandshakeProtocol {
  /** The version this handshake speaks (once a both-versions hello has been answered, the chosen one). */
  ProtocolVersion version();

  /** The record layer the shell reads and writes through now. */
  RecordLayer records();

  /** How received alerts are read under this version. */
  AlertRules alertRules();

  /** The client queues its ClientHello; the server waits for one. */
  void start();

  /** A handshake record's content: may hold several messages, or part of one. */
  void onHandshakeRecord(byte[] fragment) throws TlsAlertException;

  /** Messages already reassembled but not yet handled, as after a pause. */
  void processBufferedMessages() throws TlsAlertException;

  /** A change_cipher_spec record's content (RFC 5246 §7.1; RFC 8446 §5 compatibility). */
  void onChangeCipherSpecRecord(byte[] fragment) throws TlsAlertException;

  /**
   * Whether {@code content} of an application_data record is 0-RTT data (RFC 8446 §2.3), which
   * the handshake then took; ordinary application data is the shell's.
   */
  default boolean tookEarlyData(byte[] content) throws TlsAlertException {
    return false;
  }

  /**
   * Whether the version is settled. A server that speaks both versions has, before a ClientHello
   * chose one, no version to send a close_notify in: closing then only ends the connection.
   */
  default boolean versionChosen() {
    return true;
  }

  /** Both Finished messages sent and verified. */
  boolean established();

  /** Whether our application data may go out now (a TLS 1.3 server: already after its Finished). */
  default boolean writesApplicationData() {
    return established();
  }

  /** What must go out before our next application data record (a TLS 1.3 KeyUpdate owed). */
  default void beforeApplicationData() {}

  /** Whether the handshake waits for the host: records stay unread until it goes on. */
  boolean paused();

  /**
   * The host's answer to {@link TlsEvent.RevocationStatusNeeded}; the handshake goes on where it
   * stopped.
   */
  default void supplyRevocationStatus(RevocationSource fetched, Instant at) throws TlsAlertException {
    throw new IllegalStateException("not waiting for revocation status (state " + state() + ")");
  }

  /** RFC 5246 §7.2: a failed connection's session is forgotten. Called once, after a fatal alert. */
  default void invalidateSession() {}

  /** The state's name, as error messages report it. */
  String state();
}
