package dev.tlssim.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parser and the derivation on real output: OpenSSL 3.0.19 'openssl speed -mr', captured on 2026-12-07. */
class OpensslSpeedParserTest {
  private static String sample() throws Exception {
    try (InputStream in = OpensslSpeedParserTest.class.getResourceAsStream("/calibration/openssl-3.0.19-speed-mr.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsEveryFigureOfTheCapturedRuns() throws Exception {
    SpeedFigures f = OpensslSpeedParser.parse(sample());
    assertThat(f.rsa().get(2048)).containsExactly(3743.0, 70541.5);
    assertThat(f.rsa().get(4096)).containsExactly(294.0, 18068.5);
    assertThat(f.ecdsa().get(256)).containsExactly(52942.5, 17178.5);
    assertThat(f.ecdh()).containsEntry(SpeedFigures.X25519_BITS, 37757.5).containsEntry(256, 22397.5);
    assertThat(f.symmetric().get("hmac(sha256)").get(64)).isEqualTo(302217728.0);
    assertThat(f.symmetric().get("AES-128-CBC").get(256)).isEqualTo(1859122688.0);
  }

  @Test
  void derivesEachOperationFromTheClosestFigure() throws Exception {
    Map<CostOperation, OpensslDerivation.Derived> d = OpensslDerivation.derive(OpensslSpeedParser.parse(sample()));
    // OpenSSL 3.0's openssl speed has no ML-KEM or ML-DSA: those operations are left to the profile.
    assertThat(d.keySet()).containsExactlyElementsOf(java.util.Arrays.stream(CostOperation.values())
        .filter(op -> !OpensslDerivation.NOT_IN_SPEED.contains(op)).toList());
    assertThat(OpensslDerivation.NOT_IN_SPEED).containsExactlyInAnyOrder(CostOperation.MLKEM768_KEYGEN,
        CostOperation.MLKEM768_ENCAPS, CostOperation.MLKEM768_DECAPS, CostOperation.MLDSA44_SIGN,
        CostOperation.MLDSA44_VERIFY, CostOperation.MLDSA65_SIGN, CostOperation.MLDSA65_VERIFY);
    assertThat(d.get(CostOperation.RSA2048_SIGN).nanos()).isEqualTo(Math.round(1e9 / 3743));
    assertThat(d.get(CostOperation.RSA2048_DECRYPT).nanos()).isEqualTo(Math.round(1e9 / 3743));
    assertThat(d.get(CostOperation.RSA2048_ENCRYPT).nanos()).isEqualTo(Math.round(1e9 / 70541.5));
    assertThat(d.get(CostOperation.X25519_AGREE).nanos()).isEqualTo(Math.round(1e9 / 37757.5));
    assertThat(d.get(CostOperation.ECDSA_P256_VERIFY).nanos()).isEqualTo(Math.round(1e9 / 17178.5));
    // Finished: HMAC over 47 B (64-byte figure), then over 79 B (256-byte figure).
    assertThat(d.get(CostOperation.PRF_FINISHED).nanos())
        .isEqualTo(Math.round(64 / 302217728.0 * 1e9 + 256 / 810922752.0 * 1e9));
    assertThat(d.get(CostOperation.RSA2048_SIGN).source()).contains("rsa2048 sign/s (private-key operation) = 3743.0");
  }

  @Test
  void aMalformedResultLineIsNamed() {
    assertThatThrownBy(() -> OpensslSpeedParser.parse("+DTP:2048:private:rsa:2\n+F2:2:2048:abc:1\n"))
        .hasMessage("openssl speed output line 2 is not understood: +F2:2:2048:abc:1");
  }

  @Test
  void aMissingAlgorithmIsNamed() {
    assertThatThrownBy(() -> OpensslDerivation.derive(OpensslSpeedParser.parse("+F2:2:2048:3743:70541\n")))
        .hasMessageContaining("rsa4096");
  }
}
