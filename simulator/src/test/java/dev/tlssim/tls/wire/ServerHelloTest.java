package dev.tlssim.tls.wire;

import static dev.tlssim.tls.wire.WireAssertions.assertAlert;
import static dev.tlssim.tls.wire.WireAssertions.assertEveryTruncationFails;
import static dev.tlssim.tls.wire.WireAssertions.assertTrailingByteFails;
import static dev.tlssim.tls.wire.WireAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerHelloTest {
  static final String RANDOM = "aa".repeat(32);
  static final String BODY_HEX = ""
      + "0303" + RANDOM
      + "04 01020304"     // session_id
      + "c02f"            // cipher_suite
      + "00"              // compression_method
      + "000d"            // extensions: 13 bytes
      + "ff01 0001 00"    // renegotiation_info
      + "0000 0000"       // server_name acknowledgement (RFC 6066 §3)
      + "0017 0000";      // extended_master_secret

  static ServerHello sample() {
    return ServerHello.of(ProtocolVersion.TLS12, hex(RANDOM), hex("01020304"),
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        Extensions.of(RenegotiationInfo.initial(), ServerName.acknowledgement(),
            new ExtendedMasterSecret()));
  }

  @Test
  void encodesExactBytesAndRoundTrips() throws TlsAlertException {
    assertThat(hex(sample().encode())).isEqualTo("02000039" + hex(hex(BODY_HEX)));
    ServerHello decoded = ServerHello.decode(hex(BODY_HEX));
    assertThat(decoded).isEqualTo(sample());
    assertThat(decoded.encodeBody()).isEqualTo(hex(BODY_HEX));
    assertThat(decoded.knownCipherSuite()).contains(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    assertThat(decoded.extensionsOrEmpty().find(ServerName.class))
        .hasValueSatisfying(sni -> assertThat(sni.hostNames()).isEmpty());
  }

  @Test
  void unknownSuiteAndAbsentExtensionsStillDecode() throws TlsAlertException {
    byte[] body = hex("0303" + RANDOM + "00" + "1301" + "01");
    ServerHello hello = ServerHello.decode(body);
    assertThat(hello.cipherSuite()).isEqualTo(0x1301);
    assertThat(hello.compressionMethod()).isEqualTo(1);
    assertThat(hello.knownCipherSuite()).isEmpty();
    assertThat(hello.extensions()).isEmpty();
    assertThat(hello.encodeBody()).isEqualTo(body);
    assertThat(new ServerHello(ProtocolVersion.TLS12, hex(RANDOM), new byte[0], 0x1301, 1,
        Optional.empty())).isEqualTo(hello);
  }

  @Test
  void malformedInputs() throws TlsAlertException {
    byte[] body = hex(BODY_HEX);
    assertEveryTruncationFails(ServerHello::decode, body, Set.of(2 + 32 + 5 + 3));
    assertTrailingByteFails(ServerHello::decode, body);
    assertAlert(ServerHello::decode, hex("0303" + RANDOM + "21" + "00".repeat(33) + "c02f00"),
        AlertDescription.DECODE_ERROR);
    assertAlert(ServerHello::decode, hex("0303" + RANDOM + "00 c02f 00 0008 ff01000100 ff01000100"),
        AlertDescription.DECODE_ERROR);
    assertAlert(ServerHello::decode, hex("0303" + RANDOM + "00 c02f 00 000a ff01000100 ff01000100"),
        AlertDescription.ILLEGAL_PARAMETER);
    // renegotiation_info whose inner length disagrees with extension_data.
    assertAlert(ServerHello::decode, hex("0303" + RANDOM + "00 c02f 00 0005 ff01 0001 05"),
        AlertDescription.DECODE_ERROR);
  }
}
