package dev.tlssim.pki;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/**
 * Builds OCSP requests (RFC 6960 §4.1): one Request per certificate, named by its CertID. The
 * CertID hashes use SHA-1, as RFC 6960 §4.1.1 and RFC 5019 §2.1.1 require of clients for
 * interoperability. No nonce and no signature (§4.1.2: both optional), so the request for a
 * certificate is always the same bytes: simulation runs reproduce, and a responder may cache.
 */
public final class OcspRequest {
  private OcspRequest() {}

  /**
   * The CertID of RFC 6960 §4.1.1: SHA-1 of the issuer's DN (issuerNameHash), SHA-1 of the bits
   * of the issuer's subjectPublicKey (issuerKeyHash), and the certificate's serial number.
   */
  public static CertificateID certificateId(X509CertificateHolder issuer, BigInteger serial) {
    try {
      return new CertificateID(sha1(), issuer, serial);
    } catch (OCSPException e) {
      throw new IllegalArgumentException("cannot compute the CertID for serial " + serial, e);
    }
  }

  /** The request asking {@code issuer}'s responder about {@code certificate}. */
  public static OCSPReq forCertificate(X509CertificateHolder certificate,
      X509CertificateHolder issuer) {
    if (!certificate.getIssuer().equals(issuer.getSubject())) {
      throw new IllegalArgumentException("'" + issuer.getSubject() + "' did not issue '"
          + certificate.getSubject() + "'");
    }
    try {
      return new OCSPReqBuilder()
          .addRequest(certificateId(issuer, certificate.getSerialNumber()))
          .build();
    } catch (OCSPException e) {
      throw new IllegalStateException("cannot build an OCSP request", e);
    }
  }

  /** The DER OCSPRequest, the body of an HTTP POST (RFC 6960 Appendix A.1). */
  public static byte[] encode(OCSPReq request) {
    try {
      return request.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an OCSP request", e);
    }
  }

  static DigestCalculator sha1() {
    try {
      return new BcDigestCalculatorProvider().get(CertificateID.HASH_SHA1);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }
}
