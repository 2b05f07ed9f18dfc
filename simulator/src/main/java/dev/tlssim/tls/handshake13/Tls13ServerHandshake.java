package dev.tlssim.tls.handshake13;

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
import dev.tlssim.tls.wire.Certificate13;
import dev.tlssim.tls.wire.CertificateVerify;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.EncryptedExtensions;
import dev.tlssim.tls.wire.ExtensionContext;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.Finished;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HelloRetryRequest;
import dev.tlssim.tls.wire.KeyShareClientHello;
import dev.tlssim.tls.wire.KeyShareEntry;
import dev.tlssim.tls.wire.KeyShareHelloRetryRequest;
import dev.tlssim.tls.wire.KeyShareServerHello;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.ServerName;
import dev.tlssim.tls.wire.SignatureAlgorithms;
import dev.tlssim.tls.wire.SupportedGroups;
import dev.tlssim.tls.wire.SupportedVersions;
import dev.tlssim.tls.wire.Tls13Extensions;
import dev.tlssim.tls.wire.Tls13HandshakeDecoder;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.RSAKeyParameters;

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
 * No PSK, no 0-RTT, no cookie, no client authentication.
 */
final class Tls13ServerHandshake implements Tls13Handshake {
  private enum State { WAIT_CLIENT_HELLO, WAIT_SECOND_CLIENT_HELLO, WAIT_FINISHED, CONNECTED }

  /** What a HelloRetryRequest settled: the suite and the group the second ClientHello must use. */
  private record Retry(Tls13CipherSuite suite, NamedGroup group) {}

  private final Tls13ServerConfig config;
  private final SecureRandom random;
  private final Tls13HandshakeChannel channel;
  private State state = State.WAIT_CLIENT_HELLO;
  private Tls13Parameters parameters;
  private Retry retry;
  private boolean changeCipherSpecSent;
  private HandshakeTrafficSecrets secrets;
  private HandshakeTrafficSecrets.ApplicationTrafficKeys applicationKeys;

  Tls13ServerHandshake(Tls13ServerConfig config, SecureRandom random, Tls13HandshakeChannel channel) {
    this.config = config;
    this.random = random;
    this.channel = channel;
  }

  @Override
  public void start() {}

  @Override
  public boolean established() {
    return state == State.CONNECTED;
  }

