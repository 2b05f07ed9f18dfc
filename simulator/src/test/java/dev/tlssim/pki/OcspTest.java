package dev.tlssim.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.tls.AlertDescription;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.Test;

/** OCSP (RFC 6960): the CA's responder, and the verifier's use of its answers. */
class OcspTest {
  private static final Instant NOW = TestPki.NOW;

  private final TestPki pki = new TestPki();
  private final X509CertificateHolder leaf = pki.rsaServer(TestPki.HOST);
  private final List<X509CertificateHolder> chain = pki.chain(leaf);
  private final OcspResponder intermediateResponder =
      new OcspResponder(pki.intermediate, Duration.ofDays(7));
  private final OcspResponder rootResponder = new OcspResponder(pki.root, Duration.ofDays(7));

  private OCSPResp leafResponse(Instant at) {
    return intermediateResponder.respond(
        OcspRequest.forCertificate(leaf, pki.intermediate.certificate()), at);
  }

  private OCSPResp intermediateResponse(Instant at) {
    return rootResponder.respond(
        OcspRequest.forCertificate(pki.intermediate.certificate(), pki.root.certificate()), at);
  }

  private static SingleResp single(OCSPResp response) throws Exception {
    assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
    SingleResp[] responses = ((BasicOCSPResp) response.getResponseObject()).getResponses();
    assertThat(responses).hasSize(1);
    return responses[0];
  }

  private VerificationResult verify(RevocationMode mode, RevocationSource source) {
    return verify(mode, source, Optional.empty());
  }

  private VerificationResult verify(RevocationMode mode, RevocationSource source,
      Optional<OCSPResp> stapled) {
    VerificationPolicy policy = VerificationPolicy.builder()
        .trustAnchor(pki.root.certificate()).revocation(mode).build();
    return new CertificateVerifier(policy, source)
        .verify(chain, TestPki.HOST, NOW, ServerKeyUse.EITHER, stapled);
  }

