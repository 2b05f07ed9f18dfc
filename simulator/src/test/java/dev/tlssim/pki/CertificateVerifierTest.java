package dev.tlssim.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.pki.ChainCases.ChainCase;
import dev.tlssim.tls.AlertDescription;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CertificateVerifierTest {
  private static final TestPki PKI = new TestPki();

  static Stream<ChainCase> cases() {
    return ChainCases.ALL.stream();
  }

  private static VerificationResult verify(ChainCase c) {
    return new CertificateVerifier(c.policy(), c.revocationSource())
        .verify(c.chain(), c.host(), TestPki.NOW);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reachesTheExpectedVerdictAtTheExpectedCheck(ChainCase c) {
    VerificationResult result = verify(c);

    assertThat(result.accepted()).as(result.toString()).isEqualTo(c.accepted());
    assertThat(result.steps()).extracting(VerificationStep::check)
        .containsExactly(VerificationCheck.values());
    if (c.accepted()) {
      assertThat(result.failedCheck()).isEmpty();
      assertThat(result.alert()).isEmpty();
      assertThat(result.steps()).extracting(VerificationStep::status)
          .doesNotContain(CheckStatus.FAILED);
    } else {
      VerificationStep failed = result.failedCheck().orElseThrow();
      assertThat(failed.check()).as(result.toString()).isEqualTo(c.failure());
      assertThat(result.alert()).contains(c.alert());
      int at = failed.check().ordinal();
      assertThat(result.steps().subList(at + 1, result.steps().size()))
          .allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(CheckStatus.SKIPPED);
            assertThat(s.detail()).contains(failed.check() + " failed");
          });
      assertThat(failed.detail()).as("a failure names a certificate or the host").contains("'");
    }
  }

  @Test
  void goodRsaAndEcChainsPassEveryStep() {
    for (ChainCase c : List.of(ChainCases.ALL.get(0), ChainCases.ALL.get(1))) {
      VerificationResult result = verify(c);
      assertThat(result.steps()).as(c.name()).allSatisfy(s -> {
        assertThat(s.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(s.warning()).isFalse();
      });
      assertThat(result.path()).hasSize(3);
    }
    assertThat(verify(ChainCases.ALL.get(0)).leafPublicKey()).get()
        .isInstanceOf(RSAKeyParameters.class);
    assertThat(verify(ChainCases.ALL.get(1)).leafPublicKey()).get()
        .isInstanceOf(ECPublicKeyParameters.class);
  }

  @Test
  void stepDetailsNameTheCertificates() {
    VerificationResult result = verify(ChainCases.ALL.get(1));
    assertThat(result.step(VerificationCheck.CHAIN).detail())
        .contains("CN=www.example.com", "CN=tlssim Test Issuing CA",
            "trust anchor 'CN=tlssim Test Root CA'");
    assertThat(result.step(VerificationCheck.HOSTNAME).detail())
        .contains("'www.example.com' matches subjectAltName dNSName 'www.example.com'");
  }

  @Test
  void softFailPassesWithAWarningWhenNoCrlIsAvailable() {
    ChainCase unavailable = named("CRL unavailable, soft-fail");
    VerificationStep step = verify(unavailable).step(VerificationCheck.REVOCATION);
    assertThat(step.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(step.warning()).isTrue();
    assertThat(step.detail()).startsWith("soft-fail").contains("no CRL available");
  }

  @Test
  void acceptAnySkipsEveryCheckButStillHandsOverTheKey() {
    ChainCase mitm = named("untrusted root sent along");
    VerificationResult result = new CertificateVerifier(VerificationPolicy.acceptAnything())
        .verify(mitm.chain(), "bank.example", TestPki.NOW);
    assertThat(result.accepted()).isTrue();
    assertThat(result.steps()).extracting(VerificationStep::status)
        .containsOnly(CheckStatus.SKIPPED);
    assertThat(result.leafPublicKey()).isPresent();
    assertThat(result.alert()).isEmpty();
  }

  @Test
  void skippedChecksAreReportedAsSkippedByPolicy() {
    ChainCase c = named("wrong host, hostname check disabled");
    VerificationResult result = verify(c);
    assertThat(result.step(VerificationCheck.HOSTNAME).status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(result.step(VerificationCheck.HOSTNAME).detail()).contains("policy");
    assertThat(c.policy().checkHostname()).isFalse();
  }

  @Test
  void keyExchangeDecidesTheRequiredKeyUsage() {
    X509CertificateHolder ecLeaf = PKI.ecServer(TestPki.HOST);
    CertificateVerifier verifier = new CertificateVerifier(
        VerificationPolicy.strict(PKI.root.certificate()).toBuilder()
            .revocation(RevocationMode.OFF).build());
    assertThat(verifier.verify(PKI.chain(ecLeaf), TestPki.HOST, TestPki.NOW,
        ServerKeyUse.SIGNING).accepted()).isTrue();
    VerificationResult rsaKex = verifier.verify(PKI.chain(ecLeaf), TestPki.HOST, TestPki.NOW,
        ServerKeyUse.KEY_ENCIPHERMENT);
    assertThat(rsaKex.failedCheck()).get().extracting(VerificationStep::check)
        .isEqualTo(VerificationCheck.KEY_USAGE);
    assertThat(rsaKex.alert()).contains(AlertDescription.UNSUPPORTED_CERTIFICATE);
    assertThat(rsaKex.failedCheck().get().detail()).contains("keyEncipherment");
  }

  @Test
  void validityBoundariesAreInclusive() {
    X509CertificateHolder leaf = PKI.ecServer(TestPki.HOST);
    CertificateVerifier verifier = new CertificateVerifier(
        VerificationPolicy.strict(PKI.root.certificate()).toBuilder()
            .revocation(RevocationMode.OFF).build());
    assertThat(verifier.verify(PKI.chain(leaf), TestPki.HOST, TestPki.LEAF_NOT_AFTER).accepted())
        .isTrue();
    assertThat(verifier.verify(PKI.chain(leaf), TestPki.HOST, TestPki.LEAF_NOT_BEFORE).accepted())
        .isTrue();
    assertThat(verifier.verify(PKI.chain(leaf), TestPki.HOST,
        TestPki.LEAF_NOT_AFTER.plusSeconds(1)).alert())
        .contains(AlertDescription.CERTIFICATE_EXPIRED);
  }

  @Test
  void emptyCertificateListIsADecodeError() {
    VerificationResult result = new CertificateVerifier(VerificationPolicy.strict(
        PKI.root.certificate())).verify(List.of(), TestPki.HOST, TestPki.NOW);
    assertThat(result.accepted()).isFalse();
    assertThat(result.alert()).contains(AlertDescription.DECODE_ERROR);
    assertThat(result.leafPublicKey()).isEmpty();
  }

  @Test
  void disablingChainCheckLetsASelfSignedCertificateThrough() {
    ChainCase c = named("self-signed server certificate");
    VerificationResult result = new CertificateVerifier(
        c.policy().toBuilder().skip(VerificationCheck.CHAIN).build())
        .verify(c.chain(), c.host(), TestPki.NOW);
    assertThat(result.accepted()).as(result.toString()).isTrue();
    assertThat(result.step(VerificationCheck.SIGNATURE).warning()).isTrue();
  }

  @Test
  void everyCheckHasADistinctTitle() {
    assertThat(Arrays.stream(VerificationCheck.values()).map(VerificationCheck::title))
        .doesNotHaveDuplicates();
  }

  private static ChainCase named(String name) {
    return ChainCases.ALL.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
