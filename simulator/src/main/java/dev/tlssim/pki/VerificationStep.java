package dev.tlssim.pki;

import dev.tlssim.tls.AlertDescription;
import java.util.Objects;
import java.util.Optional;

/**
 * One reported check.
 *
 * @param check which check
 * @param status passed, failed or skipped
 * @param detail what was examined, naming the certificates, in plain words
 * @param alert the alert a TLS client sends for this failure; present only when FAILED
 * @param warning passed, but with a caveat worth showing (a soft-failed revocation check)
 */
public record VerificationStep(
    VerificationCheck check,
    CheckStatus status,
    String detail,
    Optional<AlertDescription> alert,
    boolean warning) {

  public VerificationStep {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(alert, "alert");
    if ((status == CheckStatus.FAILED) != alert.isPresent()) {
      throw new IllegalArgumentException("exactly the failed steps carry an alert");
    }
  }

  static VerificationStep passed(VerificationCheck check, String detail) {
    return new VerificationStep(check, CheckStatus.PASSED, detail, Optional.empty(), false);
  }

  static VerificationStep passedWithWarning(VerificationCheck check, String detail) {
    return new VerificationStep(check, CheckStatus.PASSED, detail, Optional.empty(), true);
  }

  static VerificationStep failed(VerificationCheck check, AlertDescription alert, String detail) {
    return new VerificationStep(check, CheckStatus.FAILED, detail, Optional.of(alert), false);
  }

  static VerificationStep skipped(VerificationCheck check, String detail) {
    return new VerificationStep(check, CheckStatus.SKIPPED, detail, Optional.empty(), false);
  }

  @Override
  public String toString() {
    return check + " " + status + (warning ? " (warning)" : "") + ": " + detail
        + alert.map(a -> " -> " + a.rfcName()).orElse("");
  }
}
