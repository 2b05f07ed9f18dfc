package dev.tlssim.tls.v13;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.FragmentLimit;
import dev.tlssim.tls.core.MaxFragmentLengthNegotiation;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.ServerKeyShare;
import dev.tlssim.tls.crypto.HandshakeSignature;
import dev.tlssim.tls.crypto.Tls13Finished;
import dev.tlssim.tls.crypto.Tls13KeySchedule;
import dev.tlssim.tls.crypto.Tls13TrafficKeys;
import dev.tlssim.tls.v12.ServerConfig;
import dev.tlssim.tls.wire.Certificate13;
import dev.tlssim.tls.wire.CertificateEntry;
import dev.tlssim.tls.wire.CertificateStatus;
import dev.tlssim.tls.wire.CertificateVerify;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.EarlyData;
import dev.tlssim.tls.wire.EncryptedExtensions;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.ExtensionContext;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.Finished;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HelloRetryRequest;
import dev.tlssim.tls.wire.KeyShareClientHello;
import dev.tlssim.tls.wire.KeyShareEntry;
import dev.tlssim.tls.wire.KeyShareHelloRetryRequest;
import dev.tlssim.tls.wire.KeyShareServerHello;
import dev.tlssim.tls.wire.MaxFragmentLength;
import dev.tlssim.tls.wire.MaxFragmentLengthExtension;
import dev.tlssim.tls.wire.NewSessionTicket13;
import dev.tlssim.tls.wire.OfferedPsks;
import dev.tlssim.tls.wire.PreSharedKey;
import dev.tlssim.tls.wire.PskIdentity;
import dev.tlssim.tls.wire.PskKeyExchangeModes;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.ServerName;
import dev.tlssim.tls.wire.SignatureAlgorithms;
import dev.tlssim.tls.wire.SupportedGroups;
import dev.tlssim.tls.wire.SupportedVersions;
import dev.tlssim.tls.wire.Tls13Extensions;
import dev.tlssim.tls.wire.Tls13HandshakeDecoder;
import dev.tlssim.tls.wire.UnknownExtension;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The server side of a TLS 1.3 full 1-RTT handshake with (EC)DHE and a certificate (RFC 8446
 * §2, Figure 1):
 *
 * <pre>
 * ClientHello  --------&gt;
 *                        ServerHello
 *                        {EncryptedExtensions} {Certificate} {CertificateVerify} {Finished}
 *              &lt;--------
 * {Finished}   --------&gt;
 * </pre>
 *
 * When the client supports one of the server's groups but sent no share for any, the server
 * first asks for one with a HelloRetryRequest (§4.1.4, Figure 2), at most once, and the
 * handshake continues with the second ClientHello.
 *
 * <p>With a {@link Tls13TicketPolicy} it sends NewSessionTickets after the handshake (§4.6.1)
 * and resumes with them (§2.2): a ClientHello whose pre_shared_key names a usable ticket with a
 * correct binder gets a ServerHello with selected_identity, and the server authenticates with the
 * PSK instead of Certificate and CertificateVerify. A ticket it cannot use leads to a full
 * handshake.
 *
 * <p>0-RTT (§2.3, §4.2.10): a ClientHello with early_data whose first PSK is accepted, in the
 * ticket's own suite, from a ticket with a max_early_data_size, after no HelloRetryRequest, and
 * that the {@link Tls13EarlyDataReplayGuard} admits (§8) gets early_data in EncryptedExtensions;
 * the server then reads 0-RTT data under client_early_traffic_secret until EndOfEarlyData and the
 * client's handshake keys after it. Any other ClientHello with early_data has its 0-RTT records
 * skipped by trial decryption, and the handshake goes on in 1-RTT.
 *
 * No cookie, no client authentication.
 */
final class Tls13ServerHandshake implements Tls13Handshake {
  private enum State { WAIT_CLIENT_HELLO, WAIT_SECOND_CLIENT_HELLO, WAIT_END_OF_EARLY_DATA, WAIT_FINISHED, CONNECTED }

  /** What a HelloRetryRequest settled: the suite and the group the second ClientHello must use. */
  private record Retry(Tls13CipherSuite suite, NamedGroup group) {}

