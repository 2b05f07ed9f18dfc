package dev.tlssim.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Crosses from BouncyCastle's lightweight objects to the JDK's JCA types, for the JDK's PKIX
 * validator and SSLEngine. It goes through the standard encodings (PKCS#8, SubjectPublicKeyInfo,
 * DER certificates and CRLs) and the JDK's own providers, so the BC provider is never registered.
 */
public final class JcaBridge {
  private JcaBridge() {}

  public static KeyPair keyPair(AsymmetricCipherKeyPair keyPair) {
    return new KeyPair(publicKey(keyPair.getPublic()), privateKey(keyPair.getPrivate()));
  }

  public static PrivateKey privateKey(AsymmetricKeyParameter privateKey) {
    try {
      byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded();
      return keyFactory(privateKey).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot convert private key to JCA", e);
    }
  }

  public static PublicKey publicKey(AsymmetricKeyParameter publicKey) {
    try {
      byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded();
      return keyFactory(publicKey).generatePublic(new X509EncodedKeySpec(spki));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot convert public key to JCA", e);
    }
  }

  public static X509Certificate certificate(X509CertificateHolder certificate) {
    try {
      return (X509Certificate)
          certificateFactory()
              .generateCertificate(new ByteArrayInputStream(certificate.getEncoded()));
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException("cannot convert certificate to JCA", e);
    }
  }

  public static X509CRL crl(X509CRLHolder crl) {
    try {
      return (X509CRL) certificateFactory().generateCRL(new ByteArrayInputStream(crl.getEncoded()));
    } catch (IOException | CRLException e) {
      throw new IllegalArgumentException("cannot convert CRL to JCA", e);
    }
  }

  private static KeyFactory keyFactory(AsymmetricKeyParameter key)
      throws GeneralSecurityException {
    return KeyFactory.getInstance(key instanceof ECKeyParameters ? "EC" : "RSA");
  }

  private static CertificateFactory certificateFactory() {
    try {
      return CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("X.509 CertificateFactory is required by every JDK", e);
    }
  }
}
