package dev.tlssim.scenario;

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

  /** The streams a run's cryptographic draws come from: the cell's, else the run's own. */
  static RandomStreams streams(Scenario scenario, RandomStreams run) {
    return scenario.cellCrypto() == null ? run : new RandomStreams(scenario.cellCrypto().seed());
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
