package dev.tlssim.tls.v12;

import dev.tlssim.pki.KeyAlgorithm;
import dev.tlssim.pki.RevocationSource;
import dev.tlssim.pki.VerificationResult;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.EndpointContext;
import dev.tlssim.tls.core.MaxFragmentLengthNegotiation;
import dev.tlssim.tls.core.RevocationWait;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.crypto.CryptoMemo;
import dev.tlssim.tls.crypto.HandshakeSignature;
import dev.tlssim.tls.wire.Certificate;
import dev.tlssim.tls.wire.CertificateStatus;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.DigitallySigned;
import dev.tlssim.tls.wire.DowngradeSentinel;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.Finished;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.HandshakeReassembler;
import dev.tlssim.tls.wire.MaxFragmentLengthExtension;
import dev.tlssim.tls.wire.NewSessionTicket;
import dev.tlssim.tls.wire.ServerEcdhParams;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.ServerHelloDone;
import dev.tlssim.tls.wire.ServerKeyExchange;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.OCSPResp;

/**
 * The client's side of the handshakes of RFC 5246 §7.3. Full: ClientHello, then one handler per
 * server message, the second flight (ClientKeyExchange, ChangeCipherSpec, Finished) on
 * ServerHelloDone, and done once the server's Finished verifies. Abbreviated: the ClientHello
 * offers a stored session ({@link ResumptionOffer}); a ServerHello echoing its session_id resumes
 * it, the server's ChangeCipherSpec and Finished follow at once, and the client answers with its
 * own. A NewSessionTicket (RFC 5077 §3.3) may come before the server's ChangeCipherSpec in both.
 *
 * <p>Revocation: with status_request acknowledged, a CertificateStatus (RFC 6066 §8) may follow
 * the Certificate, and the chain is judged once it came or the next message shows it will not.
 * When the client fetches revocation status over the network and lacks some, it pauses in
 * WAIT_REVOCATION_STATUS until the host supplies it ({@link RevocationWait}).
 *
 * <p>After a completed handshake the session goes into the config's {@link ClientSessionStore}
 * under the peer's name, with the ticket if one came.
 */
final class ClientHandshake extends Handshake {
  private enum State {
    CLIENT_START,
    WAIT_SERVER_HELLO,
    WAIT_CERTIFICATE,
    WAIT_CERTIFICATE_STATUS,
    WAIT_REVOCATION_STATUS,
    WAIT_SERVER_KEY_EXCHANGE,
    WAIT_SERVER_HELLO_DONE,
    WAIT_SERVER_CCS,
    WAIT_SERVER_FINISHED,
    ESTABLISHED
  }

  private final ClientConfig config;
  private final Instant now;
  private final KeyExchange keyExchange;
  private final RevocationWait revocation;

  private State state = State.CLIENT_START;
  private ClientOffer offer;
  /** The key of this peer's sessions in the store: the server_name sent, or the peer id. */
  private String peer;
  private Optional<ResumptionOffer> resumption = Optional.empty();
  /** The offered session, once the ServerHello has accepted it. */
  private ResumptionOffer resumed;
  private boolean ticketExpected;
  private NewSessionTicket newTicket;
  /** The server acknowledged status_request: a CertificateStatus may follow its Certificate. */
  private boolean statusExpected;
  /** The server's chain as received, until it is accepted. */
  private List<X509CertificateHolder> receivedChain;
  /** The OCSP response the server stapled in CertificateStatus (RFC 6066 §8). */
  private Optional<OCSPResp> stapled = Optional.empty();
  /** A message that came while the certificate was still being judged; handled after it. */
  private HandshakeMessage deferred;
  private ServerCertificate serverCertificate;
  private byte[] serverEcdhPublic;
  private SessionParameters established;
  /** The ClientHello offered TLS 1.3 too: a TLS 1.2 ServerHello must not carry the downgrade sentinel. */
  private boolean tls13Offered;

  /**
   * The version stamped on records before ServerHello is the lowest the client accepts.
   *
   * @param reassembler a fresh one, or the TLS 1.3 handshake's with the rest of the server's flight
   */
  ClientHandshake(ClientConfig config, SecureRandom random, Instant now, EndpointContext context,
      HandshakeReassembler reassembler) {
    super(context, random, config.minVersion(), reassembler);
    this.config = config;
    this.now = now;
    this.keyExchange = new KeyExchange(random, events);
    this.revocation = new RevocationWait(config.verifier(), config.revocationFetch(), events);
  }

