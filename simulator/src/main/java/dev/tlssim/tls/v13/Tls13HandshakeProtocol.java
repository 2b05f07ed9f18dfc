package dev.tlssim.tls.v13;

import dev.tlssim.pki.RevocationSource;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.AlertProtocol;
import dev.tlssim.tls.core.AlertRules;
import dev.tlssim.tls.core.EarlyDataWriter;
import dev.tlssim.tls.core.EndpointContext;
import dev.tlssim.tls.core.EventQueue;
import dev.tlssim.tls.core.HandshakeProtocol;
import dev.tlssim.tls.core.RecordLayer;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeMessageName;
import dev.tlssim.tls.wire.HandshakeReassembler;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The TLS 1.3 handshake protocol (RFC 8446 §4) as the endpoint shell runs it: handshake messages
 * reassembled from records (§5.1), reported, checked against the message the state expects
 * (§4: "Protocol messages MUST be sent in the order defined"), and handed to the side's
 * {@link Tls13Handshake}; KeyUpdate after the handshake (§4.6.3), the middlebox-compatibility
 * change_cipher_spec (§5, §D.4) and 0-RTT data (§2.3) besides.
 */
final class Tls13HandshakeProtocol implements HandshakeProtocol, EarlyDataWriter {
  private final ConnectionEnd side;
  private final EventQueue events;
  private final AlertProtocol alerts;
  private final Tls13RecordLayer records;
  private final HandshakeReassembler reassembler = new HandshakeReassembler();
  private final Tls12Handover handover;
  private final Tls13Handshake handshake;
  /** Post-handshake key updates (RFC 8446 §4.6.3); made at the first one, from the handshake's secrets. */
  private Tls13KeyUpdate keyUpdate;
  private boolean establishedReported;

  /** How the side's state machine is made from the channel it sends through and the handover to TLS 1.2. */
  @FunctionalInterface
  interface HandshakeFactory {
    Tls13Handshake create(Tls13HandshakeChannel channel, Tls12Handover handover);
  }

  Tls13HandshakeProtocol(EndpointContext context, SecureRandom random, Instant now,
      HandshakeFactory factory) {
    this.side = context.side();
    this.events = context.events();
    this.alerts = context.alerts();
    this.records = new Tls13RecordLayer(context.reader(), context.output(), context.outgoing(), events,
        context.fragmentLimit());
    this.handover = new Tls12Handover(context, reassembler, records, random, now);
    this.handshake = factory.create(new Tls13HandshakeChannel(records, events), handover);
  }

  @Override
  public ProtocolVersion version() {
    return ProtocolVersion.TLS13;
  }

  @Override
  public RecordLayer records() {
    return records;
  }

  @Override
  public AlertRules alertRules() {
    return AlertRules.TLS13;
  }

  @Override
  public void start() {
    handshake.start();
  }

  @Override
  public String state() {
    return handshake.state();
  }

  @Override
  public boolean established() {
    return handshake.established();
  }

  @Override
  public boolean writesApplicationData() {
    return handshake.writesApplicationData();
  }

  @Override
  public boolean paused() {
    return handshake.paused();
  }

  @Override
  public boolean versionChosen() {
    return handshake.versionChosen();
  }

  @Override
  public void supplyRevocationStatus(RevocationSource fetched, Instant at) throws TlsAlertException {
    if (!(handshake instanceof Tls13ClientHandshake client)) {
      throw new IllegalStateException("not waiting for revocation status (state " + state() + ")");
    }
    client.supplyRevocationStatus(fetched, at);
  }

  @Override
  public void queueEarlyData(byte[] data) {
    if (!(handshake instanceof Tls13ClientHandshake client)) {
      throw new IllegalStateException("only a client sends 0-RTT data");
    }
    client.queueEarlyData(data);
  }

  @Override
  public void beforeApplicationData() {
    if (keyUpdate != null) {
      keyUpdate.beforeApplicationData();
    }
  }

  /** What was negotiated, once known. */
  Optional<Tls13Parameters> parameters() {
    return handshake.parameters();
  }

  /** Our own KeyUpdate (RFC 8446 §4.6.3), asking the peer for one too if {@code requestPeerUpdate}. */
  void updateKeys(boolean requestPeerUpdate) {
    keyUpdate().update(requestPeerUpdate);
  }

  /**
   * RFC 8446 §2.3: 0-RTT data may be a replay and is not forward secret, so the application gets
   * it apart from ordinary data: a message named early_data, bytes included, never an
   * ApplicationData event.
   */
  @Override
  public boolean tookEarlyData(byte[] content) throws TlsAlertException {
    if (!handshake.readingEarlyData()) {
      return false;
    }
    handshake.onEarlyData(content.length);
    events.add(new TlsEvent.MessageReceived(HandshakeMessageName.EARLY_DATA, content.length, content));
    if (content.length > 0) {
      events.add(new TlsEvent.EarlyData(content));
    }
    return true;
  }

  /**
   * RFC 8446 §5: a change_cipher_spec of the single byte 0x01 between the first ClientHello and
   * the peer's Finished "MUST simply [be dropped] without further processing"; any other value is
   * an "unexpected_message", and so is one outside that window.
   */
  @Override
  public void onChangeCipherSpecRecord(byte[] content) throws TlsAlertException {
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

  @Override
  public void onHandshakeRecord(byte[] content) throws TlsAlertException {
    reassembler.feed(content);
    processBufferedMessages();
  }

  /**
   * Every complete message, until none is left, the handshake pauses or the connection went to
   * TLS 1.2, whose handshake then reads the rest.
   */
  @Override
  public void processBufferedMessages() throws TlsAlertException {
    while (!alerts.closed() && !handshake.paused() && !handover.done()) {
      Optional<HandshakeFrame> frame = reassembler.next();
      if (frame.isEmpty()) {
        return;
      }
      HandshakeFrame f = frame.get();
      events.add(new TlsEvent.MessageReceived(HandshakeMessageName.of(f), f.raw().length, f.raw()));
      int keyChanges = records.readKeyChanges();
      if (f.type() == HandshakeType.KEY_UPDATE) {
        onKeyUpdate(f);
      } else {
        checkExpected(f);
        handshake.onMessage(f);
      }
      if (handover.done()) {
        return;
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

  /**
   * RFC 8446 §4: "A peer which receives a handshake message in an unexpected order MUST abort
   * the handshake with an "unexpected_message" alert." The one place both sides check it; states
   * that expect no single message (after the handshake, before the ClientHello) decide in their
   * handler.
   */
  private void checkExpected(HandshakeFrame frame) throws TlsAlertException {
    Optional<HandshakeType> expected = handshake.expectedMessage();
    if (expected.isPresent() && frame.type() != expected.get()) {
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE, "handshake: "
          + frame.type().rfcName() + " in state " + state() + ", expected " + expected.get().rfcName());
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
        p.keyExchangeMode().name().toLowerCase(Locale.ROOT), p.earlyDataAccepted()));
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
}
