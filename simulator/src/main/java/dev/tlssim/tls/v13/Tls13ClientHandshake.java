package dev.tlssim.tls.v13;

import dev.tlssim.pki.CheckStatus;
import dev.tlssim.pki.RevocationSource;
import dev.tlssim.pki.ServerKeyUse;
import dev.tlssim.pki.VerificationCheck;
import dev.tlssim.pki.VerificationResult;
import dev.tlssim.pki.VerificationStep;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.EventQueue;
import dev.tlssim.tls.core.FragmentLimit;
import dev.tlssim.tls.core.MaxFragmentLengthNegotiation;
import dev.tlssim.tls.core.RevocationWait;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.CryptoMemo;
import dev.tlssim.tls.crypto.ClientKeyShare;
import dev.tlssim.tls.crypto.HandshakeSignature;
import dev.tlssim.tls.crypto.Tls13Finished;
import dev.tlssim.tls.crypto.Tls13KeySchedule;
import dev.tlssim.tls.crypto.Tls13TrafficKeys;
import dev.tlssim.tls.v12.ClientConfig;
import dev.tlssim.tls.v12.Tls12;
import dev.tlssim.tls.wire.Certificate13;
import dev.tlssim.tls.wire.CertificateStatus;
import dev.tlssim.tls.wire.CertificateVerify;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.Cookie;
import dev.tlssim.tls.wire.EarlyData;
import dev.tlssim.tls.wire.EncryptedExtensions;
import dev.tlssim.tls.wire.EndOfEarlyData;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.ExtensionContext;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.Finished;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.HandshakeMessageName;
import dev.tlssim.tls.wire.HelloRetryRequest;
import dev.tlssim.tls.wire.KeyShareClientHello;
import dev.tlssim.tls.wire.KeyShareEntry;
import dev.tlssim.tls.wire.KeyShareHelloRetryRequest;
import dev.tlssim.tls.wire.KeyShareServerHello;
import dev.tlssim.tls.wire.MaxFragmentLengthExtension;
import dev.tlssim.tls.wire.NewSessionTicket13;
import dev.tlssim.tls.wire.OcspStatusRequest;
import dev.tlssim.tls.wire.OfferedPsks;
import dev.tlssim.tls.wire.PreSharedKey;
import dev.tlssim.tls.wire.PskIdentity;
import dev.tlssim.tls.wire.PskKeyExchangeModes;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.ServerName;
import dev.tlssim.tls.wire.SignatureAlgorithms;
import dev.tlssim.tls.wire.SignatureAlgorithmsCert;
import dev.tlssim.tls.wire.StatusRequest;
import dev.tlssim.tls.wire.SupportedGroups;
import dev.tlssim.tls.wire.SupportedVersions;
import dev.tlssim.tls.wire.Tls13Extensions;
import dev.tlssim.tls.wire.Tls13HandshakeDecoder;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The client side of a TLS 1.3 full 1-RTT handshake with (EC)DHE and a server certificate
 * (RFC 8446 §2, Figure 1): ClientHello with one key share per configured group; then ServerHello,
 * {EncryptedExtensions}, {Certificate}, {CertificateVerify}, {Finished} from the server; then
 * the client's {Finished}. It runs in middlebox compatibility mode (§D.4): a random 32-byte
 * legacy_session_id and a change_cipher_spec before its second flight. A HelloRetryRequest
 * (§4.1.4) is answered once with a second ClientHello carrying a share for the group it selects
 * (and its cookie, if any); the change_cipher_spec then goes before that second ClientHello.
 *
 * <p>Resumption (§2.2): NewSessionTickets after the handshake (§4.6.1) go into the
 * {@link Tls13ClientSessionStore} with their PSK; the next connection to the same server name
 * offers the newest usable one in pre_shared_key (§4.2.11) with psk_key_exchange_modes (§4.2.9).
 * If the ServerHello selects it, the server authenticates with the PSK: no Certificate and no
 * CertificateVerify follow EncryptedExtensions.
 *
 * <p>0-RTT (§2.3): data queued before start goes right after the ClientHello, with early_data in
 * it, under client_early_traffic_secret, if the offered ticket allows that much (§4.2.10). If the
 * server accepts (early_data in EncryptedExtensions), EndOfEarlyData under the same keys precedes
 * the client's Finished (§4.5); if not, the data is lost and the parameters say so; it is not
 * resent, since whether a repeat is safe is the application's call (§4.2.10).
 *
 * <p>No client certificate.
 */
final class Tls13ClientHandshake implements Tls13Handshake {
  private enum State { START, WAIT_SERVER_HELLO, WAIT_ENCRYPTED_EXTENSIONS, WAIT_CERTIFICATE,
    WAIT_REVOCATION_STATUS, WAIT_CERTIFICATE_VERIFY, WAIT_FINISHED, CONNECTED }

