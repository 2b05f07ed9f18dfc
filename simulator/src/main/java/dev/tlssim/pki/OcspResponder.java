package dev.tlssim.pki;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/**
 * The OCSP responder of a {@link CertificateAuthority} (RFC 6960 §2.2, §4.2): the CA signs the
 * responses itself (§4.2.2.2, "the CA who issued the certificate in question"), names itself by
 * key hash (ResponderID byKey, §4.2.2.3) and answers each Request of an OCSPRequest with
 *
 * <ul>
 *   <li>good: a serial this CA issued and has not revoked,
 *   <li>revoked: with the revocation time and reason it recorded,
 *   <li>unknown: a serial it never issued, or a CertID naming another issuer (§2.2).
 * </ul>
 *
 * <p>thisUpdate and producedAt are the given simulated instant (whole seconds), nextUpdate that
 * plus the validity. A nonce in the request is echoed (§4.4.1). Signatures are deterministic, so
 * the same question at the same instant gives the same bytes.
 */
public final class OcspResponder {
  private final CertificateAuthority authority;
  private final Duration validity;

  /** @param validity how long a response is fresh: nextUpdate - thisUpdate (§2.4) */
  public OcspResponder(CertificateAuthority authority, Duration validity) {
    this.authority = Objects.requireNonNull(authority, "authority");
    this.validity = Objects.requireNonNull(validity, "validity");
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive: " + validity);
    }
  }

  public CertificateAuthority authority() {
    return authority;
  }

  /**
   * Answers a DER OCSPRequest (the body of an HTTP POST, RFC 6960 Appendix A.1) with a DER
   * OCSPResponse. Bytes that are not an OCSPRequest get malformedRequest (§2.3).
   */
  public byte[] respond(byte[] derRequest, Instant at) {
    OCSPReq request = null;
    try {
      request = new OCSPReq(derRequest);
    } catch (IOException | RuntimeException e) {
      // Not DER, or not an OCSPRequest: answered below.
    }
    OCSPResp response = request == null
        ? error(OCSPRespBuilder.MALFORMED_REQUEST) : respond(request, at);
    try {
      return response.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an OCSP response", e);
    }
  }

  /** Answers every Request of {@code request} in one signed BasicOCSPResponse (§4.2.1). */
  public OCSPResp respond(OCSPReq request, Instant at) {
    Req[] requests = request.getRequestList();
    if (requests.length == 0) {
      return error(OCSPRespBuilder.MALFORMED_REQUEST);
    }
    Date thisUpdate = date(at);
    Date nextUpdate = date(at.plus(validity));
    X509CertificateHolder caCertificate = authority.certificate();
    try {
      BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
          caCertificate.getSubjectPublicKeyInfo(), OcspRequest.sha1());
      for (Req single : requests) {
        CertificateID id = single.getCertID();
        builder.addResponse(id, status(id), thisUpdate, nextUpdate, null);
      }
      Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
      if (nonce != null) {
        builder.setResponseExtensions(new Extensions(nonce));
      }
      BasicOCSPResp basic = builder.build(
          SignatureOperators.signer(authority.signingKey()), null, thisUpdate);
      return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
    } catch (OCSPException e) {
      throw new IllegalStateException("cannot build an OCSP response", e);
    }
  }

  /** RFC 6960 §2.2: the status of one certificate as this CA knows it. */
  private CertificateStatus status(CertificateID id) throws OCSPException {
    if (!id.matchesIssuer(authority.certificate(), new BcDigestCalculatorProvider())) {
      return new UnknownStatus();
    }
    if (!authority.issued(id.getSerialNumber())) {
      return new UnknownStatus();
    }
    Optional<CertificateAuthority.RevokedCertificate> revoked =
        authority.revocation(id.getSerialNumber());
    if (revoked.isPresent()) {
      // RFC 5280 §5.3.1, which RFC 6960 §4.2.1 borrows: leave the reason out rather than say
      // unspecified.
      RevocationReason reason = revoked.get().reason();
      return new RevokedStatus(new RevokedInfo(
          new ASN1GeneralizedTime(date(revoked.get().revocationDate())),
          reason == RevocationReason.UNSPECIFIED ? null : CRLReason.lookup(reason.code())));
    }
    return CertificateStatus.GOOD;
  }

  private static OCSPResp error(int status) {
    try {
      return new OCSPRespBuilder().build(status, null);
    } catch (OCSPException e) {
      throw new IllegalStateException("cannot build an OCSP error response", e);
    }
  }

  private static Date date(Instant instant) {
    return Date.from(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
