package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.assertAlert;
import static dev.tlssim.tls.wire.WireAssertions.assertEveryTruncationFails;
import static dev.tlssim.tls.wire.WireAssertions.assertTrailingByteFails;
import static dev.tlssim.tls.wire.WireAssertions.hex;
import static dev.tlssim.tls.wire.WireAssertions.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The TLS 1.3 extensions of RFC 8446 §4.2, each in the messages it may appear in. */
class Tls13ExtensionsTest {
  /** RFC 8448 §3: the client's and the server's x25519 shares. */
  static final String CLIENT_X25519 =
      "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c";
  static final String SERVER_X25519 =
      "c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f";
  static final String BINDER = "11".repeat(32);

  static final ExtensionContext CH = ExtensionContext.CLIENT_HELLO;
  static final ExtensionContext SH = ExtensionContext.SERVER_HELLO;
  static final ExtensionContext HRR = ExtensionContext.HELLO_RETRY_REQUEST;
  static final ExtensionContext EE = ExtensionContext.ENCRYPTED_EXTENSIONS;
  static final ExtensionContext NST = ExtensionContext.NEW_SESSION_TICKET;

  static OfferedPsks offeredPsks() {
    return new OfferedPsks(List.of(new PskIdentity(hex("aabbcc"), 0x01020304L)),
        List.of(hex(BINDER)));
  }

  /** Each extension with the context it is read in and its exact extension_data, by RFC 8446. */
  static Stream<Arguments> knownEncodings() {
    return Stream.of(
        // §4.2.1; RFC 8448's ClientHello carries "00 2b 00 03 02 03 04".
        Arguments.of(SupportedVersions.Offered.of(ProtocolVersion.TLS13), CH, 43, "02 0304"),
        Arguments.of(new SupportedVersions.Offered(List.of(0x0a0a, 0x0304, 0x0303)), CH, 43,
            "06 0a0a 0304 0303"),
        Arguments.of(SupportedVersions.Selected.of(ProtocolVersion.TLS13), SH, 43, "0304"),
        Arguments.of(SupportedVersions.Selected.of(ProtocolVersion.TLS13), HRR, 43, "0304"),
        // §4.2.8; RFC 8448's shares.
        Arguments.of(KeyShareClientHello.of(
                KeyShareEntry.of(NamedGroup.X25519, hex(CLIENT_X25519))), CH, 51,
            "0024 001d 0020" + CLIENT_X25519),
        Arguments.of(KeyShareClientHello.of(
                KeyShareEntry.of(NamedGroup.X25519, hex("01")),
                new KeyShareEntry(0x0a0a, hex("00"))), CH, 51,
            "000a 001d 0001 01 0a0a 0001 00"),
        Arguments.of(new KeyShareClientHello(List.of()), CH, 51, "0000"),
        Arguments.of(new KeyShareServerHello(
                KeyShareEntry.of(NamedGroup.X25519, hex(SERVER_X25519))), SH, 51,
            "001d 0020" + SERVER_X25519),
        Arguments.of(KeyShareHelloRetryRequest.of(NamedGroup.SECP256R1), HRR, 51, "0017"),
        // §4.2.11
        Arguments.of(offeredPsks(), CH, 41, "0009 0003 aabbcc 01020304 0021 20" + BINDER),
        Arguments.of(new OfferedPsks(
                List.of(new PskIdentity(hex("01"), 0), new PskIdentity(hex("0203"), 0xffffffffL)),
                List.of(hex(BINDER), hex("22".repeat(48)))), CH, 41,
            "000f 0001 01 00000000 0002 0203 ffffffff"
                + "0052 20" + BINDER + "30" + "22".repeat(48)),
        Arguments.of(new PreSharedKey.SelectedIdentity(0), SH, 41, "0000"),
        Arguments.of(new PreSharedKey.SelectedIdentity(0x0102), SH, 41, "0102"),
        // §4.2.9
        Arguments.of(PskKeyExchangeModes.of(PskKeyExchangeModes.PSK_DHE_KE), CH, 45, "01 01"),
        Arguments.of(PskKeyExchangeModes.of(0, 1, 0xfe), CH, 45, "03 0001fe"),
        // §4.2.10
        Arguments.of(new EarlyData.Indication(), CH, 42, ""),
        Arguments.of(new EarlyData.Indication(), EE, 42, ""),
        Arguments.of(new EarlyData.MaxEarlyDataSize(1024), NST, 42, "00000400"),
        Arguments.of(new EarlyData.MaxEarlyDataSize(0xffffffffL), NST, 42, "ffffffff"),
        // §4.2.2
        Arguments.of(new Cookie(hex("0102")), HRR, 44, "0002 0102"),
        Arguments.of(new Cookie(hex("0102")), CH, 44, "0002 0102"),
        // §4.2.3
        Arguments.of(SignatureAlgorithmsCert.of(SignatureScheme.RSA_PSS_RSAE_SHA256,
            SignatureScheme.ECDSA_SECP256R1_SHA256), CH, 50, "0004 0804 0403"),
        Arguments.of(SignatureAlgorithmsCert.of(SignatureScheme.RSA_PKCS1_SHA256),
            ExtensionContext.CERTIFICATE_REQUEST, 50, "0002 0401"));
  }