  private final Tls13ClientConfig config;
  private final SecureRandom random;
  private final Instant now;
  /** Where tickets come from and go to; null for a client that does not resume. */
  private final Tls13ClientSessionStore store;
  private final Tls13HandshakeChannel channel;
  private final EventQueue events;
  /** TLS 1.2 offered as well: its suites and extensions join the ClientHello; null for 1.3 only. */
  private final Tls12Fallback fallback;
  /** How the client speaks TLS 1.2, null for TLS 1.3 only. */
  private final ClientConfig tls12;
  private final Tls12Handover handover;
  private final RevocationWait revocation;
  /** The first ClientHello, which a TLS 1.2 handshake continues from if the server chooses 1.2. */
  private ClientHello firstHello;
  private final Map<NamedGroup, ClientKeyShare> keyShares = new LinkedHashMap<>();
  private State state = State.START;
  private byte[] clientRandom;
  private byte[] sessionId;
  /** The suite of the HelloRetryRequest, once one came; ServerHello must repeat it (§4.1.4). */
  private Tls13CipherSuite retrySuite;
  private boolean changeCipherSpecSent;
  private Tls13CipherSuite suite;
  private NamedGroup group;
  private HandshakeTrafficSecrets secrets;
  private AsymmetricKeyParameter serverKey;
  private Tls13Parameters parameters;
  /** The OCSP response stapled to the leaf (RFC 8446 §4.4.2.1), if any. */
  private Optional<OCSPResp> stapled = Optional.empty();
  /** The ticket offered in pre_shared_key, if any; dropped if a HelloRetryRequest rules it out. */
  private Tls13ResumptionTicket offeredTicket;
  private boolean resumed;
  private byte[] resumptionMasterSecret;
  private HandshakeTrafficSecrets.ApplicationTrafficKeys applicationKeys;
  /** 0-RTT data queued before start (RFC 8446 §2.3); empty for none. */
  private byte[] earlyData = new byte[0];
  /** Whether the first ClientHello carried early_data and 0-RTT records followed it. */
  private boolean earlyDataSent;
  private boolean earlyDataAccepted;

  /**
   * @param tls12 how the client speaks TLS 1.2 as well, empty for TLS 1.3 only: its suites and
   *     extensions join the ClientHello, and a ServerHello choosing TLS 1.2 goes to its handshake
   */
  Tls13ClientHandshake(Tls13ClientConfig config, SecureRandom random, Instant now,
      Tls13ClientSessionStore store, Optional<ClientConfig> tls12, Tls13HandshakeChannel channel,
      Tls12Handover handover, EventQueue events) {
    this.config = config;
    this.tls12 = tls12.orElse(null);
    // Only the suites and extensions of this hello are used; the random is this handshake's.
    this.fallback = tls12.map(c -> new Tls12Fallback(Tls12.fullHandshakeHello(c, new byte[ClientHello.RANDOM_LENGTH])))
        .orElse(null);
    this.random = random;
    this.now = now;
    this.store = store;
    this.channel = channel;
    this.handover = handover;
    this.events = events;
    this.revocation = new RevocationWait(config.verifier(), config.revocationFetch(), events);
  }

  void queueEarlyData(byte[] data) {
    if (state != State.START) {
      throw new IllegalStateException("0-RTT data must be queued before start (RFC 8446 §2.3)");
    }
    byte[] joined = Arrays.copyOf(earlyData, earlyData.length + data.length);
    System.arraycopy(data, 0, joined, earlyData.length, data.length);
    earlyData = joined;
  }

  @Override
  public void start() {
    if (state != State.START) {
      throw new IllegalStateException("already started");
    }
    for (NamedGroup g : config.keyShareGroups()) {
      generateShare(g);
    }
    clientRandom = new byte[ClientHello.RANDOM_LENGTH];
    random.nextBytes(clientRandom);
    // RFC 8446 Appendix D.4: in compatibility mode a non-empty legacy_session_id; otherwise
    // empty (§4.1.2: "Otherwise, it MUST be set as a zero-length vector").
    sessionId = new byte[config.middleboxCompatibility() ? ClientHello.MAX_SESSION_ID_LENGTH : 0];
    random.nextBytes(sessionId);
    // RFC 8446 §4.2.11: a PSK is offered only with a suite of its hash, so a ticket from a suite
    // whose hash none of ours shares is of no use.
    offeredTicket = store == null ? null : store.take(config.serverName(), now)
        .filter(t -> config.cipherSuites().stream().anyMatch(s -> s.hash().equals(t.suite().hash())))
        .orElse(null);
    // RFC 8446 §4.2.10: 0-RTT data goes only with a ticket that allowed it, at most its
    // max_early_data_size, and under the ticket's own suite, so that suite must be offered.
    earlyDataSent = earlyData.length > 0 && offeredTicket != null
        && earlyData.length <= offeredTicket.maxEarlyDataSize()
        && config.cipherSuites().contains(offeredTicket.suite());
    sendClientHello(Optional.empty());
    if (earlyDataSent) {
      sendEarlyData();
    }
    state = State.WAIT_SERVER_HELLO;
  }

