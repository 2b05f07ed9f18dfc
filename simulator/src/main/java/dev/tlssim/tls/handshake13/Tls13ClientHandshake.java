package dev.tlssim.tls.handshake13;

import dev.tlssim.pki.ServerKeyUse;
import dev.tlssim.pki.VerificationResult;
import dev.tlssim.pki.VerificationStep;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.EcdheKeyPair;
import dev.tlssim.tls.crypto.HandshakeSignature;
import dev.tlssim.tls.crypto.Tls13Finished;
import dev.tlssim.tls.handshake.TlsEvent;
import dev.tlssim.tls.wire.Certificate13;
import dev.tlssim.tls.wire.CertificateVerify;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.ExtensionContext;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.Finished;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.KeyShareClientHello;
import dev.tlssim.tls.wire.KeyShareEntry;
import dev.tlssim.tls.wire.KeyShareServerHello;
import dev.tlssim.tls.wire.NewSessionTicket13;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.ServerName;
import dev.tlssim.tls.wire.SignatureAlgorithms;
import dev.tlssim.tls.wire.SignatureAlgorithmsCert;
import dev.tlssim.tls.wire.SupportedGroups;
import dev.tlssim.tls.wire.SupportedVersions;
import dev.tlssim.tls.wire.Tls13Extensions;
import dev.tlssim.tls.wire.Tls13HandshakeDecoder;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The client side of a TLS 1.3 full 1-RTT handshake with (EC)DHE and a server certificate
 * (RFC 8446 §2, Figure 1): ClientHello with one key share per configured group; then ServerHello,
 * {EncryptedExtensions}, {Certificate}, {CertificateVerify}, {Finished} from the server; then
 * the client's {Finished}. It runs in middlebox compatibility mode (§D.4): a random 32-byte
 * legacy_session_id and a change_cipher_spec before its second flight.
 *
 * <p>No PSK, no 0-RTT, no HelloRetryRequest, no client certificate. NewSessionTickets after the
 * handshake (§4.6.1) are read and dropped, since resumption is not built.
 */
