package dev.tlssim.pki;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.OCSPResp;

/**
 * Where the verifier gets revocation information: CRLs (RFC 5280 §5) and OCSP responses (RFC
 * 6960 §4.2). The verifier is sans-I/O: whoever hosts it fetches them (over the simulated
 * network, or from a cache) before verifying and offers them here. The verifier still checks
 * everything it is given: signature, issuer, certificate and freshness.
 */
@FunctionalInterface
public interface RevocationSource {
  /** The CRL published by this issuer, or empty when none is available. */
  Optional<X509CRLHolder> crlFor(X509CertificateHolder issuer);

  /** An OCSP response about this certificate, or empty when none is available. */
  default Optional<OCSPResp> ocspResponseFor(X509CertificateHolder certificate,
      X509CertificateHolder issuer) {
    return Optional.empty();
  }

  /** What this source has, and for what it has nothing, what {@code fallback} has. */
  default RevocationSource orElse(RevocationSource fallback) {
    Objects.requireNonNull(fallback, "fallback");
    RevocationSource first = this;
    return new RevocationSource() {
      @Override
      public Optional<X509CRLHolder> crlFor(X509CertificateHolder issuer) {
        return first.crlFor(issuer).or(() -> fallback.crlFor(issuer));
      }

      @Override
      public Optional<OCSPResp> ocspResponseFor(X509CertificateHolder certificate,
          X509CertificateHolder issuer) {
        return first.ocspResponseFor(certificate, issuer)
            .or(() -> fallback.ocspResponseFor(certificate, issuer));
      }
    };
  }

  /** No CRL can be obtained (e.g. the distribution point is unreachable). */
  static RevocationSource unavailable() {
    return issuer -> Optional.empty();
  }

  /** Serves these CRLs by issuer name; when an issuer has several, the most recent one. */
  static RevocationSource of(Collection<X509CRLHolder> crls) {
    List<X509CRLHolder> copy = List.copyOf(crls);
    return issuer ->
        copy.stream()
            .filter(crl -> crl.getIssuer().equals(issuer.getSubject()))
            .max(Comparator.comparing(crl -> CrlTimes.of(crl).thisUpdate()));
  }

  static RevocationSource of(X509CRLHolder... crls) {
    return of(List.of(crls));
  }

  /**
   * What a host fetched over the network, as the bytes came: DER OCSPResponses (RFC 6960
   * §4.2.1) and DER CRLs (RFC 5280 §5.1). Bytes that do not parse are left out, so a corrupted
   * answer counts as no answer.
   */
  static RevocationSource fromDer(Collection<byte[]> ocspResponses, Collection<byte[]> crls) {
    List<OCSPResp> responses = new ArrayList<>();
    for (byte[] der : ocspResponses) {
      try {
        responses.add(new OCSPResp(der));
      } catch (IOException | RuntimeException e) {
        // Not an OCSPResponse: no answer.
      }
    }
    List<X509CRLHolder> lists = new ArrayList<>();
    for (byte[] der : crls) {
      try {
        lists.add(new X509CRLHolder(der));
      } catch (IOException | RuntimeException e) {
        // Not a CRL: no answer.
      }
    }
    return ofOcsp(responses).orElse(of(lists));
  }

  /**
   * Serves these OCSP responses: for a certificate, the first one with a SingleResponse whose
   * CertID (RFC 6960 §4.1.1) names it; a response about other certificates is not offered.
   */
  static RevocationSource ofOcsp(Collection<OCSPResp> responses) {
    List<OCSPResp> copy = List.copyOf(responses);
    return new RevocationSource() {
      @Override
      public Optional<X509CRLHolder> crlFor(X509CertificateHolder issuer) {
        return Optional.empty();
      }

      @Override
      public Optional<OCSPResp> ocspResponseFor(X509CertificateHolder certificate,
          X509CertificateHolder issuer) {
        return copy.stream()
            .filter(r -> OcspResponseCheck.names(r, certificate, issuer))
            .findFirst();
      }
    };
  }
}
