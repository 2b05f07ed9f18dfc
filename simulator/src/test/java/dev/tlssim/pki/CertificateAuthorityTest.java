package dev.tlssim.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
  private final TestPki pki = new TestPki();

  @Test
  void issuedServerCertificateHasExactlyTheRequestedFields() throws Exception {
    X509CertificateHolder leaf =
        pki.intermediate.issue(
            pki.server("www.example.com", pki.rsaLeafKey("fields"))
                .dnsNames("www.example.com", "*.example.com")
                .build());

    assertThat(leaf.getVersionNumber()).isEqualTo(3);
    assertThat(leaf.getSubject().toString()).isEqualTo("CN=www.example.com");
    assertThat(leaf.getIssuer()).isEqualTo(pki.intermediate.name());
    assertThat(leaf.getNotBefore().toInstant()).isEqualTo(TestPki.LEAF_NOT_BEFORE);
    assertThat(leaf.getNotAfter().toInstant()).isEqualTo(TestPki.LEAF_NOT_AFTER);
    assertThat(GeneralNames.fromExtensions(leaf.getExtensions(), Extension.subjectAlternativeName)
            .getNames())
        .containsExactly(
            new GeneralName(GeneralName.dNSName, "www.example.com"),
            new GeneralName(GeneralName.dNSName, "*.example.com"));
    assertThat(leaf.getExtension(Extension.basicConstraints).isCritical()).isTrue();
    assertThat(BasicConstraints.fromExtensions(leaf.getExtensions()).isCA()).isFalse();
    KeyUsage usage = KeyUsage.fromExtensions(leaf.getExtensions());
    assertThat(usage.hasUsages(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)).isTrue();
    assertThat(usage.hasUsages(KeyUsage.keyCertSign)).isFalse();
    assertThat(ExtendedKeyUsage.fromExtensions(leaf.getExtensions()).getUsages())
        .containsExactly(KeyPurposeId.id_kp_serverAuth);
    byte[] issuerSki =
        SubjectKeyIdentifier.fromExtensions(pki.intermediate.certificate().getExtensions())
            .getKeyIdentifier();
    assertThat(AuthorityKeyIdentifier.fromExtensions(leaf.getExtensions()).getKeyIdentifierObject()
            .getOctets())
        .isEqualTo(issuerSki);
    assertThat(leaf.getSignatureAlgorithm().getAlgorithm().getId())
        .as("ecdsa-with-SHA256, because the intermediate's key is EC")
        .isEqualTo("1.2.840.10045.4.3.2");

    X509Certificate jdk = JcaBridge.certificate(leaf);
    assertThat(jdk.getSubjectX500Principal().getName()).isEqualTo("CN=www.example.com");
    assertThat(jdk.getSubjectAlternativeNames())
        .containsExactly(List.of(2, "www.example.com"), List.of(2, "*.example.com"));
    assertThat(jdk.getBasicConstraints()).isEqualTo(-1);
    assertThat(jdk.getKeyUsage()).startsWith(true, false, true, false, false, false);
    assertThat(jdk.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(jdk.getNotBefore()).isEqualTo(Date.from(TestPki.LEAF_NOT_BEFORE));
    assertThat(jdk.getSerialNumber()).isEqualTo(leaf.getSerialNumber());
    assertThat(jdk.getSigAlgName()).isEqualTo("SHA256withECDSA");
    jdk.verify(JcaBridge.certificate(pki.intermediate.certificate()).getPublicKey());
  }

  @Test
  void caCertificatesCarryCaExtensions() throws Exception {
    X509Certificate root = JcaBridge.certificate(pki.root.certificate());
    X509Certificate intermediate = JcaBridge.certificate(pki.intermediate.certificate());
    assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(root.getKeyUsage()[6]).as("cRLSign").isTrue();
    assertThat(root.getExtendedKeyUsage()).isNull();
    assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
    assertThat(root.getExtensionValue(Extension.authorityKeyIdentifier.getId()))
        .as("RFC 5280 §4.2.1.1 lets a self-signed certificate omit the AKI")
        .isNull();
    assertThat(root.getSigAlgName()).isEqualTo("SHA256withRSA");
    root.verify(root.getPublicKey());
    intermediate.verify(root.getPublicKey());

    CertificateAuthority limited =
        pki.root.intermediate(
            CertificateProfile.certificateAuthority(
                    "Limited CA", pki.keys.ecP256("limited").getPublic(), TestPki.EPOCH,
                    TestPki.LEAF_NOT_AFTER)
                .pathLenConstraint(0)
                .build(),
            pki.keys.ecP256("limited"));
    assertThat(JcaBridge.certificate(limited.certificate()).getBasicConstraints()).isZero();
  }

  @Test
  void serialNumbersAreSequentialPerCa() {
    BigInteger first = pki.rsaServer("a.example").getSerialNumber();
    BigInteger second = pki.ecServer("b.example").getSerialNumber();
    assertThat(first).isEqualTo(BigInteger.ONE);
    assertThat(second).isEqualTo(BigInteger.TWO);
    assertThat(pki.root.certificate().getSerialNumber()).isEqualTo(BigInteger.ONE);
    assertThat(pki.intermediate.certificate().getSerialNumber()).isEqualTo(BigInteger.TWO);
  }

  @Test
  void chainForLeafOmitsTheRoot() {
    X509CertificateHolder leaf = pki.rsaServer(TestPki.HOST);
    CertificateChain chain = pki.intermediate.chainFor(leaf);
    assertThat(chain.certificates()).containsExactly(leaf, pki.intermediate.certificate());
    assertThat(chain.leaf()).isEqualTo(leaf);
    assertThat(pki.intermediate.rootCertificate()).isEqualTo(pki.root.certificate());
    assertThat(chain.append(pki.root.certificate()).certificates()).hasSize(3);
    assertThat(chain.encodedLength()).isGreaterThan(500);
  }

  @Test
  void crlIsSignedNumberedAndListsRevocations() throws Exception {
    X509CertificateHolder revoked = pki.ecServer("revoked.example");
    X509CertificateHolder kept = pki.ecServer("kept.example");
    pki.intermediate.revoke(revoked, TestPki.NOW.minus(Duration.ofHours(2)),
        RevocationReason.KEY_COMPROMISE);
    X509CRLHolder first = pki.intermediate.crl(TestPki.NOW, TestPki.NOW.plus(Duration.ofDays(7)));
    X509CRLHolder second = pki.intermediate.crl(TestPki.NOW, TestPki.NOW.plus(Duration.ofDays(7)));

    assertThat(first.getIssuer()).isEqualTo(pki.intermediate.name());
    assertThat(first.getThisUpdate().toInstant()).isEqualTo(TestPki.NOW);
    assertThat(first.getNextUpdate().toInstant()).isEqualTo(TestPki.NOW.plus(Duration.ofDays(7)));
    assertThat(ASN1Integer.getInstance(first.getExtension(Extension.cRLNumber).getParsedValue())
            .getValue())
        .isEqualTo(BigInteger.ONE);
    assertThat(ASN1Integer.getInstance(second.getExtension(Extension.cRLNumber).getParsedValue())
            .getValue())
        .isEqualTo(BigInteger.TWO);
    assertThat(AuthorityKeyIdentifier.fromExtensions(first.getExtensions()).getKeyIdentifierObject()
            .getOctets())
        .isEqualTo(SubjectKeyIdentifier.fromExtensions(
            pki.intermediate.certificate().getExtensions()).getKeyIdentifier());
    assertThat(first.getRevokedCertificate(revoked.getSerialNumber())).isNotNull();
    assertThat(first.getRevokedCertificate(kept.getSerialNumber())).isNull();
    assertThat(first.isSignatureValid(SignatureOperators.verifier(pki.intermediate.publicKey())))
        .isTrue();

    X509CRL jdk = JcaBridge.crl(first);
    jdk.verify(JcaBridge.certificate(pki.intermediate.certificate()).getPublicKey());
    X509CRLEntry entry = jdk.getRevokedCertificate(revoked.getSerialNumber());
    assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
    assertThat(entry.getRevocationDate())
        .isEqualTo(Date.from(TestPki.NOW.minus(Duration.ofHours(2))));
  }

  @Test
  void sameSeedGivesByteIdenticalCertificatesAndCrls() throws Exception {
    TestPki again = new TestPki();
    TestPki otherSeed = new TestPki(TestPki.SEED + 1);
    assertThat(again.root.certificate().getEncoded()).isEqualTo(pki.root.certificate().getEncoded());
    assertThat(again.intermediate.certificate().getEncoded())
        .as("ECDSA signatures are deterministic (RFC 6979)")
        .isEqualTo(pki.intermediate.certificate().getEncoded());
    assertThat(again.ecServer(TestPki.HOST).getEncoded())
        .isEqualTo(pki.ecServer(TestPki.HOST).getEncoded());
    assertThat(again.rsaServer(TestPki.HOST).getEncoded())
        .isEqualTo(pki.rsaServer(TestPki.HOST).getEncoded());
    assertThat(again.freshCrls().get(1).getEncoded()).isEqualTo(pki.freshCrls().get(1).getEncoded());

    assertThat(otherSeed.root.certificate().getEncoded())
        .isNotEqualTo(pki.root.certificate().getEncoded());
    assertThat(otherSeed.ecServer(TestPki.HOST).getEncoded())
        .isNotEqualTo(pki.ecServer(TestPki.HOST).getEncoded());
  }

  @Test
  void rsa2048HierarchyWorksToo() throws Exception {
    KeyPool keys = new KeyPool(TestPki.SEED);
    CertificateAuthority root =
        CertificateAuthority.root("RSA-2048 Root", keys.rsa("root-2048"), TestPki.EPOCH,
            TestPki.EPOCH.plus(Duration.ofDays(3650)));
    X509CertificateHolder leaf =
        root.issue(CertificateProfile.tlsServer(TestPki.HOST, keys.rsa("leaf-2048").getPublic(),
            TestPki.LEAF_NOT_BEFORE, TestPki.LEAF_NOT_AFTER).build());
    X509Certificate jdk = JcaBridge.certificate(leaf);
    jdk.verify(JcaBridge.certificate(root.certificate()).getPublicKey());
    assertThat(((java.security.interfaces.RSAPublicKey) jdk.getPublicKey()).getModulus().bitLength())
        .isEqualTo(2048);
  }

  @Test
  void refusesInconsistentRequests() {
    assertThatThrownBy(() -> CertificateAuthority.root(
            CertificateProfile.certificateAuthority("x", pki.keys.ecP256("a").getPublic(),
                TestPki.EPOCH, TestPki.NOW).build(),
            pki.keys.ecP256("b")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pki.server(TestPki.HOST, pki.keys.ecP256("c")).pathLenConstraint(1)
            .build())
        .isInstanceOf(IllegalArgumentException.class);
    X509CertificateHolder foreign = pki.root.issue(
        pki.server("foreign.example", pki.keys.ecP256("foreign")).build());
    assertThatThrownBy(() -> pki.intermediate.issuerFrom(foreign, pki.keys.ecP256("foreign")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
