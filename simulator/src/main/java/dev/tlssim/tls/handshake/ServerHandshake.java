package dev.tlssim.tls.handshake;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.wire.Certificate;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.Finished;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.ServerHelloDone;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The server's side of the full handshake of RFC 5246 §7.3: on ClientHello the first flight
 * (ServerHello, Certificate, ServerKeyExchange for ECDHE, ServerHelloDone), on ClientKeyExchange
 * the keys, and on the client's Finished its own ChangeCipherSpec and Finished.
 *
 * <p>Every full handshake gets a fresh random 32-byte session_id (RFC 5246 §7.4.1.3), so that a
 * client can name the session when it comes back.
 */
final class ServerHandshake extends Handshake {
  private enum State {
    WAIT_CLIENT_HELLO,
    WAIT_CLIENT_KEY_EXCHANGE,
    WAIT_CLIENT_CCS,
    WAIT_CLIENT_FINISHED,
    ESTABLISHED
  }

  private final ServerConfig config;
  private final KeyExchange keyExchange;

  private State state = State.WAIT_CLIENT_HELLO;
  /** The host name the client asked for in server_name, null if it sent none. */
  private String requestedServerName;

  ServerHandshake(ServerConfig config, SecureRandom random, EventQueue events,
      RecordLayer records, AlertProtocol alerts) {
    super(ConnectionEnd.SERVER, random, events, records, alerts);
    this.config = config;
    this.keyExchange = new KeyExchange(random, events);
  }

  /** The version stamped on records before ServerHello: the highest the server implements. */
  static ProtocolVersion initialRecordVersion(ServerConfig config) {
    return cap(config.maxVersion());
  }

  /** The server speaks only when a ClientHello arrives. */
  @Override
  void start() {}

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
      case WAIT_CLIENT_HELLO -> HandshakeType.CLIENT_HELLO;
      case WAIT_CLIENT_KEY_EXCHANGE -> HandshakeType.CLIENT_KEY_EXCHANGE;
      case WAIT_CLIENT_FINISHED -> HandshakeType.FINISHED;
      case WAIT_CLIENT_CCS, ESTABLISHED -> null;
    };
  }

  @Override
  void onMessage(HandshakeMessage message) throws TlsAlertException {
    switch (state) {
      case WAIT_CLIENT_HELLO -> onClientHello((ClientHello) message);
      case WAIT_CLIENT_KEY_EXCHANGE -> onClientKeyExchange(message);
      default -> throw new IllegalStateException(
          "no handler for " + message.type() + " in " + state);
    }
  }

  private void onClientHello(ClientHello hello) throws TlsAlertException {
    clientHelloVersion = hello.clientVersion();
    clientRandom = hello.random();
    ServerChoices choices = ServerChoices.select(config, hello);
    negotiated(choices.version(), choices.suite());
    serverRandom = randomBytes(ClientHello.RANDOM_LENGTH);
    sessionId = randomBytes(ClientHello.MAX_SESSION_ID_LENGTH);
    extendedMasterSecret = choices.extendedMasterSecret();
    requestedServerName = choices.serverName();

    List<HandshakeMessage> flight = new ArrayList<>();
    flight.add(sent(ServerHello.of(choices.version(), serverRandom, sessionId, suite,
        choices.serverHelloExtensions())));
    flight.add(sent(new Certificate(encodedChain())));
    if (suite.keyExchange().ephemeral()) {
      group = choices.group();
      signatureScheme = choices.signatureScheme();
      flight.add(sent(keyExchange.serverKeyExchange(
          group, signatureScheme, config.privateKey(), clientRandom, serverRandom)));
    }
    flight.add(sent(new ServerHelloDone()));
    records.sendHandshake(flight);
    state = State.WAIT_CLIENT_KEY_EXCHANGE;
  }

  private List<byte[]> encodedChain() {
    List<byte[]> ders = new ArrayList<>();
    for (X509CertificateHolder holder : config.chain().certificates()) {
      try {
        ders.add(holder.getEncoded());
      } catch (IOException e) {
        throw new IllegalStateException("cannot encode the server's own certificate", e);
      }
    }
    return ders;
  }

  private void onClientKeyExchange(HandshakeMessage clientKeyExchange)
      throws TlsAlertException {
    deriveKeys(keyExchange.serverPreMasterSecret(
        clientKeyExchange, clientHelloVersion, config.privateKey()));
    state = State.WAIT_CLIENT_CCS;
  }

  @Override
  void onChangeCipherSpec() throws TlsAlertException {
    switchReadState(state == State.WAIT_CLIENT_CCS);
    state = State.WAIT_CLIENT_FINISHED;
  }

  /** RFC 5246 §7.3: the server's ChangeCipherSpec and Finished follow the client's Finished. */
  @Override
  void onFinished(Finished finished, HandshakeFrame frame) throws TlsAlertException {
    checkPeerFinished(finished, frame);
    sendChangeCipherSpecAndFinished();
    state = State.ESTABLISHED;
    completeHandshake(List.of(), requestedServerName);
  }
}
