package dev.tlssim.pki;

import dev.tlssim.tls.AlertDescription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/**
 * Verifies the chain a TLS server sent, as a client does before trusting the server's key: the
 * checks of RFC 5280 §6.1 (path validation), RFC 6125 §6.4 (host name) and RFC 5280 §6.3 (CRLs)
 * or RFC 6960 (OCSP, stapled or fetched),
 * each reported as its own {@link VerificationStep} in {@link VerificationCheck} order.
 *
 * <p>After the first failure the remaining checks are SKIPPED: a client aborts the handshake with
 * the first failure's alert. Alerts follow the definitions of RFC 5246 §7.2.2:
 *
 * <ul>
 *   <li>CHAIN → unknown_ca: "the CA certificate could not be located or couldn't be matched with a
 *       known, trusted CA".
 *   <li>SIGNATURE → bad_certificate: "contained signatures that did not verify correctly".
 *       (decrypt_error is for handshake signatures such as ServerKeyExchange, not certificates.)
 *   <li>VALIDITY → certificate_expired: "has expired or is not currently valid", which covers a
 *       certificate that is not yet valid too.
 *   <li>BASIC_CONSTRAINTS → bad_certificate: the chain is malformed, not of an unknown type.
 *   <li>KEY_USAGE → unsupported_certificate: the certificate is not for this use.
 *   <li>HOSTNAME → bad_certificate: RFC 5246 has no alert for a name mismatch; browsers use
 *       bad_certificate or certificate_unknown, we pick bad_certificate.
 *   <li>REVOCATION → certificate_revoked; when HARD_FAIL cannot establish the status,
 *       certificate_unknown: "some other (unspecified) issue ... rendering it unacceptable".
 * </ul>
 *
 * <p>The trust anchor is trusted by configuration (RFC 5280 §6.1.1 (d)): its own signature,
 * validity, extensions and revocation are not examined, as in the JDK's PKIX validator.
 *
 * <p>Stateless and sans-I/O; safe to share.
 */
public final class CertificateVerifier {
  private final VerificationPolicy policy;
  private final RevocationSource revocationSource;
  private final SignatureCheck signatures;

  private static final DefaultAlgorithmNameFinder ALGORITHM_NAMES = new DefaultAlgorithmNameFinder();

  /** A verifier with no CRLs available. */
  public CertificateVerifier(VerificationPolicy policy) {
    this(policy, RevocationSource.unavailable());
  }

  public CertificateVerifier(VerificationPolicy policy, RevocationSource revocationSource) {
    this(policy, revocationSource, SignatureCheck.COMPUTED);
  }