  /**
   * RFC 8446 §2.3: the 0-RTT data follows the ClientHello in the same flight, under
   * client_early_traffic_secret over the ClientHello (§7.1); §D.4: in compatibility mode the
   * change_cipher_spec goes "immediately after the first ClientHello" when offering early data.
   */
  private void sendEarlyData() {
    Tls13CipherSuite pskSuite = offeredTicket.suite();
    sendCompatibilityChangeCipherSpec();
    byte[] earlySecret = HandshakeTrafficSecrets.clientEarlyTrafficSecret(pskSuite, offeredTicket.psk(),
        channel.transcriptHash(pskSuite));
    events.add(new TlsEvent.TrafficSecret("CLIENT_EARLY_TRAFFIC_SECRET", clientRandom, earlySecret));
    channel.records().writeWith(Tls13TrafficKeys.derive(pskSuite, earlySecret));
    channel.records().send(ContentType.APPLICATION_DATA, earlyData);
    events.add(new TlsEvent.MessageSent(HandshakeMessageName.EARLY_DATA, earlyData.length));
  }

  private void generateShare(NamedGroup g) {
    ClientKeyShare share = ClientKeyShare.generate(g, random);
    share.generationOperations().forEach(channel::cryptoOperation);
    keyShares.put(g, share);
  }

  /**
   * RFC 8446 §4.1.2: legacy_version 0x0303, the versions in supported_versions; §9.2 lists the
   * extensions a TLS 1.3 ClientHello without PSK must carry. The second ClientHello after a
   * HelloRetryRequest is "the same ClientHello without modification, except" the new key_share
   * and the echoed cookie, so both come from here with the same random and session id.
   */
  private void sendClientHello(Optional<Cookie> cookie) {
    List<KeyShareEntry> shares = new ArrayList<>();
    keyShares.forEach((g, share) -> shares.add(KeyShareEntry.of(g, share.keyExchange())));
    List<Extension> extensions = new ArrayList<>(List.of(
        ServerName.of(config.serverName()),
        SupportedGroups.of(config.groups().toArray(NamedGroup[]::new)),
        SignatureAlgorithms.of(config.signatureSchemes().toArray(SignatureScheme[]::new)),
        SignatureAlgorithmsCert.of(config.certificateSignatureSchemes().toArray(SignatureScheme[]::new)),
        SupportedVersions.Offered.of(ProtocolVersion.TLS13),
        new KeyShareClientHello(shares)));
    cookie.ifPresent(extensions::add);
    if (config.statusRequest()) {
      // RFC 8446 §4.4.2.1, RFC 6066 §8: ask for an OCSP response from any responder the server knows.
      extensions.add(StatusRequest.ocsp(OcspStatusRequest.any()));
    }
    // RFC 6066 §4: the fragment length asked for, answered in EncryptedExtensions (RFC 8446 §4.2).
    MaxFragmentLengthNegotiation.offer(config.maxFragmentLength()).ifPresent(extensions::add);
    if (earlyDataSent && retrySuite == null) {
      // RFC 8446 §4.2.10: only in the first ClientHello; after a HelloRetryRequest the client
      // "MUST NOT include the "early_data" extension in its followup ClientHello".
      extensions.add(new EarlyData.Indication());
    }
    if (store != null) {
      // RFC 8446 §4.2.9: also without a ticket to offer, since "Servers MUST NOT send a
      // NewSessionTicket with tickets that are not compatible with the advertised modes" and some
      // (the JDK) send none to a client that advertised no mode.
      extensions.add(new PskKeyExchangeModes(config.pskKeyExchangeModes()));
    }
    if (offeredTicket == null) {
      send(clientHello(extensions));
      return;
    }
    // RFC 8446 §4.2.11.2: the binder covers the ClientHello up to the binders list, so the hello
    // is encoded once with a placeholder binder of the right length, truncated, and the binder
    // computed over the transcript so far plus that prefix; pre_shared_key goes last (§4.2.11).
    Tls13CipherSuite pskSuite = offeredTicket.suite();
    PskIdentity identity = new PskIdentity(offeredTicket.ticket(), offeredTicket.obfuscatedAge(now));
    OfferedPsks placeholder = new OfferedPsks(List.of(identity), List.of(new byte[pskSuite.hashLength()]));
    List<Extension> withPlaceholder = new ArrayList<>(extensions);
    withPlaceholder.add(placeholder);
    byte[] partial = placeholder.truncate(clientHello(withPlaceholder).encode());
    byte[] binder = PskBinder.compute(pskSuite, offeredTicket.psk(), channel.transcriptHashWith(pskSuite, partial));
    extensions.add(new OfferedPsks(List.of(identity), List.of(binder)));
    send(clientHello(extensions));
  }

  private void send(ClientHello hello) {
    if (firstHello == null) {
      firstHello = hello;
    }
    channel.send(hello);
  }

  private ClientHello clientHello(List<Extension> extensions) {
    List<Integer> suites = config.cipherSuites().stream().map(Tls13CipherSuite::code).toList();
    List<Extension> all = extensions;
    if (fallback != null) {
      suites = fallback.cipherSuites(suites);
      all = fallback.extensions(extensions);
    }
    return new ClientHello(ProtocolVersion.TLS12, clientRandom, sessionId, suites,
        List.of(ClientHello.COMPRESSION_NULL), Optional.of(new Extensions(all)));
  }

