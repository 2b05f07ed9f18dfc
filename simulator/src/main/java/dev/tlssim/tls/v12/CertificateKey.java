package dev.tlssim.tls.v12;

import java.io.IOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/** The subject public key of a certificate, as BouncyCastle's lightweight API sees it. */
final class CertificateKey {
  private CertificateKey() {}

  static AsymmetricKeyParameter of(X509CertificateHolder certificate) throws IOException {
    return PublicKeyFactory.createKey(certificate.getSubjectPublicKeyInfo());
  }
}
