package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.assertAlert;
import static dev.tlssim.tls.wire.WireAssertions.assertEveryTruncationFails;
import static dev.tlssim.tls.wire.WireAssertions.assertTrailingByteFails;
import static dev.tlssim.tls.wire.WireAssertions.concat;
import static dev.tlssim.tls.wire.WireAssertions.hex;
import static dev.tlssim.tls.wire.WireAssertions.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The TLS 1.3 handshake messages of RFC 8446 §4, against hand-assembled and RFC 8448 bytes. */
class Tls13MessagesTest {
  static final String SERVER_CONTEXT_HEX =
      "544c5320312e332c20736572766572204365727469666963617465566572696679";

  static Certificate13 sampleCertificate() {
    return new Certificate13(hex("01aa"), List.of(
        new CertificateEntry(hex("308201"), Extensions.of(
            new UnknownExtension(ExtensionType.STATUS_REQUEST.code(), hex("01 000002 3003")),
            new UnknownExtension(ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP.code(),
                hex("0003 abcdef")))),
        CertificateEntry.of(hex("3003020101"))));
  }

  static NewSessionTicket13 sampleTicket() {
    return new NewSessionTicket13(7200, 0x01020304L, hex("00"), hex("deadbeef"),
        Extensions.of(new EarlyData.MaxEarlyDataSize(0x4000).toUnknownExtension()));
  }

  /** Each message with its exact encoding, header included, hand-assembled from RFC 8446 §4. */
  static Stream<Arguments> knownEncodings() {
    return Stream.of(
        Arguments.of(new EncryptedExtensions(Extensions.EMPTY), "08 000002 0000"),
        Arguments.of(new EncryptedExtensions(Extensions.of(ServerName.acknowledgement(),
                new EarlyData.Indication().toUnknownExtension())),
            "08 00000a 0008 0000 0000 002a 0000"),
        Arguments.of(sampleCertificate(),
            "0b 00002b 02 01aa 000025"
                + " 000003 308201 0013 0005 0006 01 000002 3003 0012 0005 0003 abcdef"
                + " 000005 3003020101 0000"),
        Arguments.of(Certificate13.ofServer(List.of()), "0b 000004 00 000000"),
        Arguments.of(CertificateVerify.of(SignatureScheme.ECDSA_SECP256R1_SHA256, hex("3006")),
            "0f 000006 0403 0002 3006"),
        Arguments.of(new CertificateVerify(0x0807, new byte[0]), "0f 000004 0807 0000"),
        Arguments.of(sampleTicket(),
            "04 00001a 00001c20 01020304 01 00 0004 deadbeef 0008 002a 0004 00004000"),
        Arguments.of(new NewSessionTicket13(0, 0, new byte[0], hex("01"), Extensions.EMPTY),
            "04 00000e 00000000 00000000 00 0001 01 0000"),
        Arguments.of(new EndOfEarlyData(), "05 000000"),
        Arguments.of(new KeyUpdate(KeyUpdate.Request.UPDATE_NOT_REQUESTED), "18 000001 00"),
        Arguments.of(new KeyUpdate(KeyUpdate.Request.UPDATE_REQUESTED), "18 000001 01"));
  }

  static Tls13HandshakeMessage decode(HandshakeType type, byte[] body) throws TlsAlertException {
    return switch (type) {
      case ENCRYPTED_EXTENSIONS -> EncryptedExtensions.decode(body);
      case CERTIFICATE -> Certificate13.decode(body);
      case CERTIFICATE_VERIFY -> CertificateVerify.decode(body);
      case NEW_SESSION_TICKET -> NewSessionTicket13.decode(body);
      case END_OF_EARLY_DATA -> EndOfEarlyData.decode(body);
      case KEY_UPDATE -> KeyUpdate.decode(body);
      default -> throw new IllegalArgumentException(type.toString());
    };
  }