final class Tls13ClientHandshake implements Tls13Handshake {
  /**
   * The ServerHello.random of a HelloRetryRequest, SHA-256("HelloRetryRequest") (RFC 8446 §4.1.3).
   */
  private static final byte[] HELLO_RETRY_REQUEST_RANDOM = HexFormat.of().parseHex(
      "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

  private enum State { START, WAIT_SERVER_HELLO, WAIT_ENCRYPTED_EXTENSIONS, WAIT_CERTIFICATE,
    WAIT_CERTIFICATE_VERIFY, WAIT_FINISHED, CONNECTED }

  private final Tls13ClientConfig config;
  private final SecureRandom random;
  private final Instant now;
  private final Tls13HandshakeChannel channel;
  private final List<TlsEvent> events;
  private final Map<NamedGroup, EcdheKeyPair> keyShares = new LinkedHashMap<>();
  private State state = State.START;
  private byte[] sessionId;
  private Tls13CipherSuite suite;
  private NamedGroup group;
  private HandshakeTrafficSecrets secrets;
  private AsymmetricKeyParameter serverKey;
  private Tls13Parameters parameters;

  Tls13ClientHandshake(Tls13ClientConfig config, SecureRandom random, Instant now,
      Tls13HandshakeChannel channel, List<TlsEvent> events) {
    this.config = config;
    this.random = random;
    this.now = now;
    this.channel = channel;
    this.events = events;
  }

  @Override
  public void start() {
    if (state != State.START) {
      throw new IllegalStateException("already started");
    }
    List<KeyShareEntry> shares = new ArrayList<>();
    for (NamedGroup g : config.groups()) {
      EcdheKeyPair pair = EcdheKeyPair.generate(g, random);
      channel.cryptoOperation(g.rfcName() + ".keygen");
      keyShares.put(g, pair);
      shares.add(KeyShareEntry.of(g, pair.publicKey()));
    }
    byte[] clientRandom = new byte[ClientHello.RANDOM_LENGTH];
    random.nextBytes(clientRandom);
    sessionId = new byte[ClientHello.MAX_SESSION_ID_LENGTH];
    random.nextBytes(sessionId);
    // RFC 8446 §4.1.2: legacy_version 0x0303, the versions in supported_versions; §9.2 lists the
    // extensions a TLS 1.3 ClientHello without PSK must carry.
    channel.send(new ClientHello(ProtocolVersion.TLS12, clientRandom, sessionId,
        config.cipherSuites().stream().map(Tls13CipherSuite::code).toList(),
        List.of(ClientHello.COMPRESSION_NULL),
        Optional.of(new Extensions(List.of(
            ServerName.of(config.serverName()),
            SupportedGroups.of(config.groups().toArray(NamedGroup[]::new)),
            SignatureAlgorithms.of(config.signatureSchemes().toArray(SignatureScheme[]::new)),
            SignatureAlgorithmsCert.of(config.certificateSignatureSchemes().toArray(SignatureScheme[]::new)),
            SupportedVersions.Offered.of(ProtocolVersion.TLS13),
            new KeyShareClientHello(shares))))));
    state = State.WAIT_SERVER_HELLO;
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
  public Optional<Tls13Parameters> parameters() {
    return Optional.ofNullable(parameters);
  }

  @Override
  public String state() {
    return state.name();
  }

  @Override
  public void onMessage(HandshakeFrame frame) throws TlsAlertException {
    switch (state) {
      case WAIT_SERVER_HELLO -> onServerHello(expect(frame, HandshakeType.SERVER_HELLO));
      case WAIT_ENCRYPTED_EXTENSIONS -> {
        decode(expect(frame, HandshakeType.ENCRYPTED_EXTENSIONS));
        channel.received(frame);
        state = State.WAIT_CERTIFICATE;
      }
      case WAIT_CERTIFICATE -> onCertificate(frame,
          (Certificate13) decode(expect(frame, HandshakeType.CERTIFICATE)));
      case WAIT_CERTIFICATE_VERIFY -> onCertificateVerify(frame,
          (CertificateVerify) decode(expect(frame, HandshakeType.CERTIFICATE_VERIFY)));
      case WAIT_FINISHED -> onFinished(frame, (Finished) decode(expect(frame, HandshakeType.FINISHED)));
      case CONNECTED -> {
        if (!(decode(frame) instanceof NewSessionTicket13)) {
          throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
              "handshake: " + frame.type().rfcName() + " after the handshake; only "
                  + "NewSessionTicket is accepted (KeyUpdate, §4.6.3, is not built yet)");
        }
      }
      case START -> throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "handshake: " + frame.type().rfcName() + " before ClientHello");
    }
  }