  @Override
  public void start() {
    if (state == State.CLIENT_START) {
      sendClientHello();
    }
  }

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
      case WAIT_SERVER_HELLO -> HandshakeType.SERVER_HELLO;
      case WAIT_CERTIFICATE -> HandshakeType.CERTIFICATE;
      case WAIT_CERTIFICATE_STATUS -> HandshakeType.CERTIFICATE_STATUS;
      case WAIT_SERVER_KEY_EXCHANGE -> HandshakeType.SERVER_KEY_EXCHANGE;
      case WAIT_SERVER_HELLO_DONE -> HandshakeType.SERVER_HELLO_DONE;
      case WAIT_SERVER_FINISHED -> HandshakeType.FINISHED;
      case CLIENT_START, WAIT_REVOCATION_STATUS, WAIT_SERVER_CCS, ESTABLISHED -> null;
    };
  }

  /**
   * RFC 5077 §3.3: a server that acknowledged session_ticket sends one before its CCS. RFC 6066
   * §8: a server that acknowledged status_request "MAY also choose not to send a
   * 'CertificateStatus' message", so what follows the Certificate may come instead.
   */
  @Override
  boolean optionalMessage(HandshakeType type) {
    if (state == State.WAIT_CERTIFICATE_STATUS) {
      return type == afterCertificate();
    }
    return state == State.WAIT_SERVER_CCS && ticketExpected
        && type == HandshakeType.NEW_SESSION_TICKET;
  }

  /** The message after Certificate (and CertificateStatus): RFC 5246 §7.3. */
  private HandshakeType afterCertificate() {
    return suite.keyExchange().ephemeral()
        ? HandshakeType.SERVER_KEY_EXCHANGE : HandshakeType.SERVER_HELLO_DONE;
  }

  @Override
  public boolean paused() {
    return state == State.WAIT_REVOCATION_STATUS;
  }

  @Override
  void onMessage(HandshakeMessage message) throws TlsAlertException {
    switch (state) {
      case WAIT_SERVER_HELLO -> onServerHello((ServerHello) message);
      case WAIT_CERTIFICATE -> onCertificate((Certificate) message);
      case WAIT_CERTIFICATE_STATUS -> onCertificateStatus(message);
      case WAIT_SERVER_KEY_EXCHANGE -> onServerKeyExchange((ServerKeyExchange) message);
      case WAIT_SERVER_HELLO_DONE -> onServerHelloDone();
      case WAIT_SERVER_CCS -> onNewSessionTicket((NewSessionTicket) message);
      default -> throw new IllegalStateException(
          "no handler for " + message.type() + " in " + state);
    }
  }

  private void sendClientHello() {
    clientHelloVersion = cap(config.maxVersion());
    clientRandom = randomBytes(ClientHello.RANDOM_LENGTH);
    String sniName = ClientOffer.sniName(config);
    peer = sniName != null ? sniName : config.peerId();
    resumption = ResumptionOffer.choose(config, clientHelloVersion, peer, now, random);
    offer = ClientOffer.of(config, clientHelloVersion, clientRandom, resumption);
    records.sendHandshake(List.of(sent(offer.hello())));
    state = State.WAIT_SERVER_HELLO;
  }

  /**
   * Takes over a handshake a client offering TLS 1.3 and 1.2 opened with {@code sent}, once the
   * ServerHello chose TLS 1.2 (RFC 8446 Appendix D.1): the hello is in the transcript and the
   * ServerHello is held to it, and no session is being resumed.
   */
  void continueAfter(ClientHello sent) {
    if (state != State.CLIENT_START) {
      throw new IllegalStateException("already started");
    }
    clientHelloVersion = sent.clientVersion();
    clientRandom = sent.random();
    String sniName = ClientOffer.sniName(config);
    peer = sniName != null ? sniName : config.peerId();
    offer = ClientOffer.sent(config, sent);
    transcript.add(sent.encode());
    tls13Offered = true;
    state = State.WAIT_SERVER_HELLO;
  }

  private void onServerHello(ServerHello hello) throws TlsAlertException {
    if (tls13Offered && DowngradeSentinel.in(hello).isPresent()) {
      // RFC 8446 §4.1.3: "TLS 1.3 clients receiving a ServerHello indicating TLS 1.2 or below
      // MUST check that the last 8 bytes are not equal to either of these values ... If a match
      // is found, the client MUST abort the handshake with an "illegal_parameter" alert." A
      // server that speaks TLS 1.3 answered 1.2: someone removed 1.3 from our hello.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "server_hello: TLS 1.2 with the downgrade sentinel " + DowngradeSentinel.in(hello).get()
              + " in its random, though TLS 1.3 was offered (RFC 8446 §4.1.3)");
    }
    CipherSuite chosen = offer.checkServerHello(hello, records.currentRecordVersion());
    limitFragments(MaxFragmentLengthNegotiation.accept(offer.requestedMaxFragmentLength(),
        MaxFragmentLengthExtension.in(hello.extensionsOrEmpty()), "server_hello"));
    negotiated(hello.serverVersion(), chosen);
    serverRandom = hello.random();
    sessionId = hello.sessionId();
    Extensions ext = hello.extensionsOrEmpty();
    boolean serverEms = ext.contains(ExtensionType.EXTENDED_MASTER_SECRET);
    ticketExpected = ext.contains(ExtensionType.SESSION_TICKET);
    statusExpected = ext.contains(ExtensionType.STATUS_REQUEST);
    // RFC 5246 §7.4.1.3: the same session_id as offered means the session is resumed; RFC 5077
    // §3.4: with a ticket, the echo of the client's session_id says the ticket was accepted.
    if (resumption.isPresent() && sessionId.length > 0
        && Arrays.equals(sessionId, resumption.get().sessionId())) {
      resume(resumption.get(), hello, serverEms);
      return;
    }
    extendedMasterSecret = config.offerExtendedMasterSecret() && serverEms;
    state = State.WAIT_CERTIFICATE;
  }

  /** RFC 5246 §7.3 Figure 2: the server's ChangeCipherSpec and Finished come next. */
  private void resume(ResumptionOffer accepted, ServerHello hello, boolean serverEms)
      throws TlsAlertException {
    SessionParameters session = accepted.stored().session();
    if (!hello.serverVersion().equals(session.version()) || suite != session.suite()) {
      // RFC 5246 §7.4.1.3: for a resumed session, server_version and cipher_suite are "the
      // value from the state of the session being resumed".
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "server_hello: resumes session " + HexFormat.of().formatHex(sessionId) + " with "
              + hello.serverVersion() + " " + suite + ", the session has " + session.version()
              + " " + session.suite());
    }
    if (session.extendedMasterSecret() != serverEms) {
      // RFC 7627 §5.3: a client MUST abort when the resumed session used the extended master
      // secret and the ServerHello lacks it, and when the session did not and it has it.
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
          "server_hello: resumes a session " + (session.extendedMasterSecret() ? "with" : "without")
              + " the extended master secret, but extended_master_secret is "
              + (serverEms ? "present" : "absent") + " (RFC 7627 §5.3)");
    }
    resumed = accepted;
    extendedMasterSecret = session.extendedMasterSecret();
    resumeKeys(session.masterSecret());
    state = State.WAIT_SERVER_CCS;
  }

  private void onCertificate(Certificate certificate) throws TlsAlertException {
    receivedChain = ServerCertificate.parse(certificate);
    if (statusExpected) {
      state = State.WAIT_CERTIFICATE_STATUS;
      return;
    }
    judgeCertificate();
  }

  /**
   * RFC 6066 §8: the stapled OCSP response, or, when the server sent none, the message after the
   * Certificate, which waits until the certificate has been judged. An OCSPResponse that is not
   * even DER is "an invalid certificate status response" (§9): bad_certificate_status_response.
   */
  private void onCertificateStatus(HandshakeMessage message) throws TlsAlertException {
    if (message instanceof CertificateStatus status) {
      try {
        stapled = Optional.of(new OCSPResp(status.ocspResponse()));
      } catch (IOException | RuntimeException e) {
        throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE_STATUS_RESPONSE,
            "certificate_status: the OCSP response cannot be parsed: " + e.getMessage(), e);
      }
    } else {
      deferred = message;
    }
    judgeCertificate();
  }

  /**
   * Verifies the server's chain with what the client has. When the policy checks revocation,
   * the client fetches ({@code revocationFetch}), nothing else failed, and the verifier lacks the
   * status of some certificates, the handshake pauses with a RevocationStatusNeeded instead; the
   * host's {@link #supplyRevocationStatus} completes the verification. Otherwise the verdict is
   * final now.
   */
  private void judgeCertificate() throws TlsAlertException {
    RevocationWait.Judge judge = (verifier, at) ->
        ServerCertificate.judge(verifier, receivedChain, config.serverName(), at, suite, stapled);
    VerificationResult result = judge.judge(config.verifier(), now);
    if (revocation.waitsAfter(result, receivedChain, stapled, now, judge)) {
      state = State.WAIT_REVOCATION_STATUS;
      return;
    }
    certificateJudged(result);
  }

  /** The host's answer to RevocationStatusNeeded: the verdict with it, and on with the handshake. */
  @Override
  public void supplyRevocationStatus(RevocationSource fetched, Instant at) throws TlsAlertException {
    certificateJudged(revocation.supplied(fetched, at));
  }

  /** Reports the verdict, fails on rejection, and handles what came meanwhile. */
  private void certificateJudged(VerificationResult result) throws TlsAlertException {
    serverCertificate = ServerCertificate.accept(receivedChain, result, suite, events);
    state = suite.keyExchange().ephemeral()
        ? State.WAIT_SERVER_KEY_EXCHANGE : State.WAIT_SERVER_HELLO_DONE;
    if (deferred != null) {
      HandshakeMessage next = deferred;
      deferred = null;
      onMessage(next);
    }
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
        scheme.get(), serverCertificate.publicKey(), content, signed.signature(), CryptoMemo.of(random));
    events.cryptoOperation(KeyAlgorithm.operationName(serverCertificate.publicKey(), "verify"));
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

  /**
   * RFC 5077 §3.3: one NewSessionTicket, kept for the store once the handshake completes. An
   * empty ticket means the server changed its mind about issuing one.
   */
  private void onNewSessionTicket(NewSessionTicket ticket) {
    ticketExpected = false;
    events.add(new TlsEvent.TicketReceived(ticket.ticketLifetimeHint(), ticket.ticket().length));
    if (ticket.ticket().length > 0) {
      newTicket = ticket;
    }
  }

  /**
   * RFC 5077 §3.3: NewSessionTicket "MUST be sent if the server included a SessionTicket
   * extension in the ServerHello", before its ChangeCipherSpec.
   */
  @Override
  void onChangeCipherSpec() throws TlsAlertException {
    switchReadState(state == State.WAIT_SERVER_CCS && !ticketExpected);
    state = State.WAIT_SERVER_FINISHED;
  }

  /**
   * The server's Finished ends a full handshake; in an abbreviated one the client's
   * ChangeCipherSpec and Finished follow it (RFC 5246 §7.3 Figure 2).
   */
  @Override
  void onFinished(Finished finished, HandshakeFrame frame) throws TlsAlertException {
    checkPeerFinished(finished, frame);
    if (resumed != null) {
      sendChangeCipherSpecAndFinished();
      state = State.ESTABLISHED;
      SessionParameters original = resumed.stored().session();
      established = completeHandshake(original.peerCertificates(), offer.serverName(),
          resumed.resumedBy());
      if (newTicket != null) {
        remember(original);
      }
      releaseHandshakeState();
      return;
    }
    state = State.ESTABLISHED;
    established = completeHandshake(serverCertificate.chain(), offer.serverName(), null);
    if (sessionId.length > 0 || newTicket != null) {
      remember(established);
    } else if (config.sessionStore() != null && peer != null) {
      // The server neither cached this session nor issued a ticket; whatever was stored for it
      // before was just refused.
      config.sessionStore().remove(peer);
    }
    releaseHandshakeState();
  }

  /** The hello, the server's chain as received and judged, its key share: the session keeps what lasts. */
  @Override
  protected void releaseHandshakeState() {
    super.releaseHandshakeState();
    offer = null;
    receivedChain = null;
    stapled = Optional.empty();
    deferred = null;
    serverCertificate = null;
    serverEcdhPublic = null;
    newTicket = null;
  }

  /** Stores {@code session} for the next connection to this peer, with the ticket if one came. */
  private void remember(SessionParameters session) {
    if (config.sessionStore() == null || peer == null) {
      return;
    }
    byte[] ticket = newTicket == null ? new byte[0] : newTicket.ticket();
    long hint = newTicket == null ? 0 : newTicket.ticketLifetimeHint();
    config.sessionStore().put(peer, new ResumableSession(session, ticket, hint, now));
  }

  @Override
  public void invalidateSession() {
    if (config.sessionStore() == null || peer == null) {
      return;
    }
    if (resumed != null) {
      config.sessionStore().invalidate(peer, resumed.stored().session());
    } else if (established != null) {
      config.sessionStore().invalidate(peer, established);
    }
  }
}
