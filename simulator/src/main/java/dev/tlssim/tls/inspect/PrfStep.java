package dev.tlssim.tls.inspect;

import dev.tlssim.tls.crypto.PrfDerivation;
import java.util.Objects;

/**
 * One application of the TLS 1.2 PRF (RFC 5246 §5) as a walkthrough shows it: where it is
 * specified, the formula in the RFC's own notation, and every input next to the output.
 *
 * @param reference the RFC section that defines this step, e.g. "RFC 5246 §8.1"
 * @param formula the step in RFC notation, e.g. {@code master_secret = PRF(pre_master_secret, ...)}
 * @param hash the PRF hash (JCA name), "SHA-256" or "SHA-384"
 * @param label the ASCII label that is prepended to the seed
 * @param seedDescription what the seed is made of, e.g. "client_random + server_random"
 */
public record PrfStep(
    String reference, String formula, String hash, String label, String seedDescription,
    Octets secret, Octets seed, Octets output) {
  public PrfStep {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(formula, "formula");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(seedDescription, "seedDescription");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(output, "output");
  }

  static PrfStep of(String reference, String formula, String seedDescription, PrfDerivation derivation) {
    return new PrfStep(reference, formula, derivation.hash(), derivation.label(), seedDescription,
        Octets.of(derivation.secret()), Octets.of(derivation.seed()), Octets.of(derivation.output()));
  }
}