  @ParameterizedTest
  @MethodSource("knownEncodings")
  void exactBytesRoundTripTruncationsAndTrailingBytes(Tls13HandshakeMessage message,
      String expectedHex) throws TlsAlertException {
    byte[] expected = hex(expectedHex);
    assertThat(hex(message.encode())).isEqualTo(hex(expected));
    byte[] body = Rfc8448Messages.body(expected);
    assertThat(message.type().code()).isEqualTo(expected[0] & 0xff);
    Tls13HandshakeMessage decoded = decode(message.type(), body);
    assertThat(decoded).isEqualTo(message).hasSameHashCodeAs(message);
    assertThat(decoded.encodeBody()).isEqualTo(body);
    assertThat(decoded.toString()).isNotBlank();
    assertEveryTruncationFails(b -> decode(message.type(), b), body);
    assertTrailingByteFails(b -> decode(message.type(), b), body);
  }

  static Stream<Arguments> malformed() {
    AlertDescription decodeError = AlertDescription.DECODE_ERROR;
    AlertDescription illegal = AlertDescription.ILLEGAL_PARAMETER;
    return Stream.of(
        // EncryptedExtensions (§4.3.1)
        Arguments.of("EE: block overruns", HandshakeType.ENCRYPTED_EXTENSIONS, "0005 0000 0000",
            decodeError),
        Arguments.of("EE: key_share", HandshakeType.ENCRYPTED_EXTENSIONS, "0006 0033 0002 0017",
            illegal),
        Arguments.of("EE: supported_versions", HandshakeType.ENCRYPTED_EXTENSIONS,
            "0006 002b 0002 0304", illegal),
        Arguments.of("EE: early_data with a size", HandshakeType.ENCRYPTED_EXTENSIONS,
            "0008 002a 0004 00000400", decodeError),
        Arguments.of("EE: duplicate", HandshakeType.ENCRYPTED_EXTENSIONS,
            "0008 0000 0000 0000 0000", illegal),
        Arguments.of("EE: empty body", HandshakeType.ENCRYPTED_EXTENSIONS, "", decodeError),
        // Certificate (§4.4.2)
        Arguments.of("CT: empty cert_data", HandshakeType.CERTIFICATE, "00 000005 000000 0000",
            decodeError),
        Arguments.of("CT: entry without extensions", HandshakeType.CERTIFICATE,
            "00 000004 000001 01", decodeError),
        Arguments.of("CT: context overruns", HandshakeType.CERTIFICATE, "05 0102 000000",
            decodeError),
        Arguments.of("CT: list overruns", HandshakeType.CERTIFICATE, "00 000009 000001 01 0000",
            decodeError),
        Arguments.of("CT: server_name in an entry", HandshakeType.CERTIFICATE,
            "00 00000a 000001 01 0004 0000 0000", illegal),
        Arguments.of("CT: key_share in an entry", HandshakeType.CERTIFICATE,
            "00 00000c 000001 01 0006 0033 0002 0017", illegal),
        Arguments.of("CT: status_request that is a request", HandshakeType.CERTIFICATE,
            "00 000010 000001 01 000a 0005 0005 01 0000 0000", decodeError),
        Arguments.of("CT: status_request not OCSP", HandshakeType.CERTIFICATE,
            "00 000010 000001 01 000a 0005 0006 02 000002 3003", illegal),
        Arguments.of("CT: duplicate entry extension", HandshakeType.CERTIFICATE,
            "00 000012 000001 01 000c 0012 0002 0000 0012 0002 0000", illegal),
        // CertificateVerify (§4.4.3)
        Arguments.of("CV: signature overruns", HandshakeType.CERTIFICATE_VERIFY,
            "0804 0003 0102", decodeError),
        Arguments.of("CV: no signature length", HandshakeType.CERTIFICATE_VERIFY, "0804",
            decodeError),
        // NewSessionTicket (§4.6.1)
        Arguments.of("NST: empty ticket", HandshakeType.NEW_SESSION_TICKET,
            "00000000 00000000 00 0000 0000", decodeError),
        Arguments.of("NST: no extensions", HandshakeType.NEW_SESSION_TICKET,
            "00000000 00000000 00 0001 01", decodeError),
        Arguments.of("NST: nonce overruns", HandshakeType.NEW_SESSION_TICKET,
            "00000000 00000000 09 0001 01 0000", decodeError),
        Arguments.of("NST: empty early_data", HandshakeType.NEW_SESSION_TICKET,
            "00000000 00000000 00 0001 01 0004 002a 0000", decodeError),
        Arguments.of("NST: key_share", HandshakeType.NEW_SESSION_TICKET,
            "00000000 00000000 00 0001 01 0006 0033 0002 0017", illegal),
        Arguments.of("NST: server_name", HandshakeType.NEW_SESSION_TICKET,
            "00000000 00000000 00 0001 01 0004 0000 0000", illegal),
        // EndOfEarlyData (§4.5), KeyUpdate (§4.6.3)
        Arguments.of("EOED: a byte", HandshakeType.END_OF_EARLY_DATA, "00", decodeError),
        Arguments.of("KU: value 2", HandshakeType.KEY_UPDATE, "02", illegal),
        Arguments.of("KU: value 255", HandshakeType.KEY_UPDATE, "ff", illegal),
        Arguments.of("KU: empty", HandshakeType.KEY_UPDATE, "", decodeError),
        Arguments.of("KU: two bytes", HandshakeType.KEY_UPDATE, "0100", decodeError));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedBodies(String why, HandshakeType type, String bodyHex, AlertDescription alert) {
    assertAlert(b -> decode(type, b), hex(bodyHex), alert);
  }

  @Test
  void overlongVectorsAreDecodeErrors() {
    // Length prefixes announcing more than the message holds: a cert_data of 2^24-1 bytes, a
    // certificate_request_context, a ticket_nonce and a signature of their maximum lengths.
    assertAlert(Certificate13::decode, hex("00 000005 ffffff 0000"), AlertDescription.DECODE_ERROR);
    assertAlert(Certificate13::decode, concat(hex("ff"), repeat(0, 254), hex("000000")),
        AlertDescription.DECODE_ERROR);
    assertAlert(NewSessionTicket13::decode, concat(hex("00000000 00000000 ff"), repeat(0, 200)),
        AlertDescription.DECODE_ERROR);
    assertAlert(CertificateVerify::decode, concat(hex("0804 ffff"), repeat(0, 100)),
        AlertDescription.DECODE_ERROR);
  }

  @Test
  void rfc8448EncryptedExtensions() throws TlsAlertException {
    EncryptedExtensions ee =
        EncryptedExtensions.decode(Rfc8448Messages.body(Rfc8448Messages.ENCRYPTED_EXTENSIONS));
    assertThat(ee.extensions().list()).extracting(Extension::typeCode)
        .containsExactly(10, 0x1c, 0); // supported_groups, record_size_limit, server_name
    assertThat(ee.encode()).isEqualTo(Rfc8448Messages.ENCRYPTED_EXTENSIONS);
    assertThat(Tls13Extensions.interpret(ee.extensions(), ExtensionContext.ENCRYPTED_EXTENSIONS))
        .isEmpty();
  }

  @Test
  void rfc8448Certificate() throws Exception {
    Certificate13 certificate =
        Certificate13.decode(Rfc8448Messages.body(Rfc8448Messages.CERTIFICATE));
    assertThat(certificate.certificateRequestContext()).isEmpty();
    assertThat(certificate.certificateList()).hasSize(1);
    assertThat(certificate.certificateList().get(0).extensions()).isEqualTo(Extensions.EMPTY);
    assertThat(certificate.certificates().get(0)).hasSize(0x1b0);
    assertThat(certificate.encode()).isEqualTo(Rfc8448Messages.CERTIFICATE);
    assertThat(Certificate13.ofServer(certificate.certificates())).isEqualTo(certificate);
    X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(certificate.certificates().get(0)));
    assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=rsa");
  }