  /** RFC 8446 §D.4: the client's one change_cipher_spec goes right before its second flight. */
  private void sendCompatibilityChangeCipherSpec() {
    if (config.middleboxCompatibility() && !changeCipherSpecSent) {
      channel.sendChangeCipherSpec();
      changeCipherSpecSent = true;
    }
  }

  @Override
  public boolean established() {
    return state == State.CONNECTED;
  }

  @Override
  public boolean acceptsCompatibilityChangeCipherSpec() {
    return state != State.START && state != State.CONNECTED;
  }

  @Override
  public Optional<HandshakeTrafficSecrets.ApplicationTrafficKeys> applicationTrafficKeys() {
    return established() ? Optional.of(applicationKeys) : Optional.empty();
  }

  @Override
  public Optional<Tls13Parameters> parameters() {
    return Optional.ofNullable(parameters);
  }

  @Override
  public String state() {
    return state.name();
  }

  @Override
  public Optional<HandshakeType> expectedMessage() {
    return Optional.ofNullable(switch (state) {
      case WAIT_SERVER_HELLO -> HandshakeType.SERVER_HELLO;
      case WAIT_ENCRYPTED_EXTENSIONS -> HandshakeType.ENCRYPTED_EXTENSIONS;
      case WAIT_CERTIFICATE -> HandshakeType.CERTIFICATE;
      case WAIT_CERTIFICATE_VERIFY -> HandshakeType.CERTIFICATE_VERIFY;
      case WAIT_FINISHED -> HandshakeType.FINISHED;
      case START, WAIT_REVOCATION_STATUS, CONNECTED -> null;
    });
  }