  /**
   * An accepted PSK (RFC 8446 §4.2.11): the index of its identity, its PSK, the suite and, in
   * psk_dhe_ke mode, the client's key share ({@code null} in psk_ke mode).
   */
  private record Resumption(int index, byte[] psk, Tls13CipherSuite suite, KeyShareSelection share,
      Tls13SessionTicket ticket, PskIdentity identity, byte[] binder) {}

  private final Tls13ServerConfig config;
  private final SecureRandom random;
  private final Instant now;
  private final Tls13HandshakeChannel channel;
  /** How the server speaks TLS 1.2, null for TLS 1.3 only. */
  private final ServerConfig tls12;
  private final Tls12Handover handover;
  private State state = State.WAIT_CLIENT_HELLO;
  private Tls13Parameters parameters;
  private Retry retry;
  private boolean changeCipherSpecSent;
  private HandshakeTrafficSecrets secrets;
  private HandshakeTrafficSecrets.ApplicationTrafficKeys applicationKeys;
  /** The client's server_name, "" without one: tickets are bound to it (RFC 8446 §4.2.11). */
  private String serverName = "";
  /** 0-RTT bytes the client may still send, once early data was accepted (RFC 8446 §4.2.10). */
  private long earlyDataLeft;
  /** The max_fragment_length accepted from the ClientHello (RFC 6066 §4), for EncryptedExtensions. */
  private Optional<MaxFragmentLength> maxFragmentLength = Optional.empty();

  /**
   * @param tls12 how the server speaks TLS 1.2 as well, empty for TLS 1.3 only: a ClientHello
   *     that does not offer TLS 1.3 then goes to its handshake (RFC 8446 §4.2.1)
   */
  Tls13ServerHandshake(Tls13ServerConfig config, SecureRandom random, Instant now, Tls13HandshakeChannel channel,
      Optional<ServerConfig> tls12, Tls12Handover handover) {
    this.config = config;
    this.random = random;
    this.now = now;
    this.channel = channel;
    this.tls12 = tls12.orElse(null);
    this.handover = handover;
  }

  @Override
  public void start() {}

  @Override
  public boolean established() {
    return state == State.CONNECTED;
  }

  /**
   * RFC 8446 §2, Figure 1: the server may send application data right after its Finished, under
   * its application traffic keys, before the client's Finished has arrived (0.5-RTT data, to a
   * client not yet known to hold the keys; §4.4.4).
   */
  @Override
  public boolean writesApplicationData() {
    return state == State.WAIT_END_OF_EARLY_DATA || state == State.WAIT_FINISHED || state == State.CONNECTED;
  }

  @Override
  public boolean acceptsCompatibilityChangeCipherSpec() {
    // RFC 8446 §5: after the first ClientHello; a client in compatibility mode may send it
    // before its second ClientHello (§D.4).
    return state == State.WAIT_SECOND_CLIENT_HELLO || state == State.WAIT_END_OF_EARLY_DATA
        || state == State.WAIT_FINISHED;
  }

  @Override
  public boolean readingEarlyData() {
    return state == State.WAIT_END_OF_EARLY_DATA;
  }

  @Override
  public void onEarlyData(int length) throws TlsAlertException {
    if (length > earlyDataLeft) {
      // RFC 8446 §4.2.10: a server that receives more than max_early_data_size "SHOULD
      // terminate the connection with an "unexpected_message" alert".
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "application_data: 0-RTT data beyond the ticket's max_early_data_size (RFC 8446 §4.2.10)");
    }
    earlyDataLeft -= length;
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
  public boolean versionChosen() {
    return tls12 == null || state != State.WAIT_CLIENT_HELLO;
  }

  @Override
  public Optional<HandshakeType> expectedMessage() {
    return Optional.ofNullable(switch (state) {
      case WAIT_CLIENT_HELLO, WAIT_SECOND_CLIENT_HELLO -> HandshakeType.CLIENT_HELLO;
      case WAIT_END_OF_EARLY_DATA -> HandshakeType.END_OF_EARLY_DATA;
      case WAIT_FINISHED -> HandshakeType.FINISHED;
      case CONNECTED -> null;
    });
  }

