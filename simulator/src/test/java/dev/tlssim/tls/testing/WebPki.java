package dev.tlssim.tls.testing;

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
 * One small web PKI shared by the TLS 1.2 and TLS 1.3 handshake tests: an RSA-2048 root, an
 * ECDSA P-256 issuing CA, and an RSA-2048 and an ECDSA P-256 server certificate for {@link
 * #HOST}. The certificates are valid around today's date (read once, here in the tests, never by
 * the engines) because the JDK's TrustManager checks validity against the real clock; the engines
 * are given {@link #NOW}.
 */
public final class WebPki {
  public static final String HOST = "www.example.com";
  public static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.DAYS);
  public static final Instant NOT_BEFORE = NOW.minus(Duration.ofDays(30));
  public static final Instant NOT_AFTER = NOW.plus(Duration.ofDays(335));

  public static final KeyPool KEYS = new KeyPool(7);
  public static final AsymmetricCipherKeyPair ROOT_KEY = KEYS.rsa("root", 2048);
  public static final AsymmetricCipherKeyPair RSA_LEAF_KEY = KEYS.rsa("leaf-rsa", 2048);
  public static final AsymmetricCipherKeyPair EC_LEAF_KEY = KEYS.ecP256("leaf-ec");

  public static final CertificateAuthority ROOT = CertificateAuthority.root(
      "tlssim Handshake Test Root", ROOT_KEY,
      NOW.minus(Duration.ofDays(3650)), NOW.plus(Duration.ofDays(3650)));
  public static final CertificateAuthority ISSUER = ROOT.intermediate(
      "tlssim Handshake Test Issuing CA", KEYS.ecP256("issuer"),
      NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(1825)));

  public static final CertificateChain RSA_CHAIN = ISSUER.chainFor(ISSUER.issue(
      CertificateProfile.tlsServer(HOST, RSA_LEAF_KEY.getPublic(), NOT_BEFORE, NOT_AFTER).build()));
  public static final CertificateChain EC_CHAIN = ISSUER.chainFor(ISSUER.issue(
      CertificateProfile.tlsServer(HOST, EC_LEAF_KEY.getPublic(), NOT_BEFORE, NOT_AFTER).build()));

  private WebPki() {}

  public static X509CertificateHolder rootCertificate() {
    return ROOT.certificate();
  }

  public static CertificateVerifier strictVerifier() {
    return new CertificateVerifier(VerificationPolicy.strict(rootCertificate()));
  }
}
