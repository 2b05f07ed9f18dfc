package dev.tlssim.tls.handshake;

import dev.tlssim.pki.CheckStatus;
import dev.tlssim.pki.ServerKeyUse;
import dev.tlssim.pki.VerificationCheck;
import dev.tlssim.pki.VerificationResult;
import dev.tlssim.pki.VerificationStep;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.AlertLevel;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.Direction;
import dev.tlssim.tls.crypto.EcdheKeyPair;
import dev.tlssim.tls.crypto.FinishedVerifyData;
import dev.tlssim.tls.crypto.HandshakeSignature;
import dev.tlssim.tls.crypto.KeyBlock;
import dev.tlssim.tls.crypto.MasterSecret;
import dev.tlssim.tls.crypto.NullRecordProtection;
import dev.tlssim.tls.crypto.RecordProtection;
import dev.tlssim.tls.crypto.RsaPreMasterSecret;
import dev.tlssim.tls.crypto.TranscriptHash;
import dev.tlssim.tls.wire.Alert;
import dev.tlssim.tls.wire.Certificate;
import dev.tlssim.tls.wire.ChangeCipherSpec;
import dev.tlssim.tls.wire.ClientEcDiffieHellmanPublic;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.DigitallySigned;
import dev.tlssim.tls.wire.EcPointFormats;
import dev.tlssim.tls.wire.EncryptedPreMasterSecret;
import dev.tlssim.tls.wire.ExtendedMasterSecret;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.Finished;
import dev.tlssim.tls.wire.HandshakeDecoder;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.HandshakeReassembler;
import dev.tlssim.tls.wire.RecordFragmenter;
import dev.tlssim.tls.wire.RecordReader;
import dev.tlssim.tls.wire.RenegotiationInfo;
import dev.tlssim.tls.wire.ServerEcdhParams;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.ServerHelloDone;
import dev.tlssim.tls.wire.ServerKeyExchange;
import dev.tlssim.tls.wire.ServerName;
import dev.tlssim.tls.wire.SessionTicket;
import dev.tlssim.tls.wire.SignatureAlgorithms;
import dev.tlssim.tls.wire.SupportedGroups;
import dev.tlssim.tls.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * One end of a TLS 1.2 connection (RFC 5246), sans I/O: bytes from TCP go into {@link
 * #receive}, bytes for TCP come out of {@link #drainOutput}, and everything that happened comes
 * out of {@link #drainEvents}. No threads, no sockets, no clock: the verification time is the
 * {@code now} given at construction and every random byte comes from the given SecureRandom,
 * so a seeded run replays byte for byte.
 *
 * <p>The full handshake of RFC 5246 §7.3, with the ECDHE key exchanges of RFC 8422, the extended
 * master secret of RFC 7627, server_name (RFC 6066 §3) and the initial-handshake part of secure
 * renegotiation (RFC 5746). Neither session resumption nor renegotiation is implemented: the
 * client never offers a session_id, ignores a NewSessionTicket (RFC 5077 §3.3 lets it), and both
 * sides decline renegotiation with a no_renegotiation warning (RFC 5246 §7.2.2).
 *
 * <p>Randoms: ClientHello.random and ServerHello.random are 32 bytes from the SecureRandom, with
 * no gmt_unix_time in the first four. RFC 5246 §7.4.1.2 says clocks "are not required to be
 * correct" and the field only needs to be unpredictable; leaving the time out keeps the runs
 * independent of the simulated clock, as current OpenSSL, NSS and the JDK also do.
 *
 * <p>Errors: anything the peer sends that breaks the protocol ends in a fatal alert (RFC 5246
 * §7.2.2) with an {@link TlsEvent.AlertSent} and {@link TlsEvent.Closed}, never an exception out
 * of {@link #receive}; after that the endpoint ignores input and sends nothing.
 */
public final class TlsEndpoint {
  /**
   * Local bound on one handshake message body. RFC 5246 sets none beyond 2^24-1, but a peer must
   * not make us buffer 16 MB; 128 KiB holds any realistic certificate chain.
   */
  static final int MAX_HANDSHAKE_BODY = 1 << 17;

  /** The 2-byte cipher suite value signalling RFC 5746 support without the extension (§3.3). */
  static final int TLS_EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;

  private enum State {
    CLIENT_START,
    WAIT_SERVER_HELLO,
    WAIT_CERTIFICATE,
    WAIT_SERVER_KEY_EXCHANGE,
    WAIT_SERVER_HELLO_DONE,
    WAIT_SERVER_CCS,
    WAIT_SERVER_FINISHED,
    WAIT_CLIENT_HELLO,
    WAIT_CLIENT_KEY_EXCHANGE,
    WAIT_CLIENT_CCS,
    WAIT_CLIENT_FINISHED,
    ESTABLISHED,
    CLOSED
  }

  private final ConnectionEnd side;
  private final ClientConfig clientConfig;
  private final ServerConfig serverConfig;
  private final SecureRandom random;
  private final Instant now;

  private final RecordReader reader = new RecordReader();
  private final HandshakeReassembler reassembler = new HandshakeReassembler(MAX_HANDSHAKE_BODY);
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final List<TlsEvent> events = new ArrayList<>();
  private final TranscriptHash transcript = new TranscriptHash();

  private State state;
  private HandshakeDecoder decoder = HandshakeDecoder.beforeNegotiation();
  private RecordProtection readState = new NullRecordProtection();
  private RecordProtection writeState = new NullRecordProtection();
  private RecordProtection pendingRead;
  private RecordProtection pendingWrite;
  /** Version stamped on outgoing records; the negotiated one once known. */
  private ProtocolVersion recordVersion;
  /** Version of the record being processed, checked against ServerHello (RFC 5246 §6.2.1). */
  private ProtocolVersion currentRecordVersion;
  private ProtocolVersion negotiatedVersion;
  private boolean closeNotifySent;

  // Handshake parameters, filled in as the messages arrive.
  private ProtocolVersion clientHelloVersion;
  private byte[] clientRandom;
  private byte[] serverRandom;
  private byte[] sessionId = new byte[0];
  private CipherSuite suite;
  private NamedGroup group;
  private SignatureScheme signatureScheme;
  private boolean extendedMasterSecret;
  private boolean ticketExpected;
  private EcdheKeyPair ecdheKeyPair;
  private byte[] serverEcdhPublic;
  private AsymmetricKeyParameter serverPublicKey;
  private byte[] masterSecret;
  private Set<Integer> offeredExtensions = Set.of();

  private TlsEndpoint(ConnectionEnd side, ClientConfig clientConfig, ServerConfig serverConfig,
      SecureRandom random, Instant now) {
    this.side = side;
    this.clientConfig = clientConfig;
    this.serverConfig = serverConfig;
    this.random = Objects.requireNonNull(random, "random");
    this.now = Objects.requireNonNull(now, "now");
    if (side == ConnectionEnd.CLIENT) {
      state = State.CLIENT_START;
      recordVersion = clientConfig.minVersion();
    } else {
      state = State.WAIT_CLIENT_HELLO;
      recordVersion = cap(serverConfig.maxVersion());
    }
  }

  public static TlsEndpoint client(ClientConfig config, SecureRandom random, Instant now) {
    return new TlsEndpoint(ConnectionEnd.CLIENT, Objects.requireNonNull(config, "config"), null,
        random, now);
  }

  public static TlsEndpoint server(ServerConfig config, SecureRandom random, Instant now) {
    return new TlsEndpoint(ConnectionEnd.SERVER, null, Objects.requireNonNull(config, "config"),
        random, now);
  }

  /** Which end this is. */
  public ConnectionEnd side() {
    return side;
  }

  /** The client queues its ClientHello (RFC 5246 §7.4.1.2); the server waits for one. */
  public void start() {
    if (side == ConnectionEnd.CLIENT && state == State.CLIENT_START) {
      sendClientHello();
    }
  }

  /**
   * Bytes from the peer, in any chunking. Never throws for what the peer sends: a protocol
   * violation becomes a fatal alert.
   */
  public void receive(byte[] bytes) {
    if (state == State.CLOSED || bytes.length == 0) {
      return;
    }
    reader.feed(bytes);
    try {
      while (state != State.CLOSED) {
        Optional<TlsRecord> record = reader.next();
        if (record.isEmpty()) {
          break;
        }
        onRecord(record.get());
      }
    } catch (TlsAlertException e) {
      fail(e.alert(), e.getMessage());
    } catch (RuntimeException e) {
      // A defect of ours must not escape as if the peer could crash us; RFC 5246 §7.2.2
      // internal_error is the alert for "an internal error unrelated to the peer".
      fail(AlertDescription.INTERNAL_ERROR, "internal error: " + e);
    }
  }

  /** Sends application data; only after the handshake and before close. */
  public void write(byte[] applicationData) {
    if (state != State.ESTABLISHED || closeNotifySent) {
      throw new IllegalStateException("cannot write application data in state " + state
          + (closeNotifySent ? " after close_notify" : ""));
    }
    for (TlsRecord r : fragmenter().fragment(ContentType.APPLICATION_DATA, applicationData)) {
      events.add(new TlsEvent.MessageSent(ContentType.APPLICATION_DATA.rfcName(), r.length()));
      writeRecord(ContentType.APPLICATION_DATA, r.fragment());
    }
  }

  /**
   * Sends close_notify (RFC 5246 §7.2.1). The endpoint counts as closed once the peer's
   * close_notify has arrived too; until then data from the peer is still delivered.
   */
  public void close() {
    if (state == State.CLOSED || closeNotifySent) {
      return;
    }
    sendCloseNotify("local close");
  }

  public byte[] drainOutput() {
    byte[] bytes = output.toByteArray();
    output.reset();
    return bytes;
  }

  public List<TlsEvent> drainEvents() {
    List<TlsEvent> drained = List.copyOf(events);
    events.clear();
    return drained;
  }

  public boolean established() {
    return state == State.ESTABLISHED;
  }

  public boolean closed() {
    return state == State.CLOSED;
  }

  // ---------------------------------------------------------------------------------------------
  // Record layer (RFC 5246 §6)

  private void onRecord(TlsRecord record) throws TlsAlertException {
    checkRecordVersion(record.version());
    currentRecordVersion = record.version();
    byte[] plaintext = readState.open(record.type(), record.version(), record.fragment());
    switch (record.type()) {
      case HANDSHAKE -> {
        reassembler.feed(plaintext);
        while (state != State.CLOSED) {
          Optional<HandshakeFrame> frame = reassembler.next();
          if (frame.isEmpty()) {
            break;
          }
          onHandshakeFrame(frame.get());
        }
      }
      case CHANGE_CIPHER_SPEC -> {
        ChangeCipherSpec.decode(plaintext);
        events.add(new TlsEvent.MessageReceived(ContentType.CHANGE_CIPHER_SPEC.rfcName(), 1));
        onChangeCipherSpec();
      }
      case ALERT -> onAlert(Alert.decode(plaintext));
      case APPLICATION_DATA -> {
        // RFC 5246 §7.4.9 / §6.2: application data flows only once the handshake has finished.
        if (state != State.ESTABLISHED) {
          throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
              "application_data before the handshake completed (state " + state + ")");
        }
        events.add(new TlsEvent.MessageReceived(
            ContentType.APPLICATION_DATA.rfcName(), plaintext.length));
        if (plaintext.length > 0) {
          events.add(new TlsEvent.ApplicationData(plaintext));
        }
      }
    }
  }

  /**
   * RFC 5246 Appendix E.1: a server accepts any {03,XX} on the record carrying ClientHello; from
   * ServerHello on both sides use the negotiated version. The record holding ServerHello is checked
   * when ServerHello is processed, since its version is only then known.
   */
  private void checkRecordVersion(ProtocolVersion version) throws TlsAlertException {
    if (negotiatedVersion != null) {
      if (!version.equals(negotiatedVersion)) {
        throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
            "record version " + version + " after " + negotiatedVersion + " was negotiated");
      }
    } else if (version.major() != 3) {
      throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
          "record version " + version + " is not {3, x}");
    }
  }

  private RecordFragmenter fragmenter() {
    return new RecordFragmenter(recordVersion);
  }

  private void writeRecord(ContentType type, byte[] plaintext) {
    byte[] fragment = writeState.seal(type, recordVersion, plaintext);
    output.writeBytes(new TlsRecord(type, recordVersion, fragment).encode());
  }

  /** Sends messages of one flight coalesced into as few records as the 2^14 limit allows. */
  private void sendHandshake(List<HandshakeMessage> messages) {
    for (TlsRecord r : fragmenter().fragmentHandshake(messages)) {
      writeRecord(ContentType.HANDSHAKE, r.fragment());
    }
  }

  /** Adds a message we send to the transcript and the trace; the bytes go out with its flight. */
  private HandshakeMessage sent(HandshakeMessage message) {
    byte[] encoded = message.encode();
    transcript.add(encoded);
    events.add(new TlsEvent.MessageSent(message.type().rfcName(), encoded.length));
    return message;
  }

  private void sendChangeCipherSpec() {
    writeRecord(ContentType.CHANGE_CIPHER_SPEC, new ChangeCipherSpec().encode());
    events.add(new TlsEvent.MessageSent(ContentType.CHANGE_CIPHER_SPEC.rfcName(), 1));
    // RFC 5246 §7.1: the sender switches its write state right after sending ChangeCipherSpec.
    writeState = pendingWrite;
  }

  private void op(String name) {
    events.add(new TlsEvent.CryptoOperation(name));
  }

  // ---------------------------------------------------------------------------------------------
  // Alerts and closure (RFC 5246 §7.2)

  private void onAlert(Alert alert) {
    Optional<AlertDescription> description = alert.description();
    boolean fatal = alert.level() == AlertLevel.FATAL;
    events.add(new TlsEvent.MessageReceived(ContentType.ALERT.rfcName(), 2));
    events.add(new TlsEvent.AlertReceived(description.orElse(null), fatal));
    if (description.isPresent() && description.get() == AlertDescription.CLOSE_NOTIFY) {
      // RFC 5246 §7.2.1: "the other party MUST respond with a close_notify alert of its own and
      // close down the connection immediately, discarding any pending writes."
      if (!closeNotifySent) {
        sendCloseNotify("response to close_notify");
      }
      state = State.CLOSED;
      events.add(new TlsEvent.Closed(AlertDescription.CLOSE_NOTIFY.rfcName()));
      return;
    }
    if (fatal) {
      // RFC 5246 §7.2.2: both parties immediately close the connection on a fatal alert.
      state = State.CLOSED;
      events.add(new TlsEvent.Closed("alert:" + description.map(AlertDescription::rfcName)
          .orElse("unknown(" + alert.descriptionCode() + ")")));
    }
  }

  private void sendCloseNotify(String reason) {
    writeRecord(ContentType.ALERT, Alert.closeNotify().encode());
    events.add(new TlsEvent.MessageSent(ContentType.ALERT.rfcName(), 2));
    events.add(new TlsEvent.AlertSent(AlertDescription.CLOSE_NOTIFY, false, reason));
    closeNotifySent = true;
  }

  private void sendWarning(AlertDescription description, String reason) {
    writeRecord(ContentType.ALERT, new Alert(AlertLevel.WARNING, description).encode());
    events.add(new TlsEvent.MessageSent(ContentType.ALERT.rfcName(), 2));
    events.add(new TlsEvent.AlertSent(description, false, reason));
  }

  private void fail(AlertDescription description, String reason) {
    if (state == State.CLOSED) {
      return;
    }
    writeRecord(ContentType.ALERT, Alert.fatal(description).encode());
    events.add(new TlsEvent.MessageSent(ContentType.ALERT.rfcName(), 2));
    events.add(new TlsEvent.AlertSent(description, true, reason));
    state = State.CLOSED;
    events.add(new TlsEvent.Closed("alert:" + description.rfcName()));
  }

  // ---------------------------------------------------------------------------------------------
  // Handshake dispatch

  private void onHandshakeFrame(HandshakeFrame frame) throws TlsAlertException {
    HandshakeType type = frame.type();
    if (state == State.ESTABLISHED) {
      onPostHandshakeMessage(frame);
      return;
    }
    HandshakeType expected = expectedMessage();
    boolean optionalTicket = state == State.WAIT_SERVER_CCS && ticketExpected
        && type == HandshakeType.NEW_SESSION_TICKET;
    if (type != expected && !optionalTicket) {
      // RFC 5246 §7.4: handshake messages MUST be sent in the defined order; anything else is
      // an unexpected_message (§7.2.2).
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          type.rfcName() + " in state " + state
              + (expected == null ? "" : " (expected " + expected.rfcName() + ")"));
    }
    HandshakeMessage message = decoder.decode(frame);
    events.add(new TlsEvent.MessageReceived(type.rfcName(), frame.raw().length));
    if (type == HandshakeType.FINISHED) {
      onFinished((Finished) message, frame);
      return;
    }
    // RFC 5246 §7.4.9: the transcript is every handshake message up to (not including) the
    // Finished being computed, exactly as sent on the wire.
    transcript.add(frame.raw());
    switch (state) {
      case WAIT_CLIENT_HELLO -> onClientHello((ClientHello) message);
      case WAIT_CLIENT_KEY_EXCHANGE -> onClientKeyExchange(message);
      case WAIT_SERVER_HELLO -> onServerHello((ServerHello) message);
      case WAIT_CERTIFICATE -> onCertificate((Certificate) message);
      case WAIT_SERVER_KEY_EXCHANGE -> onServerKeyExchange((ServerKeyExchange) message);
      case WAIT_SERVER_HELLO_DONE -> onServerHelloDone();
      case WAIT_SERVER_CCS -> ticketExpected = false;
      default -> throw new IllegalStateException("no handler for " + type + " in " + state);
    }
  }

  /** The only message acceptable in the current state, or null if none is. */
  private HandshakeType expectedMessage() {
    return switch (state) {
      case WAIT_CLIENT_HELLO -> HandshakeType.CLIENT_HELLO;
      case WAIT_CLIENT_KEY_EXCHANGE -> HandshakeType.CLIENT_KEY_EXCHANGE;
      case WAIT_CLIENT_FINISHED, WAIT_SERVER_FINISHED -> HandshakeType.FINISHED;
      case WAIT_SERVER_HELLO -> HandshakeType.SERVER_HELLO;
      case WAIT_CERTIFICATE -> HandshakeType.CERTIFICATE;
      case WAIT_SERVER_KEY_EXCHANGE -> HandshakeType.SERVER_KEY_EXCHANGE;
      case WAIT_SERVER_HELLO_DONE -> HandshakeType.SERVER_HELLO_DONE;
      default -> null;
    };
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
    events.add(new TlsEvent.MessageReceived(frame.type().rfcName(), frame.raw().length));
    if (!closeNotifySent) {
      sendWarning(AlertDescription.NO_RENEGOTIATION, "renegotiation is not supported");
    }
  }

  private void onChangeCipherSpec() throws TlsAlertException {
    boolean expected = state == State.WAIT_SERVER_CCS || state == State.WAIT_CLIENT_CCS;
    if (!expected || !reassembler.atMessageBoundary()) {
      // RFC 5246 §7.1: ChangeCipherSpec is legal only where the handshake expects it, and it
      // cannot interrupt a fragmented handshake message.
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "change_cipher_spec in state " + state
              + (reassembler.atMessageBoundary() ? "" : " inside a handshake message"));
    }
    readState = pendingRead;
    state = state == State.WAIT_SERVER_CCS ? State.WAIT_SERVER_FINISHED : State.WAIT_CLIENT_FINISHED;
  }

  /** RFC 5246 §7.4.9: verify the peer's Finished over everything before it. */
  private void onFinished(Finished finished, HandshakeFrame frame) throws TlsAlertException {
    ConnectionEnd peer = side.peer();
    byte[] expected = FinishedVerifyData.compute(
        suite.prfHash(), masterSecret, peer, transcript.hash(suite.prfHash()));
    op("prf.finished");
    if (!FinishedVerifyData.matches(expected, finished.verifyData())) {
      throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
          peer.name().toLowerCase(java.util.Locale.ROOT)
              + " finished: verify_data does not match the transcript (RFC 5246 §7.4.9)");
    }
    transcript.add(frame.raw());
    if (side == ConnectionEnd.SERVER) {
      sendChangeCipherSpec();
      sendFinished();
    }
    state = State.ESTABLISHED;
    events.add(new TlsEvent.Established(
        negotiatedVersion, suite, group, extendedMasterSecret, sessionId));
  }

  private void sendFinished() {
    byte[] verifyData = FinishedVerifyData.compute(
        suite.prfHash(), masterSecret, side, transcript.hash(suite.prfHash()));
    op("prf.finished");
    sendHandshake(List.of(sent(new Finished(verifyData))));
  }

  /**
   * Master secret (RFC 5246 §8.1, or RFC 7627 §4 with session_hash = the transcript through
   * ClientKeyExchange), then the key block and the pending states (§6.3).
   */
  private void deriveKeys(byte[] preMasterSecret) {
    MasterSecret ms = extendedMasterSecret
        ? MasterSecret.deriveExtended(
            suite.prfHash(), preMasterSecret, transcript.hash(suite.prfHash()))
        : MasterSecret.derive(suite.prfHash(), preMasterSecret, clientRandom, serverRandom);
    op("prf.master-secret");
    masterSecret = ms.secret();
    events.add(new TlsEvent.SessionSecrets(clientRandom, masterSecret));
    KeyBlock keys = KeyBlock.derive(suite, masterSecret, clientRandom, serverRandom);
    op("prf.key-block");
    pendingRead = RecordProtection.create(suite, keys, side, Direction.READ, random);
    pendingWrite = RecordProtection.create(suite, keys, side, Direction.WRITE, random);
  }

  private static ProtocolVersion cap(ProtocolVersion version) {
    return version.compareTo(ProtocolVersion.TLS12) > 0 ? ProtocolVersion.TLS12 : version;
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  // ---------------------------------------------------------------------------------------------
  // Client

  private void sendClientHello() {
    ClientConfig c = clientConfig;
    clientHelloVersion = cap(c.maxVersion());
    clientRandom = randomBytes(ClientHello.RANDOM_LENGTH);
    List<Extension> extensions = new ArrayList<>();
    if (c.serverName() != null && !c.serverName().isEmpty() && !isIpLiteral(c.serverName())) {
      // RFC 6066 §3: "Literal IPv4 and IPv6 addresses are not permitted in HostName."
      extensions.add(ServerName.of(c.serverName()));
    }
    if (c.cipherSuites().stream().anyMatch(s -> s.keyExchange().ephemeral())) {
      // RFC 8422 §4: clients offering ECC suites send both extensions.
      extensions.add(SupportedGroups.of(c.groups().toArray(NamedGroup[]::new)));
      extensions.add(EcPointFormats.uncompressedOnly());
    }
    extensions.add(SignatureAlgorithms.of(c.signatureSchemes().toArray(SignatureScheme[]::new)));
    if (c.offerExtendedMasterSecret()) {
      extensions.add(new ExtendedMasterSecret());
    }
    // RFC 5077 §3.2: an empty SessionTicket extension asks for a ticket; we accept and ignore one.
    extensions.add(SessionTicket.empty());
    // RFC 5746 §3.4: an initial ClientHello carries an empty renegotiation_info (or the SCSV).
    extensions.add(RenegotiationInfo.initial());
    Set<Integer> offered = new HashSet<>();
    extensions.forEach(e -> offered.add(e.typeCode()));
    offeredExtensions = Set.copyOf(offered);
    ClientHello hello = ClientHello.of(clientHelloVersion, clientRandom, new byte[0],
        c.cipherSuites(), new Extensions(extensions));
    sendHandshake(List.of(sent(hello)));
    state = State.WAIT_SERVER_HELLO;
  }

  private static boolean isIpLiteral(String name) {
    return name.contains(":") || name.matches("[0-9.]+");
  }

  private void onServerHello(ServerHello hello) throws TlsAlertException {
    ClientConfig c = clientConfig;
    ProtocolVersion version = hello.serverVersion();
    // RFC 5246 §7.4.1.3 / Appendix E.1: the server picks a version the client supports; this
    // engine implements TLS 1.2 only, so anything else is refused.
    if (!version.equals(ProtocolVersion.TLS12) || version.compareTo(c.minVersion()) < 0
        || version.compareTo(clientHelloVersion) > 0) {
      throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
          "server_hello: server_version " + version + " is not acceptable");
    }
    if (!currentRecordVersion.equals(version)) {
      throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
          "server_hello arrived in a " + currentRecordVersion + " record, negotiated " + version);
    }
    Optional<CipherSuite> chosen = hello.knownCipherSuite();
    if (chosen.isEmpty() || !c.cipherSuites().contains(chosen.get())) {
      // RFC 5246 §7.4.1.3: cipher_suite is "selected by the server from the list in
      // ClientHello.cipher_suites"; anything else is illegal_parameter (§7.2.2).
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          String.format("server_hello: cipher suite 0x%04x was not offered", hello.cipherSuite()));
    }
    if (hello.compressionMethod() != ClientHello.COMPRESSION_NULL) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "server_hello: compression method " + hello.compressionMethod() + " was not offered");
    }
    Extensions ext = hello.extensionsOrEmpty();
    for (Extension e : ext.list()) {
      // RFC 5246 §7.4.1.4: "If a client receives an extension type in ServerHello that it did
      // not request in the associated ClientHello, it MUST abort the handshake with an
      // unsupported_extension fatal alert."
      if (!offeredExtensions.contains(e.typeCode())) {
        throw new TlsAlertException(AlertDescription.UNSUPPORTED_EXTENSION,
            "server_hello: extension " + e.type().map(ExtensionType::rfcName)
                .orElse(String.valueOf(e.typeCode())) + " was not offered");
      }
    }
    Optional<RenegotiationInfo> reneg = ext.find(RenegotiationInfo.class);
    if (reneg.isPresent() && reneg.get().renegotiatedConnection().length != 0) {
      // RFC 5746 §3.4: on an initial handshake the field must be empty, else handshake_failure.
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
          "server_hello: non-empty renegotiation_info on the initial handshake");
    }
    Optional<EcPointFormats> formats = ext.find(EcPointFormats.class);
    if (formats.isPresent() && !formats.get().supportsUncompressed()) {
      // RFC 8422 §5.2: the uncompressed format MUST be supported and listed.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "server_hello: ec_point_formats without uncompressed");
    }
    negotiatedVersion = version;
    recordVersion = version;
    serverRandom = hello.random();
    sessionId = hello.sessionId();
    suite = chosen.get();
    decoder = HandshakeDecoder.forSuite(suite);
    extendedMasterSecret = c.offerExtendedMasterSecret()
        && ext.contains(ExtensionType.EXTENDED_MASTER_SECRET);
    ticketExpected = ext.contains(ExtensionType.SESSION_TICKET);
    state = State.WAIT_CERTIFICATE;
  }

  private void onCertificate(Certificate certificate) throws TlsAlertException {
    List<X509CertificateHolder> chain = new ArrayList<>();
    AsymmetricKeyParameter leafKey = null;
    try {
      for (byte[] der : certificate.certificates()) {
        chain.add(new X509CertificateHolder(der));
      }
      if (!chain.isEmpty()) {
        leafKey = CryptoNames.publicKey(chain.get(0));
      }
    } catch (IOException | RuntimeException e) {
      // RFC 5246 §7.2.2 bad_certificate: "A certificate was corrupt".
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
          "certificate: cannot parse certificate " + chain.size() + ": " + e.getMessage(), e);
    }
    ServerKeyUse use = suite.keyExchange().ephemeral()
        ? ServerKeyUse.SIGNING : ServerKeyUse.KEY_ENCIPHERMENT;
    VerificationResult result;
    try {
      result = clientConfig.verifier().verify(chain, clientConfig.serverName(), now, use);
    } catch (RuntimeException e) {
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
          "certificate: verification could not process the chain: " + e.getMessage(), e);
    }
    reportVerification(result);
    if (!result.accepted()) {
      VerificationStep failed = result.failedCheck().orElseThrow();
      throw new TlsAlertException(
          result.alert().orElse(AlertDescription.CERTIFICATE_UNKNOWN),
          "certificate: " + failed.check().name().toLowerCase(java.util.Locale.ROOT)
              + " check failed: " + failed.detail());
    }
    if (leafKey == null) {
      // RFC 5246 §7.4.2: the server's certificate list starts with its own certificate; an
      // empty list is malformed for a server (RFC 8446 §4.4.2.4 names decode_error for it).
      throw new TlsAlertException(AlertDescription.DECODE_ERROR,
          "certificate: the server sent an empty certificate_list");
    }
    boolean fits = suite.keyExchange() == CipherSuite.KeyExchange.ECDHE_ECDSA
        ? leafKey instanceof ECKeyParameters
        : leafKey instanceof RSAKeyParameters;
    if (!fits) {
      // RFC 5246 §7.4.2: the certificate type must suit the key exchange.
      throw new TlsAlertException(AlertDescription.UNSUPPORTED_CERTIFICATE,
          "certificate: a " + leafKey.getClass().getSimpleName() + " cannot serve " + suite);
    }
    serverPublicKey = leafKey;
    state = suite.keyExchange().ephemeral()
        ? State.WAIT_SERVER_KEY_EXCHANGE : State.WAIT_SERVER_HELLO_DONE;
  }

  /**
   * One crypto operation per certificate signature the verifier checked (the issuer's key), then
   * one CertificateCheck per step, failures included, so the trace shows which check stopped it.
   */
  private void reportVerification(VerificationResult result) {
    boolean signaturesChecked = result.steps().stream().anyMatch(
        s -> s.check() == VerificationCheck.SIGNATURE && s.status() != CheckStatus.SKIPPED);
    if (signaturesChecked) {
      List<X509CertificateHolder> path = result.path();
      for (int i = 0; i + 1 < path.size(); i++) {
        try {
          op(CryptoNames.of(CryptoNames.publicKey(path.get(i + 1)), "verify"));
        } catch (IOException | IllegalArgumentException e) {
          // An issuer key we cannot name has no cost profile entry; the verifier reported on it.
        }
      }
    }
    for (VerificationStep step : result.steps()) {
      events.add(new TlsEvent.CertificateCheck(
          step.check().name().toLowerCase(java.util.Locale.ROOT),
          step.status().name().toLowerCase(java.util.Locale.ROOT),
          step.detail()));
    }
  }

  private void onServerKeyExchange(ServerKeyExchange ske) throws TlsAlertException {
    ServerEcdhParams params = ske.params();
    Optional<NamedGroup> offeredGroup = params.group().filter(clientConfig.groups()::contains);
    if (offeredGroup.isEmpty()) {
      // RFC 8422 §5.4: the server must pick a curve from the client's supported_groups.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          String.format("server_key_exchange: group 0x%04x was not offered", params.namedCurve()));
    }
    DigitallySigned signed = ske.signedParams();
    Optional<SignatureScheme> scheme = signed.scheme()
        .filter(clientConfig.signatureSchemes()::contains)
        .filter(s -> s.usesRsaKey() == (suite.keyExchange() == CipherSuite.KeyExchange.ECDHE_RSA));
    if (scheme.isEmpty()) {
      // RFC 5246 §7.4.3: the signature algorithm must be one offered in signature_algorithms.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          String.format("server_key_exchange: signature algorithm 0x%04x was not offered for %s",
              signed.algorithm(), suite));
    }
    byte[] content = HandshakeSignature.serverKeyExchangeContent(
        clientRandom, serverRandom, params.encode());
    boolean valid = HandshakeSignature.verify(
        scheme.get(), serverPublicKey, content, signed.signature());
    op(CryptoNames.of(serverPublicKey, "verify"));
    if (!valid) {
      // RFC 5246 §7.2.2 decrypt_error: "a signature could not be correctly verified".
      throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
          "server_key_exchange: the " + scheme.get().rfcName() + " signature does not verify");
    }
    group = offeredGroup.get();
    signatureScheme = scheme.get();
    serverEcdhPublic = params.publicPoint();
    state = State.WAIT_SERVER_HELLO_DONE;
  }

  /** RFC 5246 §7.4.5-7.4.9: the client's second flight, ClientKeyExchange, CCS, Finished. */
  private void onServerHelloDone() throws TlsAlertException {
    byte[] preMasterSecret;
    HandshakeMessage clientKeyExchange;
    if (suite.keyExchange().ephemeral()) {
      ecdheKeyPair = EcdheKeyPair.generate(group, random);
      op(group.rfcName() + ".keygen");
      preMasterSecret = ecdheKeyPair.agree(serverEcdhPublic);
      op(group.rfcName() + ".agree");
      clientKeyExchange = new ClientEcDiffieHellmanPublic(ecdheKeyPair.publicKey());
    } else {
      RsaPreMasterSecret.Encrypted encrypted = RsaPreMasterSecret.generate(
          clientHelloVersion, (RSAKeyParameters) serverPublicKey, random);
      op(CryptoNames.of(serverPublicKey, "encrypt"));
      preMasterSecret = encrypted.preMasterSecret();
      clientKeyExchange = new EncryptedPreMasterSecret(encrypted.encryptedPreMasterSecret());
    }
    sendHandshake(List.of(sent(clientKeyExchange)));
    deriveKeys(preMasterSecret);
    sendChangeCipherSpec();
    sendFinished();
    state = State.WAIT_SERVER_CCS;
  }

  // ---------------------------------------------------------------------------------------------
  // Server

  private void onClientHello(ClientHello hello) throws TlsAlertException {
    ServerConfig s = serverConfig;
    clientHelloVersion = hello.clientVersion();
    clientRandom = hello.random();
    // RFC 5246 §7.4.1.2 / Appendix E.1: answer with the highest version both support. This
    // engine implements only TLS 1.2, so a client that cannot reach it, or a server configured
    // above the client's maximum, ends in protocol_version.
    ProtocolVersion version = cap(s.maxVersion()).compareTo(clientHelloVersion) <= 0
        ? cap(s.maxVersion()) : clientHelloVersion;
    if (version.compareTo(s.minVersion()) < 0 || !version.equals(ProtocolVersion.TLS12)) {
      throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
          "client_hello: client_version " + clientHelloVersion + " is below the server's minimum "
              + s.minVersion() + " (or the only implemented version, TLS 1.2)");
    }
    if (!hello.compressionMethods().contains(ClientHello.COMPRESSION_NULL)) {
      // RFC 5246 §7.4.1.2: the list "MUST contain ... CompressionMethod.null".
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "client_hello: compression_methods lacks null");
    }
    Extensions ext = hello.extensionsOrEmpty();
    Optional<RenegotiationInfo> reneg = ext.find(RenegotiationInfo.class);
    if (reneg.isPresent() && reneg.get().renegotiatedConnection().length != 0) {
      // RFC 5746 §3.6: a non-empty renegotiated_connection on an initial handshake.
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
          "client_hello: non-empty renegotiation_info on the initial handshake");
    }
    boolean secureRenegotiation = reneg.isPresent()
        || hello.cipherSuites().contains(TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
    Optional<EcPointFormats> formats = ext.find(EcPointFormats.class);
    if (formats.isPresent() && !formats.get().supportsUncompressed()) {
      // RFC 8422 §5.1.2: the uncompressed point format MUST be supported.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "client_hello: ec_point_formats without uncompressed");
    }
    // RFC 8422 §4: without supported_groups the server may pick any curve it supports.
    Optional<SupportedGroups> clientGroups = ext.find(SupportedGroups.class);
    Optional<NamedGroup> commonGroup = s.groups().stream()
        .filter(EcdheKeyPair::supports)
        .filter(g -> clientGroups.map(cg -> cg.groupCodes().contains(g.code())).orElse(true))
        .findFirst();
    // RFC 5246 §7.4.1.4.1: without signature_algorithms the client is taken to support
    // {sha1, rsa} and {sha1, ecdsa} only. We do not sign with SHA-1 (RFC 9155), so such a client
    // can only get the RSA key exchange.
    List<SignatureScheme> clientSchemes = ext.find(SignatureAlgorithms.class)
        .map(SignatureAlgorithms::knownSchemes)
        .orElse(List.of(SignatureScheme.RSA_PKCS1_SHA1, SignatureScheme.ECDSA_SHA1));
    AsymmetricKeyParameter key = s.privateKey();
    Optional<SignatureScheme> scheme = s.signatureSchemes().stream()
        .filter(clientSchemes::contains)
        .filter(HandshakeSignature::canSign)
        .filter(sc -> sc.usesRsaKey() ? key instanceof RSAKeyParameters
            : sc.algorithm() == SignatureScheme.Algorithm.ECDSA && key instanceof ECKeyParameters)
        .findFirst();
    Optional<CipherSuite> chosen = s.cipherSuites().stream()
        .filter(cs -> hello.cipherSuites().contains(cs.code()))
        .filter(cs -> switch (cs.keyExchange()) {
          case RSA -> key instanceof RSAKeyParameters;
          case ECDHE_RSA -> key instanceof RSAKeyParameters
              && commonGroup.isPresent() && scheme.isPresent();
          case ECDHE_ECDSA -> key instanceof ECKeyParameters ec
              && commonGroup.isPresent() && scheme.isPresent()
              && clientGroups.map(cg -> cg.groupCodes().contains(curveOf(ec).code()))
                  .orElse(true);
        })
        .findFirst();
    if (chosen.isEmpty()) {
      // RFC 5246 §7.4.1.3: no acceptable choice is a handshake_failure.
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
          "client_hello: no cipher suite in common that this server's "
              + key.getClass().getSimpleName() + " can serve");
    }
    suite = chosen.get();
    negotiatedVersion = version;
    recordVersion = version;
    decoder = HandshakeDecoder.forSuite(suite);
    serverRandom = randomBytes(ClientHello.RANDOM_LENGTH);
    sessionId = randomBytes(ClientHello.MAX_SESSION_ID_LENGTH);
    extendedMasterSecret = s.extendedMasterSecret()
        && ext.contains(ExtensionType.EXTENDED_MASTER_SECRET);

    List<Extension> reply = new ArrayList<>();
    if (secureRenegotiation) {
      reply.add(RenegotiationInfo.initial());
    }
    if (ext.contains(ExtensionType.SERVER_NAME)) {
      // RFC 6066 §3: the server that used the name MAY answer with an empty server_name.
      reply.add(ServerName.acknowledgement());
    }
    if (suite.keyExchange().ephemeral() && formats.isPresent()) {
      // RFC 8422 §5.2: echo ec_point_formats when an ECC suite is selected.
      reply.add(EcPointFormats.uncompressedOnly());
    }
    if (extendedMasterSecret) {
      reply.add(new ExtendedMasterSecret());
    }
    List<HandshakeMessage> flight = new ArrayList<>();
    flight.add(sent(ServerHello.of(version, serverRandom, sessionId, suite,
        new Extensions(reply))));
    flight.add(sent(new Certificate(encodedChain())));
    if (suite.keyExchange().ephemeral()) {
      group = commonGroup.orElseThrow();
      signatureScheme = scheme.orElseThrow();
      ecdheKeyPair = EcdheKeyPair.generate(group, random);
      op(group.rfcName() + ".keygen");
      ServerEcdhParams params = new ServerEcdhParams(group, ecdheKeyPair.publicKey());
      byte[] content = HandshakeSignature.serverKeyExchangeContent(
          clientRandom, serverRandom, params.encode());
      byte[] signature = HandshakeSignature.sign(signatureScheme, key, content, random);
      op(CryptoNames.of(key, "sign"));
      flight.add(sent(new ServerKeyExchange(params,
          new DigitallySigned(signatureScheme, signature))));
    }
    flight.add(sent(new ServerHelloDone()));
    sendHandshake(flight);
    state = State.WAIT_CLIENT_KEY_EXCHANGE;
  }

  /**
   * The named group of an ECDSA key. RFC 8422 §5.1 and §5.3: in TLS 1.2 supported_groups also
   * bounds the curves of the server's ECDSA certificate key, not only the ECDHE share.
   */
  private static NamedGroup curveOf(ECKeyParameters key) {
    return switch (key.getParameters().getCurve().getFieldSize()) {
      case 256 -> NamedGroup.SECP256R1;
      case 384 -> NamedGroup.SECP384R1;
      case 521 -> NamedGroup.SECP521R1;
      default -> throw new IllegalStateException("unsupported ECDSA curve of "
          + key.getParameters().getCurve().getFieldSize() + " bits");
    };
  }

  private List<byte[]> encodedChain() {
    List<byte[]> ders = new ArrayList<>();
    for (X509CertificateHolder holder : serverConfig.chain().certificates()) {
      try {
        ders.add(holder.getEncoded());
      } catch (IOException e) {
        throw new IllegalStateException("cannot encode the server's own certificate", e);
      }
    }
    return ders;
  }

  private void onClientKeyExchange(HandshakeMessage message) throws TlsAlertException {
    byte[] preMasterSecret;
    if (message instanceof EncryptedPreMasterSecret rsa) {
      // RFC 5246 §7.4.7.1: a bad ciphertext yields a random premaster, never an alert here, so
      // the server is no Bleichenbacher oracle; the Finished check then fails.
      preMasterSecret = RsaPreMasterSecret.decrypt(rsa.encrypted(), clientHelloVersion,
          (RSAKeyParameters) serverConfig.privateKey(), random);
      op(CryptoNames.of(serverConfig.privateKey(), "decrypt"));
    } else {
      ClientEcDiffieHellmanPublic ecdh = (ClientEcDiffieHellmanPublic) message;
      preMasterSecret = ecdheKeyPair.agree(ecdh.ecdhYc());
      op(group.rfcName() + ".agree");
    }
    deriveKeys(preMasterSecret);
    state = State.WAIT_CLIENT_CCS;
  }

  /** The negotiated signature scheme for ServerKeyExchange, null for the RSA key exchange. */
  public SignatureScheme signatureScheme() {
    return signatureScheme;
  }

  /** The negotiated suite, or null before ServerHello. */
  public CipherSuite cipherSuite() {
    return suite;
  }
}
