package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.assertAlert;
import static dev.tlssim.tls.wire.WireAssertions.assertEveryTruncationFails;
import static dev.tlssim.tls.wire.WireAssertions.assertTrailingByteFails;
import static dev.tlssim.tls.wire.WireAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ExtensionsTest {
  /** Each extension with its exact extension_data, hand-assembled from its RFC. */
  static Stream<Arguments> knownEncodings() {
    return Stream.of(
        Arguments.of(ServerName.of("example.com"), 0, "000e 00 000b 6578616d706c652e636f6d"),
        Arguments.of(ServerName.acknowledgement(), 0, ""),
        Arguments.of(SupportedGroups.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1),
            10, "0006 001d 0017 0018"),
        Arguments.of(new SupportedGroups(List.of(0x0a0a, 0x0100)), 10, "0004 0a0a 0100"),
        Arguments.of(EcPointFormats.uncompressedOnly(), 11, "01 00"),
        Arguments.of(new EcPointFormats(List.of(0, 1, 2)), 11, "03 000102"),
        Arguments.of(SignatureAlgorithms.of(SignatureScheme.RSA_PKCS1_SHA256,
            SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ED25519), 13, "0006 0401 0403 0807"),
        Arguments.of(new ExtendedMasterSecret(), 23, ""),
        Arguments.of(SessionTicket.empty(), 35, ""),
        Arguments.of(new SessionTicket(hex("cafe")), 35, "cafe"),
        Arguments.of(RenegotiationInfo.initial(), 0xff01, "00"),
        Arguments.of(new RenegotiationInfo(hex("0102030405060708090a0b0c")), 0xff01,
            "0c 0102030405060708090a0b0c"),
        Arguments.of(new UnknownExtension(0x0a0a, hex("")), 0x0a0a, ""),
        Arguments.of(new UnknownExtension(ExtensionType.KEY_SHARE.code(), hex("0024 001d 0020")),
            51, "0024 001d 0020"));
  }

  @ParameterizedTest
  @MethodSource("knownEncodings")
  void exactBytesAndRoundTrip(Extension extension, int type, String dataHex)
      throws TlsAlertException {
    byte[] data = hex(dataHex);
    assertThat(extension.typeCode()).isEqualTo(type);
    assertThat(hex(extension.encodeData())).isEqualTo(hex(data));
    Extension decoded = Extension.decode(type, data);
    assertThat(decoded).isEqualTo(extension);
    assertThat(decoded.encodeData()).isEqualTo(data);
    // Framed in a block: type(2) length(2) data.
    byte[] block = Extensions.of(extension).encode();
    assertThat(hex(block)).isEqualTo(String.format("%04x%04x%04x", data.length + 4, type, data.length)
        + hex(data));
    assertThat(Extensions.decode(block).list()).containsExactly(extension);
  }

  @Test
  void sniExtensionExactBytesAsInTheBrief() {
    assertThat(hex(Extensions.of(ServerName.of("example.com")).encode()))
        .isEqualTo("0014" + "0000" + "0010" + "000e" + "00" + "000b" + "6578616d706c652e636f6d");
  }

  @Test
  void findByTypeCodeAndClassKeepsOrder() throws TlsAlertException {
    Extensions block = Extensions.decode(hex("000d" + "0017 0000" + "1234 0001 ff" + "0023 0000"));
    assertThat(block.list()).extracting(Extension::typeCode).containsExactly(23, 0x1234, 35);
    assertThat(block.find(ExtendedMasterSecret.class)).contains(new ExtendedMasterSecret());
    assertThat(block.find(0x1234)).contains(new UnknownExtension(0x1234, hex("ff")));
    assertThat(block.find(0x1234).orElseThrow().type()).isEmpty();
    assertThat(block.find(ExtensionType.SESSION_TICKET)).contains(SessionTicket.empty());
    assertThat(block.contains(ExtensionType.SERVER_NAME)).isFalse();
    assertThat(block.find(ServerName.class)).isEmpty();
  }

  @Test
  void tls13ExtensionsStayOpaque() throws TlsAlertException {
    Extension e = Extension.decode(ExtensionType.SUPPORTED_VERSIONS.code(), hex("02 0304"));
    assertThat(e).isEqualTo(new UnknownExtension(43, hex("020304")));
    assertThat(e.type()).contains(ExtensionType.SUPPORTED_VERSIONS);
    assertThat(e.toString()).contains("supported_versions");
    assertThat(ExtensionType.fromCode(0xff01)).contains(ExtensionType.RENEGOTIATION_INFO);
    assertThat(ExtensionType.STATUS_REQUEST.code()).isEqualTo(5);
    assertThat(ExtensionType.PRE_SHARED_KEY.code()).isEqualTo(41);
    assertThat(ExtensionType.EARLY_DATA.code()).isEqualTo(42);
    assertThat(ExtensionType.COOKIE.code()).isEqualTo(44);
    assertThat(ExtensionType.PSK_KEY_EXCHANGE_MODES.code()).isEqualTo(45);
    assertThat(ExtensionType.KEY_SHARE.code()).isEqualTo(51);
  }

  @Test
  void duplicatesAreIllegalParameterOnDecodeAndRefusedOnConstruction() {
    assertAlert(Extensions::decode, hex("0008 0017 0000 0017 0000"), AlertDescription.ILLEGAL_PARAMETER);
    assertAlert(Extensions::decode, hex("000a 1234 0001 aa 1234 0001 bb"),
        AlertDescription.ILLEGAL_PARAMETER);
    assertThatThrownBy(() -> Extensions.of(new ExtendedMasterSecret(), new ExtendedMasterSecret()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blockFramingErrors() throws TlsAlertException {
    byte[] block = hex("0009" + "0017 0000" + "ff01 0001 00");
    assertEveryTruncationFails(Extensions::decode, block);
    assertTrailingByteFails(Extensions::decode, block);
    assertAlert(Extensions::decode, hex("0004 0017 0001"), AlertDescription.DECODE_ERROR);
    assertAlert(Extensions::decode, hex("0003 0017 00"), AlertDescription.DECODE_ERROR);
  }

  /** Malformed extension_data for each interpreted type: all decode_error. */
  static Stream<Arguments> malformedBodies() {
    return Stream.of(
        Arguments.of(0, "00"),                          // truncated list length
        Arguments.of(0, "0000"),                        // server_name_list<1..2^16-1> empty
        Arguments.of(0, "0004 00 0001"),                // host_name runs past the list
        Arguments.of(0, "0003 00 0000"),                // host_name<1..2^16-1> empty
        Arguments.of(0, "0004 01 0001 61"),             // unknown name_type
        Arguments.of(0, "0004 00 0001 61 00"),          // trailing byte after the list
        Arguments.of(0, "0004 00 0001 0a"),             // control character in host_name
        Arguments.of(0, "0004 00 0001 c3"),             // non-ASCII host_name
        Arguments.of(10, ""),                           // missing list
        Arguments.of(10, "0000"),                       // named_curve_list<2..2^16-1> empty
        Arguments.of(10, "0003 001d00"),                // odd length
        Arguments.of(10, "0004 001d"),                  // overlong inner length
        Arguments.of(10, "0002 001d 00"),               // trailing byte
        Arguments.of(11, ""),                           // missing list
        Arguments.of(11, "00"),                         // ec_point_format_list<1..2^8-1> empty
        Arguments.of(11, "02 00"),                      // overlong
        Arguments.of(11, "01 00 00"),                   // trailing
        Arguments.of(13, "0000"),                       // <2..2^16-2> empty
        Arguments.of(13, "0001 04"),                    // odd
        Arguments.of(13, "0002 0403 00"),               // trailing
        Arguments.of(23, "00"),                         // extended_master_secret must be empty
        Arguments.of(0xff01, ""),                       // missing length
        Arguments.of(0xff01, "02 00"),                  // overlong
        Arguments.of(0xff01, "00 00"));                 // trailing
  }

  @ParameterizedTest
  @MethodSource("malformedBodies")
  void malformedBodyIsDecodeError(int type, String dataHex) {
    assertAlert(data -> Extension.decode(type, data), hex(dataHex), AlertDescription.DECODE_ERROR);
  }

  @Test
  void twoHostNamesAreIllegalParameter() {
    assertAlert(d -> ServerName.decode(new WireReader(d)), hex("0008 00 0001 61 00 0001 62"), AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void constructorsRefuseUnencodableValues() {
    assertThatThrownBy(() -> ServerName.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServerName.of("bücher.example")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ServerName(List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SupportedGroups(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SupportedGroups(List.of(0x10000))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RenegotiationInfo(new byte[256])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UnknownExtension(-1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void knownCodesAreFilteredForNegotiation() {
    assertThat(new SupportedGroups(List.of(0x0a0a, 0x001d, 0x0100, 0x0017)).knownGroups())
        .containsExactly(NamedGroup.X25519, NamedGroup.SECP256R1);
    assertThat(new SignatureAlgorithms(List.of(0x0101, 0x0804)).knownSchemes())
        .containsExactly(SignatureScheme.RSA_PSS_RSAE_SHA256);
    assertThat(new EcPointFormats(List.of(1, 0)).supportsUncompressed()).isTrue();
    assertThat(new EcPointFormats(List.of(1)).supportsUncompressed()).isFalse();
  }
}
