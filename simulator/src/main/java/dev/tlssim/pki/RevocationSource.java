package dev.tlssim.pki;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Where the verifier gets CRLs. The verifier is sans-I/O: whoever hosts it fetches CRLs (over the
 * simulated network, or from a cache) before verifying and offers them here. The verifier still
 * checks every CRL it is given: signature, issuer, and freshness.
 */
@FunctionalInterface
public interface RevocationSource {
  /** The CRL published by this issuer, or empty when none is available. */
  Optional<X509CRLHolder> crlFor(X509CertificateHolder issuer);

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
            .max(Comparator.comparing(X509CRLHolder::getThisUpdate));
  }

  static RevocationSource of(X509CRLHolder... crls) {
    return of(List.of(crls));
  }
}
