package dev.tlssim.tls.handshake13;

import dev.tlssim.pki.CertificateAuthority;
import dev.tlssim.pki.CertificateChain;
import dev.tlssim.pki.CertificateProfile;
import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.KeyPool;
import dev.tlssim.pki.VerificationPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;

/**
 * The small web PKI of the TLS 1.3 handshake tests, built as the TLS 1.2 tests' TestPki: an
 * RSA-2048 root, an ECDSA P-256 issuing CA, and an RSA-2048 and an ECDSA P-256 server
 * certificate for {@link #HOST}, valid around today because the JDK's TrustManager checks
 * validity against the real clock; the engine is given {@link #NOW}.
 */
final class Tls13TestPki {
  static final String HOST = "www.example.com";
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.DAYS);
  static final Instant NOT_BEFORE = NOW.minus(Duration.ofDays(30));
  static final Instant NOT_AFTER = NOW.plus(Duration.ofDays(335));

  static final KeyPool KEYS = new KeyPool(13);
  static final AsymmetricCipherKeyPair ROOT_KEY = KEYS.rsa("root", 2048);
  static final AsymmetricCipherKeyPair RSA_LEAF_KEY = KEYS.rsa("leaf-rsa", 2048);
  static final AsymmetricCipherKeyPair EC_LEAF_KEY = KEYS.ecP256("leaf-ec");

  static final CertificateAuthority ROOT = CertificateAuthority.root(
      "tlssim TLS 1.3 Test Root", ROOT_KEY,
      NOW.minus(Duration.ofDays(3650)), NOW.plus(Duration.ofDays(3650)));
  static final CertificateAuthority ISSUER = ROOT.intermediate(
      "tlssim TLS 1.3 Test Issuing CA", KEYS.ecP256("issuer"),
      NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(1825)));

  static final CertificateChain RSA_CHAIN = ISSUER.chainFor(ISSUER.issue(
      CertificateProfile.tlsServer(HOST, RSA_LEAF_KEY.getPublic(), NOT_BEFORE, NOT_AFTER).build()));
  static final CertificateChain EC_CHAIN = ISSUER.chainFor(ISSUER.issue(
      CertificateProfile.tlsServer(HOST, EC_LEAF_KEY.getPublic(), NOT_BEFORE, NOT_AFTER).build()));

  private Tls13TestPki() {}

  static X509CertificateHolder rootCertificate() {
    return ROOT.certificate();
  }

  static CertificateVerifier strictVerifier() {
    return new CertificateVerifier(VerificationPolicy.strict(rootCertificate()));
  }

  static Tls13ServerConfig rsaServer() {
    return Tls13ServerConfig.defaults(RSA_CHAIN, RSA_LEAF_KEY.getPrivate());
  }

  static Tls13ServerConfig ecServer() {
    return Tls13ServerConfig.defaults(EC_CHAIN, EC_LEAF_KEY.getPrivate());
  }

  static Tls13ClientConfig client() {
    return Tls13ClientConfig.defaults(HOST, strictVerifier());
  }
}