  @Override
  public void onMessage(HandshakeFrame frame) throws TlsAlertException {
    switch (state) {
      case WAIT_SERVER_HELLO -> onServerHello(frame);
      case WAIT_ENCRYPTED_EXTENSIONS -> {
        onEncryptedExtensions((EncryptedExtensions) decode(frame));
        channel.received(frame);
        // RFC 8446 §2.2: in a resumption the PSK authenticates the server, so Finished follows.
        state = resumed ? State.WAIT_FINISHED : State.WAIT_CERTIFICATE;
      }
      case WAIT_CERTIFICATE -> onCertificate(frame, (Certificate13) decode(frame));
      case WAIT_CERTIFICATE_VERIFY -> onCertificateVerify(frame, (CertificateVerify) decode(frame));
      case WAIT_FINISHED -> onFinished(frame, (Finished) decode(frame));
      case CONNECTED -> {
        if (!(decode(frame) instanceof NewSessionTicket13 ticket)) {
          throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
              "handshake: " + frame.type().rfcName() + " after the handshake; only "
                  + "NewSessionTicket and KeyUpdate are accepted (RFC 8446 §4.6)");
        }
        keep(ticket);
      }
      case START -> throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "handshake: " + frame.type().rfcName() + " before ClientHello");
    }
  }

  /**
   * RFC 8446 §4.2.10: early_data in EncryptedExtensions accepts the 0-RTT data; the client keeps
   * writing under the early keys until its EndOfEarlyData. Without it the data was rejected and
   * the client writes under its handshake keys from here on. early_data for a ClientHello that
   * had none, or with a PSK other than the first, is an illegal_parameter (§4.2.10, §4.2.11).
   * max_fragment_length answers the ClientHello's request ({@link MaxFragmentLengthNegotiation}).
   */
  private void onEncryptedExtensions(EncryptedExtensions encryptedExtensions) throws TlsAlertException {
    boolean accepted = Tls13Extensions.find(encryptedExtensions.extensions(), ExtensionContext.ENCRYPTED_EXTENSIONS,
        EarlyData.Indication.class).isPresent();
    if (accepted && (!earlyDataSent || retrySuite != null || !resumed)) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "encrypted_extensions: early_data, but no 0-RTT data was offered with the selected PSK (RFC 8446 §4.2.10)");
    }
    // The answer is held to the request of the ClientHello sent, which a TLS 1.2 config may have
    // filled in; once accepted it binds our next record (RFC 6066 §4) and the server's after EE.
    FragmentLimit limit = channel.records().fragmentLimit();
    limit.negotiate(MaxFragmentLengthNegotiation.accept(MaxFragmentLengthExtension.in(firstHello.extensionsOrEmpty()),
        MaxFragmentLengthExtension.in(encryptedExtensions.extensions()), "encrypted_extensions"));
    limit.limitSending();
    limit.limitReceiving();
    earlyDataAccepted = accepted;
    if (earlyDataSent && !accepted) {
      channel.records().writeWith(secrets.clientKeys());
    }
    if (parameters != null) {
      parameters = parameters.withEarlyDataAccepted(accepted);
    }
  }

  /**
   * RFC 8446 §4.6.1: the ticket's PSK is HKDF-Expand-Label(resumption_master_secret,
   * "resumption", ticket_nonce, Hash.length); a lifetime of zero means "discard immediately", and
   * no ticket is kept longer than 7 days whatever the server says.
   */
  private void keep(NewSessionTicket13 ticket) throws TlsAlertException {
    if (store == null) {
      return;
    }
    long lifetime = Math.min(ticket.ticketLifetime(), NewSessionTicket13.MAX_TICKET_LIFETIME);
    if (lifetime == 0) {
      return;
    }
    byte[] psk = Tls13KeySchedule.resumptionPsk(suite, resumptionMasterSecret, ticket.ticketNonce());
    // RFC 8446 §4.6.1: early_data(max_early_data_size) allows 0-RTT with this ticket; without it,
    // none.
    long maxEarlyDataSize = Tls13Extensions.find(ticket.extensions(), ExtensionContext.NEW_SESSION_TICKET,
        EarlyData.MaxEarlyDataSize.class).map(EarlyData.MaxEarlyDataSize::maxEarlyDataSize).orElse(0L);
    store.add(config.serverName(), new Tls13ResumptionTicket(ticket.ticket(), psk, suite, now,
        Duration.ofSeconds(lifetime), ticket.ticketAgeAdd(), maxEarlyDataSize));
  }

  private HandshakeMessage decode(HandshakeFrame frame) throws TlsAlertException {
    return new Tls13HandshakeDecoder(suite).decode(frame);
  }

  private void onServerHello(HandshakeFrame frame) throws TlsAlertException {
    ServerHello hello = ServerHello.decode(frame.body());
    if (tls12 != null && retrySuite == null && !hello.extensionsOrEmpty().contains(ExtensionType.SUPPORTED_VERSIONS)) {
      // RFC 8446 §4.1.3, §4.2.1: a ServerHello for TLS 1.3 (or a HelloRetryRequest) carries
      // supported_versions; one without chose the legacy_version, TLS 1.2 or below. The TLS 1.2
      // handshake continues from the ClientHello sent, and refuses the downgrade sentinel.
      handover.toClient(tls12, firstHello, frame, hello);
      return;
    }
    if (HelloRetryRequest.isHelloRetryRequest(hello)) {
      onHelloRetryRequest(frame, hello);
      return;
    }
    Extensions extensions = hello.extensionsOrEmpty();
    suite = checkHelloFields(hello, ExtensionContext.SERVER_HELLO);
    if (retrySuite != null && suite != retrySuite) {
      // RFC 8446 §4.1.4: "clients MUST check that the cipher suite supplied in the ServerHello is
      // the same as that in the HelloRetryRequest and otherwise abort the handshake with an
      // "illegal_parameter" alert."
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "server_hello: cipher_suite " + suite.name() + " is not the HelloRetryRequest's " + retrySuite.name());
    }
    Optional<PreSharedKey.SelectedIdentity> selected =
        Tls13Extensions.find(extensions, ExtensionContext.SERVER_HELLO, PreSharedKey.SelectedIdentity.class);
    if (selected.isPresent()) {
      checkSelectedIdentity(selected.get().selectedIdentity());
    }
    Optional<KeyShareServerHello> keyShare =
        Tls13Extensions.find(extensions, ExtensionContext.SERVER_HELLO, KeyShareServerHello.class);
    byte[] shared = null;
    if (keyShare.isPresent()) {
      if (resumed && !config.pskKeyExchangeModes().contains(PskKeyExchangeModes.PSK_DHE_KE)) {
        // RFC 8446 §4.2.9: the server "MUST NOT select a key exchange mode that is not listed".
        throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
            "server_hello: key_share with the PSK, but psk_dhe_ke was not offered (RFC 8446 §4.2.9)");
      }
      KeyShareEntry share = keyShare.get().serverShare();
      group = share.knownGroup().filter(keyShares::containsKey)
          .orElseThrow(() -> new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
              String.format("server_hello: key_share in group 0x%04x, for which no share was sent (RFC 8446 §4.2.8)", share.group())));
      ClientKeyShare ours = keyShares.get(group);
      shared = ours.sharedSecret(share.keyExchange());
      ours.completionOperations().forEach(channel::cryptoOperation);
    } else if (!resumed || !config.pskKeyExchangeModes().contains(PskKeyExchangeModes.PSK_KE)) {
      // RFC 8446 §9.2: without PSK key_share is mandatory; with one, only psk_ke goes without.
      throw new TlsAlertException(AlertDescription.MISSING_EXTENSION, resumed
          ? "server_hello: no key_share, but psk_ke was not offered (RFC 8446 §4.2.9)"
          : "server_hello: no key_share in a handshake without PSK (RFC 8446 §9.2)");
    }

    channel.received(frame);
    if (resumed) {
      parameters = Tls13Parameters.resumed(suite, group);
      secrets = HandshakeTrafficSecrets.deriveWithPsk(suite, offeredTicket.psk(), shared, channel.transcriptHash(suite));
    } else {
      secrets = HandshakeTrafficSecrets.derive(suite, shared, channel.transcriptHash(suite));
    }
    events.add(new TlsEvent.TrafficSecret("CLIENT_HANDSHAKE_TRAFFIC_SECRET", clientRandom, secrets.client()));
    events.add(new TlsEvent.TrafficSecret("SERVER_HANDSHAKE_TRAFFIC_SECRET", clientRandom, secrets.server()));
    channel.records().readWith(secrets.serverKeys());
    // From here on the client's records, an alert included, go under its handshake keys (RFC 8446
    // §7.1, §6: alerts "are encrypted as specified by the current connection state"), unless 0-RTT
    // data went out: then the early keys stay until EncryptedExtensions says whether it was
    // accepted, and if so until EndOfEarlyData (§2.3, §4.5).
    if (!earlyDataSent) {
      channel.records().writeWith(secrets.clientKeys());
    }
    state = State.WAIT_ENCRYPTED_EXTENSIONS;
  }

  /**
   * RFC 8446 §4.2.11: "Clients MUST verify that the server's selected_identity is within the
   * range supplied by the client, that the server selected a cipher suite indicating a Hash
   * associated with the PSK ... If these values are not consistent, the client MUST abort the
   * handshake with an "illegal_parameter" alert."
   */
  private void checkSelectedIdentity(int index) throws TlsAlertException {
    int offered = offeredTicket == null ? 0 : 1;
    if (index >= offered) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "server_hello: selected_identity "
          + index + " is not among the " + offered + " PSK identities offered (RFC 8446 §4.2.11)");
    }
    if (!suite.hash().equals(offeredTicket.suite().hash())) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "server_hello: cipher_suite "
          + suite.name() + " does not have the hash of the selected PSK (RFC 8446 §4.2.11)");
    }
    resumed = true;
  }

  /**
   * RFC 8446 §4.1.4: check the HelloRetryRequest's fields as a ServerHello's, then its key_share
   * and cookie, and answer with the second ClientHello. The transcript goes on from message_hash
   * in place of ClientHello1 (§4.4.1).
   */
  private void onHelloRetryRequest(HandshakeFrame frame, ServerHello hello) throws TlsAlertException {
    if (retrySuite != null) {
      // RFC 8446 §4.1.4: "If a client receives a second HelloRetryRequest in the same connection
      // ..., it MUST abort the handshake with an "unexpected_message" alert."
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "hello_retry_request: a second HelloRetryRequest in one connection (RFC 8446 §4.1.4)");
    }
    Extensions extensions = hello.extensionsOrEmpty();
    Tls13CipherSuite hrrSuite = checkHelloFields(hello, ExtensionContext.HELLO_RETRY_REQUEST);
    Optional<KeyShareHelloRetryRequest> keyShare = Tls13Extensions.find(
        extensions, ExtensionContext.HELLO_RETRY_REQUEST, KeyShareHelloRetryRequest.class);
    Optional<Cookie> cookie = Tls13Extensions.find(extensions, ExtensionContext.HELLO_RETRY_REQUEST, Cookie.class);
    if (keyShare.isEmpty() && cookie.isEmpty()) {
      // RFC 8446 §4.1.4: "Clients MUST abort the handshake with an "illegal_parameter" alert if
      // the HelloRetryRequest would not result in any change in the ClientHello."
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "hello_retry_request: neither key_share nor cookie, so no change to the ClientHello (RFC 8446 §4.1.4)");
    }
    if (keyShare.isPresent()) {
      int selected = keyShare.get().selectedGroup();
      // RFC 8446 §4.2.8: selected_group must be (1) in the original supported_groups and (2) not
      // a group the original key_share already had a share for; otherwise illegal_parameter.
      NamedGroup newGroup = keyShare.get().knownGroup().filter(config.groups()::contains)
          .orElseThrow(() -> new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, String.format(
              "hello_retry_request: selected_group 0x%04x is not in supported_groups (RFC 8446 §4.2.8)", selected)));
      if (keyShares.containsKey(newGroup)) {
        throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
            "hello_retry_request: selected_group " + newGroup.rfcName()
                + " already had a share in the ClientHello (RFC 8446 §4.2.8)");
      }
      // RFC 8446 §4.2.8: the new key_share contains "only a new KeyShareEntry for the group
      // indicated in the selected_group field".
      keyShares.clear();
      generateShare(newGroup);
    }

    channel.replaceClientHelloWithMessageHash(hrrSuite);
    channel.received(frame);
    retrySuite = hrrSuite;
    if (earlyDataSent) {
      // RFC 8446 §4.2.10: a HelloRetryRequest rejects the 0-RTT data; the second ClientHello is
      // plaintext like the first (§5).
      channel.records().writePlaintext();
    }
    if (offeredTicket != null && !offeredTicket.suite().hash().equals(hrrSuite.hash())) {
      // RFC 8446 §4.1.4: the second ClientHello leaves out PSKs "not compatible with the
      // server's indicated cipher suite"; the binder would have to be over another hash anyway.
      offeredTicket = null;
    }
    // RFC 8446 §D.4: the client's change_cipher_spec "may either be before its second
    // ClientHello or before its encrypted handshake flight"; before the ClientHello it leaves the
    // handshake records after it all protected or all plaintext, as a middlebox expects.
    sendCompatibilityChangeCipherSpec();
    // RFC 8446 §4.2.2: the client "MUST copy the contents of the extension received in the
    // HelloRetryRequest into a "cookie" extension in the new ClientHello".
    sendClientHello(cookie);
  }

  /**
   * The checks RFC 8446 §4.1.3 makes of a ServerHello and §4.1.4 of a HelloRetryRequest alike:
   * extensions allowed in {@code context}, supported_versions selecting TLS 1.3, the session id
   * echoed, null compression and an offered suite, which is returned.
   */
  private Tls13CipherSuite checkHelloFields(ServerHello hello, ExtensionContext context) throws TlsAlertException {
    String name = context == ExtensionContext.HELLO_RETRY_REQUEST
        ? HandshakeMessageName.HELLO_RETRY_REQUEST : HandshakeType.SERVER_HELLO.rfcName();
    Extensions extensions = hello.extensionsOrEmpty();
    Tls13Extensions.checkBlock(extensions, context);
    Optional<SupportedVersions.Selected> version =
        Tls13Extensions.find(extensions, context, SupportedVersions.Selected.class);
    if (version.isEmpty()) {
      // RFC 8446 §4.2.1: no supported_versions means the server chose TLS 1.2 or below, which
      // this client does not offer: protocol_version (§6.2).
      throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
          name + ": no supported_versions, so not TLS 1.3, the only version offered");
    }
    if (version.get().selectedVersion() != ProtocolVersion.TLS13.code()) {
      // RFC 8446 §4.2.1: a selected version the client did not offer is an illegal_parameter.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          String.format(name + ": selected_version 0x%04x was not offered", version.get().selectedVersion()));
    }
    if (!Arrays.equals(hello.sessionId(), sessionId)) {
      // RFC 8446 §4.1.3: legacy_session_id_echo that does not match is an illegal_parameter.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          name + ": legacy_session_id_echo does not echo the ClientHello's session id");
    }
    if (hello.compressionMethod() != ClientHello.COMPRESSION_NULL) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          name + ": legacy_compression_method is not 0 (RFC 8446 §4.1.3)");
    }
    return Tls13CipherSuite.fromCode(hello.cipherSuite())
        .filter(config.cipherSuites()::contains)
        .orElseThrow(() -> new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
            String.format(name + ": cipher_suite 0x%04x was not offered (RFC 8446 §4.1.3)", hello.cipherSuite())));
  }

  private void onCertificate(HandshakeFrame frame, Certificate13 certificate) throws TlsAlertException {
    if (certificate.certificateRequestContext().length != 0) {
      // RFC 8446 §4.4.2: in server authentication the context "SHALL be zero length".
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "certificate: non-empty certificate_request_context from the server (RFC 8446 §4.4.2)");
    }
    if (certificate.certificateList().isEmpty()) {
      // RFC 8446 §4.4.2.4: an empty server Certificate is a "decode_error".
      throw new TlsAlertException(AlertDescription.DECODE_ERROR,
          "certificate: the server sent an empty certificate_list (RFC 8446 §4.4.2.4)");
    }
    List<X509CertificateHolder> chain = new ArrayList<>();
    try {
      for (byte[] der : certificate.certificates()) {
        chain.add(new X509CertificateHolder(der));
      }
      serverKey = PublicKeyFactory.createKey(chain.get(0).getSubjectPublicKeyInfo());
    } catch (IOException | RuntimeException e) {
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE,
          "certificate: cannot parse certificate " + chain.size() + ": " + e.getMessage(), e);
    }
    stapled = stapledOcspResponse(certificate);
    VerificationResult result = config.verifier().verify(chain, config.serverName(), now, ServerKeyUse.SIGNING,
        stapled);
    reportChainSignatures(result);
    // The Certificate joins the transcript whatever the verdict: CertificateVerify signs it (§4.4.3).
    channel.received(frame);
    Optional<OCSPResp> staple = stapled;
    if (revocation.waitsAfter(result, chain, stapled, now,
        (verifier, at) -> verifier.verify(chain, config.serverName(), at, ServerKeyUse.SIGNING, staple))) {
      // The rest of the server's flight stays buffered until the host supplies what it got.
      state = State.WAIT_REVOCATION_STATUS;
      return;
    }
    certificateJudged(result);
  }

  /**
   * RFC 8446 §4.4.2.1: the OCSP response the server stapled in the leaf's status_request, if it
   * did. A client that did not ask must not get one (§4.2: an extension not requested is an
   * "unsupported_extension"); one that does not parse is a "bad_certificate_status_response"
   * (RFC 6066 §8).
   */
  private Optional<OCSPResp> stapledOcspResponse(Certificate13 certificate) throws TlsAlertException {
    Optional<Extension> status = certificate.certificateList().get(0).extensions()
        .find(ExtensionType.STATUS_REQUEST);
    if (status.isEmpty()) {
      return Optional.empty();
    }
    if (!config.statusRequest()) {
      throw new TlsAlertException(AlertDescription.UNSUPPORTED_EXTENSION,
          "certificate: a stapled OCSP response, but status_request was not sent (RFC 8446 §4.2)");
    }
    try {
      return Optional.of(new OCSPResp(CertificateStatus.decode(status.get().encodeData()).ocspResponse()));
    } catch (IOException | RuntimeException e) {
      throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE_STATUS_RESPONSE,
          "certificate: the stapled OCSP response cannot be parsed: " + e.getMessage(), e);
    }
  }


  @Override
  public boolean paused() {
    return state == State.WAIT_REVOCATION_STATUS;
  }

  /**
   * The host's answer to RevocationStatusNeeded: the chain verified again at {@code at} with
   * {@code fetched} before the verifier's own source; the handshake goes on from CertificateVerify.
   */
  void supplyRevocationStatus(RevocationSource fetched, Instant at) throws TlsAlertException {
    certificateJudged(revocation.supplied(fetched, at));
  }

  /** Reports each check of the verdict; a rejection ends the handshake with the check's alert. */
  private void certificateJudged(VerificationResult result) throws TlsAlertException {
    for (VerificationStep step : result.steps()) {
      events.add(new TlsEvent.CertificateCheck(step.check().name().toLowerCase(Locale.ROOT),
          step.status().name().toLowerCase(Locale.ROOT), step.detail()));
    }
    if (!result.accepted()) {
      VerificationStep failed = result.failedCheck().orElseThrow();
      throw new TlsAlertException(result.alert().orElse(AlertDescription.CERTIFICATE_UNKNOWN),
          "certificate: " + failed.check().name().toLowerCase(Locale.ROOT) + " check failed: " + failed.detail());
    }
    state = State.WAIT_CERTIFICATE_VERIFY;
  }

  /**
   * One crypto operation per certificate signature the verifier checked, named by the issuer's
   * key, before the CertificateCheck events: what the TLS 1.2 engine charges for the same chain,
   * so the cost profile prices a chain alike in both versions: the signatures in certificates
   * (RFC 8446 §4.2.3, signature_algorithms_cert) are the same X.509 signatures in both.
   */
  private void reportChainSignatures(VerificationResult result) {
    boolean signaturesChecked = result.steps().stream().anyMatch(
        s -> s.check() == VerificationCheck.SIGNATURE && s.status() != CheckStatus.SKIPPED);
    if (!signaturesChecked) {
      return;
    }
    List<X509CertificateHolder> path = result.path();
    for (int i = 0; i + 1 < path.size(); i++) {
      try {
        channel.cryptoOperation(PublicKeyFactory.createKey(path.get(i + 1).getSubjectPublicKeyInfo()), "verify");
      } catch (IOException e) {
        // An issuer key we cannot read has no cost profile entry; the verifier reported on it.
      }
    }
  }

  private void onCertificateVerify(HandshakeFrame frame, CertificateVerify verify) throws TlsAlertException {
    SignatureScheme scheme = verify.knownAlgorithm().filter(config.signatureSchemes()::contains)
        .orElseThrow(() -> new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
            String.format("certificate_verify: algorithm 0x%04x was not offered in signature_algorithms "
                + "(RFC 8446 §4.4.3)", verify.algorithm())));
    byte[] signed = CertificateVerify.signedContent(ConnectionEnd.SERVER, channel.transcriptHash(suite));
    boolean valid = HandshakeSignature.verify(scheme, serverKey, signed, verify.signature(), CryptoMemo.of(random));
    channel.cryptoOperation(serverKey, "verify");
    if (!valid) {
      // RFC 8446 §4.4.3: "If the verification fails, the receiver MUST terminate the handshake
      // with a "decrypt_error" alert."
      throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
          "certificate_verify: the " + scheme.rfcName() + " signature does not verify with the leaf key");
    }
    channel.received(frame);
    parameters = new Tls13Parameters(suite, group, scheme);
    state = State.WAIT_FINISHED;
  }

  private void onFinished(HandshakeFrame frame, Finished finished) throws TlsAlertException {
    if (!Tls13Finished.verify(suite, secrets.server(), channel.transcriptHash(suite), finished.verifyData())) {
      // RFC 8446 §4.4.4: a wrong verify_data is a "decrypt_error".
      throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
          "finished: the server's verify_data is wrong (RFC 8446 §4.4.4)");
    }
    channel.received(frame);
    applicationKeys = secrets.applicationKeys(channel.transcriptHash(suite));
    events.add(new TlsEvent.TrafficSecret("CLIENT_TRAFFIC_SECRET_0", clientRandom, applicationKeys.clientSecret()));
    events.add(new TlsEvent.TrafficSecret("SERVER_TRAFFIC_SECRET_0", clientRandom, applicationKeys.serverSecret()));
    channel.records().readWith(applicationKeys.server());
    // RFC 8446 §D.4: in compatibility mode the client's change_cipher_spec goes right before its
    // second flight, in plaintext, unless it already went before a second ClientHello.
    sendCompatibilityChangeCipherSpec();
    if (earlyDataAccepted) {
      // RFC 8446 §4.5: EndOfEarlyData, under the early keys, ends the 0-RTT data; it is part of
      // the transcript, and the client's Finished follows under its handshake keys.
      channel.send(new EndOfEarlyData());
      channel.records().writeWith(secrets.clientKeys());
    }
    channel.send(new Finished(Tls13Finished.verifyData(suite, secrets.client(), channel.transcriptHash(suite))));
    channel.records().writeWith(applicationKeys.client());
    resumptionMasterSecret = secrets.resumptionMasterSecret(channel.transcriptHash(suite));
    state = State.CONNECTED;
    // Only the handshake read these; a run may hold many connections open for long after it.
    firstHello = null;
    keyShares.clear();
    serverKey = null;
    stapled = Optional.empty();
  }
}
