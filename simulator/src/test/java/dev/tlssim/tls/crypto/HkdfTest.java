package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** HKDF (RFC 5869) and HkdfLabel (RFC 8446 §7.1) against published vectors. */
class HkdfTest {
  @Test
  void rfc5869TestCase1() {
    byte[] ikm = Hex.bytes("0b".repeat(22));
    byte[] salt = Hex.bytes("000102030405060708090a0b0c");
    byte[] info = Hex.bytes("f0f1f2f3f4f5f6f7f8f9");
    byte[] prk = Hkdf.extract("SHA-256", salt, ikm);
    assertThat(Hex.of(prk)).isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
    assertThat(Hex.of(Hkdf.expand("SHA-256", prk, info, 42))).isEqualTo(
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void emptySaltIsHashLengthZeros() {
    byte[] ikm = Hex.bytes("0b".repeat(22));
    assertThat(Hkdf.extract("SHA-384", new byte[0], ikm)).isEqualTo(Hkdf.extract("SHA-384", new byte[48], ikm));
  }

  @Test
  void expandRejectsMoreThan255Blocks() {
    assertThatThrownBy(() -> Hkdf.expand("SHA-256", new byte[32], new byte[0], 255 * 32 + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The "info" bytes RFC 8448 §3 prints for each HKDF-Expand-Label. */
  @Test
  void hkdfLabelEncodingMatchesRfc8448() {
    byte[] emptyHash = HkdfLabel.emptyHash("SHA-256");
    assertThat(Hex.of(emptyHash)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Hex.of(new HkdfLabel(32, "derived", emptyHash).encode())).isEqualTo(Hex.of(Hex.bytes("""
        00 20 0d 74 6c 73 31 33 20 64 65 72 69 76 65 64 20 e3 b0 c4 42 98 fc 1c 14 9a fb f4 c8 99 6f b9 24
        27 ae 41 e4 64 9b 93 4c a4 95 99 1b 78 52 b8 55""")));
    assertThat(Hex.of(new HkdfLabel(16, "key", new byte[0]).encode()))
        .isEqualTo("001009746c733133206b657900");
    assertThat(Hex.of(new HkdfLabel(12, "iv", new byte[0]).encode())).isEqualTo("000c08746c73313320697600");
    assertThat(Hex.of(new HkdfLabel(32, "finished", new byte[0]).encode()))
        .isEqualTo("00200e746c7331332066696e697368656400");
    assertThat(Hex.of(new HkdfLabel(32, "resumption", Hex.bytes("0000")).encode()))
        .isEqualTo("002010746c73313320726573756d7074696f6e020000");
  }

  @Test
  void hkdfLabelCopiesItsContext() {
    byte[] context = {1, 2};
    HkdfLabel label = new HkdfLabel(32, "x", context);
    context[0] = 9;
    label.context()[1] = 9;
    assertThat(label.context()).containsExactly(1, 2);
    assertThat(label).isEqualTo(new HkdfLabel(32, "x", new byte[] {1, 2}));
    assertThat(label).hasSameHashCodeAs(new HkdfLabel(32, "x", new byte[] {1, 2}));
  }

  @Test
  void deriveSecretRejectsATranscriptHashOfTheWrongSize() {
    assertThatThrownBy(() -> HkdfLabel.deriveSecret("SHA-384", new byte[48], "derived", new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
