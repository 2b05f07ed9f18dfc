package dev.tlssim.tls.testing;

import dev.tlssim.pki.CertificateAuthority;
import dev.tlssim.pki.CertificateChain;
import dev.tlssim.pki.CertificateProfile;
import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.OcspRequest;
import dev.tlssim.pki.OcspResponder;
import dev.tlssim.pki.RevocationMode;
import dev.tlssim.pki.RevocationQuery;
import dev.tlssim.pki.RevocationSource;
import dev.tlssim.pki.VerificationPolicy;
import dev.tlssim.tls.core.TlsEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * CAs of their own for revocation tests, so that revocations stay local to one test: a root, an
 * issuing CA under it, the {@link WebPki#HOST} leaf with the EC key, and an OCSP responder per
 * CA; what a host does on RevocationStatusNeeded (ask each issuer's responder), and the leaf's
 * OCSP response for stapling.
 */
public final class RevocationPki {
  public final CertificateAuthority root = CertificateAuthority.root(
      "tlssim Revocation Test Root", WebPki.ROOT_KEY,
      WebPki.NOW.minus(Duration.ofDays(3650)), WebPki.NOW.plus(Duration.ofDays(3650)));
  public final CertificateAuthority issuer = root.intermediate(
      "tlssim Revocation Test Issuing CA", WebPki.KEYS.ecP256("issuer"),
      WebPki.NOW.minus(Duration.ofDays(365)), WebPki.NOW.plus(Duration.ofDays(1825)));
  public final X509CertificateHolder leaf = issuer.issue(CertificateProfile.tlsServer(
      WebPki.HOST, WebPki.EC_LEAF_KEY.getPublic(), WebPki.NOT_BEFORE, WebPki.NOT_AFTER)
      .build());
  public final CertificateChain chain = issuer.chainFor(leaf);
  private final OcspResponder issuerOcsp = new OcspResponder(issuer, Duration.ofDays(7));
  private final OcspResponder rootOcsp = new OcspResponder(root, Duration.ofDays(7));

  /** A verifier trusting the test root, checking revocation by {@code mode} with {@code preloaded}. */
  public CertificateVerifier verifier(RevocationMode mode, RevocationSource preloaded) {
    VerificationPolicy policy = VerificationPolicy.builder()
        .trustAnchor(root.certificate()).revocation(mode).build();
    return new CertificateVerifier(policy, preloaded);
  }

  /** What the host does on RevocationStatusNeeded with OCSP: ask each issuer's responder, answered at {@code at}. */
  public RevocationSource askResponders(TlsEvent.RevocationStatusNeeded needed, Instant at) {
    List<byte[]> answers = new ArrayList<>();
    for (RevocationQuery query : needed.queries()) {
      OcspResponder responder = query.issuer().equals(issuer.certificate()) ? issuerOcsp : rootOcsp;
      answers.add(responder.respond(query.ocspRequest(), at));
    }
    return RevocationSource.fromDer(answers, List.of());
  }

  /** The issuing CA's OCSP response about the leaf, produced at {@code at}. */
  public byte[] staple(Instant at) {
    try {
      return issuerOcsp.respond(OcspRequest.forCertificate(leaf, issuer.certificate()), at).getEncoded();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
