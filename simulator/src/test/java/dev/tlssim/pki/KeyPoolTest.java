package dev.tlssim.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.junit.jupiter.api.Test;

class KeyPoolTest {
  private final KeyPool pool = new KeyPool(TestPki.SEED);

  @Test
  void sameSeedAndLabelGiveTheSameKeyEvenFromAnotherPool() {
    AsymmetricCipherKeyPair a = pool.rsa("server", 1024);
    AsymmetricCipherKeyPair b = new KeyPool(TestPki.SEED).rsa("server", 1024);
    assertThat(b).isSameAs(a);
    assertThat(((RSAKeyParameters) a.getPublic()).getModulus().bitLength()).isEqualTo(1024);
  }

  @Test
  void seedLabelAndTypeEachChangeTheKey() {
    RSAKeyParameters base = (RSAKeyParameters) pool.rsa("server", 1024).getPublic();
    RSAKeyParameters otherLabel = (RSAKeyParameters) pool.rsa("other", 1024).getPublic();
    RSAKeyParameters otherSeed =
        (RSAKeyParameters) new KeyPool(TestPki.SEED + 1).rsa("server", 1024).getPublic();
    assertThat(otherLabel.getModulus()).isNotEqualTo(base.getModulus());
    assertThat(otherSeed.getModulus()).isNotEqualTo(base.getModulus());
    assertThat(pool.ecP256("server").getPrivate()).isInstanceOf(ECPrivateKeyParameters.class);
  }

  @Test
  void ecKeysDifferAcrossSeeds() {
    ECPrivateKeyParameters a = (ECPrivateKeyParameters) pool.ecP256("x").getPrivate();
    ECPrivateKeyParameters b = (ECPrivateKeyParameters) new KeyPool(7).ecP256("x").getPrivate();
    assertThat(a.getD()).isNotEqualTo(b.getD());
  }

  @Test
  void rejectsUnusualRsaSizes() {
    assertThatThrownBy(() -> pool.rsa("odd", 1000)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void convertsKeysToJcaSoTheJdkCanSignAndVerify() throws Exception {
    for (AsymmetricCipherKeyPair keyPair : new AsymmetricCipherKeyPair[] {
        pool.rsa("jca", 1024), pool.ecP256("jca")}) {
      java.security.KeyPair jca = JcaBridge.keyPair(keyPair);
      String algorithm = jca.getPublic().getAlgorithm().equals("EC")
          ? "SHA256withECDSA" : "SHA256withRSA";
      byte[] message = "hello".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(jca.getPrivate());
      signer.update(message);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(jca.getPublic());
      verifier.update(message);
      assertThat(verifier.verify(signature)).isTrue();
      assertThat(jca.getPrivate().getFormat()).isEqualTo("PKCS#8");
      assertThat(jca.getPublic().getFormat()).isEqualTo("X.509");
    }
  }
}
