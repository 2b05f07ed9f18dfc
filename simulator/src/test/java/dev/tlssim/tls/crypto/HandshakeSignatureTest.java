package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.sim.RandomStreams;
import dev.tlssim.tls.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.junit.jupiter.api.Test;

class DigitallySignedTest {
  static final byte[] MESSAGE = HandshakeSignature.serverKeyExchangeContent(
      KeyScheduleTest.range(0, 32), KeyScheduleTest.range(0x70, 32),
      "03001d20 params".getBytes(StandardCharsets.US_ASCII));

  static byte[] sign(SignatureScheme scheme) {
    AsymmetricKeyParameter key = scheme.usesRsaKey() ? TestKeys.RSA_2048.getPrivate() : TestKeys.EC_P256.getPrivate();
    return HandshakeSignature.sign(scheme, key, MESSAGE, new RandomStreams(5).secureRandom("sig"));
  }

  static AsymmetricKeyParameter publicKey(SignatureScheme scheme) {
    return scheme.usesRsaKey() ? TestKeys.RSA_2048.getPublic() : TestKeys.EC_P256.getPublic();
  }

  @Test
  void contentIsClientRandomServerRandomParams() {
    assertThat(HandshakeSignature.serverKeyExchangeContent(new byte[] {1}, new byte[] {2}, new byte[] {3, 4}))
        .containsExactly(1, 2, 3, 4);
  }

  @Test
  void signAndVerifyEachScheme() {
    for (SignatureScheme scheme : new SignatureScheme[] {SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384,
        SignatureScheme.RSA_PKCS1_SHA512, SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384,
        SignatureScheme.ECDSA_SECP256R1_SHA256}) {
      byte[] signature = sign(scheme);
      assertThat(HandshakeSignature.verify(scheme, publicKey(scheme), MESSAGE, signature)).as(scheme.rfcName()).isTrue();
      byte[] tampered = MESSAGE.clone();
      tampered[70] ^= 1;
      assertThat(HandshakeSignature.verify(scheme, publicKey(scheme), tampered, signature)).as(scheme.rfcName()).isFalse();
      byte[] badSignature = signature.clone();
      badSignature[badSignature.length - 1] ^= 1;
      assertThat(HandshakeSignature.verify(scheme, publicKey(scheme), MESSAGE, badSignature)).isFalse();
      assertThat(HandshakeSignature.verify(scheme, publicKey(scheme), MESSAGE, new byte[3])).isFalse();
    }
  }

  @Test
  void verifiesWithJca() throws Exception {
    assertThat(jcaVerify("SHA256withRSA", null, TestKeys.jcaRsaPublic(), sign(SignatureScheme.RSA_PKCS1_SHA256))).isTrue();
    assertThat(jcaVerify("SHA384withRSA", null, TestKeys.jcaRsaPublic(), sign(SignatureScheme.RSA_PKCS1_SHA384))).isTrue();
    assertThat(jcaVerify("RSASSA-PSS", new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1),
        TestKeys.jcaRsaPublic(), sign(SignatureScheme.RSA_PSS_RSAE_SHA256))).isTrue();
    assertThat(jcaVerify("RSASSA-PSS", new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1),
        TestKeys.jcaRsaPublic(), sign(SignatureScheme.RSA_PSS_RSAE_SHA384))).isTrue();
    assertThat(jcaVerify("SHA256withECDSA", null, TestKeys.jcaEcPublic(), sign(SignatureScheme.ECDSA_SECP256R1_SHA256))).isTrue();
  }

  @Test
  void verifiesJcaSignatures() throws Exception {
    Signature jca = Signature.getInstance("SHA256withRSA");
    jca.initSign(TestKeys.jcaRsaPrivate());
    jca.update(MESSAGE);
    byte[] pkcs1 = jca.sign();
    // PKCS#1 v1.5 is deterministic, so the JCA signature is byte-for-byte ours.
    assertThat(pkcs1).isEqualTo(sign(SignatureScheme.RSA_PKCS1_SHA256));
    Signature pss = Signature.getInstance("RSASSA-PSS");
    pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    pss.initSign(TestKeys.jcaRsaPrivate());
    pss.update(MESSAGE);
    assertThat(HandshakeSignature.verify(SignatureScheme.RSA_PSS_RSAE_SHA256, TestKeys.RSA_2048.getPublic(), MESSAGE, pss.sign()))
        .isTrue();
  }

  @Test
  void ecdsaIsDeterministicPerRfc6979() {
    byte[] a = HandshakeSignature.sign(SignatureScheme.ECDSA_SECP256R1_SHA256, TestKeys.EC_P256.getPrivate(), MESSAGE,
        new RandomStreams(1).secureRandom("a"));
    byte[] b = HandshakeSignature.sign(SignatureScheme.ECDSA_SECP256R1_SHA256, TestKeys.EC_P256.getPrivate(), MESSAGE,
        new RandomStreams(2).secureRandom("b"));
    assertThat(a).isEqualTo(b);
    assertThat(a[0]).isEqualTo((byte) 0x30); // DER SEQUENCE
  }

  @Test
  void pssIsDeterministicForTheSameSeed() {
    assertThat(sign(SignatureScheme.RSA_PSS_RSAE_SHA256)).isEqualTo(sign(SignatureScheme.RSA_PSS_RSAE_SHA256));
  }

  @Test
  void mismatchedKeysAndUnsupportedSchemes() {
    byte[] rsaSignature = sign(SignatureScheme.RSA_PKCS1_SHA256);
    assertThat(HandshakeSignature.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, TestKeys.RSA_2048.getPublic(), MESSAGE, rsaSignature))
        .isFalse();
    assertThat(HandshakeSignature.verify(SignatureScheme.RSA_PSS_RSAE_SHA256, TestKeys.RSA_2048.getPublic(), MESSAGE, rsaSignature))
        .isFalse();
    assertThat(HandshakeSignature.verify(SignatureScheme.ED25519, TestKeys.EC_P256.getPublic(), MESSAGE, rsaSignature)).isFalse();
    assertThat(HandshakeSignature.canVerify(SignatureScheme.RSA_PKCS1_SHA1)).isTrue();
    assertThat(HandshakeSignature.canSign(SignatureScheme.RSA_PKCS1_SHA1)).isFalse();
    assertThatThrownBy(() -> HandshakeSignature.sign(SignatureScheme.RSA_PKCS1_SHA1, TestKeys.RSA_2048.getPrivate(), MESSAGE,
        new RandomStreams(1).secureRandom("x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HandshakeSignature.sign(SignatureScheme.RSA_PKCS1_SHA256, TestKeys.EC_P256.getPrivate(), MESSAGE,
        new RandomStreams(1).secureRandom("x"))).isInstanceOf(IllegalArgumentException.class);
  }

  static boolean jcaVerify(String algorithm, PSSParameterSpec pss, java.security.PublicKey key, byte[] signature)
      throws Exception {
    Signature jca = Signature.getInstance(algorithm);
    if (pss != null) {
      jca.setParameter(pss);
    }
    jca.initVerify(key);
    jca.update(MESSAGE);
    return jca.verify(signature);
  }
}
