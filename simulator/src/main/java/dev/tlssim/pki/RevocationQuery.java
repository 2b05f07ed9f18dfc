package dev.tlssim.pki;

import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A certificate whose revocation status the verifier lacks, with the issuer to ask: the issuer's
 * OCSP responder answers {@link #ocspRequest()} (RFC 6960 §4.1), its distribution point serves
 * the CRL that would list the certificate (RFC 5280 §5).
 */
public record RevocationQuery(X509CertificateHolder certificate, X509CertificateHolder issuer) {
  public RevocationQuery {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(issuer, "issuer");
    if (!certificate.getIssuer().equals(issuer.getSubject())) {
      throw new IllegalArgumentException("'" + issuer.getSubject() + "' did not issue '"
          + certificate.getSubject() + "'");
    }
  }

  /** The DER OCSPRequest about the certificate: the body of {@code POST /ocsp}. */
  public byte[] ocspRequest() {
    return OcspRequest.encode(OcspRequest.forCertificate(certificate, issuer));
  }

  @Override
  public String toString() {
    return "RevocationQuery['" + certificate.getSubject() + "' serial "
        + certificate.getSerialNumber() + ", issuer '" + issuer.getSubject() + "']";
  }
}
