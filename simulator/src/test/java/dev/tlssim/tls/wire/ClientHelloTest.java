package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.assertAlert;
import static dev.tlssim.tls.wire.WireAssertions.assertEveryTruncationFails;
import static dev.tlssim.tls.wire.WireAssertions.assertTrailingByteFails;
import static dev.tlssim.tls.wire.WireAssertions.concat;
import static dev.tlssim.tls.wire.WireAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientHelloTest {
  static final String RANDOM = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

  /** Hand-assembled from RFC 5246 §7.4.1.2 and the extension RFCs, field by field. */
  static final String EXTENSIONS_HEX = ""
      + "003b"                                        // extensions<0..2^16-1>: 59 bytes
      + "0000 0010 000e 00 000b 6578616d706c652e636f6d" // server_name: host_name "example.com"
      + "000a 0006 0004 001d 0017"                    // supported_groups: x25519, secp256r1
      + "000b 0002 01 00"                             // ec_point_formats: uncompressed
      + "000d 0006 0004 0403 0804"                    // signature_algorithms
      + "0017 0000"                                   // extended_master_secret
      + "0023 0000"                                   // session_ticket, empty
      + "ff01 0001 00";                               // renegotiation_info, initial

  static final String BODY_HEX = ""
      + "0303"              // client_version TLS 1.2
      + RANDOM
      + "00"                // session_id: empty
      + "0004 c02f 002f"    // cipher_suites
      + "01 00"             // compression_methods: null
      + EXTENSIONS_HEX;

  static ClientHello sample() {
    return ClientHello.of(ProtocolVersion.TLS12, hex(RANDOM), new byte[0],
        List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA),
        Extensions.of(
            ServerName.of("example.com"),
            SupportedGroups.of(NamedGroup.X25519, NamedGroup.SECP256R1),
            EcPointFormats.uncompressedOnly(),
            SignatureAlgorithms.of(SignatureScheme.ECDSA_SECP256R1_SHA256,
                SignatureScheme.RSA_PSS_RSAE_SHA256),
            new ExtendedMasterSecret(),
            SessionTicket.empty(),
            RenegotiationInfo.initial()));
  }

  @Test
  void encodesExactRfcBytes() {
    ClientHello hello = sample();
    assertThat(hex(hello.encodeBody())).isEqualTo(hex(hex(BODY_HEX)));
    assertThat(hex(hello.encode())).isEqualTo("01000068" + hex(hex(BODY_HEX)));
    assertThat(hello.type()).isEqualTo(HandshakeType.CLIENT_HELLO);
  }

  @Test
  void decodesAndReencodesIdentically() throws TlsAlertException {
    ClientHello decoded = ClientHello.decode(hex(BODY_HEX));
    assertThat(decoded).isEqualTo(sample());
    assertThat(decoded.encodeBody()).isEqualTo(hex(BODY_HEX));
    assertThat(decoded.clientVersion()).isEqualTo(ProtocolVersion.TLS12);
    assertThat(decoded.knownCipherSuites()).containsExactly(
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
    assertThat(decoded.extensionsOrEmpty().find(ServerName.class))
        .map(ServerName::hostNames).contains(List.of("example.com"));
    assertThat(decoded.extensionsOrEmpty().find(ExtensionType.EXTENDED_MASTER_SECRET)).isPresent();
  }

  @Test
  void unknownCipherSuitesAreKept() throws TlsAlertException {
    // GREASE 0x0a0a, TLS_EMPTY_RENEGOTIATION_INFO_SCSV 0x00ff, TLS_AES_128_GCM_SHA256 0x1301.
    byte[] body = hex("0303" + RANDOM + "00" + "0008 0a0a 00ff 1301 c02b" + "01 00");
    ClientHello hello = ClientHello.decode(body);
    assertThat(hello.cipherSuites()).containsExactly(0x0a0a, 0x00ff, 0x1301, 0xc02b);
    assertThat(hello.knownCipherSuites())
        .containsExactly(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
    assertThat(hello.encodeBody()).isEqualTo(body);
  }

  @Test
  void absentExtensionBlockDiffersFromEmptyOne() throws TlsAlertException {
    String head = "0303" + RANDOM + "20" + "11".repeat(32) + "0002 002f" + "01 00";
    ClientHello absent = ClientHello.decode(hex(head));
    ClientHello empty = ClientHello.decode(hex(head + "0000"));
    assertThat(absent.extensions()).isEmpty();
    assertThat(empty.extensions()).contains(Extensions.EMPTY);
    assertThat(absent).isNotEqualTo(empty);
    assertThat(hex(absent.encodeBody())).isEqualTo(hex(hex(head)));
    assertThat(hex(empty.encodeBody())).isEqualTo(hex(hex(head + "0000")));
    assertThat(absent.extensionsOrEmpty().isEmpty()).isTrue();
    assertThat(absent.sessionId()).hasSize(32);
  }

  @Test
  void everyTruncationFailsExceptBeforeTheOptionalExtensions() throws TlsAlertException {
    byte[] body = hex(BODY_HEX);
    int beforeExtensions = body.length - hex(EXTENSIONS_HEX).length;
    assertEveryTruncationFails(ClientHello::decode, body, Set.of(beforeExtensions));
    assertTrailingByteFails(ClientHello::decode, body);
    // A single byte where the 2-byte extensions length should be.
    assertAlert(ClientHello::decode, hex("0303" + RANDOM + "00 0002002f 0100 00"),
        AlertDescription.DECODE_ERROR);
  }

  @Test
  void malformedFieldsAreDecodeErrors() {
    String suites = "0002 002f";
    String compression = "01 00";
    // session_id of 33 bytes exceeds <0..32>.
    assertAlert(ClientHello::decode,
        hex("0303" + RANDOM + "21" + "00".repeat(33) + suites + compression),
        AlertDescription.DECODE_ERROR);
    // cipher_suites: empty, odd length, length beyond the body.
    assertAlert(ClientHello::decode, hex("0303" + RANDOM + "00" + "0000" + compression),
        AlertDescription.DECODE_ERROR);
    assertAlert(ClientHello::decode, hex("0303" + RANDOM + "00" + "0003 002f00" + compression),
        AlertDescription.DECODE_ERROR);
    assertAlert(ClientHello::decode, hex("0303" + RANDOM + "00" + "00ff 002f" + compression),
        AlertDescription.DECODE_ERROR);
    // compression_methods<1..2^8-1> must not be empty.
    assertAlert(ClientHello::decode, hex("0303" + RANDOM + "00" + suites + "00"),
        AlertDescription.DECODE_ERROR);
    // Extension block length larger than what follows, and an extension overrunning its block.
    assertAlert(ClientHello::decode, hex("0303" + RANDOM + "00" + suites + compression + "0005 0017 0000"),
        AlertDescription.DECODE_ERROR);
    assertAlert(ClientHello::decode, hex("0303" + RANDOM + "00" + suites + compression + "0004 0017 0001"),
        AlertDescription.DECODE_ERROR);
  }

  @Test
  void duplicateExtensionIsIllegalParameter() {
    String head = "0303" + RANDOM + "00" + "0002 002f" + "01 00";
    assertAlert(ClientHello::decode, hex(head + "0008 0017 0000 0017 0000"),
        AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void valuesAreDefensivelyCopied() {
    byte[] random = hex(RANDOM);
    ClientHello hello = new ClientHello(ProtocolVersion.TLS12, random, new byte[0], List.of(0x2f),
        List.of(0), Optional.empty());
    random[0] = 42;
    hello.random()[1] = 42;
    assertThat(hex(hello.random())).isEqualTo(RANDOM);
  }
}
