package dev.tlssim.tls.handshake;

import dev.tlssim.pki.RevocationSource;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.wire.Alert;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.ChangeCipherSpec;
import dev.tlssim.tls.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One end of a TLS 1.2 connection (RFC 5246), sans I/O: bytes from TCP go into {@link
 * #receive}, bytes for TCP come out of {@link #drainOutput}, and everything that happened comes
 * out of {@link #drainEvents}. No threads, no sockets, no clock: the verification time is the
 * {@code now} given at construction and every random byte comes from the given SecureRandom,
 * so a seeded run replays byte for byte.
 *
 * <p>The full handshake of RFC 5246 §7.3, with the ECDHE key exchanges of RFC 8422, the extended
 * master secret of RFC 7627, server_name (RFC 6066 §3) and the initial-handshake part of secure
 * renegotiation (RFC 5746); the abbreviated handshake that resumes a session named by its
 * session_id (RFC 5246 §7.3, with the server's {@link SessionCache} and the client's {@link
 * ClientSessionStore}) or by a session ticket (RFC 5077, sealed with {@link TicketKeys}), under
 * the extended-master-secret rules of RFC 7627 §5.3. Renegotiation is not implemented: both sides
 * decline it with a no_renegotiation warning (RFC 5246 §7.2.2).
 *
 * <p>Time: {@code now} given at construction is the instant the whole connection happens at:
 * certificate validity, cache and ticket lifetimes and ticket key rotation are judged by it.
 *
 * <p>Randoms: ClientHello.random and ServerHello.random are 32 bytes from the SecureRandom, with
 * no gmt_unix_time in the first four. RFC 5246 §7.4.1.2 says clocks "are not required to be
 * correct" and the field only needs to be unpredictable; leaving the time out keeps the runs
 * independent of the simulated clock, as current OpenSSL, NSS and the JDK also do.
 *
 * <p>Errors: anything the peer sends that breaks the protocol ends in a fatal alert (RFC 5246
 * §7.2.2) with an {@link TlsEvent.AlertSent} and {@link TlsEvent.Closed}, never an exception out
 * of {@link #receive}; after that the endpoint ignores input and sends nothing.
 *
 * <p>Inside, this class only routes records by content type (RFC 5246 §6.2.1) between the
 * {@link RecordLayer}, the {@link AlertProtocol} and the side's {@link Handshake}.
 */
public final class TlsEndpoint implements TlsConnection {
  private final ConnectionEnd side;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final EventQueue events = new EventQueue();
  private final RecordLayer records;
  private final AlertProtocol alerts;
  private final Handshake handshake;
  private boolean sessionInvalidated;

  private TlsEndpoint(ClientConfig config, SecureRandom random, Instant now) {
    side = ConnectionEnd.CLIENT;
    records = new RecordLayer(output, events, ClientHandshake.initialRecordVersion(config));
    alerts = new AlertProtocol(records, events);
    handshake = new ClientHandshake(config, random, now, events, records, alerts);
  }

  private TlsEndpoint(ServerConfig config, SecureRandom random, Instant now) {
    side = ConnectionEnd.SERVER;
    records = new RecordLayer(output, events, ServerHandshake.initialRecordVersion(config));
    alerts = new AlertProtocol(records, events);
    handshake = new ServerHandshake(config, random, now, events, records, alerts);
  }

  public static TlsEndpoint client(ClientConfig config, SecureRandom random, Instant now) {
    return new TlsEndpoint(Objects.requireNonNull(config, "config"),
        Objects.requireNonNull(random, "random"), Objects.requireNonNull(now, "now"));
  }

  /**
   * The ClientHello a client with {@code config} sends for a full handshake, with
   * {@code clientRandom}: what a client offering TLS 1.3 and 1.2 at once puts in its ClientHello
   * besides its TLS 1.3 offer, so that a TLS 1.2 server finds its suites and extensions there
   * (RFC 8446 §4.1.2, Appendix D.1).
   */
  public static ClientHello fullHandshakeHello(ClientConfig config, byte[] clientRandom) {
    return ClientOffer.of(config, Handshake.cap(config.maxVersion()), clientRandom, Optional.empty()).hello();
  }

  /**
   * A TLS 1.2 client that takes over where a client offering TLS 1.3 and 1.2 left off: it sent
   * {@code sent} and the server chose TLS 1.2 (RFC 8446 Appendix D.1). Feed it the server's
   * bytes from the ServerHello on. It aborts with illegal_parameter if the ServerHello carries
   * the downgrade sentinel (RFC 8446 §4.1.3).
   */
  public static TlsEndpoint clientAfterHello(ClientConfig config, SecureRandom random, Instant now, ClientHello sent) {
    TlsEndpoint endpoint = client(config, random, now);
    ((ClientHandshake) endpoint.handshake).continueAfter(sent);
    return endpoint;
  }

  public static TlsEndpoint server(ServerConfig config, SecureRandom random, Instant now) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(now, "now");
    return new TlsEndpoint(config, random, now);
  }

  /** Which end this is. */
  @Override
  public ConnectionEnd side() {
    return side;
  }

  /** The client queues its ClientHello (RFC 5246 §7.4.1.2); the server waits for one. */
  @Override
  public void start() {
    handshake.start();
  }

  /**
   * Bytes from the peer, in any chunking. Never throws for what the peer sends: a protocol
   * violation becomes a fatal alert.
   */
  @Override
  public void receive(byte[] bytes) {
    if (alerts.closed() || bytes.length == 0) {
      return;
    }
    records.feed(bytes);
    guarded(this::processRecords);
  }

  /**
   * Whether the client waits for revocation status it announced with {@link
   * TlsEvent.RevocationStatusNeeded}; bytes received meanwhile are buffered, not processed.
   */
  @Override
  public boolean awaitingRevocationStatus() {
    return !alerts.closed() && handshake.paused();
  }

  /**
   * Ends the wait announced by {@link TlsEvent.RevocationStatusNeeded}: {@code fetched} is what
   * the host obtained (typically {@link RevocationSource#fromDer} of the HTTP response bodies,
   * OCSP responses and/or CRLs; {@link RevocationSource#unavailable()} when the CA could not be
   * reached or answered with an error), and {@code now} the simulated instant it arrived, at which
   * the certificate verification is completed. The REVOCATION check then applies the client's
   * soft-fail or hard-fail policy to what it has, and the handshake goes on exactly where it
   * stopped, with whatever arrived meanwhile: its output and events are ready to drain.
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
    ClientHandshake client = (ClientHandshake) handshake;
    guarded(() -> {
      client.supplyRevocationStatus(fetched, now);
      handshake.processBufferedMessages();
      processRecords();
    });
  }

  private interface Step {
    void run() throws TlsAlertException;
  }

  /** Runs a step of input processing; what the peer caused ends in an alert, never a throw. */
  private void guarded(Step step) {
    try {
      step.run();
    } catch (TlsAlertException e) {
      alerts.fail(e.alert(), e.getMessage());
    } catch (RuntimeException e) {
      // A defect of ours must not escape as if the peer could crash us; RFC 5246 §7.2.2
      // internal_error is the alert for "an internal error unrelated to the peer".
      alerts.fail(AlertDescription.INTERNAL_ERROR, "internal error: " + e);
    }
    if (alerts.failed() && !sessionInvalidated) {
      sessionInvalidated = true;
      handshake.invalidateSession();
    }
  }

  @Override
  public boolean canWrite() {
    return established() && !alerts.closeNotifySent();
  }

  /** Sends application data; only after the handshake and before close. */
  @Override
  public void write(byte[] applicationData) {
    if (!canWrite()) {
      throw new IllegalStateException("cannot write application data in state " + state()
          + (alerts.closeNotifySent() ? " after close_notify" : ""));
    }
    records.sendApplicationData(applicationData);
  }

  /**
   * Sends close_notify (RFC 5246 §7.2.1). The endpoint counts as closed once the peer's
   * close_notify has arrived too; until then data from the peer is still delivered.
   */
  @Override
  public void close() {
    if (alerts.closed() || alerts.closeNotifySent()) {
      return;
    }
    alerts.sendCloseNotify("local close");
  }

  private void processRecords() throws TlsAlertException {
    while (!alerts.closed() && !handshake.paused()) {
      Optional<TlsRecord> record = records.next();
      if (record.isEmpty()) {
        break;
      }
      onRecord(record.get());
    }
  }

  @Override
  public byte[] drainOutput() {
    byte[] bytes = output.toByteArray();
    output.reset();
    return bytes;
  }

  @Override
  public List<TlsEvent> drainEvents() {
    return events.drain();
  }

  @Override
  public boolean established() {
    return !alerts.closed() && handshake.established();
  }

  @Override
  public boolean closed() {
    return alerts.closed();
  }

  /** The negotiated signature scheme for ServerKeyExchange, null for the RSA key exchange. */
  public SignatureScheme signatureScheme() {
    return handshake.signatureScheme();
  }

  /** The negotiated suite, or null before ServerHello. */
  public CipherSuite cipherSuite() {
    return handshake.cipherSuite();
  }

  /**
   * The session a completed full handshake established, for resuming it later (RFC 5246 §7.3);
   * empty before then, and for good after a fatal alert either way, since RFC 5246 §7.2.2 says
   * the session of a failed connection must be forgotten. A connection closed by close_notify
   * keeps its session.
   */
  public Optional<SessionParameters> session() {
    return alerts.failed() ? Optional.empty() : handshake.session();
  }

  private String state() {
    return alerts.closed() ? "CLOSED" : handshake.state();
  }

  /** RFC 5246 §6.2.1: each record goes to the protocol its content type names. */
  private void onRecord(TlsRecord record) throws TlsAlertException {
    byte[] plaintext = records.open(record);
    switch (record.type()) {
      case HANDSHAKE -> handshake.onHandshakeRecord(plaintext);
      case CHANGE_CIPHER_SPEC -> {
        ChangeCipherSpec.decode(plaintext);
        events.add(new TlsEvent.MessageReceived(
            ContentType.CHANGE_CIPHER_SPEC.rfcName(), plaintext.length, plaintext));
        handshake.onChangeCipherSpec();
      }
      case ALERT -> alerts.onAlert(Alert.decode(plaintext));
      case APPLICATION_DATA -> {
        // RFC 5246 §7.4.9 / §6.2: application data flows only once the handshake has finished.
        if (!handshake.established()) {
          throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
              "application_data before the handshake completed (state " + state() + ")");
        }
        events.add(new TlsEvent.MessageReceived(
            ContentType.APPLICATION_DATA.rfcName(), plaintext.length));
        if (plaintext.length > 0) {
          events.add(new TlsEvent.ApplicationData(plaintext));
        }
      }
    }
  }
}
