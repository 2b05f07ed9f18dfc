package dev.tlssim.pki;

import dev.tlssim.tls.AlertDescription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;

/**
 * The chains every verifier test runs: one good chain per key type and one per failure class,
 * each with the verdict our verifier must reach. The same cases are replayed against the JDK's
 * PKIX validator.
 */
final class ChainCases {
  /** Whether the JDK's PKIX CertPathValidator can judge the case. */
  enum Jdk {
    /** It must reach the same verdict. */
    JUDGES,
    /** PKIX does not check host names: it must accept, only our HOSTNAME check rejects. */
    IGNORES_HOSTNAME,
    /** CertPathValidator wants an ordered path; the case is about path building. */
    NEEDS_ORDERED_PATH
  }

  record ChainCase(
      String name,
      List<X509CertificateHolder> chain,
      String host,
      VerificationPolicy policy,
      List<X509CRLHolder> crls,
      VerificationCheck failure,
      AlertDescription alert,
      Jdk jdk) {
    boolean accepted() {
      return failure == null;
    }

    RevocationSource revocationSource() {
      return RevocationSource.of(crls);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final List<ChainCase> ALL = build();

  private ChainCases() {}

  private static List<ChainCase> build() {
    TestPki pki = new TestPki(TestPki.SEED + 100);
    KeyPool keys = pki.keys;
    List<X509CertificateHolder> anchors = List.of(pki.root.certificate());
    VerificationPolicy strict = VerificationPolicy.strict(anchors);
    VerificationPolicy hardFail =
        strict.toBuilder().revocation(RevocationMode.HARD_FAIL).build();
    String host = TestPki.HOST;
    List<ChainCase> cases = new ArrayList<>();

    // The revocation must be recorded before the CRLs are issued.
    X509CertificateHolder revoked = pki.ecServer("revoked.example.com");
    pki.intermediate.revoke(revoked, TestPki.NOW.minus(Duration.ofDays(2)),
        RevocationReason.KEY_COMPROMISE);

    // A second, RSA-2048 hierarchy without an intermediate.
    CertificateAuthority root2048 =
        CertificateAuthority.root("tlssim RSA-2048 Root", keys.rsa("root-2048"),
            TestPki.EPOCH.minus(Duration.ofDays(10)), TestPki.EPOCH.plus(Duration.ofDays(3650)));
    X509CertificateHolder leaf2048 = root2048.issue(
        pki.server(host, keys.rsa("leaf-2048")).build());

    List<X509CRLHolder> crls = new ArrayList<>(pki.freshCrls());
    crls.add(root2048.crl(TestPki.NOW.minus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofDays(6))));
    List<X509CRLHolder> staleCrls = List.of(
        pki.root.crl(TestPki.NOW.minus(Duration.ofDays(10)), TestPki.NOW.minus(Duration.ofDays(3))),
        pki.intermediate.crl(
            TestPki.NOW.minus(Duration.ofDays(10)), TestPki.NOW.minus(Duration.ofDays(3))));

    X509CertificateHolder rsaLeaf = pki.rsaServer(host);
    X509CertificateHolder ecLeaf = pki.ecServer(host);
    cases.add(good("good RSA leaf via ECDSA intermediate", pki.chain(rsaLeaf), host, strict, crls));
    cases.add(good("good ECDSA leaf", pki.chain(ecLeaf), host, strict, crls));
    cases.add(good("good RSA-2048 leaf directly under an RSA-2048 root",
        root2048.chainFor(leaf2048).certificates(), host,
        strict.toBuilder().trustAnchor(root2048.certificate()).build(), crls));

    X509CertificateHolder wildcard = pki.intermediate.issue(
        pki.server("*.example.com", pki.keys.ecP256("wildcard")).build());
    cases.add(good("wildcard covers one label", pki.chain(wildcard), "shop.example.com", strict,
        crls));
    cases.add(bad("wildcard does not cover the bare domain", pki.chain(wildcard), "example.com",
        strict, crls, VerificationCheck.HOSTNAME, AlertDescription.BAD_CERTIFICATE,
        Jdk.IGNORES_HOSTNAME));
    cases.add(bad("wildcard does not cover two labels", pki.chain(wildcard), "a.b.example.com",
        strict, crls, VerificationCheck.HOSTNAME, AlertDescription.BAD_CERTIFICATE,
        Jdk.IGNORES_HOSTNAME));

    // A MITM's own CA, unknown to the client.
    CertificateAuthority evilRoot = CertificateAuthority.root("tlssim Test Root CA",
        keys.ecP256("evil-root"), TestPki.EPOCH, TestPki.EPOCH.plus(Duration.ofDays(365)));
    X509CertificateHolder evilLeaf = evilRoot.issue(pki.server(host, keys.ecP256("mitm")).build());
    cases.add(bad("untrusted root (same name as the trusted one, different key)", List.of(evilLeaf),
        host, strict, crls, VerificationCheck.CHAIN, AlertDescription.UNKNOWN_CA, Jdk.JUDGES));
    CertificateAuthority otherRoot = CertificateAuthority.root("MITM Proxy Root",
        keys.ecP256("mitm-root"), TestPki.EPOCH, TestPki.EPOCH.plus(Duration.ofDays(365)));
    X509CertificateHolder proxyLeaf = otherRoot.issue(pki.server(host, keys.ecP256("mitm")).build());
    cases.add(bad("untrusted root sent along", List.of(proxyLeaf, otherRoot.certificate()), host,
        strict, crls, VerificationCheck.CHAIN, AlertDescription.UNKNOWN_CA, Jdk.JUDGES));
    X509CertificateHolder selfSigned = CertificateAuthority.root(
        pki.server(host, keys.ecP256("self-signed")).build(), keys.ecP256("self-signed"))
        .certificate();
    cases.add(bad("self-signed server certificate", List.of(selfSigned), host, strict, crls,
        VerificationCheck.CHAIN, AlertDescription.UNKNOWN_CA, Jdk.JUDGES));
    cases.add(bad("incomplete chain: intermediate not sent", List.of(rsaLeaf), host, strict, crls,
        VerificationCheck.CHAIN, AlertDescription.UNKNOWN_CA, Jdk.JUDGES));
    cases.add(good("out of order, with the root sent too",
        List.of(rsaLeaf, pki.root.certificate(), pki.intermediate.certificate()), host, strict,
        crls, Jdk.NEEDS_ORDERED_PATH));

    cases.add(bad("forged: names the trusted CA, signed by the attacker",
        pki.chain(CertificateForgery.signedByImpostor(pki.intermediate,
            pki.server(host, keys.ecP256("mitm")).build(), keys.ecP256("mitm").getPrivate())),
        host, strict, crls, VerificationCheck.SIGNATURE, AlertDescription.BAD_CERTIFICATE,
        Jdk.JUDGES));
    cases.add(bad("tampered: signature bits flipped",
        pki.chain(CertificateForgery.withCorruptedSignature(pki.rsaServer(host))), host, strict,
        crls, VerificationCheck.SIGNATURE, AlertDescription.BAD_CERTIFICATE, Jdk.JUDGES));

    X509CertificateHolder expired = pki.intermediate.issue(pki.server(host, keys.ecP256("old"))
        .validity(TestPki.EPOCH.minus(Duration.ofDays(400)), TestPki.EPOCH.minus(Duration.ofDays(35)))
        .build());
    cases.add(bad("expired", pki.chain(expired), host, strict, crls, VerificationCheck.VALIDITY,
        AlertDescription.CERTIFICATE_EXPIRED, Jdk.JUDGES));
    X509CertificateHolder early = pki.intermediate.issue(pki.server(host, keys.ecP256("early"))
        .validity(TestPki.NOW.plus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofDays(90)))
        .build());
    cases.add(bad("not yet valid", pki.chain(early), host, strict, crls,
        VerificationCheck.VALIDITY, AlertDescription.CERTIFICATE_EXPIRED, Jdk.JUDGES));

    // The attacker owns a legitimate certificate for his own domain and signs one for the victim.
    AsymmetricCipherKeyPair attackerKey = keys.ecP256("attacker");
    X509CertificateHolder attackerLeaf = pki.intermediate.issue(
        pki.server("attacker.example", attackerKey).build());
    X509CertificateHolder victim = pki.intermediate.issuerFrom(attackerLeaf, attackerKey)
        .issue(pki.server(host, keys.ecP256("mitm")).build());
    cases.add(bad("leaf used as a CA",
        List.of(victim, attackerLeaf, pki.intermediate.certificate()), host, strict, crls,
        VerificationCheck.BASIC_CONSTRAINTS, AlertDescription.BAD_CERTIFICATE, Jdk.JUDGES));

    AsymmetricCipherKeyPair subKey = keys.ecP256("sub-ca");
    CertificateAuthority limited = pki.root.intermediate(
        CertificateProfile.certificateAuthority("Limited CA", keys.ecP256("limited").getPublic(),
            TestPki.EPOCH, TestPki.EPOCH.plus(Duration.ofDays(365))).pathLenConstraint(0).build(),
        keys.ecP256("limited"));
    CertificateAuthority sub = limited.intermediate("Sub CA", subKey, TestPki.EPOCH,
        TestPki.EPOCH.plus(Duration.ofDays(365)));
    X509CertificateHolder tooDeep = sub.issue(pki.server(host, keys.ecP256("deep")).build());
    cases.add(bad("pathLenConstraint 0 exceeded", sub.chainFor(tooDeep).certificates(), host,
        strict.toBuilder().revocation(RevocationMode.OFF).build(), List.of(),
        VerificationCheck.BASIC_CONSTRAINTS, AlertDescription.BAD_CERTIFICATE, Jdk.JUDGES));

    X509CertificateHolder clientCert = pki.intermediate.issue(pki.server(host, keys.ecP256("client"))
        .extendedKeyUsage(KeyPurpose.CLIENT_AUTH).build());
    cases.add(bad("wrong EKU: clientAuth only", pki.chain(clientCert), host, strict, crls,
        VerificationCheck.KEY_USAGE, AlertDescription.UNSUPPORTED_CERTIFICATE, Jdk.JUDGES));
    X509CertificateHolder anyEku = pki.intermediate.issue(pki.server(host, keys.ecP256("any"))
        .extendedKeyUsage(KeyPurpose.ANY_EXTENDED_KEY_USAGE).build());
    cases.add(good("anyExtendedKeyUsage serves TLS", pki.chain(anyEku), host, strict, crls));

    X509CertificateHolder wrongHost = pki.ecServer("evil.example");
    cases.add(bad("wrong host", pki.chain(wrongHost), host, strict, crls,
        VerificationCheck.HOSTNAME, AlertDescription.BAD_CERTIFICATE, Jdk.IGNORES_HOSTNAME));
    cases.add(good("wrong host, hostname check disabled", pki.chain(wrongHost), host,
        strict.toBuilder().checkHostname(false).build(), crls, Jdk.JUDGES));
    X509CertificateHolder cnOnly = pki.intermediate.issue(
        pki.server(host, keys.ecP256("cn-only")).noSubjectAltName().build());
    cases.add(bad("CN only, no CN fallback", pki.chain(cnOnly), host, strict, crls,
        VerificationCheck.HOSTNAME, AlertDescription.BAD_CERTIFICATE, Jdk.IGNORES_HOSTNAME));
    cases.add(good("CN only, legacy CN fallback allowed", pki.chain(cnOnly), host,
        strict.toBuilder().allowCnFallback(true).build(), crls, Jdk.JUDGES));

    cases.add(bad("revoked", pki.chain(revoked), "revoked.example.com", strict, crls,
        VerificationCheck.REVOCATION, AlertDescription.CERTIFICATE_REVOKED, Jdk.JUDGES));
    cases.add(bad("revoked, hard-fail", pki.chain(revoked), "revoked.example.com", hardFail, crls,
        VerificationCheck.REVOCATION, AlertDescription.CERTIFICATE_REVOKED, Jdk.JUDGES));
    cases.add(good("revoked, but revocation checking off", pki.chain(revoked),
        "revoked.example.com", strict.toBuilder().revocation(RevocationMode.OFF).build(), crls,
        Jdk.JUDGES));
    cases.add(good("CRL unavailable, soft-fail", pki.chain(revoked), "revoked.example.com", strict,
        List.of(), Jdk.JUDGES));
    cases.add(bad("CRL unavailable, hard-fail", pki.chain(ecLeaf), host, hardFail, List.of(),
        VerificationCheck.REVOCATION, AlertDescription.CERTIFICATE_UNKNOWN, Jdk.JUDGES));
    cases.add(bad("CRL stale, hard-fail", pki.chain(ecLeaf), host, hardFail, staleCrls,
        VerificationCheck.REVOCATION, AlertDescription.CERTIFICATE_UNKNOWN, Jdk.JUDGES));
    cases.add(good("CRL stale, soft-fail", pki.chain(ecLeaf), host, strict, staleCrls,
        Jdk.JUDGES));
    return List.copyOf(cases);
  }

  private static ChainCase good(String name, List<X509CertificateHolder> chain, String host,
      VerificationPolicy policy, List<X509CRLHolder> crls) {
    return good(name, chain, host, policy, crls, Jdk.JUDGES);
  }

  private static ChainCase good(String name, List<X509CertificateHolder> chain, String host,
      VerificationPolicy policy, List<X509CRLHolder> crls, Jdk jdk) {
    return new ChainCase(name, chain, host, policy, crls, null, null, jdk);
  }

  private static ChainCase bad(String name, List<X509CertificateHolder> chain, String host,
      VerificationPolicy policy, List<X509CRLHolder> crls, VerificationCheck failure,
      AlertDescription alert, Jdk jdk) {
    return new ChainCase(name, chain, host, policy, crls, failure, alert, jdk);
  }
}
