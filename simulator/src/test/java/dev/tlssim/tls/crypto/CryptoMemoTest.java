package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.sim.RandomStreams;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * Reuse by exact input: a kept result comes back only for the same input and the same random
 * bytes, and the random advances as if the operation had been computed.
 */
class CryptoMemoTest {
  private static final byte[] MESSAGE = DigitallySignedTest.MESSAGE;

  private static SecureRandom plain(long seed) {
    return new RandomStreams(seed).secureRandom("tls/server");
  }

  private static SecureRandom reusing(long seed, CryptoMemo memo) {
    return new ReusingRandom(plain(seed), memo);
  }

  private static byte[] next(SecureRandom random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return b;
  }

  @Test
  void keysAreLengthPrefixedSoPartBoundariesCount() {
    CryptoMemo.Operation op = CryptoMemo.Operation.SIGNING;
    assertThat(CryptoMemo.Key.of(op, new byte[] {1, 2}, new byte[] {3}))
        .isEqualTo(CryptoMemo.Key.of(op, new byte[] {1, 2}, new byte[] {3}))
        .isNotEqualTo(CryptoMemo.Key.of(op, new byte[] {1}, new byte[] {2, 3}))
        .isNotEqualTo(CryptoMemo.Key.of(CryptoMemo.Operation.VERIFICATION, new byte[] {1, 2}, new byte[] {3}));
    assertThat(CryptoMemo.Key.of(op, new byte[] {1}, null)).isNull();
  }

  @Test
  void aPssSignatureIsReusedOnlyWithTheSameSaltAndTheRandomAdvancesAsComputed() {
    CryptoMemo memo = CryptoMemo.reusing();
    SignatureScheme pss = SignatureScheme.RSA_PSS_RSAE_SHA256;
    byte[] first = HandshakeSignature.sign(pss, TestKeys.rsaPrivate(), MESSAGE, reusing(1, memo));

    SecureRandom same = reusing(1, memo);
    SecureRandom reference = plain(1);
    assertThat(HandshakeSignature.sign(pss, TestKeys.rsaPrivate(), MESSAGE, same))
        .isEqualTo(first).isEqualTo(HandshakeSignature.sign(pss, TestKeys.rsaPrivate(), MESSAGE, reference));
    assertThat(next(same)).isEqualTo(next(reference));
    assertThat(memo.hits(CryptoMemo.Operation.SIGNING)).isEqualTo(1);

    // Another random state draws another salt: the kept signature does not fit, it is computed.
    SecureRandom other = reusing(2, memo);
    SecureRandom otherReference = plain(2);
    byte[] computed = HandshakeSignature.sign(pss, TestKeys.rsaPrivate(), MESSAGE, other);
    assertThat(computed).isNotEqualTo(first)
        .isEqualTo(HandshakeSignature.sign(pss, TestKeys.rsaPrivate(), MESSAGE, otherReference));
    assertThat(next(other)).isEqualTo(next(otherReference));
    assertThat(memo.hits(CryptoMemo.Operation.SIGNING)).isEqualTo(1);
    assertThat(memo.computed(CryptoMemo.Operation.SIGNING)).isEqualTo(2);
    assertThat(HandshakeSignature.verify(pss, TestKeys.rsaPublic(), MESSAGE, computed)).isTrue();
  }

  @Test
  void anotherMessageOrKeyIsNeverAHit() {
    CryptoMemo memo = CryptoMemo.reusing();
    SignatureScheme ecdsa = SignatureScheme.ECDSA_SECP256R1_SHA256;
    byte[] signature = HandshakeSignature.sign(ecdsa, TestKeys.EC_P256.getPrivate(), MESSAGE, reusing(1, memo));
    byte[] changed = MESSAGE.clone();
    changed[0] ^= 1;
    byte[] other = HandshakeSignature.sign(ecdsa, TestKeys.EC_P256.getPrivate(), changed, reusing(1, memo));
    assertThat(other).isNotEqualTo(signature);
    assertThat(memo.hits(CryptoMemo.Operation.SIGNING)).isZero();

    assertThat(HandshakeSignature.verify(ecdsa, TestKeys.EC_P256.getPublic(), MESSAGE, signature, memo)).isTrue();
    assertThat(HandshakeSignature.verify(ecdsa, TestKeys.EC_P256.getPublic(), MESSAGE, signature, memo)).isTrue();
    assertThat(HandshakeSignature.verify(ecdsa, TestKeys.EC_P256.getPublic(), changed, signature, memo)).isFalse();
    assertThat(memo.hits(CryptoMemo.Operation.VERIFICATION)).isEqualTo(1);
    assertThat(memo.computed(CryptoMemo.Operation.VERIFICATION)).isEqualTo(2);
  }

