package dev.tlssim.pki;

import dev.tlssim.tls.AlertDescription;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * The verdict on a server's chain, with every check reported in {@link VerificationCheck} order.
 *
 * @param accepted whether the client goes on with the handshake
 * @param steps one step per check, in teaching order
 * @param path the certification path built, leaf first, ending with the trust anchor when one
 *     was found; empty if the server sent nothing
 * @param leafPublicKey the key in the server's certificate, which the handshake uses (to verify
 *     ServerKeyExchange or to encrypt the premaster secret) whether or not the chain was accepted
 */
public record VerificationResult(
    boolean accepted,
    List<VerificationStep> steps,
    List<X509CertificateHolder> path,
    Optional<AsymmetricKeyParameter> leafPublicKey) {

  public VerificationResult {
    steps = List.copyOf(steps);
    path = List.copyOf(path);
    Objects.requireNonNull(leafPublicKey, "leafPublicKey");
  }

  /** The first failed step: the one whose alert the client sends. */
  public Optional<VerificationStep> failedCheck() {
    return steps.stream().filter(s -> s.status() == CheckStatus.FAILED).findFirst();
  }

  /** The alert for the first failure, or empty when accepted. */
  public Optional<AlertDescription> alert() {
    return failedCheck().flatMap(VerificationStep::alert);
  }

  /**
   * Whether fetching revocation status could still change the verdict: every check but
   * REVOCATION passed, and REVOCATION found nothing revoked (it lacked status, or passed). A
   * client that asks the CAs during the handshake does so only then.
   */
  public boolean onlyRevocationUndecided() {
    Optional<VerificationStep> failed = failedCheck();
    return failed.isEmpty() || (failed.get().check() == VerificationCheck.REVOCATION
        && failed.get().alert().orElseThrow() != AlertDescription.CERTIFICATE_REVOKED);
  }

  public VerificationStep step(VerificationCheck check) {
    return steps.stream()
        .filter(s -> s.check() == check)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no step " + check));
  }

  @Override
  public String toString() {
    return (accepted ? "accepted" : "rejected")
        + steps.stream().map(VerificationStep::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}
