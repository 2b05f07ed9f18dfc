package dev.tlssim.pki;

import java.time.Instant;
import java.util.Locale;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/**
 * What an OCSP response says about one certificate, after the client's checks of RFC 6960 §3.2:
 * the response is successful and basic (§4.2.1), it names this certificate by its CertID (§3.2
 * (1)), it is signed by the certificate's issuer (§3.2 (2), (3): the CA signs its own responses;
 * delegated responders are not supported), and it is current: thisUpdate ≤ now (§3.2 (5)) and
 * now ≤ nextUpdate (§3.2 (6), §4.2.2.1).
 */
final class OcspResponseCheck {
  /** The verdict on one certificate. */
  sealed interface Outcome {}

  /** The responder vouches that the certificate is not revoked (§2.2 good). */
  record Good() implements Outcome {}

  /** The responder says the certificate is revoked (§2.2 revoked). */
  record Revoked(Instant revocationTime, String reason) implements Outcome {}

  /** A usable response that does not establish the status: §2.2 unknown. */
  record Unknown(String why) implements Outcome {}

  /** The response cannot be relied on (bad signature, wrong certificate, stale ...). */
  record Unusable(String why) implements Outcome {}

  private OcspResponseCheck() {}

  /** Whether a SingleResponse of {@code response} names this certificate by its CertID. */
  static boolean names(OCSPResp response, X509CertificateHolder certificate,
      X509CertificateHolder issuer) {
    try {
      if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
        return false;
      }
      for (SingleResp single : basic.getResponses()) {
        CertificateID id = single.getCertID();
        if (id.getSerialNumber().equals(certificate.getSerialNumber())
            && id.matchesIssuer(issuer, new BcDigestCalculatorProvider())) {
          return true;
        }
      }
      return false;
    } catch (OCSPException | RuntimeException e) {
      return false;
    }
  }

  static Outcome check(OCSPResp response, CertificateFields subject, CertificateFields issuer,
      Instant at) {
    if (response.getStatus() != OCSPResp.SUCCESSFUL) {
      return new Unusable("the OCSP responder answered " + responseStatus(response.getStatus()));
    }
    BasicOCSPResp basic;
    try {
      Object body = response.getResponseObject();
      if (!(body instanceof BasicOCSPResp b)) {
        return new Unusable("the OCSP response is not a basic response (RFC 6960 §4.2.1)");
      }
      basic = b;
    } catch (OCSPException | RuntimeException e) {
      return new Unusable("the OCSP response cannot be parsed: " + e.getMessage());
    }
    SingleResp single = null;
    try {
      for (SingleResp candidate : basic.getResponses()) {
        CertificateID id = candidate.getCertID();
        if (id.getSerialNumber().equals(subject.serial())
            && id.matchesIssuer(issuer.holder(), new BcDigestCalculatorProvider())) {
          single = candidate;
          break;
        }
      }
    } catch (OCSPException | RuntimeException e) {
      return new Unusable("the OCSP response's CertIDs cannot be read: " + e.getMessage());
    }
    if (single == null) {
      return new Unusable("the OCSP response is not about " + subject.label()
          + " issued by " + issuer.label());
    }
    if (!signatureVerifies(basic, issuer)) {
      return new Unusable("the OCSP response's signature does not verify with the key of "
          + issuer.label());
    }
    Instant thisUpdate = single.getThisUpdate().toInstant();
    if (at.isBefore(thisUpdate)) {
      return new Unusable("the OCSP response is not yet valid (thisUpdate " + thisUpdate + ")");
    }
    if (single.getNextUpdate() != null && at.isAfter(single.getNextUpdate().toInstant())) {
      return new Unusable("the OCSP response is stale (nextUpdate "
          + single.getNextUpdate().toInstant() + ")");
    }
    CertificateStatus status = single.getCertStatus();
    if (status == CertificateStatus.GOOD) {
      return new Good();
    }
    if (status instanceof RevokedStatus revoked) {
      String reason = revoked.hasRevocationReason()
          ? RevocationReason.fromCode(revoked.getRevocationReason()).name().toLowerCase(Locale.ROOT)
          : "unspecified";
      return new Revoked(revoked.getRevocationTime().toInstant(), reason);
    }
    return new Unknown("the OCSP responder of " + issuer.label() + " does not know "
        + subject.label());
  }

  private static boolean signatureVerifies(BasicOCSPResp basic, CertificateFields issuer) {
    try {
      return basic.isSignatureValid(SignatureOperators.verifier(issuer.publicKey()));
    } catch (OCSPException | RuntimeException e) {
      return false;
    }
  }

  /** RFC 6960 §4.2.1 OCSPResponseStatus names. */
  private static String responseStatus(int status) {
    return switch (status) {
      case OCSPResp.MALFORMED_REQUEST -> "malformedRequest";
      case OCSPResp.INTERNAL_ERROR -> "internalError";
      case OCSPResp.TRY_LATER -> "tryLater";
      case OCSPResp.SIG_REQUIRED -> "sigRequired";
      case OCSPResp.UNAUTHORIZED -> "unauthorized";
      default -> "status " + status;
    };
  }
}