  @Test
  void keyGenerationAndAgreementGiveTheComputedBytesForEveryGroup() throws Exception {
    for (NamedGroup group : new NamedGroup[] {NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1}) {
      CryptoMemo memo = CryptoMemo.reusing();
      EcdheKeyPair peer = EcdheKeyPair.generate(group, plain(9));
      byte[] expected = null;
      for (int i = 0; i < 3; i++) {
        SecureRandom random = reusing(1, memo);
        SecureRandom reference = plain(1);
        EcdheKeyPair pair = EcdheKeyPair.generate(group, random);
        EcdheKeyPair computed = EcdheKeyPair.generate(group, reference);
        assertThat(pair.publicKey()).as(group.rfcName()).isEqualTo(computed.publicKey());
        assertThat(next(random)).isEqualTo(next(reference));
        byte[] secret = pair.agree(peer.publicKey());
        assertThat(secret).isEqualTo(computed.agree(peer.publicKey())).isEqualTo(peer.agree(pair.publicKey()));
        expected = expected == null ? secret : expected;
        assertThat(secret).isEqualTo(expected);
      }
      assertThat(memo.hits(CryptoMemo.Operation.KEY_GENERATION)).as(group.rfcName()).isEqualTo(2);
      assertThat(memo.hits(CryptoMemo.Operation.AGREEMENT)).as(group.rfcName()).isEqualTo(2);
      assertThat(memo.computed(CryptoMemo.Operation.KEY_GENERATION)).isEqualTo(1);
    }
  }

  @Test
  void hybridKeySharesAreReusedWithTheSameBytesAndTheRandomAdvancesAsComputed() throws Exception {
    for (NamedGroup group : new NamedGroup[] {NamedGroup.X25519MLKEM768, NamedGroup.SECP256R1MLKEM768,
        NamedGroup.MLKEM768}) {
      CryptoMemo memo = CryptoMemo.reusing();
      for (int i = 0; i < 3; i++) {
        SecureRandom client = reusing(1, memo);
        SecureRandom server = reusing(2, memo);
        SecureRandom clientReference = plain(1);
        SecureRandom serverReference = plain(2);
        ClientKeyShare share = ClientKeyShare.generate(group, client);
        ClientKeyShare computed = ClientKeyShare.generate(group, clientReference);
        assertThat(share.keyExchange()).as(group.rfcName()).isEqualTo(computed.keyExchange());
        ServerKeyShare answer = ServerKeyShare.respond(group, share.keyExchange(), server);
        ServerKeyShare computedAnswer = ServerKeyShare.respond(group, computed.keyExchange(), serverReference);
        assertThat(answer.keyExchange()).isEqualTo(computedAnswer.keyExchange());
        assertThat(share.sharedSecret(answer.keyExchange())).isEqualTo(answer.sharedSecret())
            .isEqualTo(computed.sharedSecret(computedAnswer.keyExchange()));
        assertThat(next(client)).isEqualTo(next(clientReference));
        assertThat(next(server)).isEqualTo(next(serverReference));
      }
      assertThat(memo.computed(CryptoMemo.Operation.ENCAPSULATION)).as(group.rfcName()).isEqualTo(1);
      assertThat(memo.hits(CryptoMemo.Operation.ENCAPSULATION)).as(group.rfcName()).isEqualTo(2);
      assertThat(memo.hits(CryptoMemo.Operation.DECAPSULATION)).as(group.rfcName()).isEqualTo(2);
      // ML-KEM key generation, and for a hybrid both ECDH key pairs too.
      assertThat(memo.hits(CryptoMemo.Operation.KEY_GENERATION)).as(group.rfcName())
          .isEqualTo(group == NamedGroup.MLKEM768 ? 2 : 6);
    }
  }

