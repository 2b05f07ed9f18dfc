package dev.tlssim.tls.v12;

import java.io.IOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Names of public-key operations as the CPU cost profile keys them: {@code rsa<modulus
 * bits>.<op>} and {@code ecdsa-p<field bits>.<op>}. The size is the key's actual size, so a
 * 3072-bit server key costs what a 3072-bit key costs.
 */
final class CryptoNames {
  private CryptoNames() {}

  static String of(AsymmetricKeyParameter key, String operation) {
    if (key instanceof RSAKeyParameters rsa) {
      return "rsa" + rsa.getModulus().bitLength() + "." + operation;
    }
    if (key instanceof ECKeyParameters ec) {
      return "ecdsa-p" + ec.getParameters().getCurve().getFieldSize() + "." + operation;
    }
    throw new IllegalArgumentException("unsupported key type " + key.getClass().getSimpleName());
  }

  /** The subject public key of a certificate, as BouncyCastle's lightweight API sees it. */
  static AsymmetricKeyParameter publicKey(X509CertificateHolder certificate) throws IOException {
    return PublicKeyFactory.createKey(certificate.getSubjectPublicKeyInfo());
  }
}