  private CertificateVerifier(VerificationPolicy policy, RevocationSource revocationSource, SignatureCheck signatures) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.revocationSource = Objects.requireNonNull(revocationSource, "revocationSource");
    this.signatures = Objects.requireNonNull(signatures, "signatures");
  }

  /** The same verifier, having its certificate and CRL signatures checked through {@code check}. */
  public CertificateVerifier withSignatureCheck(SignatureCheck check) {
    return new CertificateVerifier(policy, revocationSource, check);
  }

  public VerificationPolicy policy() {
    return policy;
  }

  /**
   * The same policy with {@code fetched} consulted first and this verifier's source after it:
   * how a client that fetched revocation information over the network verifies again.
   */
  public CertificateVerifier withRevocationSource(RevocationSource fetched) {
    return new CertificateVerifier(policy, fetched.orElse(revocationSource), signatures);
  }

  /**
   * What the REVOCATION check would lack at {@code at}: the certificates of the path built from
   * {@code received}, below the trust anchor, whose status neither the stapled OCSP response
   * (for the leaf) nor the source establishes, because they have nothing, or nothing usable (a
   * stale CRL, an OCSP response saying unknown or failing its checks). Empty when the policy
   * does not check revocation, so a host asks the network only for what the policy needs.
   */
  public List<RevocationQuery> missingRevocationStatus(List<X509CertificateHolder> received,
      Optional<OCSPResp> stapled, Instant at) {
    Objects.requireNonNull(at, "at");
    if (received.isEmpty() || !policy.runs(VerificationCheck.REVOCATION)) {
      return List.of();
    }
    return new Run(received, null, at, ServerKeyUse.EITHER, stapled).missingStatus();
  }

  /** Verifies for a server whose key use is not known yet (either keyUsage bit will do). */
  public VerificationResult verify(List<X509CertificateHolder> received, String host, Instant at) {
    return verify(received, host, at, ServerKeyUse.EITHER);
  }

  /**
   * Verifies a received certificate_list.
   *
   * @param received the certificates as the server sent them: leaf first, then the others in any
   *     order, possibly incomplete, possibly with extras
   * @param host the host name the client wanted to reach (its reference identifier, RFC 6125 §6.2)
   * @param at the simulated time of verification
   * @param keyUse what the negotiated key exchange does with the leaf key
   */
  public VerificationResult verify(
      List<X509CertificateHolder> received, String host, Instant at, ServerKeyUse keyUse) {
    return verify(received, host, at, keyUse, Optional.empty());
  }

  /**
   * Verifies a received certificate_list with the OCSP response the server stapled for the leaf
   * (RFC 6066 §8), which the REVOCATION check uses before anything the source has.
   */
  public VerificationResult verify(List<X509CertificateHolder> received, String host, Instant at,
      ServerKeyUse keyUse, Optional<OCSPResp> stapled) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(stapled, "stapled");
    Optional<AsymmetricKeyParameter> leafKey =
        received.isEmpty()
            ? Optional.empty()
            : Optional.of(new CertificateFields(received.get(0)).publicKey());
    List<VerificationStep> steps = new ArrayList<>();
    if (policy.acceptAny()) {
      for (VerificationCheck check : VerificationCheck.values()) {
        steps.add(
            VerificationStep.skipped(check, "verification disabled: any certificate is accepted"));
      }
      return new VerificationResult(true, steps, received, leafKey);
    }
    if (received.isEmpty()) {
      // RFC 8446 §4.4.2.4: a client receiving an empty server Certificate aborts with decode_error.
      steps.add(
          VerificationStep.failed(
              VerificationCheck.CHAIN,
              AlertDescription.DECODE_ERROR,
              "the server sent no certificate"));
      for (VerificationCheck check : VerificationCheck.values()) {
        if (check != VerificationCheck.CHAIN) {
          steps.add(VerificationStep.skipped(check, "not run: CHAIN failed"));
        }
      }
      return new VerificationResult(false, steps, List.of(), leafKey);
    }
    Run run = new Run(received, host, at, keyUse, stapled);
    VerificationStep firstFailure = null;
    for (VerificationCheck check : VerificationCheck.values()) {
      VerificationStep step;
      if (firstFailure != null) {
        step = VerificationStep.skipped(check, "not run: " + firstFailure.check() + " failed");
      } else if (!policy.runs(check)) {
        step = VerificationStep.skipped(check, skippedByPolicy(check));
      } else {
        step = run.check(check);
        if (step.status() == CheckStatus.FAILED) {
          firstFailure = step;
        }
      }
      steps.add(step);
    }
    List<X509CertificateHolder> path =
        run.path.stream().map(CertificateFields::holder).collect(Collectors.toList());
    return new VerificationResult(firstFailure == null, steps, path, leafKey);
  }

  private static String skippedByPolicy(VerificationCheck check) {
    return check == VerificationCheck.REVOCATION
        ? "revocation checking is off in this client's policy"
        : "disabled in this client's policy";
  }

  /** One verification: the path built from the received certificates, then the checks on it. */
  private final class Run {
    private final String host;
    private final Instant at;
    private final ServerKeyUse keyUse;
    private final Optional<OCSPResp> stapled;
    private final List<CertificateFields> path = new ArrayList<>();
    private final int receivedCount;
    private boolean anchored;
    private String chainProblem;

    Run(List<X509CertificateHolder> received, String host, Instant at, ServerKeyUse keyUse,
        Optional<OCSPResp> stapled) {
      this.host = host;
      this.at = at;
      this.keyUse = keyUse;
      this.stapled = stapled;
      this.receivedCount = received.size();
      buildPath(received);
    }

    VerificationStep check(VerificationCheck check) {
      switch (check) {
        case CHAIN:
          return chain();
        case SIGNATURE:
          return signature();
        case VALIDITY:
          return validity();
        case BASIC_CONSTRAINTS:
          return basicConstraints();
        case KEY_USAGE:
          return keyUsage();
        case HOSTNAME:
          return hostname();
        case REVOCATION:
          return revocation();
        default:
          throw new IllegalArgumentException("unknown check " + check);
      }
    }

    /**
     * Path building (RFC 4158 in miniature): from the leaf, repeatedly find the certificate whose
     * subject is the current issuer name, and whose subjectKeyIdentifier equals the current
     * authorityKeyIdentifier when both are present (RFC 5280 §4.2.1.1), trust anchors first. It
     * runs even when CHAIN is disabled, so later checks see as much of the path as there is.
     */
    private void buildPath(List<X509CertificateHolder> received) {
      List<CertificateFields> anchors =
          policy.trustAnchors().stream().map(CertificateFields::new).collect(Collectors.toList());
      List<CertificateFields> pool = new ArrayList<>();
      for (X509CertificateHolder c : received.subList(1, received.size())) {
        pool.add(new CertificateFields(c));
      }
      CertificateFields current = new CertificateFields(received.get(0));
      path.add(current);
      while (true) {
        CertificateFields last = current;
        if (anchors.stream().anyMatch(a -> a.sameCertificate(last))) {
          anchored = true;
          return;
        }
        Optional<CertificateFields> anchor = anchors.stream().filter(a -> issues(a, last)).findFirst();
        if (anchor.isPresent()) {
          path.add(anchor.get());
          anchored = true;
          return;
        }
        if (last.selfIssued()) {
          chainProblem = last.label() + " is self-signed and is not a trust anchor";
          return;
        }
        Optional<CertificateFields> next = pool.stream().filter(c -> issues(c, last)).findFirst();
        if (next.isEmpty()) {
          chainProblem =
              "the issuer '" + last.issuer() + "' of " + last.label()
                  + " is neither a trust anchor nor among the received certificates";
          return;
        }
        pool.remove(next.get());
        path.add(next.get());
        current = next.get();
      }
    }

    private boolean issues(CertificateFields candidate, CertificateFields subject) {
      if (!candidate.subject().equals(subject.issuer())) {
        return false;
      }
      Optional<byte[]> aki = subject.authorityKeyIdentifier();
      Optional<byte[]> ski = candidate.subjectKeyIdentifier();
      return aki.isEmpty() || ski.isEmpty() || Arrays.equals(aki.get(), ski.get());
    }

    private VerificationStep chain() {
      if (chainProblem != null) {
        return VerificationStep.failed(
            VerificationCheck.CHAIN, AlertDescription.UNKNOWN_CA, chainProblem);
      }
      StringBuilder detail = new StringBuilder("leaf ").append(path.get(0).label());
      for (int i = 1; i < path.size(); i++) {
        detail.append(", issued by ");
        if (i == path.size() - 1) {
          detail.append("trust anchor ");
        }
        detail.append(path.get(i).label());
      }
      if (path.size() == 1) {
        detail.append(", itself a trust anchor");
      }
      int unused = receivedCount - (path.size() - (path.size() > 1 ? 1 : 0));
      if (unused > 0) {
        detail.append("; ").append(unused).append(" received certificate(s) not on the path");
      }
      return VerificationStep.passed(VerificationCheck.CHAIN, detail.toString());
    }

    /** RFC 5280 §6.1.3 (a)(1): each signature verifies with the working public key. */
    private VerificationStep signature() {
      if (path.size() == 1 && !anchored) {
        return VerificationStep.passedWithWarning(
            VerificationCheck.SIGNATURE,
            "no issuer of " + path.get(0).label() + " is known, so no signature was verified");
      }
      List<String> verified = new ArrayList<>();
      for (int i = 0; i + 1 < path.size(); i++) {
        CertificateFields subject = path.get(i);
        CertificateFields issuer = path.get(i + 1);
        if (!subject.signatureVerifiesWith(issuer, signatures)) {
          return VerificationStep.failed(
              VerificationCheck.SIGNATURE,
              AlertDescription.BAD_CERTIFICATE,
              "the signature on " + subject.label() + " does not verify with the public key of "
                  + issuer.label() + ": it was not signed by that CA");
        }
        // The algorithm as BouncyCastle names it (SHA256WITHECDSA, ML-DSA-65): what a reader of a
        // mixed classical/post-quantum chain wants to see at each link.
        verified.add(subject.label() + " by " + issuer.label() + " ("
            + ALGORITHM_NAMES.getAlgorithmName(subject.holder().getSignatureAlgorithm()) + ")");
      }
      return VerificationStep.passed(
          VerificationCheck.SIGNATURE, "verified the signature on " + String.join(", on ", verified));
    }

    /** RFC 5280 §6.1.3 (a)(2); the validity period includes both ends (§4.1.2.5). */
    private VerificationStep validity() {
      for (CertificateFields c : certificatesBelowAnchor()) {
        if (at.isBefore(c.notBefore())) {
          return VerificationStep.failed(
              VerificationCheck.VALIDITY,
              AlertDescription.CERTIFICATE_EXPIRED,
              c.label() + " is not yet valid: notBefore " + c.notBefore() + ", now " + at);
        }
        if (at.isAfter(c.notAfter())) {
          return VerificationStep.failed(
              VerificationCheck.VALIDITY,
              AlertDescription.CERTIFICATE_EXPIRED,
              c.label() + " expired: notAfter " + c.notAfter() + ", now " + at);
        }
      }
      return VerificationStep.passed(
          VerificationCheck.VALIDITY,
          "all " + certificatesBelowAnchor().size() + " certificate(s) valid at " + at);
    }

    /**
     * RFC 5280 §6.1.4 (k): an issuer must be a v3 certificate with basicConstraints cA=TRUE; (l),
     * (m): a pathLenConstraint bounds the number of non-self-issued intermediates below it (the
     * leaf does not count).
     */
    private VerificationStep basicConstraints() {
      List<CertificateFields> issuers = issuersBelowAnchor();
      for (int i = 1; i <= issuers.size(); i++) {
        CertificateFields issuer = path.get(i);
        Optional<BasicConstraints> bc = issuer.basicConstraints();
        if (bc.isEmpty() || !bc.get().isCA()) {
          return VerificationStep.failed(
              VerificationCheck.BASIC_CONSTRAINTS,
              AlertDescription.BAD_CERTIFICATE,
              issuer.label() + " signed " + path.get(i - 1).label() + " but is not a CA: "
                  + (bc.isEmpty() ? "no basicConstraints" : "basicConstraints cA=FALSE"));
        }
        if (bc.get().getPathLenConstraint() != null) {
          long below = path.subList(1, i).stream().filter(c -> !c.selfIssued()).count();
          int limit = bc.get().getPathLenConstraint().intValue();
          if (below > limit) {
            return VerificationStep.failed(
                VerificationCheck.BASIC_CONSTRAINTS,
                AlertDescription.BAD_CERTIFICATE,
                issuer.label() + " has pathLenConstraint " + limit + " but " + below
                    + " intermediate CA certificate(s) follow it");
          }
        }
      }
      return VerificationStep.passed(
          VerificationCheck.BASIC_CONSTRAINTS,
          issuers.isEmpty()
              ? "no intermediate CA on the path"
              : issuers.stream().map(CertificateFields::label).collect(Collectors.joining(", "))
                  + (issuers.size() == 1 ? " is a CA" : " are CAs")
                  + " within their path length limits");
    }

    /**
     * RFC 5280 §6.1.4 (n): an issuer's keyUsage, when present, asserts keyCertSign. The leaf's
     * keyUsage, when present, allows the key exchange's use (§4.2.1.3); its extendedKeyUsage, when
     * present, includes serverAuth or anyExtendedKeyUsage (§4.2.1.12).
     */
    private VerificationStep keyUsage() {
      for (CertificateFields issuer : issuersBelowAnchor()) {
        Optional<Set<KeyUsageBit>> usage = issuer.keyUsage();
        if (usage.isPresent() && !usage.get().contains(KeyUsageBit.KEY_CERT_SIGN)) {
          return VerificationStep.failed(
              VerificationCheck.KEY_USAGE,
              AlertDescription.UNSUPPORTED_CERTIFICATE,
              issuer.label() + " keyUsage " + names(usage.get()) + " lacks keyCertSign");
        }
      }
      CertificateFields leaf = path.get(0);
      Optional<Set<KeyUsageBit>> usage = leaf.keyUsage();
      if (usage.isPresent() && !allowsKeyUse(usage.get())) {
        return VerificationStep.failed(
            VerificationCheck.KEY_USAGE,
            AlertDescription.UNSUPPORTED_CERTIFICATE,
            leaf.label() + " keyUsage " + names(usage.get()) + " does not allow "
                + requiredUsage());
      }
      Optional<List<KeyPurposeId>> eku = leaf.extendedKeyUsage();
      if (eku.isPresent()
          && !eku.get().contains(KeyPurposeId.id_kp_serverAuth)
          && !eku.get().contains(KeyPurposeId.anyExtendedKeyUsage)) {
        return VerificationStep.failed(
            VerificationCheck.KEY_USAGE,
            AlertDescription.UNSUPPORTED_CERTIFICATE,
            leaf.label() + " extendedKeyUsage " + purposeNames(eku.get())
                + " does not include serverAuth: not a TLS server certificate");
      }
      return VerificationStep.passed(
          VerificationCheck.KEY_USAGE,
          leaf.label() + " keyUsage " + usage.map(this::names).orElse("(absent)")
              + ", extendedKeyUsage " + eku.map(this::purposeNames).orElse("(absent)")
              + (issuersBelowAnchor().isEmpty() ? "" : "; issuers may sign certificates"));
    }

    private boolean allowsKeyUse(Set<KeyUsageBit> usage) {
      switch (keyUse) {
        case SIGNING:
          return usage.contains(KeyUsageBit.DIGITAL_SIGNATURE);
        case KEY_ENCIPHERMENT:
          return usage.contains(KeyUsageBit.KEY_ENCIPHERMENT);
        default:
          return usage.contains(KeyUsageBit.DIGITAL_SIGNATURE)
              || usage.contains(KeyUsageBit.KEY_ENCIPHERMENT);
      }
    }

    private String requiredUsage() {
      switch (keyUse) {
        case SIGNING:
          return "digitalSignature";
        case KEY_ENCIPHERMENT:
          return "keyEncipherment";
        default:
          return "digitalSignature or keyEncipherment";
      }
    }

    private String names(Set<KeyUsageBit> bits) {
      return bits.stream().map(KeyUsageBit::rfcName).collect(Collectors.joining(", ", "[", "]"));
    }

    private String purposeNames(List<KeyPurposeId> purposes) {
      return purposes.stream()
          .map(
              id ->
                  Arrays.stream(KeyPurpose.values())
                      .filter(p -> p.id().equals(id))
                      .map(KeyPurpose::rfcName)
                      .findFirst()
                      .orElse(id.getId()))
          .collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * RFC 6125 §6.4.4: when the certificate has a subjectAltName, only its dNSNames identify the
     * server and the CN MUST NOT be used; the CN is consulted only without a SAN, and only if the
     * policy allows that legacy fallback.
     */
    private VerificationStep hostname() {
      CertificateFields leaf = path.get(0);
      if (host == null || host.isEmpty()) {
        return VerificationStep.failed(
            VerificationCheck.HOSTNAME,
            AlertDescription.BAD_CERTIFICATE,
            "no host name to compare " + leaf.label() + " with");
      }
      List<String> presented;
      String source;
      if (leaf.hasSubjectAltName()) {
        presented = leaf.dnsNames();
        source = "subjectAltName dNSName";
      } else if (policy.allowCnFallback()) {
        presented = leaf.commonNames();
        source = "subject CN (legacy fallback: the certificate has no subjectAltName)";
      } else {
        return VerificationStep.failed(
            VerificationCheck.HOSTNAME,
            AlertDescription.BAD_CERTIFICATE,
            leaf.label() + " has no subjectAltName, and the CN " + leaf.commonNames()
                + " is not used to identify servers (RFC 6125 §6.4.4)");
      }
      Optional<String> match = HostnameMatcher.firstMatch(presented, host);
      if (match.isEmpty()) {
        return VerificationStep.failed(
            VerificationCheck.HOSTNAME,
            AlertDescription.BAD_CERTIFICATE,
            "'" + host + "' matches no " + source + " of " + leaf.label() + ": " + presented);
      }
      return VerificationStep.passed(
          VerificationCheck.HOSTNAME,
          "'" + host + "' matches " + source + " '" + match.get() + "' of " + leaf.label());
    }

    /**
     * RFC 5280 §6.3 with RFC 6960: for each certificate below the anchor, an OCSP response about
     * it (the stapled one for the leaf first, RFC 6066 §8) that passes {@link OcspResponseCheck},
     * or else its issuer's CRL, which must be signed by that issuer (§6.3.3 (f), (g)), current
     * (thisUpdate ≤ now ≤ nextUpdate, §6.3.3 (a)), and must not list the certificate's serial
     * number (§6.3.3 (i)). The detail names what decided each certificate: CRL, OCSP or stapled
     * OCSP.
     */
    private VerificationStep revocation() {
      List<String> unknown = new ArrayList<>();
      List<String> good = new ArrayList<>();
      for (int i = 0; i < certificatesBelowAnchor().size(); i++) {
        CertificateFields subject = path.get(i);
        if (i + 1 >= path.size()) {
          unknown.add(subject.label() + ": no issuer known to ask");
          continue;
        }
        CertificateFields issuer = path.get(i + 1);
        List<String> ocspProblems = new ArrayList<>();
        List<Optional<OCSPResp>> responses = List.of(
            i == 0 ? stapled : Optional.empty(),
            revocationSource.ocspResponseFor(subject.holder(), issuer.holder()));
        boolean decided = false;
        for (int r = 0; r < responses.size() && !decided; r++) {
          if (responses.get(r).isEmpty()) {
            continue;
          }
          String via = r == 0 ? "stapled OCSP" : "OCSP";
          OcspResponseCheck.Outcome outcome =
              OcspResponseCheck.check(responses.get(r).get(), subject, issuer, at);
          if (outcome instanceof OcspResponseCheck.Revoked revoked) {
            return VerificationStep.failed(
                VerificationCheck.REVOCATION,
                AlertDescription.CERTIFICATE_REVOKED,
                subject.label() + " was revoked on " + revoked.revocationTime()
                    + " (reason " + revoked.reason() + ") according to the " + via
                    + " response of " + issuer.label());
          }
          if (outcome instanceof OcspResponseCheck.Good) {
            good.add(subject.label() + " (" + via + ")");
            decided = true;
          } else {
            ocspProblems.add(via + ": " + (outcome instanceof OcspResponseCheck.Unknown u
                ? u.why() : ((OcspResponseCheck.Unusable) outcome).why()));
          }
        }
        if (decided) {
          continue;
        }
        String ocspProblem = ocspProblems.isEmpty() ? null : String.join(", ", ocspProblems);
        Optional<X509CRLHolder> crl = revocationSource.crlFor(issuer.holder());
        String prefix =
            subject.label() + ": " + (ocspProblem == null ? "" : ocspProblem + ", and ");
        if (crl.isEmpty()) {
          unknown.add(prefix + "no CRL available from " + issuer.label());
          continue;
        }
        Optional<String> unusable = unusable(crl.get(), issuer);
        if (unusable.isPresent()) {
          unknown.add(prefix + unusable.get());
          continue;
        }
        X509CRLEntryHolder entry = crl.get().getRevokedCertificate(subject.serial());
        if (entry != null) {
          return VerificationStep.failed(
              VerificationCheck.REVOCATION,
              AlertDescription.CERTIFICATE_REVOKED,
              subject.label() + " was revoked on " + entry.getRevocationDate().toInstant()
                  + " (reason " + reason(entry) + ") according to the CRL of " + issuer.label());
        }
        good.add(subject.label() + " (CRL)");
      }
      String checked = good.isEmpty() ? "" : "not revoked: " + String.join(", ", good);
      if (unknown.isEmpty()) {
        return VerificationStep.passed(VerificationCheck.REVOCATION, checked);
      }
      String problems = String.join("; ", unknown);
      if (policy.revocation() == RevocationMode.HARD_FAIL) {
        return VerificationStep.failed(
            VerificationCheck.REVOCATION,
            AlertDescription.CERTIFICATE_UNKNOWN,
            "hard-fail: revocation status unknown for " + problems);
      }
      return VerificationStep.passedWithWarning(
          VerificationCheck.REVOCATION,
          "soft-fail: accepted although revocation status is unknown for " + problems
              + (checked.isEmpty() ? "" : "; " + checked));
    }

    /**
     * The certificates below the anchor whose status nothing at hand establishes: no OCSP
     * response (stapled, or from the source) that passes the checks and says good or revoked,
     * and no usable CRL of the issuer.
     */
    List<RevocationQuery> missingStatus() {
      List<RevocationQuery> missing = new ArrayList<>();
      for (int i = 0; i < certificatesBelowAnchor().size() && i + 1 < path.size(); i++) {
        CertificateFields subject = path.get(i);
        CertificateFields issuer = path.get(i + 1);
        if (!statusKnown(i == 0 ? stapled : Optional.empty(), subject, issuer)) {
          missing.add(new RevocationQuery(subject.holder(), issuer.holder()));
        }
      }
      return missing;
    }

    private boolean statusKnown(Optional<OCSPResp> staple, CertificateFields subject,
        CertificateFields issuer) {
      Optional<OCSPResp> ocsp = staple.isPresent()
          ? staple : revocationSource.ocspResponseFor(subject.holder(), issuer.holder());
      if (ocsp.isPresent()) {
        OcspResponseCheck.Outcome outcome =
            OcspResponseCheck.check(ocsp.get(), subject, issuer, at);
        if (outcome instanceof OcspResponseCheck.Good
            || outcome instanceof OcspResponseCheck.Revoked) {
          return true;
        }
      }
      Optional<X509CRLHolder> crl = revocationSource.crlFor(issuer.holder());
      return crl.isPresent() && unusable(crl.get(), issuer).isEmpty();
    }

    private Optional<String> unusable(X509CRLHolder crl, CertificateFields issuer) {
      if (!crl.getIssuer().equals(issuer.subject())) {
        return Optional.of("the CRL offered is issued by '" + crl.getIssuer() + "'");
      }
      Optional<Set<KeyUsageBit>> usage = issuer.keyUsage();
      if (usage.isPresent() && !usage.get().contains(KeyUsageBit.CRL_SIGN)) {
        return Optional.of(issuer.label() + " may not sign CRLs (no cRLSign)");
      }
      if (!crlSignatureVerifies(crl, issuer)) {
        return Optional.of("the CRL's signature does not verify with the key of " + issuer.label());
      }
      CrlTimes times = CrlTimes.of(crl);
      if (at.isBefore(times.thisUpdate())) {
        return Optional.of("the CRL of " + issuer.label() + " is not yet valid (thisUpdate "
            + times.thisUpdate() + ")");
      }
      if (times.nextUpdate() == null || at.isAfter(times.nextUpdate())) {
        return Optional.of("the CRL of " + issuer.label() + " is stale (nextUpdate "
            + (times.nextUpdate() == null ? "absent" : times.nextUpdate()) + ")");
      }
      return Optional.empty();
    }

    private boolean crlSignatureVerifies(X509CRLHolder crl, CertificateFields issuer) {
      return signatures.verifies(() -> {
        try {
          return crl.getEncoded();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, issuer::publicKeyInfo, () -> {
        try {
          return crl.isSignatureValid(SignatureOperators.verifier(issuer.publicKey()));
        } catch (CertException | RuntimeException e) {
          return false;
        }
      });
    }

    private String reason(X509CRLEntryHolder entry) {
      CRLReason reason =
          CRLReason.getInstance(
              Extensions.getExtensionParsedValue(entry.getExtensions(), Extension.reasonCode));
      return reason == null
          ? "unspecified"
          : RevocationReason.fromCode(reason.getValue().intValue()).name().toLowerCase(Locale.ROOT);
    }

    /** The certificates the server vouches for: the path without the trust anchor. */
    private List<CertificateFields> certificatesBelowAnchor() {
      return anchored ? path.subList(0, path.size() - 1) : path;
    }

    /** The issuers that are not the trust anchor: path positions 1 .. before the anchor. */
    private List<CertificateFields> issuersBelowAnchor() {
      List<CertificateFields> below = certificatesBelowAnchor();
      return below.size() <= 1 ? List.of() : below.subList(1, below.size());
    }
  }
}
