package dev.tlssim.tls.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.pki.KeyAlgorithm;
import dev.tlssim.tls.SignatureScheme;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ML-DSA (FIPS 204) key generation and deterministic signing through our classes, against the
 * accumulated known-answer vectors of C2SP's Community Cryptography Test Vectors
 * (C2SP/CCTV, ML-DSA/accumulated/README.md): 100 seeds read from one SHAKE128 stream; each
 * seed's public key and its deterministic signature (rnd = 0) of the empty message with an empty
 * context, the pure mode TLS 1.3 uses (draft-ietf-tls-mldsa §3), are written to a second SHAKE128
 * whose first 32 bytes are published. One wrong byte of any key or signature changes the hash.
 */
class MlDsaKatTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "MLDSA44, d51148e1f9f4fa1a723a6cf42e25f2a99eb5c1b378b3d2dbbd561b1203beeae4",
      "MLDSA65, 8358a1843220194417cadbc2651295cd8fc65125b5a5c1a239a16dc8b57ca199"})
  void accumulatedVectorsOf100Seeds(KeyAlgorithm algorithm, String expected) {
    SignatureScheme scheme = algorithm.mlDsaScheme();
    SHAKEDigest seeds = new SHAKEDigest(128);
    SHAKEDigest accumulator = new SHAKEDigest(128);
    // The random source must not matter: ML-DSA signing here is the deterministic variant.
    SecureRandom unused = new SecureRandom();
    byte[] empty = new byte[0];
    for (int i = 0; i < 100; i++) {
      byte[] xi = new byte[32];
      seeds.doOutput(xi, 0, xi.length);
      AsymmetricCipherKeyPair pair = algorithm.mlDsaKeyPair(xi);
      byte[] publicKey = ((MLDSAPublicKeyParameters) pair.getPublic()).getEncoded();
      assertThat(publicKey).hasSize(algorithm.mlDsaPublicKeyBytes());
      byte[] signature = HandshakeSignature.sign(scheme, pair.getPrivate(), empty, unused);
      assertThat(signature).hasSize(scheme.fixedSignatureLength().orElseThrow());
      assertThat(HandshakeSignature.verify(scheme, pair.getPublic(), empty, signature)).isTrue();
      accumulator.update(publicKey, 0, publicKey.length);
      accumulator.update(signature, 0, signature.length);
    }
    byte[] result = new byte[32];
    accumulator.doFinal(result, 0, result.length);
    assertThat(Hex.of(result)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void aSchemeVerifiesOnlyWithItsOwnParameterSetAndRejectsTampering() {
    AsymmetricCipherKeyPair k44 = KeyAlgorithm.MLDSA44.mlDsaKeyPair(new byte[32]);
    AsymmetricCipherKeyPair k65 = KeyAlgorithm.MLDSA65.mlDsaKeyPair(new byte[32]);
    byte[] message = "TLS 1.3, server CertificateVerify".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] signature = HandshakeSignature.sign(SignatureScheme.MLDSA44, k44.getPrivate(), message, new SecureRandom());
    assertThat(HandshakeSignature.verify(SignatureScheme.MLDSA44, k44.getPublic(), message, signature)).isTrue();
    assertThat(HandshakeSignature.fits(SignatureScheme.MLDSA65, k44.getPublic())).isFalse();
    assertThat(HandshakeSignature.verify(SignatureScheme.MLDSA65, k65.getPublic(), message, signature)).isFalse();
    byte[] tampered = signature.clone();
    tampered[100] ^= 1;
    assertThat(HandshakeSignature.verify(SignatureScheme.MLDSA44, k44.getPublic(), message, tampered)).isFalse();
    assertThat(HandshakeSignature.verify(SignatureScheme.MLDSA44, k44.getPublic(), message, new byte[7])).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        HandshakeSignature.sign(SignatureScheme.MLDSA65, k44.getPrivate(), message, new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SignatureScheme.MLDSA44.allowedInTls12()).isFalse();
  }
}
