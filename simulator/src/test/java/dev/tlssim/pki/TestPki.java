package dev.tlssim.pki;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;

/**
 * A small web PKI for tests: a root (RSA-1024 for speed), an ECDSA intermediate, and helpers to
 * issue server certificates at a fixed simulated time. Keys come from the process-wide KeyPool
 * cache, so building many of these is cheap.
 */
final class TestPki {
  static final long SEED = 42;
  static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant NOW = EPOCH.plus(Duration.ofDays(30));
  static final Instant LEAF_NOT_BEFORE = EPOCH;
  static final Instant LEAF_NOT_AFTER = EPOCH.plus(Duration.ofDays(90));
  static final String HOST = "www.example.com";

  final KeyPool keys;
  final CertificateAuthority root;
  final CertificateAuthority intermediate;

  TestPki(long seed) {
    keys = new KeyPool(seed);
    root =
        CertificateAuthority.root(
            "tlssim Test Root CA",
            keys.rsa("root", 1024),
            EPOCH.minus(Duration.ofDays(3650)),
            EPOCH.plus(Duration.ofDays(3650)));
    intermediate =
        root.intermediate(
            "tlssim Test Issuing CA",
            keys.ecP256("intermediate"),
            EPOCH.minus(Duration.ofDays(365)),
            EPOCH.plus(Duration.ofDays(1825)));
  }

  TestPki() {
    this(SEED);
  }

  AsymmetricCipherKeyPair rsaLeafKey(String label) {
    return keys.rsa(label, 1024);
  }

  CertificateProfile.Builder server(String host, AsymmetricCipherKeyPair key) {
    return CertificateProfile.tlsServer(host, key.getPublic(), LEAF_NOT_BEFORE, LEAF_NOT_AFTER);
  }

  /** An RSA server certificate for the host, issued by the intermediate. */
  X509CertificateHolder rsaServer(String host) {
    return intermediate.issue(server(host, rsaLeafKey("leaf/" + host)).build());
  }

  /** An ECDSA server certificate for the host, issued by the intermediate. */
  X509CertificateHolder ecServer(String host) {
    return intermediate.issue(server(host, keys.ecP256("leaf/" + host)).build());
  }

  List<X509CertificateHolder> chain(X509CertificateHolder leaf) {
    return intermediate.chainFor(leaf).certificates();
  }

  /** Fresh CRLs of both CAs at NOW: a week's validity, as CAs publish them. */
  List<X509CRLHolder> freshCrls() {
    return List.of(
        root.crl(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(6))),
        intermediate.crl(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(6))));
  }
}
