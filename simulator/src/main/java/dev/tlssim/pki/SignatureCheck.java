package dev.tlssim.pki;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * How a {@link CertificateVerifier} has the signature on a certificate or a CRL checked. The check
 * itself is always the real one ({@code compute}); a host may route it through a memo that keeps
 * results by exact input, as a sweep cell's trials do for the chain they all verify, or through a
 * meter of cryptographic CPU time.
 */
@FunctionalInterface
public interface SignatureCheck {
  /** Computes every check, measures nothing. */
  SignatureCheck COMPUTED = (signed, issuerKey, compute) -> compute.getAsBoolean();

  /**
   * Whether the signature verifies.
   *
   * @param signed the signed object's DER encoding (certificate or CRL), asked for only by a memo
   * @param issuerKey the issuer's SubjectPublicKeyInfo DER encoding, likewise
   * @param compute the verification itself
   */
  boolean verifies(Supplier<byte[]> signed, Supplier<byte[]> issuerKey, BooleanSupplier compute);
}
