package dev.tlssim.tls.crypto;

/**
 * The 48-byte master secret, with the PRF step that produced it.
 *
 * <ul>
 *   <li>Standard (RFC 5246 §8.1): {@code PRF(pre_master_secret, "master secret",
 *       ClientHello.random + ServerHello.random)[0..47]}.
 *   <li>Extended (RFC 7627 §4): {@code PRF(pre_master_secret, "extended master secret",
 *       session_hash)[0..47]}, where session_hash is the transcript hash up to and including the
 *       ClientKeyExchange (RFC 7627 §3). Binding the secret to the whole transcript defeats the
 *       triple-handshake attack.
 * </ul>
 */
public final class MasterSecret {
  /** RFC 5246 §8.1: "The master secret is always exactly 48 bytes in length." */
  public static final int LENGTH = 48;

  static final String LABEL = "master secret";
  static final String EXTENDED_LABEL = "extended master secret";

  private final PrfDerivation derivation;
  private final boolean extended;

  private MasterSecret(PrfDerivation derivation, boolean extended) {
    this.derivation = derivation;
    this.extended = extended;
  }

  public static MasterSecret derive(String prfHash, byte[] preMasterSecret, byte[] clientRandom, byte[] serverRandom) {
    byte[] seed = Bytes.concat(clientRandom, serverRandom);
    return new MasterSecret(Prf.derive(prfHash, preMasterSecret, LABEL, seed, LENGTH), false);
  }

  public static MasterSecret deriveExtended(String prfHash, byte[] preMasterSecret, byte[] sessionHash) {
    return new MasterSecret(Prf.derive(prfHash, preMasterSecret, EXTENDED_LABEL, sessionHash, LENGTH), true);
  }

  /** The 48 secret bytes. */
  public byte[] secret() {
    return derivation.output();
  }

  /** The PRF step (inputs, label, seed, output) for traces. */
  public PrfDerivation derivation() {
    return derivation;
  }

  /** True when derived per RFC 7627 (extended_master_secret negotiated). */
  public boolean extended() {
    return extended;
  }

  @Override
  public String toString() {
    return (extended ? "extended " : "") + "master secret: " + derivation;
  }
}
