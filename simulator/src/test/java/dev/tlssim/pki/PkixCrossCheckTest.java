package dev.tlssim.pki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.pki.ChainCases.ChainCase;
import dev.tlssim.pki.ChainCases.Jdk;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every chain case against the JDK's PKIX {@link CertPathValidator} (RFC 5280 §6.1 as
 * implemented by the JDK), configured like our policy:
 *
 * <ul>
 *   <li>trust anchors and the simulated time ({@link PKIXParameters#setDate});
 *   <li>EKU: PKIX ignores the leaf's extendedKeyUsage, so the serverAuth requirement is expressed
 *       as a target-certificate constraint;
 *   <li>revocation: CRLs only (PREFER_CRLS, NO_FALLBACK), SOFT_FAIL added for our soft-fail mode,
 *       disabled when our policy is OFF.
 * </ul>
 *
 * PKIX cannot judge two kinds of cases: host names (it has no notion of them, so it must accept
 * what only our HOSTNAME check rejects) and unordered chains (CertPathValidator validates a path
 * given in order; building one is CertPathBuilder's job).
 */
class PkixCrossCheckTest {
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  static Stream<ChainCase> cases() {
    return ChainCases.ALL.stream().filter(c -> c.jdk() != Jdk.NEEDS_ORDERED_PATH);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void jdkPkixAgrees(ChainCase c) throws Exception {
    VerificationResult ours = new CertificateVerifier(c.policy(), c.revocationSource())
        .verify(c.chain(), c.host(), TestPki.NOW);
    JdkVerdict jdk = jdkValidate(c);
    if (c.jdk() == Jdk.IGNORES_HOSTNAME) {
      assertThat(ours.accepted()).isFalse();
      assertThat(jdk.accepted()).as("PKIX does not look at host names").isTrue();
      return;
    }
    assertThat(jdk.accepted()).as("JDK PKIX verdict").isEqualTo(ours.accepted())
        .isEqualTo(c.accepted());
    if (!c.accepted()) {
      assertThat(jdk.reason()).get().as("JDK's reason for our " + c.failure())
          .isIn(JDK_REASONS.get(c.failure()));
    }
    boolean ourWarning = ours.step(VerificationCheck.REVOCATION).warning();
    assertThat(jdk.softFailures() > 0).as("soft-failed revocation").isEqualTo(ourWarning);
  }

  /** Which JDK failure reasons correspond to each of our checks. */
  private static final Map<VerificationCheck, Set<CertPathValidatorException.Reason>> JDK_REASONS =
      Map.of(
          VerificationCheck.CHAIN, Set.of(PKIXReason.NO_TRUST_ANCHOR),
          VerificationCheck.SIGNATURE, Set.of(BasicReason.INVALID_SIGNATURE),
          VerificationCheck.VALIDITY, Set.of(BasicReason.EXPIRED, BasicReason.NOT_YET_VALID),
          // The JDK checks an issuer's keyCertSign before its cA flag: a leaf (digitalSignature
          // only) used as a CA fails there first.
          VerificationCheck.BASIC_CONSTRAINTS, Set.of(PKIXReason.INVALID_KEY_USAGE,
              PKIXReason.PATH_TOO_LONG, PKIXReason.NOT_CA_CERT),
          // serverAuth is expressed as a target constraint, whose failure has no specific reason.
          VerificationCheck.KEY_USAGE, Set.of(BasicReason.UNSPECIFIED,
              PKIXReason.INVALID_KEY_USAGE),
          VerificationCheck.REVOCATION, Set.of(BasicReason.REVOKED,
              BasicReason.UNDETERMINED_REVOCATION_STATUS));

  private record JdkVerdict(
      boolean accepted, Optional<CertPathValidatorException.Reason> reason, int softFailures) {}

  private static int softFailures(PKIXParameters parameters) {
    return parameters.getCertPathCheckers().stream()
        .filter(PKIXRevocationChecker.class::isInstance)
        .mapToInt(checker -> ((PKIXRevocationChecker) checker).getSoftFailExceptions().size())
        .sum();
  }

  private static JdkVerdict jdkValidate(ChainCase c) throws Exception {
    List<X509CertificateHolder> anchorHolders = c.policy().trustAnchors();
    List<X509Certificate> path = c.chain().stream()
        .filter(h -> !anchorHolders.contains(h))
        .map(JcaBridge::certificate)
        .collect(Collectors.toList());
    CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
    Set<TrustAnchor> anchors = anchorHolders.stream()
        .map(h -> new TrustAnchor(JcaBridge.certificate(h), null))
        .collect(Collectors.toSet());
    PKIXParameters parameters = new PKIXParameters(anchors);
    parameters.setDate(Date.from(TestPki.NOW));
    X509CertSelector target = new X509CertSelector();
    target.setExtendedKeyUsage(Set.of(SERVER_AUTH));
    parameters.setTargetCertConstraints(target);

    CertPathValidator validator = CertPathValidator.getInstance("PKIX");
    if (c.policy().runs(VerificationCheck.REVOCATION)) {
      parameters.addCertStore(CertStore.getInstance("Collection",
          new CollectionCertStoreParameters(
              c.crls().stream().map(JcaBridge::crl).collect(Collectors.toList()))));
      PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
      EnumSet<PKIXRevocationChecker.Option> options = EnumSet.of(
          PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK);
      if (c.policy().revocation() == RevocationMode.SOFT_FAIL) {
        options.add(PKIXRevocationChecker.Option.SOFT_FAIL);
      }
      checker.setOptions(options);
      parameters.addCertPathChecker(checker);
      parameters.setRevocationEnabled(true);
    } else {
      parameters.setRevocationEnabled(false);
    }
    try {
      validator.validate(certPath, parameters);
      return new JdkVerdict(true, Optional.empty(), softFailures(parameters));
    } catch (CertPathValidatorException e) {
      return new JdkVerdict(false, Optional.of(e.getReason()), 0);
    }
  }
}
