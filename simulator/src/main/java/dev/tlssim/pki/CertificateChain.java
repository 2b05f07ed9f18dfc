package dev.tlssim.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The certificate_list of a TLS Certificate message (RFC 5246 §7.4.2, RFC 8446 §4.4.2): the
 * server's own certificate first, then each certificate that certifies the one before it.
 */
public record CertificateChain(List<X509CertificateHolder> certificates) {
  public CertificateChain {
    certificates = List.copyOf(certificates);
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("a chain starts with the end-entity certificate");
    }
  }

  public X509CertificateHolder leaf() {
    return certificates.get(0);
  }

  /** The certificates after the leaf. */
  public List<X509CertificateHolder> intermediates() {
    return certificates.subList(1, certificates.size());
  }

  /** This chain with one more certificate at the end, e.g. a server that also sends its root. */
  public CertificateChain append(X509CertificateHolder certificate) {
    List<X509CertificateHolder> longer = new ArrayList<>(certificates);
    longer.add(certificate);
    return new CertificateChain(longer);
  }

  /** The DER size of all certificates: what the Certificate message carries, framing aside. */
  public int encodedLength() {
    int total = 0;
    for (X509CertificateHolder c : certificates) {
      try {
        total += c.getEncoded().length;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return total;
  }
}