  @ParameterizedTest
  @MethodSource("knownEncodings")
  void exactBytesAndRoundTrip(Tls13Extension extension, ExtensionContext context, int type,
      String dataHex) throws TlsAlertException {
    byte[] data = hex(dataHex);
    assertThat(extension.typeCode()).isEqualTo(type);
    assertThat(hex(extension.encodeData())).isEqualTo(hex(data));
    Tls13Extension decoded = Tls13Extensions.decode(type, data, context).orElseThrow();
    assertThat(decoded).isEqualTo(extension).hasSameHashCodeAs(extension);
    assertThat(decoded.encodeData()).isEqualTo(data);
    // Framed in a block as the TLS 1.2 codecs carry it: type(2) length(2) data.
    byte[] block = Extensions.of(extension.toUnknownExtension()).encode();
    assertThat(hex(block)).isEqualTo(
        String.format("%04x%04x%04x", data.length + 4, type, data.length) + hex(data));
    Extensions read = Tls13Extensions.decodeBlock(block, context);
    assertThat(read.encode()).isEqualTo(block);
    assertThat(Tls13Extensions.interpret(read, context)).containsExactly(extension);
    assertThat(Tls13Extensions.find(read, context, extension.getClass()).map(Object.class::cast))
        .contains(extension);
  }

  /** Valid extension_data per decoder, for the truncation and trailing-byte checks. */
  static Stream<Arguments> validBodies() {
    return knownEncodings().map(a -> Arguments.of(a.get()[1], a.get()[2], a.get()[3]));
  }

  @ParameterizedTest
  @MethodSource("validBodies")
  void everyTruncationAndATrailingByteAreDecodeErrors(ExtensionContext context, int type,
      String dataHex) throws TlsAlertException {
    WireAssertions.Decoder decoder = d -> Tls13Extensions.decode(type, d, context);
    assertEveryTruncationFails(decoder, hex(dataHex));
    assertTrailingByteFails(decoder, hex(dataHex));
  }

