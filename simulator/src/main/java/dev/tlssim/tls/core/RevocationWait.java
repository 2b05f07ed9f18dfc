package dev.tlssim.tls.core;

import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.RevocationProtocol;
import dev.tlssim.pki.RevocationQuery;
import dev.tlssim.pki.RevocationSource;
import dev.tlssim.pki.VerificationResult;
import dev.tlssim.tls.TlsAlertException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.OCSPResp;

/**
 * The client's pause while the host asks a CA for revocation status (RFC 6960 OCSP, RFC 5280
 * CRLs), the same in both versions: the server's chain was judged with what the client has,
 * and if the policy checks revocation, the client fetches over {@code fetch}, nothing else
 * failed and the verifier lacks some certificates' status, the handshake waits with a
 * {@link TlsEvent.RevocationStatusNeeded} until the host supplies what it got. Then the chain is
 * judged again, with that before the verifier's own source, at the instant it arrived.
 */
public final class RevocationWait {
  /** How the version judges the chain, with a verifier and at an instant. */
  @FunctionalInterface
  public interface Judge {
    VerificationResult judge(CertificateVerifier verifier, Instant at) throws TlsAlertException;
  }

  private final CertificateVerifier verifier;
  private final RevocationProtocol fetch;
  private final EventQueue events;
  private Judge pending;

  /** @param fetch how missing status is fetched; null never fetches, so never waits */
  public RevocationWait(CertificateVerifier verifier, RevocationProtocol fetch, EventQueue events) {
    this.verifier = verifier;
    this.fetch = fetch;
    this.events = events;
  }

  /**
   * Whether the handshake waits after {@code result}, the verdict at {@code now} on {@code chain}
   * with {@code stapled}; if so the host has been asked, and {@code judge} will judge again.
   */
  public boolean waitsAfter(VerificationResult result, List<X509CertificateHolder> chain,
      Optional<OCSPResp> stapled, Instant now, Judge judge) {
    if (fetch == null || !result.onlyRevocationUndecided()) {
      return false;
    }
    List<RevocationQuery> missing = verifier.missingRevocationStatus(chain, stapled, now);
    if (missing.isEmpty()) {
      return false;
    }
    pending = judge;
    events.add(new TlsEvent.RevocationStatusNeeded(missing, fetch));
    return true;
  }

  public boolean waiting() {
    return pending != null;
  }

  /**
   * The verdict with what the host {@code fetched} ({@link RevocationSource#unavailable()} when
   * the CA could not be reached), at {@code at}, when it arrived; the wait is over.
   */
  public VerificationResult supplied(RevocationSource fetched, Instant at) throws TlsAlertException {
    if (pending == null) {
      throw new IllegalStateException("not waiting for revocation status");
    }
    Judge judge = pending;
    pending = null;
    return judge.judge(verifier.withRevocationSource(fetched), at);
  }
}
