package dev.tlssim.tls.core;

import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.wire.RecordReader;
import java.io.ByteArrayOutputStream;

/**
 * What a handshake shares with the {@link TlsEndpoint} shell that runs it: the side, the bytes
 * read from the peer and not yet made into records, the output for TCP, the event queue, the
 * alert protocol and the fragment limit the record layers obey. A handshake that learns from the hellos that the other version was chosen hands
 * the connection over with {@link #continueWith}: the new handshake reads on from the same reader,
 * writes to the same output and reports into the same queue.
 */
public final class EndpointContext {
  private final ConnectionEnd side;
  private final RecordReader reader = new RecordReader();
  private final ByteArrayOutputStream output = new Output();
  private final OutgoingRecords outgoing = new OutgoingRecords();
  private final EventQueue events = new EventQueue();
  private final AlertProtocol alerts = new AlertProtocol(events);
  private final FragmentLimit fragmentLimit = new FragmentLimit();
  private HandshakeProtocol handshake;

  /**
   * The bytes for TCP, taken and reset after each step: a reset gives back a buffer grown for a
   * handshake flight (kilobytes), which would otherwise stay with the connection to its end.
   */
  private static final class Output extends ByteArrayOutputStream {
    private static final int KEPT_CAPACITY = 32;

    @Override
    public synchronized void reset() {
      super.reset();
      if (buf.length > KEPT_CAPACITY) {
        buf = new byte[KEPT_CAPACITY];
      }
    }
  }

  EndpointContext(ConnectionEnd side) {
    this.side = side;
  }

  public ConnectionEnd side() {
    return side;
  }

  public RecordReader reader() {
    return reader;
  }

  public ByteArrayOutputStream output() {
    return output;
  }

  /** What the records in {@link #output} are, when the host asked (see {@link TlsConnection#describeRecords}). */
  public OutgoingRecords outgoing() {
    return outgoing;
  }

  public EventQueue events() {
    return events;
  }

  public AlertProtocol alerts() {
    return alerts;
  }

  /** The plaintext fragment limit both directions' records obey (RFC 6066 §4). */
  public FragmentLimit fragmentLimit() {
    return fragmentLimit;
  }

  /** The handshake that runs the connection from now on; alerts go through its record layer. */
  public void continueWith(HandshakeProtocol next) {
    handshake = next;
    alerts.use(next.records(), next.alertRules());
  }

  HandshakeProtocol handshake() {
    return handshake;
  }
}
