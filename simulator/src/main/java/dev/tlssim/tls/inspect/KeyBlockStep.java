package dev.tlssim.tls.inspect;

import java.util.List;
import java.util.Objects;

/**
 * The key block derivation and its partition (RFC 5246 §6.3), with the per-suite lengths that
 * decide it: {@code length = 2 × (macKeyLength + encKeyLength + fixedIvLength)}.
 *
 * @param parts the six parts in key block order: client_write_MAC_key, server_write_MAC_key,
 *     client_write_key, server_write_key, client_write_IV, server_write_IV
 */
public record KeyBlockStep(
    PrfStep derivation, int macKeyLength, int encKeyLength, int fixedIvLength, List<KeyBlockPart> parts) {
  public KeyBlockStep {
    Objects.requireNonNull(derivation, "derivation");
    parts = List.copyOf(parts);
  }

  /** Total key block length in bytes. */
  public int length() {
    return derivation.output().length();
  }
}
