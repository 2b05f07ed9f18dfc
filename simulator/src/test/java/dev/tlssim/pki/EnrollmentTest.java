package dev.tlssim.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.junit.jupiter.api.Test;

class EnrollmentTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final KeyPool KEYS = new KeyPool(5);
  private static final CertificateAuthority CA = CertificateAuthority.root("Enrollment Test CA",
      KEYS.ecP256("ca"), NOW.minusSeconds(86400), NOW.plusSeconds(86400 * 365));

  @Test
  void aValidRequestIsIssuedForItsNamesAndItsKey() throws Exception {
    var requester = KEYS.ecP256("server");
    byte[] csr = Enrollment.request(List.of("www.example.com", "api.example.com"), requester);
    CertificateChain chain = Enrollment.issue(CA, csr, NOW, NOW.plusSeconds(3600), List.of("example.com"));
    var leaf = chain.leaf();
    assertThat(leaf.getSubjectPublicKeyInfo())
        .isEqualTo(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(requester.getPublic()));
    GeneralNames san = GeneralNames.fromExtensions(leaf.getExtensions(), Extension.subjectAlternativeName);
    assertThat(san.getNames()).extracting(n -> n.getName().toString())
        .containsExactly("www.example.com", "api.example.com");
    assertThat(leaf.getIssuer()).isEqualTo(CA.certificate().getSubject());
    var verdict = new CertificateVerifier(VerificationPolicy.strict(CA.certificate()))
        .verify(chain.certificates(), "api.example.com", NOW.plusSeconds(60));
    assertThat(verdict.accepted()).isTrue();
  }

  @Test
  void aTamperedRequestHasNoProofOfPossession() {
    byte[] csr = Enrollment.request(List.of("www.example.com"), KEYS.ecP256("server"));
    csr[csr.length - 5] ^= 1;
    assertThatThrownBy(() -> Enrollment.issue(CA, csr, NOW, NOW.plusSeconds(3600), List.of()))
        .isInstanceOf(Enrollment.Refused.class);
  }

  @Test
  void namesOutsideTheCasPolicyAreRefused() {
    byte[] csr = Enrollment.request(List.of("www.bank.example.org"), KEYS.ecP256("attacker"));
    assertThatThrownBy(() -> Enrollment.issue(CA, csr, NOW, NOW.plusSeconds(3600), List.of("example.com")))
        .isInstanceOf(Enrollment.Refused.class)
        .hasMessage("this CA does not issue for 'www.bank.example.org'");
  }

  @Test
  void chainsRoundTripAndGarbageIsRefused() throws Exception {
    byte[] csr = Enrollment.request(List.of("www.example.com"), KEYS.ecP256("server"));
    CertificateChain chain = Enrollment.issue(CA, csr, NOW, NOW.plusSeconds(3600), List.of());
    assertThat(Enrollment.decode(Enrollment.encode(chain))).isEqualTo(chain);
    assertThatThrownBy(() -> Enrollment.decode(new byte[] {0x30, 0x03, 1, 2})).isInstanceOf(Enrollment.Refused.class);
    assertThatThrownBy(() -> Enrollment.decode(new byte[0])).isInstanceOf(Enrollment.Refused.class);
  }
}
