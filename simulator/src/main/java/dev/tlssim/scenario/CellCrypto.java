package dev.tlssim.scenario;

import dev.tlssim.pki.SignatureCheck;
import dev.tlssim.sim.RandomStreams;
import dev.tlssim.tls.crypto.CryptoMemo;
import dev.tlssim.tls.crypto.ReusingRandom;
import java.security.SecureRandom;

/**
 * What the trials of one sweep cell share with {@code crypto: per-cell}: the seed of every
 * cryptographic draw (TLS randoms, key shares, premaster secrets, blinding, ticket keys) and the
 * memo that computes each public-key result once. The network and TCP draws keep the run's seed.
 * A scenario without one draws everything from its run seed, as it always did.
 */
public record CellCrypto(long seed, CryptoMemo memo) {
  /** Sets a certificate's or CRL's signature apart from a handshake signature (whose first part is a 2-byte scheme). */
  private static final byte[] SIGNED_OBJECT = {'X', '.', '5', '0', '9'};

  /** The streams a run's cryptographic draws come from: the cell's, else the run's own. */
  static RandomStreams streams(Scenario scenario, RandomStreams run) {
    return scenario.cellCrypto() == null ? run : new RandomStreams(scenario.cellCrypto().seed());
  }

  /**
   * How a client checks certificate and CRL signatures: through the cell's memo (every trial of a
   * cell verifies the same chain), else computed every time, and either way measured as
   * public-key work when the bench meters it.
   */
  static SignatureCheck signatureCheck(Scenario scenario) {
    CryptoMemo memo = scenario.cellCrypto() == null ? CryptoMemo.none() : scenario.cellCrypto().memo();
    return (signed, issuerKey, compute) -> memo.get(CryptoMemo.Operation.VERIFICATION,
        () -> CryptoMemo.Key.of(CryptoMemo.Operation.VERIFICATION, SIGNED_OBJECT, signed.get(), issuerKey.get()),
        compute::getAsBoolean);
  }

  /** A node's TLS random: carrying the cell's memo, so the TLS code finds it where it draws. */
  static SecureRandom secureRandom(Scenario scenario, RandomStreams run, String purpose) {
    CellCrypto cell = scenario.cellCrypto();
    if (cell == null) {
      return run.secureRandom(purpose);
    }
    return new ReusingRandom(new RandomStreams(cell.seed()).secureRandom(purpose), cell.memo());
  }
}