  @Test
  void aRefusedPeerKeyIsRefusedEveryTime() throws Exception {
    CryptoMemo memo = CryptoMemo.reusing();
    EcdheKeyPair pair = EcdheKeyPair.generate(NamedGroup.X25519, reusing(1, memo));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> pair.agree(new byte[32])).isInstanceOf(TlsAlertException.class);
    }
    assertThat(memo.hits(CryptoMemo.Operation.AGREEMENT)).isZero();
    assertThat(memo.size()).isEqualTo(1);
  }

  @Test
  void rsaKeyTransportIsReusedWithTheSameDrawsOnBothSides() {
    CryptoMemo memo = CryptoMemo.reusing();
    RsaPreMasterSecret.Encrypted first =
        RsaPreMasterSecret.generate(ProtocolVersion.TLS12, TestKeys.rsaPublic(), reusing(1, memo));
    SecureRandom client = reusing(1, memo);
    RsaPreMasterSecret.Encrypted again = RsaPreMasterSecret.generate(ProtocolVersion.TLS12, TestKeys.rsaPublic(), client);
    assertThat(again).isEqualTo(first)
        .isEqualTo(RsaPreMasterSecret.generate(ProtocolVersion.TLS12, TestKeys.rsaPublic(), plain(1)));
    for (int i = 0; i < 2; i++) {
      SecureRandom server = reusing(3, memo);
      SecureRandom reference = plain(3);
      assertThat(RsaPreMasterSecret.decrypt(first.encryptedPreMasterSecret(), ProtocolVersion.TLS12,
          TestKeys.rsaPrivate(), server)).isEqualTo(first.preMasterSecret());
      RsaPreMasterSecret.decrypt(first.encryptedPreMasterSecret(), ProtocolVersion.TLS12, TestKeys.rsaPrivate(),
          reference);
      assertThat(next(server)).isEqualTo(next(reference));
    }
    assertThat(memo.hits(CryptoMemo.Operation.RSA_ENCRYPTION)).isEqualTo(1);
    assertThat(memo.hits(CryptoMemo.Operation.RSA_DECRYPTION)).isEqualTo(1);
  }

  @Test
  void aComputingMemoKeepsNothingButCounts() {
    CryptoMemo memo = CryptoMemo.computing();
    for (int i = 0; i < 3; i++) {
      HandshakeSignature.sign(SignatureScheme.RSA_PKCS1_SHA256, TestKeys.rsaPrivate(), MESSAGE, reusing(1, memo));
    }
    assertThat(memo.computed(CryptoMemo.Operation.SIGNING)).isEqualTo(3);
    assertThat(memo.hits(CryptoMemo.Operation.SIGNING)).isZero();
    assertThat(memo.size()).isZero();
  }

  @Test
  void aFullMemoComputesWhatIsNewWithoutKeepingIt() {
    CryptoMemo memo = CryptoMemo.reusing(1);
    SignatureScheme ecdsa = SignatureScheme.ECDSA_SECP256R1_SHA256;
    HandshakeSignature.sign(ecdsa, TestKeys.EC_P256.getPrivate(), MESSAGE, reusing(1, memo));
    byte[] changed = MESSAGE.clone();
    changed[0] ^= 1;
    HandshakeSignature.sign(ecdsa, TestKeys.EC_P256.getPrivate(), changed, reusing(1, memo));
    HandshakeSignature.sign(ecdsa, TestKeys.EC_P256.getPrivate(), changed, reusing(1, memo));
    assertThat(memo.size()).isEqualTo(1);
    assertThat(memo.computed(CryptoMemo.Operation.SIGNING)).isEqualTo(3);
  }
}
