package dev.tlssim.tls.handshake13;

import dev.tlssim.pki.RevocationSource;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.AlertLevel;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.Tls13InnerPlaintext;
import dev.tlssim.tls.handshake.TlsConnection;
import dev.tlssim.tls.handshake.TlsEvent;
import dev.tlssim.tls.wire.Alert;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeReassembler;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One end of a TLS 1.3 connection (RFC 8446), sans I/O, in the shape of the TLS 1.2
 * {@link dev.tlssim.tls.handshake.TlsEndpoint}: bytes from TCP go into {@link #receive}, bytes
 * for TCP come out of {@link #drainOutput}, and what happened comes out of {@link #drainEvents}
 * as {@link TlsEvent}s. Every random byte comes from the given SecureRandom, so a seeded run
 * replays byte for byte; the client judges the server's certificate at {@code now}.
 *
 * <p>Errors: whatever the peer sends that breaks the protocol ends in a fatal alert (RFC 8446 §6)
 * with a {@link TlsEvent.AlertSent} and a {@link TlsEvent.Closed}, never an exception out of
 * {@link #receive}; after that the endpoint ignores input and sends nothing.
 *
 * <p>Inside, this class routes records by content type (§5) between the {@link Tls13RecordLayer},
 * the alert protocol (§6) and the side's {@link Tls13Handshake}.
 */
public final class Tls13Endpoint implements TlsConnection {
  private final ConnectionEnd side;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final List<TlsEvent> events = new ArrayList<>();
  private final Tls13RecordLayer records = new Tls13RecordLayer(output);
  private final HandshakeReassembler reassembler = new HandshakeReassembler();
  private final Tls13Handshake handshake;
  /** Post-handshake key updates (RFC 8446 §4.6.3); made at the first one, from the handshake's secrets. */
  private Tls13KeyUpdate keyUpdate;
  private boolean closed;
  private boolean closeNotifySent;
  private boolean establishedReported;

  private Tls13Endpoint(Tls13ClientConfig config, SecureRandom random, Instant now, Tls13ClientSessionStore store,
      Tls12Fallback fallback) {
    side = ConnectionEnd.CLIENT;
    handshake = new Tls13ClientHandshake(config, random, now, store, fallback,
        new Tls13HandshakeChannel(records, events), events);
  }

  private Tls13Endpoint(Tls13ServerConfig config, SecureRandom random, Instant now) {
    side = ConnectionEnd.SERVER;
    handshake = new Tls13ServerHandshake(config, random, now, new Tls13HandshakeChannel(records, events));
  }

  /** A client that neither offers nor keeps tickets, and sends no psk_key_exchange_modes. */
  public static Tls13Endpoint client(Tls13ClientConfig config, SecureRandom random, Instant now) {
    return new Tls13Endpoint(Objects.requireNonNull(config, "config"), Objects.requireNonNull(random, "random"),
        Objects.requireNonNull(now, "now"), null, null);
  }

  /**
   * A client that offers the newest usable ticket of {@code store} for its server name (RFC 8446
   * §4.2.11) and keeps the tickets the server sends there (§4.6.1); {@code now} is the clock for
   * ticket ages and lifetimes.
   */
  public static Tls13Endpoint client(Tls13ClientConfig config, SecureRandom random, Instant now,
      Tls13ClientSessionStore store) {
    return new Tls13Endpoint(Objects.requireNonNull(config, "config"), Objects.requireNonNull(random, "random"),
        Objects.requireNonNull(now, "now"), Objects.requireNonNull(store, "store"), null);
  }

  /**
   * A client that offers TLS 1.2 too: {@code fallback}'s suites and extensions join its
   * ClientHello (RFC 8446 Appendix D.1). If the server answers TLS 1.2, the host hands the
   * handshake to a TLS 1.2 endpoint; this one only ever speaks 1.3. {@code store} may be null
   * for a client that does not resume.
   */
  public static Tls13Endpoint client(Tls13ClientConfig config, SecureRandom random, Instant now,
      Tls13ClientSessionStore store, Tls12Fallback fallback) {
    return new Tls13Endpoint(Objects.requireNonNull(config, "config"), Objects.requireNonNull(random, "random"),
        Objects.requireNonNull(now, "now"), store, Objects.requireNonNull(fallback, "fallback"));
  }

  /**
   * A server at {@code now}: tickets it issues are stamped with it and those offered are checked
   * against it. There is no wall-clock variant, so a seeded run replays byte for byte.
   */
  public static Tls13Endpoint server(Tls13ServerConfig config, SecureRandom random, Instant now) {
    return new Tls13Endpoint(Objects.requireNonNull(config, "config"), Objects.requireNonNull(random, "random"),
        Objects.requireNonNull(now, "now"));
  }

  @Override
  public ConnectionEnd side() {
    return side;
  }

  /** The client queues its ClientHello (RFC 8446 §4.1.2); the server waits for one. */
  @Override
  public void start() {
    handshake.start();
  }

  /** Bytes from the peer, in any chunking. Never throws for what the peer sends. */
  @Override
  public void receive(byte[] bytes) {
    if (closed || bytes.length == 0) {
      return;
    }
    records.feed(bytes);
    guarded(this::processRecords);
  }

  private interface Step {
    void run() throws TlsAlertException;
  }

  /** Runs a step of input processing; what the peer caused ends in an alert, never a throw. */
  private void guarded(Step step) {
    try {
      step.run();
    } catch (TlsAlertException e) {
      fail(e.alert(), e.getMessage());
    } catch (RuntimeException e) {
      // A defect of ours must not look as if the peer could crash us: internal_error is "an
      // internal error unrelated to the peer" (RFC 8446 §6.2).
      fail(AlertDescription.INTERNAL_ERROR, "internal error: " + e);
    }
  }

  /**
   * Handshake messages already reassembled, then records, until the input runs out or the
   * handshake pauses: while it waits (for revocation status), records stay undecrypted, since a
   * key change may be pending in the messages it has not handled yet.
   */
  private void processRecords() throws TlsAlertException {
    processFrames();
    while (!closed && !handshake.paused()) {
      Optional<Tls13InnerPlaintext> next = records.next();
      if (next.isEmpty()) {
        return;
      }
      onRecord(next.get());
    }
  }

  /** Whether the client waits for revocation status it announced with RevocationStatusNeeded. */
  @Override
  public boolean awaitingRevocationStatus() {
    return !closed && handshake.paused();
  }

  /**
   * Ends the wait announced by {@link TlsEvent.RevocationStatusNeeded}: {@code fetched} is what
   * the host obtained from the CAs ({@link RevocationSource#unavailable()} if nothing), {@code at}
   * the instant it arrived; the verdict follows the policy, and the handshake goes on with what
   * arrived meanwhile.
   */
  @Override
  public void supplyRevocationStatus(RevocationSource fetched, Instant at) {
    if (!awaitingRevocationStatus() || !(handshake instanceof Tls13ClientHandshake client)) {
      throw new IllegalStateException("not waiting for revocation status (state " + state() + ")");
    }
    guarded(() -> {
      client.supplyRevocationStatus(fetched, at);
      processRecords();
    });
  }

  /**
   * Queues 0-RTT data (RFC 8446 §2.3) for a client, before {@link #start}: if the ticket the
   * client offers allows early data (§4.2.10) and the data fits its max_early_data_size, it goes
   * right after the ClientHello under client_early_traffic_secret. Whether the server took it
   * shows in {@link Tls13Parameters#earlyDataAccepted()}; rejected data is not resent (§4.2.10
   * leaves that to the application, which knows whether a repeat is safe).
   */
  @Override
  public void writeEarly(byte[] earlyData) {
    if (!(handshake instanceof Tls13ClientHandshake client)) {
      throw new IllegalStateException("only a client sends 0-RTT data");
    }
    client.queueEarlyData(earlyData.clone());
  }

  /**
   * Whether application data may be sent: once the handshake is complete, and on a server already
   * after its Finished, before the client's (RFC 8446 §2, Figure 1: the server's "[Application
   * Data]" in its first flight, called 0.5-RTT data), until close_notify.
   */
  @Override
  public boolean canWrite() {
    return !closed && !closeNotifySent && handshake.writesApplicationData();
  }

  /** Sends application data; only when {@link #canWrite}. */
  @Override
  public void write(byte[] applicationData) {
    if (!canWrite()) {
      throw new IllegalStateException("cannot write application data in state " + state());
    }
    if (keyUpdate != null) {
      keyUpdate.beforeApplicationData();
    }
    records.send(ContentType.APPLICATION_DATA, applicationData);
    events.add(new TlsEvent.MessageSent(ContentType.APPLICATION_DATA.rfcName(), applicationData.length));
  }

  /**
   * Sends a KeyUpdate (RFC 8446 §4.6.3) under the current keys and writes under the next
   * generation of our application traffic secret from then on (§7.2). With
   * {@code requestPeerUpdate} the KeyUpdate is update_requested and the peer answers with one of
   * its own before its next application data. Only once the handshake is complete and before
   * close.
   */
  public void updateKeys(boolean requestPeerUpdate) {
    if (!established() || closeNotifySent) {
      throw new IllegalStateException("cannot update keys in state " + state());
    }
    keyUpdate().update(requestPeerUpdate);
  }

  /** Sends close_notify (RFC 8446 §6.1); data from the peer is still delivered until its own. */
  @Override
  public void close() {
    if (closed || closeNotifySent) {
      return;
    }
    sendAlert(Alert.closeNotify(), AlertDescription.CLOSE_NOTIFY, false, "local close");
    closeNotifySent = true;
  }

  @Override
  public byte[] drainOutput() {
    byte[] bytes = output.toByteArray();
    output.reset();
    return bytes;
  }

  @Override
  public List<TlsEvent> drainEvents() {
    List<TlsEvent> drained = List.copyOf(events);
    events.clear();
    return drained;
  }

  @Override
  public boolean established() {
    return !closed && handshake.established();
  }

  @Override
  public boolean closed() {
    return closed;
  }

  /** Suite, group and signature scheme, once the handshake has settled them. */
  public Optional<Tls13Parameters> parameters() {
    return handshake.parameters();
  }

  private String state() {
    return closed ? "CLOSED" : handshake.state();
  }

  /** RFC 8446 §5: each record goes to the protocol its (inner) content type names. */
  private void onRecord(Tls13InnerPlaintext record) throws TlsAlertException {
    byte[] content = record.content();
    switch (record.type()) {
      case CHANGE_CIPHER_SPEC -> onChangeCipherSpec(content);
      case ALERT -> onAlert(Alert.decode(content));
      case HANDSHAKE -> onHandshake(content);
      case APPLICATION_DATA -> {
        if (handshake.readingEarlyData()) {
          // RFC 8446 §2.3: 0-RTT data may be a replay and is not forward secret, so the
          // application gets it apart from ordinary data: a message named early_data, bytes
          // included, never an ApplicationData event.
          handshake.onEarlyData(content.length);
          events.add(new TlsEvent.MessageReceived(Tls13MessageName.EARLY_DATA, content.length, content));
          if (content.length > 0) {
            events.add(new TlsEvent.EarlyData(content));
          }
          return;
        }
        if (!handshake.established()) {
          // RFC 8446 §2: application data flows after the Finished messages, 0-RTT data aside.
          throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
              "application_data before the handshake completed (state " + state() + ")");
        }
        events.add(new TlsEvent.MessageReceived(ContentType.APPLICATION_DATA.rfcName(), content.length));
        if (content.length > 0) {
          events.add(new TlsEvent.ApplicationData(content));
        }
      }
    }
  }

  /**
   * RFC 8446 §5: a change_cipher_spec of the single byte 0x01 between the first ClientHello and
   * the peer's Finished "MUST simply [be dropped] without further processing"; any other value is
   * an "unexpected_message", and so is one outside that window.
   */
  private void onChangeCipherSpec(byte[] content) throws TlsAlertException {
    if (!handshake.acceptsCompatibilityChangeCipherSpec()) {
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "change_cipher_spec outside the handshake (state " + state() + ", RFC 8446 §5)");
    }
    if (!Arrays.equals(content, new byte[] {1})) {
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "change_cipher_spec that is not the single byte 0x01 (RFC 8446 §5)");
    }
    events.add(new TlsEvent.MessageReceived(ContentType.CHANGE_CIPHER_SPEC.rfcName(), 1, content));
  }

  private void onHandshake(byte[] content) throws TlsAlertException {
    reassembler.feed(content);
    processFrames();
  }

  private void processFrames() throws TlsAlertException {
    while (!closed && !handshake.paused()) {
      Optional<HandshakeFrame> frame = reassembler.next();
      if (frame.isEmpty()) {
        return;
      }
      HandshakeFrame f = frame.get();
      events.add(new TlsEvent.MessageReceived(Tls13MessageName.of(f), f.raw().length, f.raw()));
      int keyChanges = records.readKeyChanges();
      if (f.type() == HandshakeType.KEY_UPDATE) {
        onKeyUpdate(f);
      } else {
        handshake.onMessage(f);
      }
      if (records.readKeyChanges() != keyChanges && !reassembler.atMessageBoundary()) {
        // RFC 8446 §5.1: "Handshake messages MUST NOT span key changes ... [the receiver] MUST
        // terminate the connection with an "unexpected_message" alert."
        throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
            "handshake: data after " + f.type().rfcName() + " in the record that ends the key epoch");
      }
      reportEstablished();
    }
  }

  /** The handshake just completed: say so once, with what it negotiated. */
  private void reportEstablished() {
    if (establishedReported || !handshake.established()) {
      return;
    }
    establishedReported = true;
    Tls13Parameters p = handshake.parameters().orElseThrow();
    events.add(new TlsEvent.Tls13Established(p.suite(), p.group(), p.signatureScheme(),
        p.keyExchangeMode().name().toLowerCase(java.util.Locale.ROOT), p.earlyDataAccepted()));
  }

  /**
   * RFC 8446 §4.6.3: KeyUpdate "can be sent by either peer after it has sent a Finished message.
   * Implementations that receive a KeyUpdate message prior to receiving a Finished message MUST
   * terminate the connection with an "unexpected_message" alert." Established means the peer's
   * Finished has been received and verified.
   */
  private void onKeyUpdate(HandshakeFrame frame) throws TlsAlertException {
    if (!handshake.established()) {
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "key_update before the peer's Finished (state " + state() + ", RFC 8446 §4.6.3)");
    }
    keyUpdate().onKeyUpdate(frame);
  }

  private Tls13KeyUpdate keyUpdate() {
    if (keyUpdate == null) {
      keyUpdate = new Tls13KeyUpdate(side, handshake.applicationTrafficKeys().orElseThrow(), records, events);
    }
    return keyUpdate;
  }

  /**
   * RFC 8446 §6.1: close_notify is answered with one of our own and closes; user_canceled only
   * announces the close_notify that follows. §6: every other alert is fatal whatever its level
   * ("all alerts ... other than close_notify and user_canceled are fatal").
   */
  private void onAlert(Alert alert) {
    Optional<AlertDescription> description = alert.description();
    byte[] encoded = alert.encode();
    events.add(new TlsEvent.MessageReceived(ContentType.ALERT.rfcName(), encoded.length, encoded));
    boolean closeNotify = description.filter(d -> d == AlertDescription.CLOSE_NOTIFY).isPresent();
    boolean userCanceled = description.filter(d -> d == AlertDescription.USER_CANCELED).isPresent();
    boolean fatal = !(closeNotify || userCanceled) || alert.level() == AlertLevel.FATAL;
    events.add(new TlsEvent.AlertReceived(description.orElse(null), fatal));
    if (closeNotify && !fatal) {
      close();
      closed = true;
      events.add(new TlsEvent.Closed(AlertDescription.CLOSE_NOTIFY.rfcName()));
    } else if (fatal) {
      closed = true;
      events.add(new TlsEvent.Closed("alert:" + description.map(AlertDescription::rfcName)
          .orElse("unknown(" + alert.descriptionCode() + ")")));
    }
  }

  private void fail(AlertDescription description, String reason) {
    if (closed) {
      return;
    }
    sendAlert(Alert.fatal(description), description, true, reason);
    closed = true;
    events.add(new TlsEvent.Closed("alert:" + description.rfcName()));
  }

  private void sendAlert(Alert alert, AlertDescription description, boolean fatal, String reason) {
    records.send(ContentType.ALERT, alert.encode());
    events.add(new TlsEvent.AlertSent(description, fatal, reason));
  }
}