  @Override
  public void onMessage(HandshakeFrame frame) throws TlsAlertException {
    switch (state) {
      case WAIT_CLIENT_HELLO, WAIT_SECOND_CLIENT_HELLO -> onClientHello(frame);
      case WAIT_END_OF_EARLY_DATA -> {
        new Tls13HandshakeDecoder(parameters.suite()).decode(frame);
        channel.received(frame);
        // RFC 8446 §4.5: EndOfEarlyData ends the 0-RTT data; the client's Finished comes under
        // its handshake traffic keys.
        channel.records().readWith(secrets.clientKeys());
        channel.records().fragmentLimit().limitReceiving();
        state = State.WAIT_FINISHED;
      }
      case WAIT_FINISHED -> onFinished(frame);
      case CONNECTED -> throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "handshake: " + frame.type().rfcName() + " after the handshake; of the post-handshake "
              + "messages (RFC 8446 §4.6) a server without client authentication accepts KeyUpdate only");
    }
  }

  private void onClientHello(HandshakeFrame frame) throws TlsAlertException {
    ClientHello hello = ClientHello.decode(frame.body());
    if (tls12 != null && state == State.WAIT_CLIENT_HELLO && !offersTls13(hello)) {
      handover.toServer(tls12, frame, hello);
      return;
    }
    Extensions extensions = hello.extensionsOrEmpty();
    Tls13Extensions.checkBlock(extensions, ExtensionContext.CLIENT_HELLO);
    maxFragmentLength = MaxFragmentLengthNegotiation.answer(MaxFragmentLengthExtension.in(extensions),
        config.acceptMaxFragmentLength());
    boolean offers13 = Tls13Extensions.find(extensions, ExtensionContext.CLIENT_HELLO, SupportedVersions.Offered.class)
        .map(v -> v.offers(ProtocolVersion.TLS13)).orElse(false);
    if (!offers13) {
      // Without supported_versions a ClientHello offers TLS 1.2 at most (RFC 8446 §4.2.1), and
      // "If the "supported_versions" extension is absent and the server only supports versions
      // greater than ClientHello.legacy_version, the server MUST abort the handshake with a
      // "protocol_version" alert" (§D.2). A list without 0x0304 leaves this TLS 1.3-only server
      // with no common version either: protocol_version, "recognized but not supported" (§6.2).
      throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
          "client_hello: TLS 1.3 is not in supported_versions, and this server speaks nothing else");
    }
    if (!hello.compressionMethods().equals(List.of(ClientHello.COMPRESSION_NULL))) {
      // RFC 8446 §4.1.2: legacy_compression_methods "MUST contain exactly one byte, set to zero";
      // otherwise "the server MUST abort the handshake with an "illegal_parameter" alert".
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "client_hello: legacy_compression_methods is not exactly [null] (RFC 8446 §4.1.2)");
    }
    Optional<ServerName> sni = extensions.find(ServerName.class);
    serverName = sni.map(n -> n.hostNames().isEmpty() ? "" : n.hostNames().get(0)).orElse("");
    Optional<OfferedPsks> offered =
        Tls13Extensions.find(extensions, ExtensionContext.CLIENT_HELLO, OfferedPsks.class);
    Optional<PskKeyExchangeModes> modes =
        Tls13Extensions.find(extensions, ExtensionContext.CLIENT_HELLO, PskKeyExchangeModes.class);
    if (offered.isPresent() && modes.isEmpty()) {
      // RFC 8446 §4.2.9: "If clients offer "pre_shared_key" without a "psk_key_exchange_modes"
      // extension, servers MUST abort the handshake."; §9.2 names missing_extension.
      throw new TlsAlertException(AlertDescription.MISSING_EXTENSION,
          "client_hello: pre_shared_key without psk_key_exchange_modes (RFC 8446 §4.2.9)");
    }
    if (offered.isPresent() && config.ticketPolicy().isPresent()) {
      Optional<Resumption> resumption = findResumption(frame, hello, offered.get(), modes.get(),
          Tls13Extensions.find(extensions, ExtensionContext.CLIENT_HELLO, KeyShareClientHello.class));
      if (resumption.isPresent()) {
        resume(frame, hello, resumption.get(), sni.isPresent(), extensions);
        return;
      }
    }
    skipRejectedEarlyData(extensions, config.ticketPolicy().map(Tls13TicketPolicy::maxEarlyDataSize).orElse(0L));
    // RFC 8446 §9.2: a TLS 1.3 ClientHello without pre_shared_key "MUST contain both a
    // signature_algorithms extension and a supported_groups extension", and key_share comes with
    // supported_groups; otherwise the server "MUST abort the handshake with a "missing_extension"
    // alert". Here no PSK was accepted, so every one of them is needed.
    SignatureAlgorithms signatureAlgorithms = require(extensions.find(SignatureAlgorithms.class), "signature_algorithms");
    SupportedGroups supportedGroups = require(extensions.find(SupportedGroups.class), "supported_groups");
    KeyShareClientHello keyShares = require(
        Tls13Extensions.find(extensions, ExtensionContext.CLIENT_HELLO, KeyShareClientHello.class), "key_share");

    Tls13CipherSuite suite = retry == null ? chooseSuite(hello) : retriedSuite(hello);
    SignatureScheme scheme = config.signatureSchemes().stream()
        .filter(s -> signatureAlgorithms.schemeCodes().contains(s.code()))
        .filter(s -> HandshakeSignature.fits(s, config.privateKey()))
        .findFirst()
        .orElseThrow(() -> new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
            "client_hello: no signature scheme in common for the server's key (RFC 8446 §4.4.2.2)"));

    KeyShareSelection share;
    if (retry == null) {
      Optional<KeyShareSelection> selected =
          KeyShareSelection.select(config.groups(), keyShares, supportedGroups, config.groupSelection());
      if (selected.isEmpty()) {
        NamedGroup group = KeyShareSelection.retryGroup(config.groups(), supportedGroups)
            .orElseThrow(() -> new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
                "client_hello: no group in supported_groups that this server supports (RFC 8446 §4.1.1)"));
        sendHelloRetryRequest(frame, hello, suite, group);
        return;
      }
      share = selected.get();
    } else {
      share = retriedShare(keyShares);
    }

    channel.received(frame);
    ServerKeyShare ours = ServerKeyShare.respond(share.group(), share.clientShare().keyExchange(), random);
    ours.operations().forEach(channel::cryptoOperation);
    byte[] shared = ours.sharedSecret();
    parameters = new Tls13Parameters(suite, share.group(), scheme);

    byte[] serverRandom = new byte[ClientHello.RANDOM_LENGTH];
    random.nextBytes(serverRandom);
    // RFC 8446 §4.1.3: legacy_version 0x0303, legacy_session_id_echo the client's session id,
    // legacy_compression_method 0; the real version is in supported_versions.
    channel.send(new ServerHello(ProtocolVersion.TLS12, serverRandom, hello.sessionId(), suite.code(),
        ClientHello.COMPRESSION_NULL, Optional.of(Extensions.of(
            SupportedVersions.Selected.of(ProtocolVersion.TLS13),
            new KeyShareServerHello(KeyShareEntry.of(share.group(), ours.keyExchange()))))));
    sendCompatibilityChangeCipherSpec(hello);

    secrets = HandshakeTrafficSecrets.derive(suite, shared, channel.transcriptHash(suite));
    channel.records().writeWith(secrets.serverKeys());
    channel.records().readWith(secrets.clientKeys());

    sendEncryptedExtensions(sni.isPresent(), false);
    channel.send(certificate(hello));
    byte[] signed = CertificateVerify.signedContent(ConnectionEnd.SERVER, channel.transcriptHash(suite));
    byte[] signature = HandshakeSignature.sign(scheme, config.privateKey(), signed, random);
    channel.cryptoOperation(config.privateKey(), "sign");
    channel.send(CertificateVerify.of(scheme, signature));
    channel.send(new Finished(Tls13Finished.verifyData(suite, secrets.server(), channel.transcriptHash(suite))));

    applicationKeys = secrets.applicationKeys(channel.transcriptHash(suite));
    // RFC 8446 §4.4.4 / §7.1: after its Finished the server writes under application keys; it
    // reads under the client's handshake keys until the client's Finished.
    channel.records().writeWith(applicationKeys.server());
    state = State.WAIT_FINISHED;
  }

  /**
   * RFC 6066 §3: a server that used server_name answers with an empty one, in EE in TLS 1.3;
   * RFC 8446 §4.2.10: an accepted 0-RTT attempt gets an empty early_data there.
   *
   * <p>An accepted max_fragment_length goes here too (RFC 8446 §4.2 lists it for CH and EE) and
   * binds every record from EncryptedExtensions on, the first under handshake keys (RFC 6066 §4:
   * "MUST immediately begin fragmenting messages (including handshake messages)"). The client's
   * records are held to it from its first under its handshake keys, the first it sends knowing
   * the answer: 0-RTT records left before it could (RFC 8446 §2.3).
   */
  private void sendEncryptedExtensions(boolean sni, boolean earlyData) {
    List<Extension> extensions = new ArrayList<>();
    if (sni) {
      extensions.add(ServerName.acknowledgement());
    }
    maxFragmentLength.map(MaxFragmentLengthExtension::new).ifPresent(extensions::add);
    FragmentLimit limit = channel.records().fragmentLimit();
    limit.negotiate(maxFragmentLength);
    limit.limitSending();
    if (!earlyData) {
      limit.limitReceiving();
    }
    if (earlyData) {
      extensions.add(new EarlyData.Indication());
    }
    channel.send(new EncryptedExtensions(new Extensions(extensions)));
  }

  /**
   * The first offered PSK this server can use (RFC 8446 §4.2.11), its binder verified, or empty
   * for a full handshake. A ticket is usable if it opens under our key, is within its lifetime
   * (§4.6.1), was issued for this server_name, has a hash that one of the client's suites shares
   * (§4.2.11: the PSK "MUST" be used with a suite of the same hash) and a key exchange mode of
   * the client's fits (§4.2.9: psk_dhe_ke if the client sent a share in one of our groups,
   * preferred for its forward secrecy, else psk_ke). Only the chosen PSK's binder is checked, as
   * §4.2.11 asks ("the server MUST validate the corresponding binder value"); a wrong one is a
   * decrypt_error (§4.2.11).
   */
  private Optional<Resumption> findResumption(HandshakeFrame frame, ClientHello hello, OfferedPsks offered,
      PskKeyExchangeModes modes, Optional<KeyShareClientHello> keyShares) throws TlsAlertException {
    Tls13TicketPolicy policy = config.ticketPolicy().orElseThrow();
    List<PskIdentity> identities = offered.identities();
    for (int i = 0; i < identities.size(); i++) {
      Optional<Tls13SessionTicket> opened = Tls13SessionTicket.open(policy.sealingKey(), identities.get(i).identity());
      if (opened.isEmpty() || !opened.get().validAt(now) || !opened.get().serverName().equals(serverName)) {
        continue;
      }
      Tls13SessionTicket ticket = opened.get();
      Optional<Tls13CipherSuite> suite = retry != null
          ? Optional.of(retry.suite()).filter(s -> s.hash().equals(ticket.suite().hash()))
          : config.cipherSuites().stream()
              .filter(s -> hello.cipherSuites().contains(s.code()) && s.hash().equals(ticket.suite().hash()))
              .findFirst();
      if (suite.isEmpty()) {
        continue;
      }
      KeyShareSelection share = null;
      if (modes.allows(PskKeyExchangeModes.PSK_DHE_KE) && keyShares.isPresent()) {
        share = retry != null ? retriedShare(keyShares.get())
            : KeyShareSelection.select(config.groups(), keyShares.get()).orElse(null);
      }
      if (share == null && !modes.allows(PskKeyExchangeModes.PSK_KE)) {
        continue;
      }
      byte[] binderHash = channel.transcriptHashWith(suite.get(), offered.truncate(frame.raw()));
      if (!PskBinder.verify(suite.get(), ticket.psk(), binderHash, offered.binders().get(i))) {
        throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
            "client_hello: the binder of PSK identity " + i + " does not verify (RFC 8446 §4.2.11)");
      }
      return Optional.of(new Resumption(i, ticket.psk(), suite.get(), share, ticket, identities.get(i),
          offered.binders().get(i)));
    }
    return Optional.empty();
  }

  /**
   * The resumed handshake (RFC 8446 §2.2, Figure 3): ServerHello with pre_shared_key naming the
   * chosen identity (§4.2.11) and, in psk_dhe_ke mode, a key_share; then EncryptedExtensions and
   * Finished, without Certificate or CertificateVerify: the PSK authenticates the server.
   */
  private void resume(HandshakeFrame frame, ClientHello hello, Resumption resumption, boolean sni,
      Extensions extensions) throws TlsAlertException {
    Tls13CipherSuite suite = resumption.suite();
    channel.received(frame);
    boolean earlyData = acceptsEarlyData(extensions, resumption);
    Tls13TrafficKeys earlyKeys = earlyData
        ? HandshakeTrafficSecrets.clientEarlyKeys(suite, resumption.psk(), channel.transcriptHash(suite)) : null;
    if (!earlyData) {
      skipRejectedEarlyData(extensions, resumption.ticket().maxEarlyDataSize());
    }
    List<Extension> serverExtensions = new ArrayList<>();
    serverExtensions.add(SupportedVersions.Selected.of(ProtocolVersion.TLS13));
    byte[] shared = null;
    KeyShareSelection share = resumption.share();
    if (share != null) {
      ServerKeyShare ours = ServerKeyShare.respond(share.group(), share.clientShare().keyExchange(), random);
      ours.operations().forEach(channel::cryptoOperation);
      shared = ours.sharedSecret();
      serverExtensions.add(new KeyShareServerHello(KeyShareEntry.of(share.group(), ours.keyExchange())));
    }
    serverExtensions.add(new PreSharedKey.SelectedIdentity(resumption.index()));
    parameters = Tls13Parameters.resumed(suite, share == null ? null : share.group()).withEarlyDataAccepted(earlyData);

    byte[] serverRandom = new byte[ClientHello.RANDOM_LENGTH];
    random.nextBytes(serverRandom);
    channel.send(new ServerHello(ProtocolVersion.TLS12, serverRandom, hello.sessionId(), suite.code(),
        ClientHello.COMPRESSION_NULL, Optional.of(new Extensions(serverExtensions))));
    sendCompatibilityChangeCipherSpec(hello);

    secrets = HandshakeTrafficSecrets.deriveWithPsk(suite, resumption.psk(), shared, channel.transcriptHash(suite));
    channel.records().writeWith(secrets.serverKeys());
    channel.records().readWith(secrets.clientKeys());
    sendEncryptedExtensions(sni, earlyData);
    channel.send(new Finished(Tls13Finished.verifyData(suite, secrets.server(), channel.transcriptHash(suite))));
    applicationKeys = secrets.applicationKeys(channel.transcriptHash(suite));
    channel.records().writeWith(applicationKeys.server());
    if (earlyData) {
      // RFC 8446 §2.3: the 0-RTT records after the ClientHello are under
      // client_early_traffic_secret, up to the client's EndOfEarlyData.
      channel.records().readWith(earlyKeys);
      earlyDataLeft = resumption.ticket().maxEarlyDataSize();
      state = State.WAIT_END_OF_EARLY_DATA;
    } else {
      state = State.WAIT_FINISHED;
    }
  }

  /**
   * RFC 8446 §4.2.10: to accept early data the server "MUST verify that ... the selected_identity
   * [is] 0", that the suite is the one the ticket was issued with, and this server accepts it
   * only from a ticket that allowed it, never after a HelloRetryRequest (the second ClientHello
   * "MUST NOT" carry early_data), when the client's ticket age is within the configured window of
   * the server's (§8.3), and when the anti-replay guard has not seen it (§8).
   */
  private boolean acceptsEarlyData(Extensions extensions, Resumption resumption) throws TlsAlertException {
    boolean offered = Tls13Extensions.find(extensions, ExtensionContext.CLIENT_HELLO, EarlyData.Indication.class)
        .isPresent();
    if (!offered || retry != null || resumption.index() != 0 || resumption.suite() != resumption.ticket().suite()
        || resumption.ticket().maxEarlyDataSize() == 0) {
      return false;
    }
    // RFC 8446 §4.2.11.1: the client's view of the ticket age is obfuscated_ticket_age less
    // ticket_age_add modulo 2^32; §8.3: the server compares it with its own, the time since it
    // issued the ticket, and "if the ticket age differs by more than a certain amount, the server
    // should reject 0-RTT"; a replay of an old ClientHello claims too young an age. Checked before
    // the anti-replay guard so that a refused attempt is not recorded there.
    Tls13SessionTicket ticket = resumption.ticket();
    long clientAgeMillis = (resumption.identity().obfuscatedTicketAge() - ticket.ageAdd()) & 0xffffffffL;
    Duration skew = Duration.ofMillis(clientAgeMillis).minus(Duration.between(ticket.issued(), now));
    if (skew.abs().compareTo(config.ticketAgeWindow()) > 0) {
      return false;
    }
    return config.replayGuard().admit(resumption.identity().identity(), resumption.binder(), skew, now);
  }

  /**
   * RFC 8446 §4.2.10: a server that does not accept the early data of a ClientHello with
   * early_data "skip[s] past early data by attempting to deprotect received records using the
   * handshake traffic key, discarding records which fail deprotection (up to the configured
   * max_early_data_size)".
   */
  private void skipRejectedEarlyData(Extensions extensions, long maxEarlyDataSize) throws TlsAlertException {
    if (Tls13Extensions.find(extensions, ExtensionContext.CLIENT_HELLO, EarlyData.Indication.class).isPresent()) {
      channel.records().skipUndecryptable(maxEarlyDataSize);
    }
  }

  /**
   * RFC 8446 §4.6.1: after the client's Finished, {@code count} NewSessionTickets, each with its
   * own nonce (so each has its own PSK) and a fresh random ticket_age_add. The PSK is
   * HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length).
   */
  private void sendTickets(Tls13TicketPolicy policy) {
    Tls13CipherSuite suite = parameters.suite();
    byte[] resumptionMasterSecret = secrets.resumptionMasterSecret(channel.transcriptHash(suite));
    for (int i = 0; i < policy.count(); i++) {
      byte[] nonce = {(byte) i};
      long ageAdd = random.nextInt() & 0xffffffffL;
      byte[] psk = Tls13KeySchedule.resumptionPsk(suite, resumptionMasterSecret, nonce);
      byte[] ticket = new Tls13SessionTicket(psk, suite, now, policy.lifetime(), ageAdd, serverName,
          policy.maxEarlyDataSize()).seal(policy.sealingKey(), random);
      // RFC 8446 §4.6.1: early_data(max_early_data_size) says the ticket may be used for 0-RTT.
      Extensions extensions = policy.maxEarlyDataSize() == 0
          ? Extensions.EMPTY : Extensions.of(new EarlyData.MaxEarlyDataSize(policy.maxEarlyDataSize()));
      channel.send(new NewSessionTicket13(policy.lifetime().getSeconds(), ageAdd, nonce, ticket, extensions));
    }
  }

  /**
   * RFC 8446 §4.1.4: the client supports a group of ours but sent no share in one, so ask for a
   * share in {@code group}. The HelloRetryRequest names the suite the handshake will use, and its
   * transcript starts with message_hash in place of ClientHello1 (§4.4.1).
   */
  private void sendHelloRetryRequest(HandshakeFrame frame, ClientHello hello, Tls13CipherSuite suite,
      NamedGroup group) {
    channel.received(frame);
    channel.replaceClientHelloWithMessageHash(suite);
    // RFC 8446 §4.1.4: a HelloRetryRequest carries supported_versions (the selected version) and,
    // to ask for a new share, key_share with selected_group; legacy_session_id_echo as ServerHello.
    channel.send(HelloRetryRequest.of(hello.sessionId(), suite.code(), Extensions.of(
        SupportedVersions.Selected.of(ProtocolVersion.TLS13),
        KeyShareHelloRetryRequest.of(group))));
    sendCompatibilityChangeCipherSpec(hello);
    retry = new Retry(suite, group);
    state = State.WAIT_SECOND_CLIENT_HELLO;
  }

  /**
   * RFC 8446 §D.4: a client in middlebox compatibility mode sends a non-empty session id; the
   * server then "sends a dummy change_cipher_spec record immediately after its first handshake
   * message. This may either be after a ServerHello or a HelloRetryRequest": once, either way.
   */
  private void sendCompatibilityChangeCipherSpec(ClientHello hello) {
    if (hello.sessionId().length > 0 && !changeCipherSpecSent) {
      channel.sendChangeCipherSpec();
      changeCipherSpecSent = true;
    }
  }

  private Tls13CipherSuite chooseSuite(ClientHello hello) throws TlsAlertException {
    return config.cipherSuites().stream()
        .filter(s -> hello.cipherSuites().contains(s.code())).findFirst()
        .orElseThrow(() -> new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
            "client_hello: no TLS 1.3 cipher suite in common (RFC 8446 §4.1.1)"));
  }

  /**
   * RFC 8446 §4.1.4: "Servers MUST ensure that they negotiate the same cipher suite when receiving
   * a conformant updated ClientHello"; a second ClientHello that no longer offers it is not
   * conformant (§4.1.2: the client sends "the same ClientHello"), so illegal_parameter.
   */
  private Tls13CipherSuite retriedSuite(ClientHello hello) throws TlsAlertException {
    if (!hello.cipherSuites().contains(retry.suite().code())) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "client_hello: the second ClientHello no longer offers " + retry.suite().name()
              + ", the suite of the HelloRetryRequest (RFC 8446 §4.1.4)");
    }
    return retry.suite();
  }

  /**
   * RFC 8446 §4.2.8: after a HelloRetryRequest the client "MUST replace the original "key_share"
   * extension with one containing only a new KeyShareEntry for the group indicated in the
   * selected_group field"; anything else is not the ClientHello the server asked for (§4.1.2),
   * illegal_parameter.
   */
  private KeyShareSelection retriedShare(KeyShareClientHello keyShares) throws TlsAlertException {
    List<KeyShareEntry> shares = keyShares.clientShares();
    if (shares.size() != 1 || shares.get(0).group() != retry.group().code()) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "client_hello: the second ClientHello must carry exactly one key share, for "
              + retry.group().rfcName() + " (RFC 8446 §4.2.8); it carries " + shares.size()
              + (shares.isEmpty() ? "" : String.format(", the first for group 0x%04x", shares.get(0).group())));
    }
    return new KeyShareSelection(retry.group(), shares.get(0));
  }

  private void onFinished(HandshakeFrame frame) throws TlsAlertException {
    Tls13CipherSuite suite = parameters.suite();
    Finished finished = (Finished) new Tls13HandshakeDecoder(suite).decode(frame);
    if (!Tls13Finished.verify(suite, secrets.client(), channel.transcriptHash(suite), finished.verifyData())) {
      // RFC 8446 §4.4.4: "Recipients of Finished messages MUST verify that the contents are
      // correct and if incorrect MUST terminate the connection with a "decrypt_error" alert."
      throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
          "finished: the client's verify_data is wrong (RFC 8446 §4.4.4)");
    }
    channel.received(frame);
    channel.records().readWith(applicationKeys.client());
    state = State.CONNECTED;
    config.ticketPolicy().ifPresent(this::sendTickets);
  }

  private static <T> T require(Optional<T> extension, String name) throws TlsAlertException {
    return extension.orElseThrow(() -> new TlsAlertException(AlertDescription.MISSING_EXTENSION,
        "client_hello: no " + name + " extension in a TLS 1.3 ClientHello without PSK (RFC 8446 §9.2)"));
  }

  private static byte[] der(X509CertificateHolder certificate) {
    try {
      return certificate.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the server's own certificate", e);
    }
  }

  /**
   * The server's Certificate (RFC 8446 §4.4.2). §4.4.2.1: to a ClientHello with status_request,
   * the leaf's CertificateEntry carries the OCSP response in a status_request extension whose
   * body is a CertificateStatus, the message TLS 1.2 sends on its own (RFC 6066 §8).
   */
  private Certificate13 certificate(ClientHello hello) {
    List<byte[]> chain = config.chain().certificates().stream().map(Tls13ServerHandshake::der).toList();
    boolean asked = hello.extensionsOrEmpty().contains(ExtensionType.STATUS_REQUEST);
    byte[] staple = asked && config.stapledOcspResponse() != null ? config.stapledOcspResponse().get() : null;
    if (staple == null) {
      return Certificate13.ofServer(chain);
    }
    List<CertificateEntry> entries = new ArrayList<>();
    entries.add(new CertificateEntry(chain.get(0), Extensions.of(
        new UnknownExtension(ExtensionType.STATUS_REQUEST.code(), new CertificateStatus(staple).encodeBody()))));
    chain.stream().skip(1).map(CertificateEntry::of).forEach(entries::add);
    return new Certificate13(new byte[0], entries);
  }

  /**
   * RFC 8446 §4.2.1: a ClientHello without supported_versions, or without 0x0304 in it, asks for
   * TLS 1.2 or below. One whose supported_versions does not even decode stays with TLS 1.3, which
   * answers it with the right alert.
   */
  private static boolean offersTls13(ClientHello hello) {
    try {
      return Tls13Extensions.find(hello.extensionsOrEmpty(), ExtensionContext.CLIENT_HELLO,
          SupportedVersions.Offered.class).map(v -> v.offers(ProtocolVersion.TLS13)).orElse(false);
    } catch (TlsAlertException e) {
      return true;
    }
  }
}
