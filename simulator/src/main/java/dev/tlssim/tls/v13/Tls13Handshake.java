package dev.tlssim.tls.v13;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.wire.HandshakeFrame;
import java.util.Optional;

/** One side's TLS 1.3 handshake state machine (RFC 8446 §4, Appendix A), fed whole messages. */
sealed interface Tls13Handshake permits Tls13ClientHandshake, Tls13ServerHandshake {
  /** The client sends its ClientHello; the server waits for one. */
  void start();

  /**
   * The one message the state accepts, checked before {@link #onMessage} (RFC 8446 §4); empty
   * where the handler decides itself (after the handshake, before the ClientHello).
   */
  Optional<HandshakeType> expectedMessage();

  /** One complete handshake message from the peer, in order. */
  void onMessage(HandshakeFrame frame) throws TlsAlertException;

  /**
   * Whether the version is settled: false only on a server that speaks TLS 1.2 too, before the
   * ClientHello has chosen.
   */
  default boolean versionChosen() {
    return true;
  }

  /** Both Finished messages sent and verified: application data may flow both ways. */
  boolean established();

  /**
   * Whether our application data may go out now: once established, and for a server already
   * after its own Finished (RFC 8446 §2, 0.5-RTT data).
   */
  default boolean writesApplicationData() {
    return established();
  }

  /**
   * Whether a change_cipher_spec record is the middlebox-compatibility one to drop: RFC 8446 §5
   * allows it "at any time after the first ClientHello message has been sent or received and
   * before the peer's Finished message has been received".
   */
  boolean acceptsCompatibilityChangeCipherSpec();

  /**
   * Whether application_data records now are the client's 0-RTT data (RFC 8446 §2.3): on a server
   * that accepted it, from the ClientHello until EndOfEarlyData.
   */
  default boolean readingEarlyData() {
    return false;
  }

  /**
   * Counts {@code length} bytes of 0-RTT data against the ticket's max_early_data_size; RFC 8446
   * §4.2.10: more than that is an "unexpected_message".
   */
  default void onEarlyData(int length) throws TlsAlertException {
    throw new TlsAlertException(dev.tlssim.tls.AlertDescription.UNEXPECTED_MESSAGE,
        "application_data: no 0-RTT data is expected here (RFC 8446 §2.3)");
  }

  /**
   * Both directions' application_traffic_secret_0 (RFC 8446 §7.1) once {@link #established()}:
   * where post-handshake key updates start from (§7.2).
   */
  Optional<HandshakeTrafficSecrets.ApplicationTrafficKeys> applicationTrafficKeys();

  /**
   * Whether the handshake waits for something from the host (the client: revocation status it
   * asked for); records and messages arriving meanwhile stay buffered.
   */
  default boolean paused() {
    return false;
  }

  /** What was negotiated, once known. */
  Optional<Tls13Parameters> parameters();

  /** The state's name, for error messages. */
  String state();
}
