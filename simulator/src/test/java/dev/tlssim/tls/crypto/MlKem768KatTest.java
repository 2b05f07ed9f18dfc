package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * ML-KEM-768 (FIPS 203) against the published conditional self-test of Go's FIPS 140-3 module
 * (golang/go, src/crypto/internal/fips140/mlkem/cast.go, commit 4923155b): KeyGen from d = 01..20,
 * z = 21..40, Encaps with m = 41..60, and both Encaps and Decaps must give that file's K. K is
 * G(m || H(ek)) (FIPS 203 Algorithm 17), so it also pins the encapsulation key.
 */
class MlKem768KatTest {
  /** d || z = 0x01..0x40 (cast.go). */
  static final byte[] SEED = counting(0x01, 64);
  /** m = 0x41..0x60 (cast.go). */
  static final byte[] M = counting(0x41, 32);
  /** K of cast.go. */
  static final String K = "5501fc523b745f41762a188de44a59b920f430146204ee4e793732396df7aa48";

  static byte[] counting(int from, int length) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (from + i);
    }
    return b;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void goFips140SelfTestVector() throws Exception {
    MlKem768KeyPair pair = MlKem768KeyPair.fromSeed(SEED);
    assertThat(pair.encapsulationKey()).hasSize(1184);
    assertThat(pair.decapsulationKey()).hasSize(2400);
    MlKem768Encapsulation e = MlKem768Encapsulation.encapsulateWith(pair.encapsulationKey(), M);
    assertThat(e.ciphertext()).hasSize(1088);
    assertThat(Hex.of(e.sharedSecret())).isEqualTo(K);
    assertThat(Hex.of(pair.decapsulate(e.ciphertext()))).isEqualTo(K);
  }

  @Test
  void generationDrawsTheSeedAndEncapsulationDrawsM() throws Exception {
    MlKem768KeyPair pair = MlKem768KeyPair.generate(new IllustratedTls12TraceTest.ScriptedRandom(SEED));
    assertThat(pair.encapsulationKey()).isEqualTo(MlKem768KeyPair.fromSeed(SEED).encapsulationKey());
    MlKem768Encapsulation e = MlKem768Encapsulation.encapsulate(pair.encapsulationKey(),
        new IllustratedTls12TraceTest.ScriptedRandom(M));
    assertThat(Hex.of(e.sharedSecret())).isEqualTo(K);
  }

  @Test
  void aTamperedCiphertextGivesTheImplicitRejectionSecret() throws Exception {
    MlKem768KeyPair pair = MlKem768KeyPair.fromSeed(SEED);
    byte[] c = MlKem768Encapsulation.encapsulateWith(pair.encapsulationKey(), M).ciphertext();
    c[0] ^= 1;
    // FIPS 203 §6.3: no error, but K-bar = J(z || c), a different secret, the same each time.
    byte[] rejected = pair.decapsulate(c);
    assertThat(Hex.of(rejected)).isNotEqualTo(K).isEqualTo(Hex.of(pair.decapsulate(c)));
  }

  @Test
  void anEncapsulationKeyFailingTheFips203ChecksIsAnIllegalParameter() throws Exception {
    byte[] ek = MlKem768KeyPair.fromSeed(SEED).encapsulationKey();
    // The first 12-bit coefficient set to 4095 >= q = 3329: the modulus check fails (FIPS 203 §7.2).
    byte[] outOfRange = ek.clone();
    outOfRange[0] = (byte) 0xff;
    outOfRange[1] = (byte) (outOfRange[1] | 0x0f);
    assertThatThrownBy(() -> MlKem768Encapsulation.encapsulateWith(outOfRange, M))
        .isInstanceOfSatisfying(TlsAlertException.class,
            e -> assertThat(e.alert()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER))
        .hasMessageContaining("modulus check");
    assertThatThrownBy(() -> MlKem768Encapsulation.encapsulateWith(Arrays.copyOf(ek, 1183), M))
        .isInstanceOfSatisfying(TlsAlertException.class,
            e -> assertThat(e.alert()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER))
        .hasMessageContaining("must be 1184 bytes, got 1183");
  }

  @Test
  void aCiphertextOfTheWrongLengthIsAnIllegalParameter() {
    MlKem768KeyPair pair = MlKem768KeyPair.fromSeed(SEED);
    assertThatThrownBy(() -> pair.decapsulate(new byte[1089]))
        .isInstanceOfSatisfying(TlsAlertException.class,
            e -> assertThat(e.alert()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER))
        .hasMessageContaining("must be 1088 bytes, got 1089");
  }
}