  private HandshakeFrame expect(HandshakeFrame frame, HandshakeType type) throws TlsAlertException {
    if (frame.type() != type) {
      // RFC 8446 §4: a message in an unexpected order is an "unexpected_message".
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "handshake: " + frame.type().rfcName() + " in state " + state + ", expected " + type.rfcName());
    }
    return frame;
  }

  private HandshakeMessage decode(HandshakeFrame frame) throws TlsAlertException {
    return new Tls13HandshakeDecoder(suite).decode(frame);
  }

  private void onServerHello(HandshakeFrame frame) throws TlsAlertException {
    ServerHello hello = ServerHello.decode(frame.body());
    if (Arrays.equals(hello.random(), HELLO_RETRY_REQUEST_RANDOM)) {
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
          "server_hello: a HelloRetryRequest (RFC 8446 §4.1.4), which this client does not handle yet");
    }
    Extensions extensions = hello.extensionsOrEmpty();
    Tls13Extensions.checkBlock(extensions, ExtensionContext.SERVER_HELLO);
    Optional<SupportedVersions.Selected> version =
        Tls13Extensions.find(extensions, ExtensionContext.SERVER_HELLO, SupportedVersions.Selected.class);
    if (version.isEmpty()) {
      // RFC 8446 §4.2.1: no supported_versions means the server chose TLS 1.2 or below, which
      // this client does not offer: protocol_version (§6.2).
      throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
          "server_hello: no supported_versions, so not TLS 1.3, the only version offered");
    }
    if (version.get().selectedVersion() != ProtocolVersion.TLS13.code()) {
      // RFC 8446 §4.2.1: a selected version the client did not offer is an illegal_parameter.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          String.format("server_hello: selected_version 0x%04x was not offered", version.get().selectedVersion()));
    }
    if (!Arrays.equals(hello.sessionId(), sessionId)) {
      // RFC 8446 §4.1.3: legacy_session_id_echo that does not match is an illegal_parameter.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "server_hello: legacy_session_id_echo does not echo the ClientHello's session id");
    }
    if (hello.compressionMethod() != ClientHello.COMPRESSION_NULL) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "server_hello: legacy_compression_method is not 0 (RFC 8446 §4.1.3)");
    }
    suite = Tls13CipherSuite.fromCode(hello.cipherSuite())
        .filter(config.cipherSuites()::contains)
        .orElseThrow(() -> new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
            String.format("server_hello: cipher_suite 0x%04x was not offered (RFC 8446 §4.1.3)", hello.cipherSuite())));
    KeyShareEntry share = Tls13Extensions.find(extensions, ExtensionContext.SERVER_HELLO, KeyShareServerHello.class)
        .orElseThrow(() -> new TlsAlertException(AlertDescription.MISSING_EXTENSION,
            "server_hello: no key_share in a handshake without PSK (RFC 8446 §9.2)"))
        .serverShare();
    group = share.knownGroup().filter(keyShares::containsKey)
        .orElseThrow(() -> new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
            String.format("server_hello: key_share in group 0x%04x, for which no share was sent (RFC 8446 §4.2.8)", share.group())));
    byte[] shared = keyShares.get(group).agree(share.keyExchange());
    channel.cryptoOperation(group.rfcName() + ".agree");

    channel.received(frame);
    secrets = HandshakeTrafficSecrets.derive(suite, shared, channel.transcriptHash(suite));
    channel.records().readWith(secrets.serverKeys());
    // From here on the client's records, an alert included, go under its handshake keys (RFC 8446
    // §7.1, §6: alerts "are encrypted as specified by the current connection state").
    channel.records().writeWith(secrets.clientKeys());
    state = State.WAIT_ENCRYPTED_EXTENSIONS;
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
    VerificationResult result = config.verifier().verify(chain, config.serverName(), now, ServerKeyUse.SIGNING);
    for (VerificationStep step : result.steps()) {
      events.add(new TlsEvent.CertificateCheck(step.check().name().toLowerCase(Locale.ROOT),
          step.status().name().toLowerCase(Locale.ROOT), step.detail()));
    }
    if (!result.accepted()) {
      VerificationStep failed = result.failedCheck().orElseThrow();
      throw new TlsAlertException(result.alert().orElse(AlertDescription.CERTIFICATE_UNKNOWN),
          "certificate: " + failed.check().name().toLowerCase(Locale.ROOT) + " check failed: " + failed.detail());
    }
    channel.received(frame);
    state = State.WAIT_CERTIFICATE_VERIFY;
  }

  private void onCertificateVerify(HandshakeFrame frame, CertificateVerify verify) throws TlsAlertException {
    SignatureScheme scheme = verify.knownAlgorithm().filter(config.signatureSchemes()::contains)
        .orElseThrow(() -> new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
            String.format("certificate_verify: algorithm 0x%04x was not offered in signature_algorithms "
                + "(RFC 8446 §4.4.3)", verify.algorithm())));
    byte[] signed = CertificateVerify.signedContent(ConnectionEnd.SERVER, channel.transcriptHash(suite));
    if (!HandshakeSignature.verify(scheme, serverKey, signed, verify.signature())) {
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
    HandshakeTrafficSecrets.ApplicationTrafficKeys applicationKeys =
        secrets.applicationKeys(channel.transcriptHash(suite));
    channel.records().readWith(applicationKeys.server());
    // RFC 8446 §D.4: in compatibility mode the client's change_cipher_spec goes right before its
    // second flight, in plaintext.
    channel.sendChangeCipherSpec();
    channel.send(new Finished(Tls13Finished.verifyData(suite, secrets.client(), channel.transcriptHash(suite))));
    channel.records().writeWith(applicationKeys.client());
    state = State.CONNECTED;
  }
}
