package dev.tlssim.scenario;

import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/** The first DNS name a certificate is for: the host a man in the middle pretends to reach. */
final class HostnameOf {
  private HostnameOf() {}

  static String first(X509CertificateHolder cert) {
    GeneralNames san = GeneralNames.fromExtensions(cert.getExtensions(), Extension.subjectAlternativeName);
    if (san != null) {
      for (GeneralName n : san.getNames()) {
        if (n.getTagNo() == GeneralName.dNSName) {
          return n.getName().toString();
        }
      }
    }
    return null;
  }
}
