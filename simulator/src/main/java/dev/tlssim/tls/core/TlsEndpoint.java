package dev.tlssim.tls.core;

import dev.tlssim.pki.RevocationSource;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.wire.Alert;
import dev.tlssim.tls.wire.MaxFragmentLength;
import dev.tlssim.tls.wire.RecordDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One end of a TLS connection, TLS 1.2 (RFC 5246) or TLS 1.3 (RFC 8446), sans I/O: bytes from
 * TCP go into {@link #receive}, bytes for TCP come out of {@link #drainOutput}, and everything
 * that happened comes out of {@link #drainEvents}. No threads, no sockets, no clock: the instant
 * the connection happens at is given to the handshake, and every random byte comes from the
 * given SecureRandom, so a seeded run replays byte for byte. The version packages build it:
 * {@code dev.tlssim.tls.v12.Tls12} and {@code dev.tlssim.tls.v13.Tls13}.
 *
 * <p>This shell is what both versions share: it routes records by content type (RFC 5246
 * §6.2.1, RFC 8446 §5) between the handshake's record layer, the {@link AlertProtocol} and the
 * {@link HandshakeProtocol}; it owns the event queue, the pause while the host asks a CA, and the
 * error model: anything the peer sends that breaks the protocol ends in a fatal alert (RFC 5246
 * §7.2.2, RFC 8446 §6.2) with an {@link TlsEvent.AlertSent} and {@link TlsEvent.Closed}, never an
 * exception out of {@link #receive}; after that the endpoint ignores input and sends nothing.
 */
public final class TlsEndpoint implements TlsConnection {
  private final EndpointContext context;
  private boolean sessionInvalidated;

  private TlsEndpoint(EndpointContext context) {
    this.context = context;
  }

  /**
   * An endpoint for {@code side} run by the handshake {@code first} makes from the shell's
   * context; the version packages call this.
   */
  public static TlsEndpoint open(ConnectionEnd side, Function<EndpointContext, HandshakeProtocol> first) {
    EndpointContext context = new EndpointContext(Objects.requireNonNull(side, "side"));
    context.continueWith(first.apply(context));
    return new TlsEndpoint(context);
  }

  private HandshakeProtocol handshake() {
    return context.handshake();
  }

  private AlertProtocol alerts() {
    return context.alerts();
  }

  /** The handshake, typed as the version's, for what only that version has. */
  public <H extends HandshakeProtocol> Optional<H> handshake(Class<H> type) {
    return type.isInstance(handshake()) ? Optional.of(type.cast(handshake())) : Optional.empty();
  }

  /** Which end this is. */
  @Override
  public ConnectionEnd side() {
    return context.side();
  }

  /** The version the handshake speaks: the one chosen once the hellos have gone by. */
  public ProtocolVersion version() {
    return handshake().version();
  }

  /**
   * The max_fragment_length both ends agreed on (RFC 6066 §4), once the hellos (TLS 1.2) or
   * EncryptedExtensions (TLS 1.3) settled it; empty while records may carry 2^14 bytes.
   */
  public Optional<MaxFragmentLength> maxFragmentLength() {
    return context.fragmentLimit().negotiated();
  }

  /** The client queues its ClientHello; the server waits for one. */
  @Override
  public void start() {
    handshake().start();
  }

  /**
   * Bytes from the peer, in any chunking. Never throws for what the peer sends: a protocol
   * violation becomes a fatal alert.
   */
  @Override
  public void receive(byte[] bytes) {
    if (alerts().closed() || bytes.length == 0) {
      return;
    }
    context.reader().feed(bytes);
    guarded(this::processRecords);
  }

  /**
   * Whether the client waits for revocation status it announced with {@link
   * TlsEvent.RevocationStatusNeeded}; bytes received meanwhile are buffered, not processed.
   */
  @Override
  public boolean awaitingRevocationStatus() {
    return !alerts().closed() && handshake().paused();
  }

  /**
   * Ends the wait announced by {@link TlsEvent.RevocationStatusNeeded}: {@code fetched} is what
   * the host obtained (typically {@link RevocationSource#fromDer} of the HTTP response bodies,
   * OCSP responses and/or CRLs; {@link RevocationSource#unavailable()} when the CA could not be
   * reached or answered with an error), and {@code now} the simulated instant it arrived, at which
   * the certificate verification is completed. The client's soft-fail or hard-fail policy then
   * applies to what it has, and the handshake goes on exactly where it stopped, with whatever
   * arrived meanwhile: its output and events are ready to drain.
   *
   * @throws IllegalStateException if the endpoint is not waiting for revocation status
   */
  @Override
  public void supplyRevocationStatus(RevocationSource fetched, Instant now) {
    Objects.requireNonNull(fetched, "fetched");
    Objects.requireNonNull(now, "now");
    if (!awaitingRevocationStatus()) {
      throw new IllegalStateException("not waiting for revocation status (state " + state() + ")");
    }
    guarded(() -> {
      handshake().supplyRevocationStatus(fetched, now);
      processRecords();
    });
  }

  /**
   * Queues 0-RTT data (RFC 8446 §2.3) for a TLS 1.3 client, before {@link #start}: whether it
   * went and was accepted shows in the events.
   */
  @Override
  public void writeEarly(byte[] earlyData) {
    if (!(handshake() instanceof EarlyDataWriter writer)) {
      throw new IllegalStateException("only a TLS 1.3 client sends 0-RTT data");
    }
    writer.queueEarlyData(earlyData.clone());
  }

  private interface Step {
    void run() throws TlsAlertException;
  }

  /** Runs a step of input processing; what the peer caused ends in an alert, never a throw. */
  private void guarded(Step step) {
    try {
      step.run();
    } catch (TlsAlertException e) {
      alerts().fail(e.alert(), e.getMessage());
    } catch (RuntimeException e) {
      // A defect of ours must not escape as if the peer could crash us; internal_error is the
      // alert for "an internal error unrelated to the peer" (RFC 5246 §7.2.2, RFC 8446 §6.2).
      alerts().fail(AlertDescription.INTERNAL_ERROR, "internal error: " + e);
    }
    if (alerts().failed() && !sessionInvalidated) {
      sessionInvalidated = true;
      handshake().invalidateSession();
    }
  }

  /**
   * Whether application data may be sent: once the handshake is complete (a TLS 1.3 server
   * already after its Finished, RFC 8446 §2), until close_notify.
   */
  @Override
  public boolean canWrite() {
    return !alerts().closed() && !alerts().closeNotifySent() && handshake().writesApplicationData();
  }

  /** Sends application data; only when {@link #canWrite}. */
  @Override
  public void write(byte[] applicationData) {
    if (!canWrite()) {
      throw new IllegalStateException("cannot write application data in state " + state()
          + (alerts().closeNotifySent() ? " after close_notify" : ""));
    }
    handshake().beforeApplicationData();
    handshake().records().sendApplicationData(applicationData);
  }

  /**
   * Sends close_notify (RFC 5246 §7.2.1, RFC 8446 §6.1). The endpoint counts as closed once the
   * peer's close_notify has arrived too; until then data from the peer is still delivered.
   */
  @Override
  public void close() {
    if (alerts().closed() || alerts().closeNotifySent()) {
      return;
    }
    if (!handshake().versionChosen()) {
      alerts().closeSilently();
      return;
    }
    alerts().sendCloseNotify("local close");
  }

  /**
   * Records until the input runs out or the handshake pauses: while it waits (for revocation
   * status), records stay unread, since a key change may be pending in the messages it has not
   * handled yet. Messages reassembled before a pause are handled first.
   */
  private void processRecords() throws TlsAlertException {
    handshake().processBufferedMessages();
    while (!alerts().closed() && !handshake().paused()) {
      Optional<TlsPlaintext> record = handshake().records().next();
      if (record.isEmpty()) {
        break;
      }
      onRecord(record.get());
    }
  }

  @Override
  public byte[] drainOutput() {
    byte[] bytes = context.output().toByteArray();
    context.output().reset();
    return bytes;
  }

  @Override
  public void describeRecords() {
    context.outgoing().enable();
  }

  @Override
  public List<RecordDescriptor> drainRecords() {
    return context.outgoing().drain();
  }

  @Override
  public List<TlsEvent> drainEvents() {
    return context.events().drain();
  }

  @Override
  public boolean established() {
    return !alerts().closed() && handshake().established();
  }

  @Override
  public boolean closed() {
    return alerts().closed();
  }

  /**
   * Whether a fatal alert ended the connection, either way: RFC 5246 §7.2.2, its session must
   * not be resumed.
   */
  public boolean failed() {
    return alerts().failed();
  }

  /** Whether our close_notify went out (RFC 5246 §7.2.1, RFC 8446 §6.1). */
  public boolean closeNotifySent() {
    return alerts().closeNotifySent();
  }

  /** The handshake state's name, or CLOSED, as error messages report it. */
  public String state() {
    return alerts().closed() ? "CLOSED" : handshake().state();
  }

  /** RFC 5246 §6.2.1, RFC 8446 §5: each record goes to the protocol its content type names. */
  private void onRecord(TlsPlaintext record) throws TlsAlertException {
    byte[] content = record.fragment();
    switch (record.type()) {
      case HANDSHAKE -> handshake().onHandshakeRecord(content);
      case CHANGE_CIPHER_SPEC -> handshake().onChangeCipherSpecRecord(content);
      case ALERT -> alerts().onAlert(Alert.decode(content));
      case APPLICATION_DATA -> {
        if (handshake().tookEarlyData(content)) {
          return;
        }
        // RFC 5246 §7.4.9, RFC 8446 §2: application data flows once the handshake has finished.
        if (!handshake().established()) {
          throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
              "application_data before the handshake completed (state " + state() + ")");
        }
        context.events().add(new TlsEvent.MessageReceived(
            ContentType.APPLICATION_DATA.rfcName(), content.length));
        if (content.length > 0) {
          context.events().add(new TlsEvent.ApplicationData(content));
        }
      }
    }
  }
}
