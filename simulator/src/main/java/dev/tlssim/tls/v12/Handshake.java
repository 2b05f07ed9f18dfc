package dev.tlssim.tls.v12;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.AlertProtocol;
import dev.tlssim.tls.core.AlertRules;
import dev.tlssim.tls.core.EndpointContext;
import dev.tlssim.tls.core.EventQueue;
import dev.tlssim.tls.core.FragmentLimit;
import dev.tlssim.tls.core.HandshakeProtocol;
import dev.tlssim.tls.core.RecordLayer;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.Direction;
import dev.tlssim.tls.crypto.KeyBlock;
import dev.tlssim.tls.crypto.RecordProtection;
import dev.tlssim.tls.crypto.TranscriptHash;
import dev.tlssim.tls.wire.ChangeCipherSpec;
import dev.tlssim.tls.wire.Finished;
import dev.tlssim.tls.wire.HandshakeDecoder;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.HandshakeReassembler;
import dev.tlssim.tls.wire.MaxFragmentLength;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The handshake protocol of RFC 5246 §7.4 as both sides run it: handshake messages reassembled
 * from records, checked against the one message the state allows (§7.4: "MUST be sent in the
 * order specified"), added to the transcript, and handed to the side's handler named after the
 * message. What both sides share lives here: ChangeCipherSpec (§7.1), the keys (§6.3, §8.1), the
 * Finished messages (§7.4.9) and declining renegotiation afterwards.
 */
abstract sealed class Handshake implements HandshakeProtocol permits ClientHandshake, ServerHandshake {
  /**
   * Local bound on one handshake message body. RFC 5246 sets none beyond 2^24-1, but a peer must
   * not make us buffer 16 MB; 128 KiB holds any realistic certificate chain.
   */
  static final int MAX_HANDSHAKE_BODY = 1 << 17;

  protected final ConnectionEnd side;
  protected final SecureRandom random;
  protected final EventQueue events;
  protected final Tls12RecordLayer records;
  protected final AlertProtocol alerts;
  /** The connection's plaintext fragment limit, which max_fragment_length lowers (RFC 6066 §4). */
  protected final FragmentLimit fragmentLimit;
  /**
   * RFC 5246 §7.4.9: every handshake message so far, exactly as sent on the wire; null once the
   * handshake is complete (see {@link #releaseHandshakeState()}).
   */
  protected TranscriptHash transcript = new TranscriptHash();
  private final HandshakeReassembler reassembler;
  private HandshakeDecoder decoder = HandshakeDecoder.beforeNegotiation();

  // The security parameters (RFC 5246 §6.1 and §7.4.1), filled in as the hellos go by.
  protected ProtocolVersion clientHelloVersion;
  protected byte[] clientRandom;
  protected byte[] serverRandom;
  protected byte[] sessionId = new byte[0];
  protected ProtocolVersion negotiatedVersion;
  protected CipherSuite suite;
  protected NamedGroup group;
  protected SignatureScheme signatureScheme;
  protected boolean extendedMasterSecret;

  private KeySchedule keys;
  private SessionParameters session;

  /**
   * @param initialRecordVersion the version stamped on records until the hellos settle it
   * @param reassembler where the messages of the peer's flight are reassembled: a fresh one, or
   *     the one holding the rest of a flight a TLS 1.3 handshake began to read
   */
  Handshake(EndpointContext context, SecureRandom random, ProtocolVersion initialRecordVersion,
      HandshakeReassembler reassembler) {
    this.side = context.side();
    this.random = random;
    this.events = context.events();
    this.records = new Tls12RecordLayer(context.reader(), context.output(), context.outgoing(), events,
        context.fragmentLimit(), initialRecordVersion);
    this.alerts = context.alerts();
    this.fragmentLimit = context.fragmentLimit();
    this.reassembler = reassembler;
  }

  /**
   * The hellos' outcome for max_fragment_length (RFC 6066 §4), binding both directions from the
   * next record on: the server's whole first flight, ServerHello included, and every record
   * after the ServerHello's on the client.
   */
  void limitFragments(Optional<MaxFragmentLength> negotiated) {
    fragmentLimit.negotiate(negotiated);
    fragmentLimit.limitSending();
    fragmentLimit.limitReceiving();
  }

  /** A reassembler with this engine's bound on one message. */
  static HandshakeReassembler newReassembler() {
    return new HandshakeReassembler(MAX_HANDSHAKE_BODY);
  }

  @Override
  public ProtocolVersion version() {
    return negotiatedVersion == null ? ProtocolVersion.TLS12 : negotiatedVersion;
  }

  @Override
  public RecordLayer records() {
    return records;
  }

  @Override
  public AlertRules alertRules() {
    return AlertRules.TLS12;
  }

  /** The only message acceptable in the current state, or null if none is. */
  abstract HandshakeType expectedMessage();

  /** A message the state allows besides {@link #expectedMessage()}. */
  boolean optionalMessage(HandshakeType type) {
    return false;
  }

  /** Hands a decoded message other than Finished to the handler named after it. */
  abstract void onMessage(HandshakeMessage message) throws TlsAlertException;

  abstract void onChangeCipherSpec() throws TlsAlertException;

  /** RFC 5246 §7.1: the ChangeCipherSpec message is the single byte 1. */
  @Override
  public void onChangeCipherSpecRecord(byte[] fragment) throws TlsAlertException {
    ChangeCipherSpec.decode(fragment);
    events.add(new TlsEvent.MessageReceived(
        ContentType.CHANGE_CIPHER_SPEC.rfcName(), fragment.length, fragment));
    onChangeCipherSpec();
  }

  abstract void onFinished(Finished finished, HandshakeFrame frame) throws TlsAlertException;

  CipherSuite cipherSuite() {
    return suite;
  }

  SignatureScheme signatureScheme() {
    return signatureScheme;
  }

  Optional<SessionParameters> session() {
    return Optional.ofNullable(session);
  }

  /**
   * Whether the handshake waits for the host (the client for revocation status): messages stay
   * in the reassembler, and records in the record layer, until it goes on.
   */
  @Override
  public boolean paused() {
    return false;
  }

  /** A handshake record's plaintext: may hold several messages, or part of one. */
  @Override
  public void onHandshakeRecord(byte[] plaintext) throws TlsAlertException {
    reassembler.feed(plaintext);
    processBufferedMessages();
  }

  /** Handles the complete messages buffered so far, until none is left or the handshake pauses. */
  @Override
  public void processBufferedMessages() throws TlsAlertException {
    while (!alerts.closed() && !paused()) {
      Optional<HandshakeFrame> frame = reassembler.next();
      if (frame.isEmpty()) {
        break;
      }
      onHandshakeFrame(frame.get());
    }
  }

  /**
   * A message a TLS 1.3 handshake received and decoded before it learnt that TLS 1.2 was chosen:
   * it is already in the trace, and joins the transcript as any other.
   */
  protected void takeOver(HandshakeFrame frame, HandshakeMessage message) throws TlsAlertException {
    transcript.add(frame.raw());
    onMessage(message);
  }

  private void onHandshakeFrame(HandshakeFrame frame) throws TlsAlertException {
    HandshakeType type = frame.type();
    if (established()) {
      onPostHandshakeMessage(frame);
      return;
    }
    HandshakeType expected = expectedMessage();
    if (type != expected && !optionalMessage(type)) {
      // RFC 5246 §7.4: handshake messages MUST be sent in the defined order; anything else is
      // an unexpected_message (§7.2.2).
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          type.rfcName() + " in state " + state()
              + (expected == null ? "" : " (expected " + expected.rfcName() + ")"));
    }
    HandshakeMessage message = decoder.decode(frame);
    byte[] raw = frame.raw();
    events.add(new TlsEvent.MessageReceived(type.rfcName(), raw.length, raw));
    if (type == HandshakeType.FINISHED) {
      onFinished((Finished) message, frame);
      return;
    }
    // RFC 5246 §7.4.9: the transcript is every handshake message up to (not including) the
    // Finished being computed, exactly as sent on the wire.
    transcript.add(frame.raw());
    onMessage(message);
  }

  /**
   * After the handshake only renegotiation can start a handshake message, and we decline it:
   * RFC 5246 §7.2.2 no_renegotiation is "sent by the client in response to a hello request or by
   * the server in response to a client hello after initial handshaking", as a warning.
   */
  private void onPostHandshakeMessage(HandshakeFrame frame) throws TlsAlertException {
    boolean renegotiation = side == ConnectionEnd.CLIENT
        ? frame.type() == HandshakeType.HELLO_REQUEST
        : frame.type() == HandshakeType.CLIENT_HELLO;
    if (!renegotiation) {
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          frame.type().rfcName() + " after the handshake completed");
    }
    decoder.decode(frame);
    byte[] raw = frame.raw();
    events.add(new TlsEvent.MessageReceived(frame.type().rfcName(), raw.length, raw));
    if (!alerts.closeNotifySent()) {
      alerts.sendWarning(AlertDescription.NO_RENEGOTIATION, "renegotiation is not supported");
    }
  }

  /** Fixes version and suite; from now on records and messages are read accordingly. */
  protected void negotiated(ProtocolVersion version, CipherSuite chosen) {
    negotiatedVersion = version;
    records.negotiated(version);
    suite = chosen;
    decoder = HandshakeDecoder.forSuite(chosen);
  }

  /**
   * RFC 5246 §7.1: ChangeCipherSpec is legal only where the handshake expects it, and it cannot
   * interrupt a fragmented handshake message. Then the pending read state becomes current.
   */
  protected void switchReadState(boolean expected) throws TlsAlertException {
    if (!expected || !reassembler.atMessageBoundary()) {
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "change_cipher_spec in state " + state()
              + (reassembler.atMessageBoundary() ? "" : " inside a handshake message"));
    }
    records.changeReadState();
  }

  /** Adds a message we send to the transcript and the trace; the bytes go out with its flight. */
  protected HandshakeMessage sent(HandshakeMessage message) {
    byte[] encoded = message.encode();
    transcript.add(encoded);
    events.add(new TlsEvent.MessageSent(message.type().rfcName(), encoded.length, encoded));
    return message;
  }

  /**
   * The master secret from the premaster secret, then the key block and the pending states
   * (RFC 5246 §6.3, §8.1).
   */
  protected void deriveKeys(byte[] preMasterSecret) {
    keys = KeySchedule.fromPreMasterSecret(suite, preMasterSecret, extendedMasterSecret,
        transcript, clientRandom, serverRandom, events);
    installKeyBlock();
  }

  /**
   * The abbreviated handshake's keys (RFC 5246 §7.3): the resumed session's master secret with
   * this connection's randoms gives a fresh key block and pending states.
   */
  protected void resumeKeys(byte[] masterSecret) {
    keys = KeySchedule.fromMasterSecret(suite, masterSecret, events);
    installKeyBlock();
  }

  private void installKeyBlock() {
    events.add(new TlsEvent.SessionSecrets(clientRandom, keys.masterSecret()));
    KeyBlock keyBlock = keys.keyBlock(clientRandom, serverRandom);
    records.pending(
        RecordProtection.create(suite, keyBlock, side, Direction.READ, random),
        RecordProtection.create(suite, keyBlock, side, Direction.WRITE, random));
  }

  /** ChangeCipherSpec, then our Finished under the new write state (RFC 5246 §7.4.9). */
  protected void sendChangeCipherSpecAndFinished() {
    records.sendChangeCipherSpec();
    byte[] verifyData = keys.finishedVerifyData(side, transcript);
    records.sendHandshake(List.of(sent(new Finished(verifyData))));
  }

  /** Checks the peer's Finished, which then joins the transcript for our own Finished. */
  protected void checkPeerFinished(Finished finished, HandshakeFrame frame)
      throws TlsAlertException {
    keys.checkPeerFinished(side.peer(), transcript, finished.verifyData());
    transcript.add(frame.raw());
  }

  /** The session as negotiated so far; complete once the keys are known. */
  protected SessionParameters negotiatedSession(List<X509CertificateHolder> peerCertificates,
      String serverName) {
    return new SessionParameters(negotiatedVersion, suite, keys.masterSecret(),
        extendedMasterSecret, sessionId, peerCertificates, serverName);
  }

  /**
   * Records the session and reports the handshake as complete; {@code resumedBy} is null for a
   * full handshake, else {@link TlsEvent.Established#BY_SESSION_ID} or {@code BY_TICKET}.
   */
  protected SessionParameters completeHandshake(List<X509CertificateHolder> peerCertificates,
      String serverName, String resumedBy) {
    session = negotiatedSession(peerCertificates, serverName);
    events.add(new TlsEvent.Established(negotiatedVersion, suite, group, extendedMasterSecret,
        sessionId, resumedBy != null, resumedBy));
    return session;
  }

  /**
   * Drops what only the handshake needed, once it is complete: the transcript (every message,
   * the certificate chain included) and the key schedule. Nothing after the handshake reads them
   * (TLS 1.2 renegotiation is declined), and a run may hold many connections open for long.
   * Subclasses drop their own handshake state too, and call this.
   */
  protected void releaseHandshakeState() {
    transcript = null;
    keys = null;
  }

  /**
   * RFC 5246 §7.2: after a fatal alert "the session identifier MUST be invalidated, preventing
   * the failed session from being used to establish new connections". Called once.
   */
  @Override
  public abstract void invalidateSession();

  protected byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  /** This engine implements TLS 1.2 only, so higher configured versions are capped to it. */
  protected static ProtocolVersion cap(ProtocolVersion version) {
    return version.compareTo(ProtocolVersion.TLS12) > 0 ? ProtocolVersion.TLS12 : version;
  }
}
