package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.sim.RandomStreams;
import dev.tlssim.tls.ProtocolVersion;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class RsaPreMasterSecretTest {
  static SecureRandom random(String purpose) {
    return new RandomStreams(99).secureRandom(purpose);
  }

  @Test
  void roundTrip() {
    RsaPreMasterSecret.Encrypted sent =
        RsaPreMasterSecret.generate(ProtocolVersion.TLS12, TestKeys.rsaPublic(), random("client"));
    assertThat(sent.preMasterSecret()).hasSize(48).startsWith(3, 3);
    assertThat(sent.encryptedPreMasterSecret()).hasSize(256);
    byte[] received = RsaPreMasterSecret.decrypt(
        sent.encryptedPreMasterSecret(), ProtocolVersion.TLS12, TestKeys.rsaPrivate(), random("server"));
    assertThat(received).isEqualTo(sent.preMasterSecret());
  }

  @Test
  void isStandardPkcs1v15ThatJcaCanDecrypt() throws Exception {
    RsaPreMasterSecret.Encrypted sent =
        RsaPreMasterSecret.generate(ProtocolVersion.TLS12, TestKeys.rsaPublic(), random("client"));
    Cipher jca = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    jca.init(Cipher.DECRYPT_MODE, TestKeys.jcaRsaPrivate());
    assertThat(jca.doFinal(sent.encryptedPreMasterSecret())).isEqualTo(sent.preMasterSecret());
  }

  @Test
  void sameSeedSameCiphertext() {
    RsaPreMasterSecret.Encrypted a = RsaPreMasterSecret.generate(ProtocolVersion.TLS12, TestKeys.rsaPublic(), random("c"));
    RsaPreMasterSecret.Encrypted b = RsaPreMasterSecret.generate(ProtocolVersion.TLS12, TestKeys.rsaPublic(), random("c"));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void corruptedCiphertextYieldsARandomPremasterWithoutThrowing() {
    RsaPreMasterSecret.Encrypted sent =
        RsaPreMasterSecret.generate(ProtocolVersion.TLS12, TestKeys.rsaPublic(), random("client"));
    byte[] corrupted = sent.encryptedPreMasterSecret();
    corrupted[100] ^= 0x40;
    byte[] received = RsaPreMasterSecret.decrypt(corrupted, ProtocolVersion.TLS12, TestKeys.rsaPrivate(), random("server"));
    assertThat(received).hasSize(48).isNotEqualTo(sent.preMasterSecret());
    // The fallback is the first 48 bytes drawn from the server's stream (R is generated before
    // decrypting, RFC 5246 §7.4.7.1), so it is reproducible.
    byte[] expected = new byte[48];
    random("server").nextBytes(expected);
    assertThat(received).isEqualTo(expected);
  }

  @Test
  void versionMismatchYieldsARandomPremaster() {
    // Client put TLS 1.1 in the premaster but the server saw TLS 1.2 in ClientHello: a rollback.
    RsaPreMasterSecret.Encrypted sent =
        RsaPreMasterSecret.generate(ProtocolVersion.TLS11, TestKeys.rsaPublic(), random("client"));
    byte[] received = RsaPreMasterSecret.decrypt(
        sent.encryptedPreMasterSecret(), ProtocolVersion.TLS12, TestKeys.rsaPrivate(), random("server"));
    assertThat(received).hasSize(48).isNotEqualTo(sent.preMasterSecret());
  }

  @Test
  void wrongLengthsYieldRandomPremasters() {
    for (byte[] bad : new byte[][] {new byte[0], new byte[255], new byte[257], new byte[256]}) {
      byte[] received = RsaPreMasterSecret.decrypt(bad, ProtocolVersion.TLS12, TestKeys.rsaPrivate(), random("s"));
      assertThat(received).hasSize(48);
    }
    // A well-formed PKCS#1 block whose payload is not 48 bytes.
    byte[] wrongPayload = RsaPreMasterSecret.generate(ProtocolVersion.TLS12, TestKeys.rsaPublic(), random("c"))
        .encryptedPreMasterSecret();
    assertThat(RsaPreMasterSecret.decrypt(wrongPayload, ProtocolVersion.TLS12, TestKeys.rsaPrivate(), random("s")))
        .hasSize(48);
  }
}
