package dev.tlssim.tls.handshake;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.HandshakeSignature;
import dev.tlssim.tls.wire.Certificate;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.DigitallySigned;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.Finished;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.ServerEcdhParams;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.ServerHelloDone;
import dev.tlssim.tls.wire.ServerKeyExchange;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The client's side of the full handshake of RFC 5246 §7.3: ClientHello, then one handler per
 * server message, the second flight (ClientKeyExchange, ChangeCipherSpec, Finished) on
 * ServerHelloDone, and done once the server's Finished verifies.
 *
 * <p>The client never offers a session_id, and a NewSessionTicket is accepted and ignored
 * (RFC 5077 §3.3 lets a client do so).
 */
final class ClientHandshake extends Handshake {
  private enum State {
    CLIENT_START,
    WAIT_SERVER_HELLO,
    WAIT_CERTIFICATE,
    WAIT_SERVER_KEY_EXCHANGE,
    WAIT_SERVER_HELLO_DONE,
    WAIT_SERVER_CCS,
    WAIT_SERVER_FINISHED,
    ESTABLISHED
  }

  private final ClientConfig config;
  private final Instant now;
  private final KeyExchange keyExchange;

  private State state = State.CLIENT_START;
  private ClientOffer offer;
  private boolean ticketExpected;
  private ServerCertificate serverCertificate;
  private byte[] serverEcdhPublic;

  ClientHandshake(ClientConfig config, SecureRandom random, Instant now, EventQueue events,
      RecordLayer records, AlertProtocol alerts) {
    super(ConnectionEnd.CLIENT, random, events, records, alerts);
    this.config = config;
    this.now = now;
    this.keyExchange = new KeyExchange(random, events);
  }

  /** The version stamped on records before ServerHello: the lowest the client accepts. */
  static ProtocolVersion initialRecordVersion(ClientConfig config) {
    return config.minVersion();
  }

  @Override
  void start() {
    if (state == State.CLIENT_START) {
      sendClientHello();
    }
  }

  @Override
  String state() {
    return state.name();
  }

  @Override
  boolean established() {
    return state == State.ESTABLISHED;
  }

  @Override
  HandshakeType expectedMessage() {
    return switch (state) {
      case WAIT_SERVER_HELLO -> HandshakeType.SERVER_HELLO;
      case WAIT_CERTIFICATE -> HandshakeType.CERTIFICATE;
      case WAIT_SERVER_KEY_EXCHANGE -> HandshakeType.SERVER_KEY_EXCHANGE;
      case WAIT_SERVER_HELLO_DONE -> HandshakeType.SERVER_HELLO_DONE;
      case WAIT_SERVER_FINISHED -> HandshakeType.FINISHED;
      case CLIENT_START, WAIT_SERVER_CCS, ESTABLISHED -> null;
    };
  }

  /** RFC 5077 §3.3: a server that acknowledged session_ticket sends one before its CCS. */
  @Override
  boolean optionalMessage(HandshakeType type) {
    return state == State.WAIT_SERVER_CCS && ticketExpected
        && type == HandshakeType.NEW_SESSION_TICKET;
  }

  @Override
  void onMessage(HandshakeMessage message) throws TlsAlertException {
    switch (state) {
      case WAIT_SERVER_HELLO -> onServerHello((ServerHello) message);
      case WAIT_CERTIFICATE -> onCertificate((Certificate) message);
      case WAIT_SERVER_KEY_EXCHANGE -> onServerKeyExchange((ServerKeyExchange) message);
      case WAIT_SERVER_HELLO_DONE -> onServerHelloDone();
      case WAIT_SERVER_CCS -> onNewSessionTicket();
      default -> throw new IllegalStateException(
          "no handler for " + message.type() + " in " + state);
    }
  }

  private void sendClientHello() {
    clientHelloVersion = cap(config.maxVersion());
    clientRandom = randomBytes(ClientHello.RANDOM_LENGTH);
    offer = ClientOffer.of(config, clientHelloVersion, clientRandom);
    records.sendHandshake(List.of(sent(offer.hello())));
    state = State.WAIT_SERVER_HELLO;
  }

  private void onServerHello(ServerHello hello) throws TlsAlertException {
    CipherSuite chosen = offer.checkServerHello(hello, records.currentRecordVersion());
    negotiated(hello.serverVersion(), chosen);
    serverRandom = hello.random();
    sessionId = hello.sessionId();
    Extensions ext = hello.extensionsOrEmpty();
    extendedMasterSecret = config.offerExtendedMasterSecret()
        && ext.contains(ExtensionType.EXTENDED_MASTER_SECRET);
    ticketExpected = ext.contains(ExtensionType.SESSION_TICKET);
    state = State.WAIT_CERTIFICATE;
  }

  private void onCertificate(Certificate certificate) throws TlsAlertException {
    serverCertificate = ServerCertificate.verify(certificate, config, now, suite, events);
    state = suite.keyExchange().ephemeral()
        ? State.WAIT_SERVER_KEY_EXCHANGE : State.WAIT_SERVER_HELLO_DONE;
  }

  private void onServerKeyExchange(ServerKeyExchange ske) throws TlsAlertException {
    ServerEcdhParams params = ske.params();
    Optional<NamedGroup> offeredGroup = params.group().filter(config.groups()::contains);
    if (offeredGroup.isEmpty()) {
      // RFC 8422 §5.4: the server must pick a curve from the client's supported_groups.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          String.format("server_key_exchange: group 0x%04x was not offered", params.namedCurve()));
    }
    DigitallySigned signed = ske.signedParams();
    Optional<SignatureScheme> scheme = signed.scheme()
        .filter(config.signatureSchemes()::contains)
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
        scheme.get(), serverCertificate.publicKey(), content, signed.signature());
    events.cryptoOperation(CryptoNames.of(serverCertificate.publicKey(), "verify"));
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
    KeyExchange.ClientShare share = suite.keyExchange().ephemeral()
        ? keyExchange.clientEcdhe(group, serverEcdhPublic)
        : keyExchange.clientRsa(clientHelloVersion, serverCertificate.publicKey());
    records.sendHandshake(List.of(sent(share.clientKeyExchange())));
    deriveKeys(share.preMasterSecret());
    sendChangeCipherSpecAndFinished();
    state = State.WAIT_SERVER_CCS;
  }

  /** RFC 5077 §3.3: the client may ignore the ticket; only one is allowed. */
  private void onNewSessionTicket() {
    ticketExpected = false;
  }

  @Override
  void onChangeCipherSpec() throws TlsAlertException {
    switchReadState(state == State.WAIT_SERVER_CCS);
    state = State.WAIT_SERVER_FINISHED;
  }

  @Override
  void onFinished(Finished finished, HandshakeFrame frame) throws TlsAlertException {
    checkPeerFinished(finished, frame);
    state = State.ESTABLISHED;
    completeHandshake(serverCertificate.chain(), offer.serverName());
  }
}
