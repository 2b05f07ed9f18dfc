package dev.tlssim.pki;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * How strictly a client verifies server certificates. Named client behaviours of later scenarios
 * (a careful browser, a script with verification switched off, a library that forgets the host
 * name) are values of this record.
 *
 * @param trustAnchors the root certificates the client trusts (RFC 5280 §6.1.1 (d))
 * @param skippedChecks checks switched off; skipping REVOCATION is the same as {@link
 *     RevocationMode#OFF}
 * @param allowCnFallback when the leaf has no subjectAltName, accept a matching subject CN: the
 *     legacy behaviour RFC 6125 §6.4.4 tolerates and browsers have dropped
 * @param revocation what to do about revocation
 * @param acceptAny verification disabled entirely: every check SKIPPED, every chain accepted
 */
public record VerificationPolicy(
    List<X509CertificateHolder> trustAnchors,
    Set<VerificationCheck> skippedChecks,
    boolean allowCnFallback,
    RevocationMode revocation,
    boolean acceptAny) {

  public VerificationPolicy {
    trustAnchors = List.copyOf(trustAnchors);
    EnumSet<VerificationCheck> skipped = EnumSet.noneOf(VerificationCheck.class);
    skipped.addAll(skippedChecks);
    skippedChecks = Collections.unmodifiableSet(skipped);
    Objects.requireNonNull(revocation, "revocation");
  }

  /**
   * Every check on, no CN fallback, revocation soft-fail (what browsers do; a scenario asks for
   * HARD_FAIL explicitly).
   */
  public static VerificationPolicy strict(List<X509CertificateHolder> trustAnchors) {
    return builder().trustAnchors(trustAnchors).build();
  }

  public static VerificationPolicy strict(X509CertificateHolder... trustAnchors) {
    return strict(List.of(trustAnchors));
  }

  /** Verification disabled: the client accepts whatever the server sends. */
  public static VerificationPolicy acceptAnything() {
    return builder().acceptAny(true).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .trustAnchors(trustAnchors)
        .skip(skippedChecks)
        .allowCnFallback(allowCnFallback)
        .revocation(revocation)
        .acceptAny(acceptAny);
  }

  /** Whether this check runs under the policy (before any earlier failure is considered). */
  public boolean runs(VerificationCheck check) {
    if (acceptAny || skippedChecks.contains(check)) {
      return false;
    }
    return check != VerificationCheck.REVOCATION || revocation != RevocationMode.OFF;
  }

  public boolean checkHostname() {
    return runs(VerificationCheck.HOSTNAME);
  }

  public static final class Builder {
    private final List<X509CertificateHolder> trustAnchors = new ArrayList<>();
    private final Set<VerificationCheck> skipped = EnumSet.noneOf(VerificationCheck.class);
    private boolean allowCnFallback;
    private RevocationMode revocation = RevocationMode.SOFT_FAIL;
    private boolean acceptAny;

    private Builder() {}

    public Builder trustAnchor(X509CertificateHolder root) {
      trustAnchors.add(root);
      return this;
    }

    public Builder trustAnchors(List<X509CertificateHolder> roots) {
      trustAnchors.clear();
      trustAnchors.addAll(roots);
      return this;
    }

    public Builder skip(VerificationCheck check) {
      skipped.add(check);
      return this;
    }

    public Builder skip(Set<VerificationCheck> checks) {
      skipped.addAll(checks);
      return this;
    }

    /** Switch the host name check on (the default) or off. */
    public Builder checkHostname(boolean check) {
      if (check) {
        skipped.remove(VerificationCheck.HOSTNAME);
      } else {
        skipped.add(VerificationCheck.HOSTNAME);
      }
      return this;
    }

    public Builder allowCnFallback(boolean allow) {
      this.allowCnFallback = allow;
      return this;
    }

    public Builder revocation(RevocationMode mode) {
      this.revocation = mode;
      return this;
    }

    public Builder acceptAny(boolean acceptAny) {
      this.acceptAny = acceptAny;
      return this;
    }

    public VerificationPolicy build() {
      return new VerificationPolicy(trustAnchors, skipped, allowCnFallback, revocation, acceptAny);
    }
  }
}