  @Override
  public boolean acceptsCompatibilityChangeCipherSpec() {
    // RFC 8446 §5: after the first ClientHello; a client in compatibility mode may send it
    // before its second ClientHello (§D.4).
    return state == State.WAIT_SECOND_CLIENT_HELLO || state == State.WAIT_FINISHED;
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
      case WAIT_CLIENT_HELLO -> {
        expect(frame, HandshakeType.CLIENT_HELLO);
        onClientHello(frame);
      }
      case WAIT_SECOND_CLIENT_HELLO -> {
        expect(frame, HandshakeType.CLIENT_HELLO);
        onClientHello(frame);
      }
      case WAIT_FINISHED -> {
        expect(frame, HandshakeType.FINISHED);
        onFinished(frame);
      }
      case CONNECTED -> throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "handshake: " + frame.type().rfcName() + " after the handshake; post-handshake "
              + "messages (KeyUpdate, §4.6.3) are not built yet");
    }
  }

  private void expect(HandshakeFrame frame, HandshakeType type) throws TlsAlertException {
    if (frame.type() != type) {
      // RFC 8446 §4: "Protocol messages MUST be sent in the order defined ... A peer which
      // receives a handshake message in an unexpected order MUST abort the handshake with an
      // "unexpected_message" alert."
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "handshake: " + frame.type().rfcName() + " in state " + state + ", expected " + type.rfcName());
    }
  }

  private void onClientHello(HandshakeFrame frame) throws TlsAlertException {
    ClientHello hello = ClientHello.decode(frame.body());
    Extensions extensions = hello.extensionsOrEmpty();
    Tls13Extensions.checkBlock(extensions, ExtensionContext.CLIENT_HELLO);
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
    // RFC 8446 §9.2: a TLS 1.3 ClientHello without pre_shared_key "MUST contain both a
    // signature_algorithms extension and a supported_groups extension", and key_share comes with
    // supported_groups; otherwise the server "MUST abort the handshake with a "missing_extension"
    // alert". Without PSK support every one of them is needed.
    SignatureAlgorithms signatureAlgorithms = require(extensions.find(SignatureAlgorithms.class), "signature_algorithms");
    SupportedGroups supportedGroups = require(extensions.find(SupportedGroups.class), "supported_groups");
    KeyShareClientHello keyShares = require(
        Tls13Extensions.find(extensions, ExtensionContext.CLIENT_HELLO, KeyShareClientHello.class), "key_share");

    Tls13CipherSuite suite = retry == null ? chooseSuite(hello) : retriedSuite(hello);
    SignatureScheme scheme = config.signatureSchemes().stream()
        .filter(s -> signatureAlgorithms.schemeCodes().contains(s.code()))
        .filter(s -> s.usesRsaKey() == (config.privateKey() instanceof RSAKeyParameters))
        .findFirst()
        .orElseThrow(() -> new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
            "client_hello: no signature scheme in common for the server's key (RFC 8446 §4.4.2.2)"));

    KeyShareSelection share;
    if (retry == null) {
      Optional<KeyShareSelection> selected = KeyShareSelection.select(config.groups(), keyShares);
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
    EcdheKeyPair ephemeral = EcdheKeyPair.generate(share.group(), random);
    channel.cryptoOperation(share.group().rfcName() + ".keygen");
    byte[] shared = ephemeral.agree(share.clientShare().keyExchange());
    channel.cryptoOperation(share.group().rfcName() + ".agree");
    parameters = new Tls13Parameters(suite, share.group(), scheme);

    byte[] serverRandom = new byte[ClientHello.RANDOM_LENGTH];
    random.nextBytes(serverRandom);
    // RFC 8446 §4.1.3: legacy_version 0x0303, legacy_session_id_echo the client's session id,
    // legacy_compression_method 0; the real version is in supported_versions.
    channel.send(new ServerHello(ProtocolVersion.TLS12, serverRandom, hello.sessionId(), suite.code(),
        ClientHello.COMPRESSION_NULL, Optional.of(Extensions.of(
            SupportedVersions.Selected.of(ProtocolVersion.TLS13),
            new KeyShareServerHello(KeyShareEntry.of(share.group(), ephemeral.publicKey()))))));
    sendCompatibilityChangeCipherSpec(hello);

    secrets = HandshakeTrafficSecrets.derive(suite, shared, channel.transcriptHash(suite));
    channel.records().writeWith(secrets.serverKeys());
    channel.records().readWith(secrets.clientKeys());

    // RFC 6066 §3: a server that used server_name answers with an empty one, in EE in TLS 1.3.
    boolean sni = extensions.find(ServerName.class).isPresent();
    channel.send(new EncryptedExtensions(sni ? Extensions.of(ServerName.acknowledgement()) : Extensions.EMPTY));
    channel.send(Certificate13.ofServer(
        config.chain().certificates().stream().map(Tls13ServerHandshake::der).toList()));
    byte[] signed = CertificateVerify.signedContent(ConnectionEnd.SERVER, channel.transcriptHash(suite));
    channel.send(CertificateVerify.of(scheme,
        HandshakeSignature.sign(scheme, config.privateKey(), signed, random)));
    channel.send(new Finished(Tls13Finished.verifyData(suite, secrets.server(), channel.transcriptHash(suite))));

    applicationKeys = secrets.applicationKeys(channel.transcriptHash(suite));
    // RFC 8446 §4.4.4 / §7.1: after its Finished the server writes under application keys; it
    // reads under the client's handshake keys until the client's Finished.
    channel.records().writeWith(applicationKeys.server());
    state = State.WAIT_FINISHED;
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
}
