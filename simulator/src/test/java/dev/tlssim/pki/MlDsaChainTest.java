package dev.tlssim.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.AlertDescription;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * ML-DSA certificates (RFC 9881, the LAMPS ML-DSA profile) in chains of every mix: an ML-DSA leaf
 * under an ECDSA intermediate and an RSA root, a classical leaf under an ML-DSA CA, an all-ML-DSA
 * chain, each verified step by step like any other; and an ML-DSA signature with flipped bits
 * fails the SIGNATURE step. (The JDK 17 PKIX validator has no ML-DSA, so these cases are not in
 * {@link ChainCases}, which it replays.)
 */
class MlDsaChainTest {
  static final TestPki PKI = new TestPki(TestPki.SEED + 300);
  static final CertificateAuthority MLDSA65_CA = PKI.root.intermediate("tlssim ML-DSA-65 Issuing CA",
      PKI.keys.mlDsa("mldsa65-ca", KeyAlgorithm.MLDSA65), TestPki.EPOCH.minus(Duration.ofDays(365)),
      TestPki.EPOCH.plus(Duration.ofDays(1825)));

  static VerificationResult verify(List<X509CertificateHolder> chain) {
    return new CertificateVerifier(VerificationPolicy.strict(List.of(PKI.root.certificate())),
        RevocationSource.of(PKI.freshCrls())).verify(chain, TestPki.HOST, TestPki.NOW);
  }

  static void assertEveryStepPasses(VerificationResult result) {
    assertThat(result.accepted()).isTrue();
    assertThat(result.steps()).allSatisfy(s -> assertThat(s.status()).as(s.check().toString())
        .isEqualTo(CheckStatus.PASSED));
    assertThat(result.steps()).anyMatch(s -> s.check() == VerificationCheck.SIGNATURE
        && s.status() == CheckStatus.PASSED);
  }

  @Test
  void mlDsa44LeafUnderEcdsaIntermediateAndRsaRoot() throws Exception {
    AsymmetricCipherKeyPair key = PKI.keys.mlDsa("leaf44", KeyAlgorithm.MLDSA44);
    X509CertificateHolder leaf = PKI.intermediate.issue(PKI.server(TestPki.HOST, key).build());
    // RFC 9881 §2: the subjectPublicKeyInfo names id-ml-dsa-44 with absent parameters and holds the
    // 1,312-byte public key as is.
    assertThat(leaf.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_ml_dsa_44);
    assertThat(leaf.getSubjectPublicKeyInfo().getAlgorithm().getParameters()).isNull();
    assertThat(leaf.getSubjectPublicKeyInfo().getPublicKeyData().getOctets())
        .isEqualTo(((MLDSAPublicKeyParameters) key.getPublic()).getEncoded());
    // Its issuer is ECDSA, so its own signature is ecdsa-with-SHA256.
    assertThat(leaf.getSignatureAlgorithm().getAlgorithm().getId()).isEqualTo("1.2.840.10045.4.3.2");
    VerificationResult result = verify(PKI.chain(leaf));
    assertEveryStepPasses(result);
    assertThat(result.leafPublicKey()).get().isInstanceOf(MLDSAPublicKeyParameters.class);
  }

  @Test
  void ecdsaLeafUnderMlDsa65Intermediate() {
    X509CertificateHolder leaf = MLDSA65_CA.issue(PKI.server(TestPki.HOST, PKI.keys.ecP256("leaf-ec")).build());
    // RFC 9881 §3: signed with id-ml-dsa-65, parameters absent, a 3,309-byte signature.
    assertThat(leaf.getSignatureAlgorithm().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_ml_dsa_65);
    assertThat(leaf.getSignatureAlgorithm().getParameters()).isNull();
    assertThat(leaf.getSignature()).hasSize(3309);
    VerificationResult result = verify(MLDSA65_CA.chainFor(leaf).certificates());
    assertEveryStepPasses(result);
    // The step names each link's algorithm: post-quantum below, classical above.
    assertThat(result.steps().stream().filter(s -> s.check() == VerificationCheck.SIGNATURE).findFirst().orElseThrow()
        .detail()).isEqualTo("verified the signature on " + label(leaf) + " by " + label(MLDSA65_CA.certificate())
            + " (ML-DSA-65), on " + label(MLDSA65_CA.certificate()) + " by " + label(PKI.root.certificate())
            + " (SHA256WITHRSA)");
  }

  private static String label(X509CertificateHolder c) {
    return new CertificateFields(c).label();
  }

  @Test
  void mlDsa44LeafUnderMlDsa65Intermediate() throws Exception {
    X509CertificateHolder leaf = MLDSA65_CA.issue(
        PKI.server(TestPki.HOST, PKI.keys.mlDsa("leaf44", KeyAlgorithm.MLDSA44)).build());
    List<X509CertificateHolder> chain = MLDSA65_CA.chainFor(leaf).certificates();
    assertEveryStepPasses(verify(chain));
    // The leaf's 1,312-byte key and the intermediate's 1,952-byte key and 3,309-byte signature are
    // what makes post-quantum chains outgrow the initial window.
    assertThat(chain.get(0).getEncoded().length).isGreaterThan(1312 + 3309);
  }

  @Test
  void aTamperedMlDsaSignatureFailsTheSignatureStep() {
    X509CertificateHolder leaf = MLDSA65_CA.issue(PKI.server(TestPki.HOST, PKI.keys.ecP256("leaf-ec")).build());
    VerificationResult result = verify(
        List.of(CertificateForgery.withCorruptedSignature(leaf), MLDSA65_CA.certificate()));
    assertThat(result.accepted()).isFalse();
    assertThat(result.failedCheck()).get().extracting(VerificationStep::check).isEqualTo(VerificationCheck.SIGNATURE);
    assertThat(result.alert()).contains(AlertDescription.BAD_CERTIFICATE);
  }

  @Test
  void mlDsaServerCertificatesAssertDigitalSignatureOnly() {
    CertificateProfile profile = PKI.server(TestPki.HOST, PKI.keys.mlDsa("leaf44", KeyAlgorithm.MLDSA44)).build();
    // RFC 9881 §5: keyEncipherment and the other encryption bits MUST NOT be set for ML-DSA.
    assertThat(profile.keyUsage()).containsExactly(KeyUsageBit.DIGITAL_SIGNATURE);
  }
}