  static Stream<Arguments> malformed() {
    AlertDescription decodeError = AlertDescription.DECODE_ERROR;
    AlertDescription illegal = AlertDescription.ILLEGAL_PARAMETER;
    return Stream.of(
        // supported_versions: versions<2..254> of uint16
        Arguments.of("versions empty", CH, 43, "00", decodeError),
        Arguments.of("versions of one byte", CH, 43, "01 03", decodeError),
        Arguments.of("versions odd length", CH, 43, "03 0304 03", decodeError),
        Arguments.of("versions of 256 bytes", CH, 43, "ff" + "0304".repeat(128), decodeError),
        Arguments.of("versions length beyond data", CH, 43, "04 0304", decodeError),
        Arguments.of("selected_version of 3 bytes", SH, 43, "030400", decodeError),
        Arguments.of("list form in ServerHello", SH, 43, "02 0304", decodeError),
        // key_share
        Arguments.of("empty key_exchange", CH, 51, "0004 001d 0000", decodeError),
        Arguments.of("entry overruns list", CH, 51, "0005 001d 0002 01", decodeError),
        Arguments.of("list overruns data", CH, 51, "0010 001d 0001 01", decodeError),
        Arguments.of("two shares for one group", CH, 51, "000a 001d 0001 01 001d 0001 02", illegal),
        Arguments.of("server share without key_exchange", SH, 51, "001d 0000", decodeError),
        Arguments.of("selected_group with a share", HRR, 51, "001d 0001 01", decodeError),
        Arguments.of("selected_group of 1 byte", HRR, 51, "17", decodeError),
        // pre_shared_key
        Arguments.of("identities of 6 bytes", CH, 41,
            "0006 0001 aa 000000 0021 20" + BINDER, decodeError),
        Arguments.of("empty identity", CH, 41,
            "0007 0000 00000000 00 0021 20" + BINDER, decodeError),
        Arguments.of("binders of 32 bytes", CH, 41,
            "0009 0003 aabbcc 01020304 0020 1f" + "11".repeat(31), decodeError),
        Arguments.of("binder of 31 bytes", CH, 41,
            "0009 0003 aabbcc 01020304 0021 1f" + "11".repeat(32), decodeError),
        Arguments.of("binder overrunning list", CH, 41,
            "0009 0003 aabbcc 01020304 0021 21" + BINDER, decodeError),
        Arguments.of("two binders for one identity", CH, 41,
            "0009 0003 aabbcc 01020304 0042 20" + BINDER + "20" + BINDER, illegal),
        Arguments.of("no binders section", CH, 41, "0009 0003 aabbcc 01020304", decodeError),
        Arguments.of("selected_identity of 1 byte", SH, 41, "00", decodeError),
        // psk_key_exchange_modes: ke_modes<1..255>
        Arguments.of("no modes", CH, 45, "00", decodeError),
        Arguments.of("modes overrun", CH, 45, "02 01", decodeError),
        // early_data
        Arguments.of("data in ClientHello indication", CH, 42, "00", decodeError),
        Arguments.of("data in EncryptedExtensions indication", EE, 42, "00000400", decodeError),
        Arguments.of("max_early_data_size of 3 bytes", NST, 42, "000004", decodeError),
        Arguments.of("empty max_early_data_size", NST, 42, "", decodeError),
        // cookie<1..2^16-1>
        Arguments.of("empty cookie", HRR, 44, "0000", decodeError),
        Arguments.of("no cookie at all", HRR, 44, "", decodeError),
        // signature_algorithms_cert<2..2^16-2>
        Arguments.of("no schemes", CH, 50, "0000", decodeError),
        Arguments.of("odd scheme list", CH, 50, "0003 040308", decodeError),
        // extensions in messages the RFC 8446 §4.2 table does not list them for
        Arguments.of("supported_versions in EE", EE, 43, "0304", illegal),
        Arguments.of("key_share in NST", NST, 51, "0017", illegal),
        Arguments.of("key_share in EE", EE, 51, "0017", illegal),
        Arguments.of("pre_shared_key in HRR", HRR, 41, "0000", illegal),
        Arguments.of("early_data in SH", SH, 42, "", illegal),
        Arguments.of("cookie in SH", SH, 44, "0002 0102", illegal),
        Arguments.of("psk_key_exchange_modes in SH", SH, 45, "01 01", illegal),
        Arguments.of("signature_algorithms_cert in EE", EE, 50, "0002 0804", illegal),
        Arguments.of("server_name in SH", SH, 0, "", illegal),
        Arguments.of("ec_point_formats in EE", EE, 11, "01 00", illegal));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedExtensionData(String why, ExtensionContext context, int type, String dataHex,
      AlertDescription alert) {
    assertAlert(d -> Tls13Extensions.decode(type, d, context), hex(dataHex), alert);
  }

  @Test
  void contextDispatchRejectsEveryMisplacedFormWithIllegalParameter() {
    // The per-extension decoders are reachable only through Tls13Extensions, which checks the
    // table first; called directly with a context outside their select they still only alert.
    for (ExtensionContext context : ExtensionContext.values()) {
      for (ExtensionType type : List.of(ExtensionType.SUPPORTED_VERSIONS, ExtensionType.KEY_SHARE,
          ExtensionType.PRE_SHARED_KEY, ExtensionType.EARLY_DATA)) {
        WireAssertions.Decoder direct = switch (type) {
          case SUPPORTED_VERSIONS -> d -> SupportedVersions.decode(new WireReader(d), context);
          case KEY_SHARE -> d -> KeyShare.decode(new WireReader(d), context);
          case PRE_SHARED_KEY -> d -> PreSharedKey.decode(new WireReader(d), context);
          default -> d -> EarlyData.decode(new WireReader(d), context);
        };
        if (!ExtensionContext.contextsOf(type).contains(context)) {
          assertAlert(direct, hex("0304"), AlertDescription.ILLEGAL_PARAMETER);
          assertAlert(d -> Tls13Extensions.decode(type.code(), d, context), hex("0304"),
              AlertDescription.ILLEGAL_PARAMETER);
        }
      }
    }
  }

  @Test
  void theRfc8446Section42TableForTheTls13Extensions() {
    assertThat(ExtensionContext.contextsOf(ExtensionType.KEY_SHARE))
        .containsExactlyInAnyOrder(CH, SH, HRR);
    assertThat(ExtensionContext.contextsOf(ExtensionType.SUPPORTED_VERSIONS))
        .containsExactlyInAnyOrder(CH, SH, HRR);
    assertThat(ExtensionContext.contextsOf(ExtensionType.PRE_SHARED_KEY))
        .containsExactlyInAnyOrder(CH, SH);
    assertThat(ExtensionContext.contextsOf(ExtensionType.EARLY_DATA))
        .containsExactlyInAnyOrder(CH, EE, NST);
    assertThat(ExtensionContext.contextsOf(ExtensionType.COOKIE))
        .containsExactlyInAnyOrder(CH, HRR);
    assertThat(ExtensionContext.contextsOf(ExtensionType.PSK_KEY_EXCHANGE_MODES))
        .containsExactly(CH);
    assertThat(ExtensionContext.contextsOf(ExtensionType.STATUS_REQUEST)).containsExactlyInAnyOrder(
        CH, ExtensionContext.CERTIFICATE_REQUEST, ExtensionContext.CERTIFICATE);
    assertThat(ExtensionContext.contextsOf(ExtensionType.SIGNATURE_ALGORITHMS_CERT))
        .containsExactlyInAnyOrder(CH, ExtensionContext.CERTIFICATE_REQUEST);
    assertThat(ExtensionContext.contextsOf(ExtensionType.SERVER_NAME))
        .containsExactlyInAnyOrder(CH, EE);
    // TLS 1.2-only extensions: ClientHello only; unknown codes anywhere.
    assertThat(ExtensionContext.contextsOf(ExtensionType.RENEGOTIATION_INFO)).containsExactly(CH);
    assertThat(SH.allows(0x0a0a)).isTrue();
    assertThat(ExtensionContext.CERTIFICATE.abbreviation()).isEqualTo("CT");
  }

  @Test
  void blockRules() throws TlsAlertException {
    String psk = "0029 002e " + "0009 0003 aabbcc 01020304 0021 20" + BINDER;
    String modes = "002d 0002 01 01";
    // pre_shared_key last: fine; anywhere else in a ClientHello: illegal_parameter (§4.2.11).
    byte[] last = hex(String.format("%04x", 6 + 4 + 0x2e) + modes + psk);
    assertThat(Tls13Extensions.interpret(Tls13Extensions.decodeBlock(last, CH), CH))
        .containsExactly(PskKeyExchangeModes.of(1), offeredPsks());
    byte[] notLast = hex(String.format("%04x", 6 + 4 + 0x2e) + psk + modes);
    assertAlert(d -> Tls13Extensions.decodeBlock(d, CH), notLast,
        AlertDescription.ILLEGAL_PARAMETER);
    assertThatThrownBy(() -> Tls13Extensions.checkBlock(Extensions.decode(notLast), CH))
        .isInstanceOf(TlsAlertException.class)
        .hasMessageContaining("pre_shared_key is not the last extension");
    // In a ServerHello the order is free.
    Tls13Extensions.checkBlock(Extensions.of(
        new PreSharedKey.SelectedIdentity(0).toUnknownExtension(),
        SupportedVersions.Selected.of(ProtocolVersion.TLS13).toUnknownExtension()), SH);
    // Duplicates (§4.2), a malformed TLS 1.3 body inside a block, a block overrun.
    assertAlert(d -> Tls13Extensions.decodeBlock(d, SH),
        hex("000c 002b 0002 0304 002b 0002 0304"), AlertDescription.ILLEGAL_PARAMETER);
    assertAlert(d -> Tls13Extensions.decodeBlock(d, SH), hex("0005 002b 0001 03"),
        AlertDescription.DECODE_ERROR);
    assertAlert(d -> Tls13Extensions.decodeBlock(d, SH), hex("0007 002b 0002 0304"),
        AlertDescription.DECODE_ERROR);
    assertTrailingByteFails(d -> Tls13Extensions.decodeBlock(d, SH), hex("0006 002b 0002 0304"));
    // Unknown types pass untouched; TLS 1.2 types decode with their own codecs.
    Extensions mixed = Tls13Extensions.decodeBlock(hex("000c 0a0a 0000 0000 0000 002a 0000"), EE);
    assertThat(mixed.list()).containsExactly(new UnknownExtension(0x0a0a, new byte[0]),
        ServerName.acknowledgement(), new UnknownExtension(42, new byte[0]));
    assertThat(Tls13Extensions.interpret(mixed, EE)).containsExactly(new EarlyData.Indication());
    assertThat(Tls13Extensions.find(mixed, EE, Cookie.class)).isEmpty();
    assertThat(Tls13Extensions.decode(new UnknownExtension(0x0a0a, new byte[0]), EE)).isEmpty();
    assertThat(Tls13Extensions.decode(ServerName.acknowledgement(), EE)).isEmpty();
  }

  @Test
  void offeredPsksTruncatesTheHelloBeforeItsBinders() {
    OfferedPsks psks = offeredPsks();
    assertThat(psks.bindersLength()).isEqualTo(35);
    assertThat(hex(psks.encodeBinders())).isEqualTo("0021 20".replace(" ", "") + BINDER);
    byte[] hello = WireAssertions.concat(hex("0102030405"), psks.encodeBinders());
    assertThat(psks.truncate(hello)).isEqualTo(hex("0102030405"));
    assertThatThrownBy(() -> psks.truncate(hex("0102030405")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PskIdentity.obfuscate(0xffffffffL, 2)).isEqualTo(1);
    assertThat(PskIdentity.obfuscate(6, 0xfad6aac5L)).isEqualTo(0xfad6aacbL);
  }

  @Test
  void accessorsAndValueSemantics() {
    SupportedVersions.Offered offered = SupportedVersions.Offered.of(ProtocolVersion.TLS13);
    assertThat(offered.offers(ProtocolVersion.TLS13)).isTrue();
    assertThat(offered.offers(ProtocolVersion.TLS12)).isFalse();
    assertThat(SupportedVersions.Selected.of(ProtocolVersion.TLS13).version())
        .isEqualTo(ProtocolVersion.TLS13);
    KeyShareEntry share = KeyShareEntry.of(NamedGroup.X25519, hex(CLIENT_X25519));
    assertThat(share.knownGroup()).contains(NamedGroup.X25519);
    assertThat(new KeyShareEntry(0x0a0a, hex("00")).knownGroup()).isEmpty();
    assertThat(share.toString()).contains("x25519");
    assertThat(KeyShareClientHello.of(share).shareFor(0x001d)).contains(share);
    assertThat(KeyShareClientHello.of(share).shareFor(0x0017)).isEmpty();
    assertThat(KeyShareHelloRetryRequest.of(NamedGroup.SECP256R1).knownGroup())
        .contains(NamedGroup.SECP256R1);
    assertThat(PskKeyExchangeModes.of(1).allows(PskKeyExchangeModes.PSK_DHE_KE)).isTrue();
    assertThat(PskKeyExchangeModes.of(1).allows(PskKeyExchangeModes.PSK_KE)).isFalse();
    assertThat(SignatureAlgorithmsCert.of(SignatureScheme.RSA_PSS_RSAE_SHA256).knownSchemes())
        .containsExactly(SignatureScheme.RSA_PSS_RSAE_SHA256);
    // Byte arrays are copied in and out.
    byte[] cookie = hex("0102");
    Cookie c = new Cookie(cookie);
    cookie[0] = 9;
    c.cookie()[1] = 9;
    assertThat(c.cookie()).isEqualTo(hex("0102"));
    assertThat(c.toString()).isEqualTo("Cookie[0102]");
    assertThat(offeredPsks().binders().get(0)).isEqualTo(hex(BINDER));
    assertThat(offeredPsks()).isNotEqualTo(new OfferedPsks(
        List.of(new PskIdentity(hex("aabbcc"), 0x01020304L)), List.of(hex("12".repeat(32)))));
  }

  @Test
  void constructorsRefuseWhatCannotBeEncoded() {
    assertThatThrownBy(() -> new SupportedVersions.Offered(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SupportedVersions.Offered(
        Collections.nCopies(128, 0x0304))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyShareEntry(0x1d, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyShareClientHello.of(new KeyShareEntry(0x1d, hex("01")),
        new KeyShareEntry(0x1d, hex("02")))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OfferedPsks(List.of(new PskIdentity(hex("01"), 0)), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OfferedPsks(List.of(new PskIdentity(hex("01"), 0)),
        List.of(repeat(1, 31)))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PskIdentity(new byte[0], 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PskIdentity(hex("01"), 1L << 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PskKeyExchangeModes(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EarlyData.MaxEarlyDataSize(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Cookie(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SignatureAlgorithmsCert(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PreSharedKey.SelectedIdentity(0x10000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rfc8448ClientHelloExtensions() throws TlsAlertException {
    ClientHello hello = ClientHello.decode(Rfc8448Messages.body(Rfc8448Messages.CLIENT_HELLO));
    assertThat(hello.encode()).isEqualTo(Rfc8448Messages.CLIENT_HELLO);
    assertThat(Tls13Extensions.interpret(hello.extensionsOrEmpty(), CH)).containsExactly(
        KeyShareClientHello.of(KeyShareEntry.of(NamedGroup.X25519, hex(CLIENT_X25519))),
        SupportedVersions.Offered.of(ProtocolVersion.TLS13),
        PskKeyExchangeModes.of(PskKeyExchangeModes.PSK_DHE_KE));
    // The same block is not a valid ServerHello block: server_name and friends are CH/EE only.
    assertAlert(d -> Tls13Extensions.decodeBlock(d, SH), hello.extensionsOrEmpty().encode(),
        AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void rfc8448ServerHelloExtensions() throws TlsAlertException {
    ServerHello hello = ServerHello.decode(Rfc8448Messages.body(Rfc8448Messages.SERVER_HELLO));
    assertThat(hello.encode()).isEqualTo(Rfc8448Messages.SERVER_HELLO);
    assertThat(Tls13Extensions.interpret(hello.extensionsOrEmpty(), SH)).containsExactly(
        new KeyShareServerHello(KeyShareEntry.of(NamedGroup.X25519, hex(SERVER_X25519))),
        SupportedVersions.Selected.of(ProtocolVersion.TLS13));
    assertThat(HelloRetryRequest.isHelloRetryRequest(hello)).isFalse();
    assertThat(DowngradeSentinel.in(hello)).isEmpty();
  }

  @Test
  void rfc8448ResumedClientHelloOffersTheTicketWithItsBinder() throws TlsAlertException {
    byte[] message = Rfc8448Messages.RESUMED_CLIENT_HELLO;
    assertThat(message).hasSize(512);
    ClientHello hello = ClientHello.decode(Rfc8448Messages.body(message));
    assertThat(hello.encode()).isEqualTo(message);
    List<Tls13Extension> extensions = Tls13Extensions.interpret(hello.extensionsOrEmpty(), CH);
    assertThat(extensions).contains(new EarlyData.Indication(),
        SupportedVersions.Offered.of(ProtocolVersion.TLS13));
    OfferedPsks psks = Tls13Extensions.find(hello.extensionsOrEmpty(), CH, OfferedPsks.class)
        .orElseThrow();
    assertThat(psks.identities()).hasSize(1);
    PskIdentity identity = psks.identities().get(0);
    assertThat(identity.identity()).hasSize(0xb2);
    assertThat(identity.obfuscatedTicketAge()).isEqualTo(0xfad6aacbL);
    assertThat(hex(psks.binders().get(0)))
        .isEqualTo("3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d");
    // The partial ClientHello the binder covers: 477 bytes (RFC 8448 §4).
    byte[] truncated = psks.truncate(message);
    assertThat(truncated).hasSize(477);
    assertThat(truncated).isEqualTo(Arrays.copyOf(message, 477));
    // The ticket is the one of the first connection's NewSessionTicket.
    NewSessionTicket13 ticket = NewSessionTicket13.decode(
        Rfc8448Messages.body(Rfc8448Messages.NEW_SESSION_TICKET));
    assertThat(identity.identity()).isEqualTo(ticket.ticket());
  }

  @Test
  void allowsEveryBlockPositionForUnrecognisedTypes() {
    assertThat(Set.of(ExtensionContext.values())).allMatch(c -> c.allows(0xfe0d));
  }
}