  @Test
  void requestNamesTheCertificateBySha1CertId() throws Exception {
    OCSPReq request = OcspRequest.forCertificate(leaf, pki.intermediate.certificate());

    assertThat(request.getRequestList()).hasSize(1);
    CertificateID id = request.getRequestList()[0].getCertID();
    assertThat(id.getHashAlgOID()).isEqualTo(OIWObjectIdentifiers.idSHA1);
    assertThat(id.getSerialNumber()).isEqualTo(leaf.getSerialNumber());
    assertThat(id.matchesIssuer(pki.intermediate.certificate(),
        new org.bouncycastle.operator.bc.BcDigestCalculatorProvider())).isTrue();
    assertThat(OcspRequest.encode(request)).isEqualTo(
        OcspRequest.encode(OcspRequest.forCertificate(leaf, pki.intermediate.certificate())));
    assertThatThrownBy(() -> OcspRequest.forCertificate(leaf, pki.root.certificate()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void goodResponseIsSignedByTheCaAndValidForTheGivenWindow() throws Exception {
    OCSPResp response = leafResponse(NOW);
    SingleResp single = single(response);

    assertThat(single.getCertStatus()).isEqualTo(CertificateStatus.GOOD);
    assertThat(single.getThisUpdate().toInstant()).isEqualTo(NOW);
    assertThat(single.getNextUpdate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
    assertThat(basic.getProducedAt().toInstant()).isEqualTo(NOW);
    assertThat(basic.isSignatureValid(
        SignatureOperators.verifier(pki.intermediate.publicKey()))).isTrue();
    assertThat(basic.getResponderId().toASN1Primitive().getKeyHash()).isNotNull();
    assertThat(response.getEncoded()).as("deterministic").isEqualTo(leafResponse(NOW).getEncoded());
  }

  @Test
  void revokedResponseCarriesTimeAndReason() throws Exception {
    Instant when = NOW.minus(Duration.ofDays(2));
    pki.intermediate.revoke(leaf, when, RevocationReason.KEY_COMPROMISE);

    CertificateStatus status = single(leafResponse(NOW)).getCertStatus();

    assertThat(status).isInstanceOf(RevokedStatus.class);
    RevokedStatus revoked = (RevokedStatus) status;
    assertThat(revoked.getRevocationTime().toInstant()).isEqualTo(when);
    assertThat(revoked.getRevocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE.code());
  }

  @Test
  void unissuedSerialsAndOtherIssuersAreUnknown() throws Exception {
    OCSPReq neverIssued = new OCSPReqBuilder().addRequest(
        OcspRequest.certificateId(pki.intermediate.certificate(), BigInteger.valueOf(999))).build();
    assertThat(single(intermediateResponder.respond(neverIssued, NOW)).getCertStatus())
        .isInstanceOf(UnknownStatus.class);

    OCSPReq otherIssuer = OcspRequest.forCertificate(leaf, pki.intermediate.certificate());
    assertThat(single(rootResponder.respond(otherIssuer, NOW)).getCertStatus())
        .isInstanceOf(UnknownStatus.class);
  }

  @Test
  void bytesThatAreNotARequestGetMalformedRequest() throws Exception {
    OCSPResp response = new OCSPResp(intermediateResponder.respond(new byte[] {1, 2, 3}, NOW));
    assertThat(response.getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);

    byte[] der = intermediateResponder.respond(
        OcspRequest.encode(OcspRequest.forCertificate(leaf, pki.intermediate.certificate())), NOW);
    assertThat(single(new OCSPResp(der)).getCertStatus()).isEqualTo(CertificateStatus.GOOD);
  }

  @Test
  void ocspGoodForEveryCertificatePassesNamingOcsp() {
    VerificationStep step = verify(RevocationMode.HARD_FAIL,
        RevocationSource.ofOcsp(List.of(leafResponse(NOW), intermediateResponse(NOW))))
        .step(VerificationCheck.REVOCATION);

    assertThat(step.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(step.warning()).isFalse();
    assertThat(step.detail()).isEqualTo("not revoked: 'CN=www.example.com' (serial "
        + leaf.getSerialNumber() + ") (OCSP), 'CN=tlssim Test Issuing CA' (serial "
        + pki.intermediate.certificate().getSerialNumber() + ") (OCSP)");
  }

  @Test
  void ocspIsPreferredAndTheCrlCoversTheRest() {
    VerificationStep step = verify(RevocationMode.HARD_FAIL,
        RevocationSource.ofOcsp(List.of(leafResponse(NOW))).orElse(
            RevocationSource.of(pki.freshCrls()))).step(VerificationCheck.REVOCATION);

    assertThat(step.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(step.detail()).contains("'CN=www.example.com' (serial " + leaf.getSerialNumber()
        + ") (OCSP)", "'CN=tlssim Test Issuing CA' (serial 2) (CRL)");
  }

  @Test
  void ocspRevokedFailsUnderSoftAndHardFailButNotWhenOff() {
    pki.intermediate.revoke(leaf, NOW.minus(Duration.ofDays(1)), RevocationReason.SUPERSEDED);
    RevocationSource source =
        RevocationSource.ofOcsp(List.of(leafResponse(NOW), intermediateResponse(NOW)));

    for (RevocationMode mode : List.of(RevocationMode.SOFT_FAIL, RevocationMode.HARD_FAIL)) {
      VerificationResult result = verify(mode, source);
      assertThat(result.accepted()).isFalse();
      assertThat(result.alert()).contains(AlertDescription.CERTIFICATE_REVOKED);
      assertThat(result.step(VerificationCheck.REVOCATION).detail())
          .contains("(reason superseded) according to the OCSP response of "
              + "'CN=tlssim Test Issuing CA'");
    }
    VerificationResult off = verify(RevocationMode.OFF, source);
    assertThat(off.accepted()).isTrue();
    assertThat(off.step(VerificationCheck.REVOCATION).status()).isEqualTo(CheckStatus.SKIPPED);
  }

  @Test
  void crlRevokedStillFailsWithOcspAvailableForTheOthers() {
    pki.intermediate.revoke(leaf, NOW.minus(Duration.ofDays(1)), RevocationReason.UNSPECIFIED);
    VerificationResult result =
        verify(RevocationMode.SOFT_FAIL, RevocationSource.of(pki.freshCrls()));

    assertThat(result.alert()).contains(AlertDescription.CERTIFICATE_REVOKED);
    assertThat(result.step(VerificationCheck.REVOCATION).detail()).contains("according to the CRL");
  }

  @Test
  void unknownStatusFallsBackToTheCrlElseSoftOrHardFails() throws Exception {
    // The intermediate's responder, signing "unknown" about the leaf (RFC 6960 §2.2).
    RevocationSource ocspOnly = RevocationSource.ofOcsp(
        List.of(unknownAboutLeaf(), intermediateResponse(NOW)));

    VerificationResult soft = verify(RevocationMode.SOFT_FAIL, ocspOnly);
    assertThat(soft.accepted()).isTrue();
    VerificationStep softStep = soft.step(VerificationCheck.REVOCATION);
    assertThat(softStep.warning()).isTrue();
    assertThat(softStep.detail()).contains(
        "OCSP: the OCSP responder of 'CN=tlssim Test Issuing CA'",
        "does not know", "and no CRL available");

    VerificationResult hard = verify(RevocationMode.HARD_FAIL, ocspOnly);
    assertThat(hard.alert()).contains(AlertDescription.CERTIFICATE_UNKNOWN);

    VerificationResult withCrl = verify(RevocationMode.HARD_FAIL,
        ocspOnly.orElse(RevocationSource.of(pki.freshCrls())));
    assertThat(withCrl.accepted()).isTrue();
    assertThat(withCrl.step(VerificationCheck.REVOCATION).detail())
        .contains("'CN=www.example.com' (serial " + leaf.getSerialNumber() + ") (CRL)");
  }

  @Test
  void responseSignedByAnotherKeyIsUnusable() throws Exception {
    OCSPResp forged = signedBy(pki.keys.ecP256("forger").getPrivate(), CertificateStatus.GOOD,
        NOW, NOW.plus(Duration.ofDays(7)));
    RevocationSource source = RevocationSource.ofOcsp(List.of(forged, intermediateResponse(NOW)));

    VerificationResult soft = verify(RevocationMode.SOFT_FAIL, source);
    assertThat(soft.accepted()).isTrue();
    assertThat(soft.step(VerificationCheck.REVOCATION).warning()).isTrue();
    assertThat(soft.step(VerificationCheck.REVOCATION).detail())
        .contains("signature does not verify with the key of 'CN=tlssim Test Issuing CA'");
    assertThat(verify(RevocationMode.HARD_FAIL, source).alert())
        .contains(AlertDescription.CERTIFICATE_UNKNOWN);
  }

  @Test
  void expiredAndFutureResponsesAreUnusable() {
    OCSPResp expired = leafResponse(NOW.minus(Duration.ofDays(8)));
    VerificationResult stale = verify(RevocationMode.HARD_FAIL,
        RevocationSource.ofOcsp(List.of(expired, intermediateResponse(NOW))));
    assertThat(stale.alert()).contains(AlertDescription.CERTIFICATE_UNKNOWN);
    assertThat(stale.step(VerificationCheck.REVOCATION).detail())
        .contains("the OCSP response is stale (nextUpdate " + NOW.minus(Duration.ofDays(1)) + ")");

    OCSPResp future = leafResponse(NOW.plus(Duration.ofHours(1)));
    VerificationResult early = verify(RevocationMode.HARD_FAIL,
        RevocationSource.ofOcsp(List.of(future, intermediateResponse(NOW))));
    assertThat(early.step(VerificationCheck.REVOCATION).detail())
        .contains("the OCSP response is not yet valid");
  }

  @Test
  void errorResponsesAreUnusable() throws Exception {
    OCSPResp tryLater = new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null);
    VerificationResult result = verify(RevocationMode.SOFT_FAIL, RevocationSource.unavailable(),
        Optional.of(tryLater));
    assertThat(result.step(VerificationCheck.REVOCATION).detail())
        .contains("stapled OCSP: the OCSP responder answered tryLater");
  }

  @Test
  void stapledResponseServesTheLeaf() {
    VerificationStep step = verify(RevocationMode.HARD_FAIL,
        RevocationSource.ofOcsp(List.of(intermediateResponse(NOW))),
        Optional.of(leafResponse(NOW))).step(VerificationCheck.REVOCATION);

    assertThat(step.status()).isEqualTo(CheckStatus.PASSED);
    assertThat(step.detail()).contains(") (stapled OCSP), 'CN=tlssim Test Issuing CA'");
  }

  @Test
  void stapledResponseAboutAnotherCertificateIsUnusable() {
    X509CertificateHolder other = pki.ecServer("other.example.com");
    OCSPResp aboutOther = intermediateResponder.respond(
        OcspRequest.forCertificate(other, pki.intermediate.certificate()), NOW);
    VerificationResult result = verify(RevocationMode.HARD_FAIL,
        RevocationSource.ofOcsp(List.of(intermediateResponse(NOW))), Optional.of(aboutOther));
    assertThat(result.alert()).contains(AlertDescription.CERTIFICATE_UNKNOWN);
    assertThat(result.step(VerificationCheck.REVOCATION).detail())
        .contains("the OCSP response is not about 'CN=www.example.com'");
  }

  @Test
  void missingStatusListsWhatNeitherStaplingNorTheSourceCovers() {
    VerificationPolicy soft = VerificationPolicy.strict(pki.root.certificate());
    CertificateVerifier nothing = new CertificateVerifier(soft);

    assertThat(nothing.missingRevocationStatus(chain, Optional.empty(), NOW)).containsExactly(
        new RevocationQuery(leaf, pki.intermediate.certificate()),
        new RevocationQuery(pki.intermediate.certificate(), pki.root.certificate()));
    assertThat(nothing.missingRevocationStatus(chain, Optional.of(leafResponse(NOW)), NOW))
        .containsExactly(
            new RevocationQuery(pki.intermediate.certificate(), pki.root.certificate()));
    assertThat(new CertificateVerifier(soft, RevocationSource.of(pki.freshCrls()))
        .missingRevocationStatus(chain, Optional.empty(), NOW)).isEmpty();
    // Nothing usable is as good as nothing: a stale CRL, a stale staple.
    assertThat(new CertificateVerifier(soft, RevocationSource.of(pki.intermediate.crl(
            NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(3)))))
        .missingRevocationStatus(chain, Optional.of(leafResponse(NOW.minus(Duration.ofDays(8)))),
            NOW)).containsExactly(
        new RevocationQuery(leaf, pki.intermediate.certificate()),
        new RevocationQuery(pki.intermediate.certificate(), pki.root.certificate()));
    assertThat(new CertificateVerifier(soft.toBuilder().revocation(RevocationMode.OFF).build())
        .missingRevocationStatus(chain, Optional.empty(), NOW)).isEmpty();
  }

  @Test
  void fetchedBytesAreParsedAndGarbageCountsAsNoAnswer() throws Exception {
    RevocationSource fetched = RevocationSource.fromDer(
        List.of(new byte[] {0x30, 0x00}, leafResponse(NOW).getEncoded()),
        List.of(new byte[] {7}, pki.freshCrls().get(0).getEncoded()));
    CertificateVerifier verifier =
        new CertificateVerifier(VerificationPolicy.strict(pki.root.certificate()))
            .withRevocationSource(fetched);

    VerificationResult result = verifier.verify(chain, TestPki.HOST, NOW);
    assertThat(result.accepted()).isTrue();
    assertThat(result.step(VerificationCheck.REVOCATION).warning()).isFalse();
    assertThat(result.step(VerificationCheck.REVOCATION).detail())
        .contains("(OCSP)", "'CN=tlssim Test Issuing CA' (serial 2) (CRL)");
    assertThat(new RevocationQuery(leaf, pki.intermediate.certificate()).ocspRequest())
        .isEqualTo(OcspRequest.encode(
            OcspRequest.forCertificate(leaf, pki.intermediate.certificate())));
  }

  private OCSPResp unknownAboutLeaf() throws Exception {
    return signedBy(pki.intermediate.signingKey(), new UnknownStatus(), NOW,
        NOW.plus(Duration.ofDays(7)));
  }

  private OCSPResp signedBy(org.bouncycastle.crypto.params.AsymmetricKeyParameter key,
      CertificateStatus status, Instant thisUpdate, Instant nextUpdate) throws Exception {
    BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
        pki.intermediate.certificate().getSubjectPublicKeyInfo(), OcspRequest.sha1());
    builder.addResponse(OcspRequest.certificateId(pki.intermediate.certificate(),
        leaf.getSerialNumber()), status, Date.from(thisUpdate), Date.from(nextUpdate), null);
    BasicOCSPResp basic =
        builder.build(SignatureOperators.signer(key), null, Date.from(thisUpdate));
    return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
  }
}
