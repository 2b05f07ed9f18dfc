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
import org.junit.jupiter.api.Test;

class ServerKeyExchangeTest {
  static final String BODY_HEX = ""
      + "03"          // curve_type named_curve
      + "001d"        // namedcurve x25519
      + "04 01020304" // ECPoint public<1..2^8-1>
      + "0403"        // SignatureAndHashAlgorithm ecdsa_secp256r1_sha256
      + "0002 aabb";  // signature<0..2^16-1>

  static ServerKeyExchange sample() {
    return new ServerKeyExchange(new ServerEcdhParams(NamedGroup.X25519, hex("01020304")),
        new DigitallySigned(SignatureScheme.ECDSA_SECP256R1_SHA256, hex("aabb")));
  }

  @Test
  void encodesExactBytesAndRoundTrips() throws TlsAlertException {
    assertThat(hex(sample().encode())).isEqualTo("0c00000e" + hex(hex(BODY_HEX)));
    ServerKeyExchange decoded = ServerKeyExchange.decode(hex(BODY_HEX));
    assertThat(decoded).isEqualTo(sample());
    assertThat(decoded.encodeBody()).isEqualTo(hex(BODY_HEX));
    assertThat(decoded.params().group()).contains(NamedGroup.X25519);
    assertThat(decoded.signedParams().scheme()).contains(SignatureScheme.ECDSA_SECP256R1_SHA256);
  }

  @Test
  void signedContentIsClientRandomServerRandomAndParams() {
    byte[] clientRandom = WireAssertions.repeat(0x11, 32);
    byte[] serverRandom = WireAssertions.repeat(0x22, 32);
    assertThat(hex(sample().paramsBytes())).isEqualTo("03001d0401020304");
    assertThat(hex(sample().signedContent(clientRandom, serverRandom)))
        .isEqualTo("11".repeat(32) + "22".repeat(32) + "03001d0401020304");
    assertThat(ServerKeyExchange.signedContent(clientRandom, serverRandom, sample().params()))
        .isEqualTo(sample().signedContent(clientRandom, serverRandom));
    assertThatThrownBy(() -> sample().signedContent(new byte[31], serverRandom))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptySignatureAndUnknownCurveStillDecode() throws TlsAlertException {
    ServerKeyExchange ske = ServerKeyExchange.decode(hex("03 abcd 01 04 0401 0000"));
    assertThat(ske.params().namedCurve()).isEqualTo(0xabcd);
    assertThat(ske.params().group()).isEmpty();
    assertThat(ske.signedParams().signature()).isEmpty();
  }

  @Test
  void explicitCurvesAreIllegalParameter() {
    assertAlert(ServerKeyExchange::decode, hex("01" + BODY_HEX.substring(2)),
        AlertDescription.ILLEGAL_PARAMETER);
    assertAlert(ServerKeyExchange::decode, hex("02 0000"), AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void malformedInputs() throws TlsAlertException {
    byte[] body = hex(BODY_HEX);
    assertEveryTruncationFails(ServerKeyExchange::decode, body);
    assertTrailingByteFails(ServerKeyExchange::decode, body);
    // ECPoint public<1..2^8-1> must not be empty.
    assertAlert(ServerKeyExchange::decode, hex("03 001d 00 0403 0000"), AlertDescription.DECODE_ERROR);
    // Signature length beyond the body.
    assertAlert(ServerKeyExchange::decode, hex("03 001d 01 04 0403 0003 aabb"),
        AlertDescription.DECODE_ERROR);
  }
}
