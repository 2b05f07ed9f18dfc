package dev.tlssim.tls.interop;

import dev.tlssim.pki.CertificateChain;
import dev.tlssim.pki.CertificateProfile;
import dev.tlssim.pki.KeyAlgorithm;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.testing.WebPki;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * The server certificates of the bctls matrix, both for {@link WebPki#HOST} under WebPki's ECDSA
 * issuing CA and RSA root: WebPki's own ECDSA P-256 leaf, and an ML-DSA-44 leaf (RFC 9881 §2)
 * whose CertificateVerify is mldsa44 (draft-ietf-tls-mldsa §3).
 */
enum ServerCertificate {
  ECDSA_P256(WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY, SignatureScheme.ECDSA_SECP256R1_SHA256),
  MLDSA44(MlDsa44.CHAIN, MlDsa44.KEY, SignatureScheme.MLDSA44);

  final CertificateChain chain;
  final AsymmetricCipherKeyPair key;
  final SignatureScheme scheme;

  ServerCertificate(CertificateChain chain, AsymmetricCipherKeyPair key, SignatureScheme scheme) {
    this.chain = chain;
    this.key = key;
    this.scheme = scheme;
  }

  AsymmetricKeyParameter privateKey() {
    return key.getPrivate();
  }

  /** Made once, on first use, from WebPki's seeded key pool. */
  private static final class MlDsa44 {
    static final AsymmetricCipherKeyPair KEY = WebPki.KEYS.mlDsa("leaf-mldsa44", KeyAlgorithm.MLDSA44);
    static final CertificateChain CHAIN = WebPki.ISSUER.chainFor(WebPki.ISSUER.issue(
        CertificateProfile.tlsServer(WebPki.HOST, KEY.getPublic(), WebPki.NOT_BEFORE, WebPki.NOT_AFTER).build()));
  }
}