  @Test
  void rfc8448CertificateVerifySignsTheSignedContent() throws Exception {
    CertificateVerify verify =
        CertificateVerify.decode(Rfc8448Messages.body(Rfc8448Messages.CERTIFICATE_VERIFY));
    assertThat(verify.knownAlgorithm()).contains(SignatureScheme.RSA_PSS_RSAE_SHA256);
    assertThat(verify.signature()).hasSize(128);
    assertThat(verify.encode()).isEqualTo(Rfc8448Messages.CERTIFICATE_VERIFY);

    // The server's RSA-PSS signature over our signed content verifies with its certificate.
    byte[] transcriptHash = MessageDigest.getInstance("SHA-256").digest(concat(
        Rfc8448Messages.CLIENT_HELLO, Rfc8448Messages.SERVER_HELLO,
        Rfc8448Messages.ENCRYPTED_EXTENSIONS, Rfc8448Messages.CERTIFICATE));
    X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Certificate13.decode(
            Rfc8448Messages.body(Rfc8448Messages.CERTIFICATE)).certificates().get(0)));
    Signature pss = Signature.getInstance("RSASSA-PSS");
    pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    pss.initVerify(x509.getPublicKey());
    pss.update(CertificateVerify.signedContent(ConnectionEnd.SERVER, transcriptHash));
    assertThat(pss.verify(verify.signature())).isTrue();
    // ...and not over the client's context string.
    pss.initVerify(x509.getPublicKey());
    pss.update(CertificateVerify.signedContent(ConnectionEnd.CLIENT, transcriptHash));
    assertThat(pss.verify(verify.signature())).isFalse();
  }

  @Test
  void signedContentAsInTheRfc8446Example() {
    // RFC 8446 §4.4.3: with a transcript hash of 32 bytes of 01, a server signs
    // 20 × 64, "TLS 1.3, server CertificateVerify", 00, 01 × 32.
    byte[] content = CertificateVerify.signedContent(ConnectionEnd.SERVER, repeat(1, 32));
    assertThat(hex(content)).isEqualTo(
        "20".repeat(64) + SERVER_CONTEXT_HEX + "00" + "01".repeat(32));
    assertThat(hex(CertificateVerify.SERVER_CONTEXT.getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(SERVER_CONTEXT_HEX);
    assertThat(hex(CertificateVerify.signedContent(ConnectionEnd.CLIENT, repeat(2, 48))))
        .isEqualTo("20".repeat(64)
            + hex("TLS 1.3, client CertificateVerify".getBytes(StandardCharsets.US_ASCII))
            + "00" + "02".repeat(48));
  }

  @Test
  void rfc8448NewSessionTicket() throws TlsAlertException {
    NewSessionTicket13 ticket =
        NewSessionTicket13.decode(Rfc8448Messages.body(Rfc8448Messages.NEW_SESSION_TICKET));
    assertThat(ticket.ticketLifetime()).isEqualTo(30);
    assertThat(ticket.ticketAgeAdd()).isEqualTo(0xfad6aac5L);
    assertThat(ticket.ticketNonce()).isEqualTo(hex("0000"));
    assertThat(ticket.ticket()).hasSize(0xb2);
    assertThat(Tls13Extensions.find(ticket.extensions(), ExtensionContext.NEW_SESSION_TICKET,
        EarlyData.MaxEarlyDataSize.class)).contains(new EarlyData.MaxEarlyDataSize(1024));
    assertThat(ticket.encode()).isEqualTo(Rfc8448Messages.NEW_SESSION_TICKET);
    assertThat(ticket.ticketLifetime()).isLessThanOrEqualTo(NewSessionTicket13.MAX_TICKET_LIFETIME);
    // A lifetime above seven days still decodes: the bound is on the server (§4.6.1).
    assertThat(NewSessionTicket13.decode(hex("ffffffff 00000000 00 0001 01 0000"))
        .ticketLifetime()).isEqualTo(0xffffffffL);
  }

  @Test
  void rfc8448HelloRetryRequest() throws TlsAlertException {
    byte[] message = Rfc8448Messages.HELLO_RETRY_REQUEST;
    ServerHello hrr = ServerHello.decode(Rfc8448Messages.body(message));
    assertThat(HelloRetryRequest.isHelloRetryRequest(hrr)).isTrue();
    assertThat(DowngradeSentinel.in(hrr)).isEmpty();
    List<Tls13Extension> extensions = Tls13Extensions.interpret(
        hrr.extensionsOrEmpty(), ExtensionContext.HELLO_RETRY_REQUEST);
    assertThat(extensions).hasSize(3);
    assertThat(extensions.get(0)).isEqualTo(KeyShareHelloRetryRequest.of(NamedGroup.SECP256R1));
    assertThat(((Cookie) extensions.get(1)).cookie()).hasSize(0x72);
    assertThat(extensions.get(2)).isEqualTo(SupportedVersions.Selected.of(ProtocolVersion.TLS13));
    // Rebuilt from its parts, it is the same message.
    ServerHello rebuilt = HelloRetryRequest.of(new byte[0],
        Tls13CipherSuite.TLS_AES_128_GCM_SHA256.code(), hrr.extensionsOrEmpty());
    assertThat(rebuilt.encode()).isEqualTo(message);
    // Its extensions are not a ServerHello's: key_share there is a full entry, which the
    // two bytes of selected_group cannot hold, and a cookie has no place there.
    assertAlert(d -> Tls13Extensions.decodeBlock(d, ExtensionContext.SERVER_HELLO),
        hrr.extensionsOrEmpty().encode(), AlertDescription.DECODE_ERROR);
    assertAlert(d -> Tls13Extensions.decodeBlock(d, ExtensionContext.SERVER_HELLO),
        Extensions.of(hrr.extensionsOrEmpty().list().get(1)).encode(),
        AlertDescription.ILLEGAL_PARAMETER);
    // The ClientHello it answers.
    ClientHello first =
        ClientHello.decode(Rfc8448Messages.body(Rfc8448Messages.HRR_CLIENT_HELLO1));
    assertThat(first.encode()).isEqualTo(Rfc8448Messages.HRR_CLIENT_HELLO1);
    assertThat(Tls13Extensions.find(first.extensionsOrEmpty(), ExtensionContext.CLIENT_HELLO,
        KeyShareClientHello.class).orElseThrow().shareFor(NamedGroup.SECP256R1.code())).isEmpty();
  }

  @Test
  void helloRetryRequestRandomIsSha256OfItsName() throws Exception {
    byte[] expected = MessageDigest.getInstance("SHA-256")
        .digest("HelloRetryRequest".getBytes(StandardCharsets.US_ASCII));
    assertThat(HelloRetryRequest.random()).isEqualTo(expected);
    assertThat(hex(expected))
        .isEqualTo("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
    assertThat(HelloRetryRequest.isHelloRetryRequestRandom(expected)).isTrue();
    expected[31] ^= 1;
    assertThat(HelloRetryRequest.isHelloRetryRequestRandom(expected)).isFalse();
    HelloRetryRequest.random()[0] = 0;
    assertThat(HelloRetryRequest.random()[0]).isEqualTo((byte) 0xcf);
  }

  @Test
  void messageHashStandsForTheFirstClientHello() throws Exception {
    byte[] clientHello1 = Rfc8448Messages.HRR_CLIENT_HELLO1;
    MessageHash messageHash =
        MessageHash.of(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, clientHello1);
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(clientHello1);
    // RFC 8446 §4.4.1: message_hash(254) || 00 00 Hash.length || Hash(ClientHello1).
    assertThat(hex(messageHash.encode())).isEqualTo("fe000020" + hex(hash));
    assertThat(messageHash.type()).isEqualTo(HandshakeType.MESSAGE_HASH);
    assertThat(MessageHash.of(Tls13CipherSuite.TLS_AES_256_GCM_SHA384, clientHello1).encode())
        .startsWith(hex("fe000030"));
    assertThat(messageHash).isEqualTo(new MessageHash(hash)).hasSameHashCodeAs(new MessageHash(hash));
    assertThatThrownBy(() -> new MessageHash(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void downgradeSentinels() {
    assertThat(hex(DowngradeSentinel.TLS12.value())).isEqualTo("444f574e47524401");
    assertThat(hex(DowngradeSentinel.TLS11_OR_BELOW.value())).isEqualTo("444f574e47524400");
    byte[] random = repeat(0x5a, 32);
    byte[] marked = DowngradeSentinel.TLS12.applyTo(random);
    assertThat(hex(marked)).isEqualTo("5a".repeat(24) + "444f574e47524401");
    assertThat(DowngradeSentinel.in(marked)).contains(DowngradeSentinel.TLS12);
    assertThat(DowngradeSentinel.in(DowngradeSentinel.TLS11_OR_BELOW.applyTo(random)))
        .contains(DowngradeSentinel.TLS11_OR_BELOW);
    assertThat(DowngradeSentinel.in(random)).isEmpty();
    marked[31] = 2;
    assertThat(DowngradeSentinel.in(marked)).isEmpty();
    assertThat(DowngradeSentinel.in(new byte[3])).isEmpty();
    ServerHello hello = new ServerHello(ProtocolVersion.TLS12,
        DowngradeSentinel.TLS12.applyTo(random), new byte[0], 0xc02f, 0,
        Optional.empty());
    assertThat(DowngradeSentinel.in(hello)).contains(DowngradeSentinel.TLS12);
    assertThatThrownBy(() -> DowngradeSentinel.TLS12.applyTo(new byte[8]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructorsRefuseWhatCannotBeEncodedAndCopyArrays() {
    assertThatThrownBy(() -> new Certificate13(new byte[256], List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CertificateEntry.of(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CertificateVerify(0x10000, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NewSessionTicket13(-1, 0, new byte[0], hex("01"),
        Extensions.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NewSessionTicket13(0, 0, new byte[256], hex("01"),
        Extensions.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NewSessionTicket13(0, 0, new byte[0], new byte[0],
        Extensions.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    byte[] der = hex("3003020101");
    CertificateEntry entry = CertificateEntry.of(der);
    der[0] = 0;
    entry.certData()[1] = 0;
    assertThat(entry.certData()).isEqualTo(hex("3003020101"));
    assertThat(sampleCertificate().certificates()).hasSize(2);
    assertThat(sampleCertificate()).isNotEqualTo(Certificate13.ofServer(List.of(hex("308201"))));
  }

  @Test
  void everyTruncationOfTheRfc8448Messages() throws TlsAlertException {
    for (var m : List.of(
        new Object[] {Rfc8448Messages.ENCRYPTED_EXTENSIONS, HandshakeType.ENCRYPTED_EXTENSIONS},
        new Object[] {Rfc8448Messages.CERTIFICATE, HandshakeType.CERTIFICATE},
        new Object[] {Rfc8448Messages.CERTIFICATE_VERIFY, HandshakeType.CERTIFICATE_VERIFY},
        new Object[] {Rfc8448Messages.NEW_SESSION_TICKET, HandshakeType.NEW_SESSION_TICKET})) {
      HandshakeType type = (HandshakeType) m[1];
      byte[] body = Rfc8448Messages.body((byte[]) m[0]);
      assertEveryTruncationFails(b -> decode(type, b), body, Set.of());
      assertTrailingByteFails(b -> decode(type, b), body);
    }
  }
}
