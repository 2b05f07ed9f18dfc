package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PrfTest {
  // The TLS 1.2 PRF vectors posted to the IETF TLS list (msg03416), also used by BearSSL, Go and BC.
  @Test
  void pSha256KnownAnswer() {
    byte[] out = Prf.compute("SHA-256", Hex.bytes("9bbe436ba940f017b17652849a71db35"), "test label",
        Hex.bytes("a0ba9f936cda311827a6f796ffd5198c"), 100);
    assertThat(Hex.of(out)).isEqualTo(
        "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
            + "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
            + "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
            + "87347b66");
  }

  @Test
  void pSha384KnownAnswer() {
    byte[] out = Prf.compute("SHA-384", Hex.bytes("b80b733d6ceefcdc71566ea48e5567df"), "test label",
        Hex.bytes("cd665cf6a8447dd6ff8b27555edb7465"), 148);
    assertThat(Hex.of(out)).isEqualTo(
        "7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cd"
            + "e9ca0faa60be9fe34f82b1233c9146a0e534cb400fed2700884f9dc236f80edd"
            + "8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d918425"
            + "9b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee6"
            + "91c8f3a26854308d5eaa3be85e0990703d73e56f");
  }

  @Test
  void matchesIndependentJcaHmacImplementationAtEveryLength() throws Exception {
    byte[] secret = "a secret".getBytes(StandardCharsets.US_ASCII);
    byte[] seed = Hex.bytes("000102030405060708090a0b0c0d0e0f");
    for (int length : new int[] {0, 1, 31, 32, 33, 47, 48, 49, 64, 104}) {
      assertThat(Prf.compute("SHA-256", secret, "label", seed, length))
          .as("length %d", length)
          .isEqualTo(jcaPrf("HmacSHA256", secret, "label", seed, length));
      assertThat(Prf.compute("SHA-384", secret, "label", seed, length))
          .isEqualTo(jcaPrf("HmacSHA384", secret, "label", seed, length));
    }
  }

  @Test
  void derivationRecordsEveryInput() {
    byte[] secret = {1, 2, 3};
    byte[] seed = {4, 5};
    PrfDerivation d = Prf.derive("SHA-256", secret, "key expansion", seed, 40);
    secret[0] = 9;
    assertThat(d.hash()).isEqualTo("SHA-256");
    assertThat(d.label()).isEqualTo("key expansion");
    assertThat(d.secret()).containsExactly(1, 2, 3);
    assertThat(d.seed()).containsExactly(4, 5);
    assertThat(d.output()).isEqualTo(Prf.compute("SHA-256", new byte[] {1, 2, 3}, "key expansion", seed, 40));
    assertThat(d.length()).isEqualTo(40);
    assertThat(d).isEqualTo(Prf.derive("SHA-256", new byte[] {1, 2, 3}, "key expansion", seed, 40));
    assertThat(d.toString()).startsWith("PRF-SHA-256(secret=010203, label=\"key expansion\", seed=0405) = ");
  }

  /** RFC 5246 §5 written out again with javax.crypto.Mac, as an independent second implementation. */
  static byte[] jcaPrf(String hmac, byte[] secret, String label, byte[] seed, int length) throws Exception {
    Mac mac = Mac.getInstance(hmac);
    mac.init(new SecretKeySpec(secret, hmac));
    byte[] labelSeed = Bytes.concat(label.getBytes(StandardCharsets.US_ASCII), seed);
    byte[] out = new byte[0];
    byte[] a = labelSeed;
    while (out.length < length) {
      a = mac.doFinal(a);
      mac.update(a);
      out = Bytes.concat(out, mac.doFinal(labelSeed));
    }
    return Arrays.copyOf(out, length);
  }
}
