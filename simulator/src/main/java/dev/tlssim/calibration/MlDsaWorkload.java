package dev.tlssim.calibration;

import dev.tlssim.pki.KeyAlgorithm;
import dev.tlssim.pki.KeyPool;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.crypto.HandshakeSignature;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;

/**
 * ML-DSA signing and verification of a TLS 1.3 CertificateVerify through the engine's classes
 * (BouncyCastle's lightweight API), for every library: JDK 17 has no ML-DSA in its providers and
 * OpenSSL 3.0's {@code openssl speed} none either, so this is the one measurement there is.
 */
final class MlDsaWorkload {
  /** What CertificateVerify signs (RFC 8446 §4.4.3): 64 spaces, the context string, 0, a SHA-256 hash. */
  private static final int CERTIFICATE_VERIFY_CONTENT = 64 + "TLS 1.3, server CertificateVerify".length() + 1 + 32;

  private final SignatureScheme scheme;
  private final AsymmetricCipherKeyPair keyPair;
  private final SecureRandom random;
  private final byte[] content;
  private final byte[] verifiedContent;
  private final byte[] signature;

  MlDsaWorkload(KeyPool keys, String label, KeyAlgorithm algorithm, SecureRandom random) {
    this.scheme = algorithm.mlDsaScheme();
    this.keyPair = keys.mlDsa(label, algorithm);
    this.random = random;
    content = new byte[CERTIFICATE_VERIFY_CONTENT];
    verifiedContent = new byte[CERTIFICATE_VERIFY_CONTENT];
    random.nextBytes(verifiedContent);
    signature = HandshakeSignature.sign(scheme, keyPair.getPrivate(), verifiedContent, random);
  }

  static String source(CostOperation op) {
    return "BouncyCastle lightweight API via the engine's classes (no ML-DSA in JDK 17's providers or in "
        + "OpenSSL 3.0's openssl speed): " + op.description();
  }

  int sign() {
    // A fresh content each time: the engine's memo would otherwise answer a repeated signature.
    random.nextBytes(content);
    return HandshakeSignature.sign(scheme, keyPair.getPrivate(), content, random)[0];
  }

  int verify() {
    return HandshakeSignature.verify(scheme, keyPair.getPublic(), verifiedContent, signature) ? 1 : 0;
  }
}
