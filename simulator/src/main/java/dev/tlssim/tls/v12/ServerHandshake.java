package dev.tlssim.tls.v12;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.EndpointContext;
import dev.tlssim.tls.wire.Certificate;
import dev.tlssim.tls.wire.CertificateStatus;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.DowngradeSentinel;
import dev.tlssim.tls.wire.Finished;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.HandshakeReassembler;
import dev.tlssim.tls.wire.NewSessionTicket;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.ServerHelloDone;
import dev.tlssim.tls.wire.SessionTicket;
import dev.tlssim.tls.wire.StatusRequest;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The server's side of the handshakes of RFC 5246 §7.3.
 *
 * <p>Full: on ClientHello the first flight (ServerHello, Certificate, CertificateStatus when
 * stapling (RFC 6066 §8), ServerKeyExchange for ECDHE, ServerHelloDone), on ClientKeyExchange
 * the keys, and on the client's Finished its own ChangeCipherSpec and Finished, preceded by a
 * NewSessionTicket when tickets are enabled and the client offered the extension (RFC 5077
 * §3.3). The session_id is fresh and random when the
 * server has a {@link SessionCache} and issues no ticket; it is empty when the session will not
 * be cached (RFC 5246 §7.4.1.3) and when a ticket is issued (RFC 5077 §3.4: "If a server is
 * planning to issue a NewSessionTicket, it SHOULD include an empty Session ID").
 *
 * <p>Abbreviated, when {@link ServerResumption} finds the session the ClientHello names:
 * ServerHello echoing the client's session_id, an optional fresh NewSessionTicket, then at once
 * ChangeCipherSpec and Finished (RFC 5246 §7.3 Figure 2); the client's ChangeCipherSpec and
 * Finished complete it. No certificate, no key exchange, no public-key operation.
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
  private final Instant now;
  /** Null once the handshake is complete. */
  private KeyExchange keyExchange;

  private State state = State.WAIT_CLIENT_HELLO;
  /** The host name the client asked for in server_name, null if it sent none. */
  private String requestedServerName;
  /** Whether a NewSessionTicket goes before our ChangeCipherSpec in a full handshake. */
  private boolean issueTicket;
  /** The session being resumed, null in a full handshake. */
  private ServerResumption resumption;
  private SessionParameters established;

  /**
   * The version stamped on records before ServerHello is the highest the server implements.
   *
   * @param reassembler a fresh one, or the TLS 1.3 handshake's that read the ClientHello
   */
  ServerHandshake(ServerConfig config, SecureRandom random, Instant now, EndpointContext context,
      HandshakeReassembler reassembler) {
    super(context, random, cap(config.maxVersion()), reassembler);
    this.config = config;
    this.now = now;
    this.keyExchange = new KeyExchange(random, events);
  }

  /** The server speaks only when a ClientHello arrives. */
  @Override
  public void start() {}

  @Override
  public String state() {
    return state.name();
  }

  @Override
  public boolean established() {
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
    requestedServerName = choices.serverName();
    Optional<ServerResumption> found = ServerResumption.find(config, hello, choices, now, events);
    if (found.isPresent()) {
      resume(found.get(), hello, choices);
      return;
    }
    negotiated(choices.version(), choices.suite());
    serverRandom = withDowngradeSentinel(choices.version(), randomBytes(ClientHello.RANDOM_LENGTH));
    issueTicket = config.ticketKeys() != null
        && hello.extensionsOrEmpty().find(SessionTicket.class).isPresent();
    sessionId = config.sessionCache() != null && !issueTicket
        ? randomBytes(ClientHello.MAX_SESSION_ID_LENGTH) : new byte[0];
    extendedMasterSecret = choices.extendedMasterSecret();

    byte[] staple = stapledOcspResponse(hello);

    List<HandshakeMessage> flight = new ArrayList<>();
    flight.add(sent(ServerHello.of(choices.version(), serverRandom, sessionId, suite,
        choices.serverHelloExtensions(issueTicket, staple != null))));
    flight.add(sent(new Certificate(encodedChain())));
    if (staple != null) {
      flight.add(sent(new CertificateStatus(staple)));
    }
    if (suite.keyExchange().ephemeral()) {
      group = choices.group();
      signatureScheme = choices.signatureScheme();
      flight.add(sent(keyExchange.serverKeyExchange(
          group, signatureScheme, config.privateKey(), clientRandom, serverRandom)));
    }
    flight.add(sent(new ServerHelloDone()));
    limitFragments(choices.maxFragmentLength());
    records.sendHandshake(flight);
    state = State.WAIT_CLIENT_KEY_EXCHANGE;
  }

  /**
   * RFC 5246 §7.3 Figure 2: ServerHello with the client's session_id (RFC 5077 §3.4 for a
   * ticket), [NewSessionTicket], ChangeCipherSpec, Finished, with keys from the resumed master
   * secret and the new randoms.
   */
  private void resume(ServerResumption found, ClientHello hello, ServerChoices choices) {
    resumption = found;
    SessionParameters session = found.session();
    negotiated(session.version(), session.suite());
    serverRandom = withDowngradeSentinel(session.version(), randomBytes(ClientHello.RANDOM_LENGTH));
    sessionId = hello.sessionId();
    extendedMasterSecret = session.extendedMasterSecret();
    List<HandshakeMessage> flight = new ArrayList<>();
    flight.add(sent(ServerHello.of(session.version(), serverRandom, sessionId, suite,
        choices.abbreviatedServerHelloExtensions(extendedMasterSecret, found.renewTicket()))));
    if (found.renewTicket()) {
      flight.add(sent(newSessionTicket(session)));
    }
    limitFragments(choices.maxFragmentLength());
    records.sendHandshake(flight);
    resumeKeys(session.masterSecret());
    sendChangeCipherSpecAndFinished();
    state = State.WAIT_CLIENT_CCS;
  }

  /**
   * RFC 6066 §8: the OCSP response to send in CertificateStatus, when the client asked for one by
   * status_request of type ocsp and the server holds one; null otherwise. The abbreviated
   * handshake sends no certificate, and so no status either.
   */
  private byte[] stapledOcspResponse(ClientHello hello) {
    boolean asked = hello.extensionsOrEmpty().find(StatusRequest.class)
        .flatMap(StatusRequest::ocsp).isPresent();
    if (!asked || config.stapledOcspResponse() == null) {
      return null;
    }
    byte[] response = config.stapledOcspResponse().get();
    return response == null || response.length == 0 ? null : response;
  }

  /** RFC 5077 §3.3 and §4: the session sealed under the current ticket key. */
  private NewSessionTicket newSessionTicket(SessionParameters session) {
    byte[] ticket = TicketProtector.seal(session, now, config.ticketKeys(), random);
    events.cryptoOperation("ticket.seal");
    return new NewSessionTicket(config.ticketKeys().ticketLifetime().getSeconds(), ticket);
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

  /**
   * Full handshake: the client's Finished is answered with [NewSessionTicket], ChangeCipherSpec
   * and Finished (RFC 5246 §7.3, RFC 5077 §3.3), and the session is cached. Abbreviated: the
   * client's Finished is the last message.
   */
  @Override
  void onFinished(Finished finished, HandshakeFrame frame) throws TlsAlertException {
    checkPeerFinished(finished, frame);
    if (resumption != null) {
      state = State.ESTABLISHED;
      established = completeHandshake(List.of(), requestedServerName, resumption.resumedBy());
      releaseHandshakeState();
      return;
    }
    if (issueTicket) {
      records.sendHandshake(List.of(sent(
          newSessionTicket(negotiatedSession(List.of(), requestedServerName)))));
    }
    sendChangeCipherSpecAndFinished();
    state = State.ESTABLISHED;
    established = completeHandshake(List.of(), requestedServerName, null);
    if (sessionId.length > 0) {
      config.sessionCache().put(established, now);
    }
    releaseHandshakeState();
  }

  /** The ephemeral key pair and the resumed session's lookup: the established session keeps what lasts. */
  @Override
  protected void releaseHandshakeState() {
    super.releaseHandshakeState();
    keyExchange = null;
    resumption = null;
  }

  @Override
  public void invalidateSession() {
    if (config.sessionCache() != null && sessionId.length > 0) {
      config.sessionCache().invalidate(sessionId);
    }
  }

  /**
   * RFC 8446 §4.1.3: a server that supports TLS 1.3 (its maxVersion) but negotiates 1.2 ends its
   * random with "DOWNGRD" 01, and below 1.2 with "DOWNGRD" 00, so that a TLS 1.3 client whose
   * hello an attacker stripped of 1.3 notices. The random is covered by the ServerKeyExchange
   * signature and the Finished, so the attacker cannot take the sentinel out again.
   */
  private byte[] withDowngradeSentinel(ProtocolVersion version, byte[] random) {
    if (config.maxVersion().compareTo(ProtocolVersion.TLS13) < 0) {
      return random;
    }
    return (version.equals(ProtocolVersion.TLS12) ? DowngradeSentinel.TLS12 : DowngradeSentinel.TLS11_OR_BELOW)
        .applyTo(random);
  }
}
