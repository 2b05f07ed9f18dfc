package dev.tlssim.tls.crypto;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;

/**
 * An ephemeral ML-KEM-768 key pair (FIPS 203) for one TLS 1.3 handshake: the client's side of
 * the KEM. The encapsulation key (1184 bytes) goes in the client's key share; the server's
 * ciphertext (1088 bytes) comes back and decapsulates to the 32-byte shared secret.
 *
 * <p>The key pair is ML-KEM.KeyGen_internal(d, z) of the 64-byte seed d || z (FIPS 203 §6.1,
 * Algorithm 16), drawn from the handshake's random: the seed is what a {@link CryptoMemo} keys
 * key generation by, as the private scalar is for ECDHE.
 *
 * <p>Alerts: a ciphertext of the wrong length is an illegal_parameter (draft-ietf-tls-mlkem,
 * draft-ietf-tls-ecdhe-mlkem: a share that fails its length check aborts the handshake with
 * illegal_parameter). ML-KEM decapsulation itself never fails: a wrong ciphertext of the right
 * length gives the implicit-rejection secret (FIPS 203 §6.3), and then the Finished MACs differ.
 */
public final class MlKem768KeyPair {
  /** FIPS 203 §8, Table 3: ML-KEM-768's encapsulation key size, 384k + 32 with k = 3. */
  public static final int ENCAPSULATION_KEY_LENGTH = 1184;
  /** FIPS 203 §8, Table 3: ML-KEM-768's ciphertext size, 32(d_u k + d_v). */
  public static final int CIPHERTEXT_LENGTH = 1088;
  /** FIPS 203 §8, Table 3: the shared secret. */
  public static final int SHARED_SECRET_LENGTH = 32;
  /** FIPS 203 §7.1: the seed d || z of two 32-byte strings. */
  public static final int SEED_LENGTH = 64;

  private static final byte[] PARAMETER_SET = {0x07, 0x68};

  private final MLKEMPrivateKeyParameters decapsulationKey;
  private final byte[] encapsulationKey;
  private final byte[] seed;
  private final CryptoMemo memo;

  private MlKem768KeyPair(byte[] seed, CryptoMemo memo) {
    this.seed = seed.clone();
    this.memo = memo;
    this.decapsulationKey = memo.get(CryptoMemo.Operation.KEY_GENERATION,
        () -> CryptoMemo.Key.of(CryptoMemo.Operation.KEY_GENERATION, PARAMETER_SET, this.seed),
        () -> new MLKEMPrivateKeyParameters(MLKEMParameters.ml_kem_768, this.seed));
    this.encapsulationKey = decapsulationKey.getPublicKey();
  }

  /** A fresh key pair from a 64-byte seed drawn from {@code random} (deterministic for a seeded stream). */
  public static MlKem768KeyPair generate(SecureRandom random) {
    byte[] seed = new byte[SEED_LENGTH];
    random.nextBytes(seed);
    return new MlKem768KeyPair(seed, CryptoMemo.of(random));
  }

  /** The key pair of a known seed d || z (FIPS 203 §6.1), for known-answer tests. */
  public static MlKem768KeyPair fromSeed(byte[] seed) {
    if (seed.length != SEED_LENGTH) {
      throw new IllegalArgumentException("an ML-KEM seed is d || z, 64 bytes, got " + seed.length);
    }
    return new MlKem768KeyPair(seed, CryptoMemo.none());
  }

  /** The encapsulation key ek as it goes on the wire (FIPS 203 §7.1 ByteEncode). */
  public byte[] encapsulationKey() {
    return encapsulationKey.clone();
  }

  /** The expanded decapsulation key dk (2400 bytes, FIPS 203 §7.1), for known-answer tests. */
  public byte[] decapsulationKey() {
    return decapsulationKey.getEncoded();
  }

  /** ML-KEM.Decaps (FIPS 203 §7.3) of the server's ciphertext: the 32-byte shared secret. */
  public byte[] decapsulate(byte[] ciphertext) throws TlsAlertException {
    if (ciphertext.length != CIPHERTEXT_LENGTH) {
      // FIPS 203 §7.3: the ciphertext type check, before anything else.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "ML-KEM-768 ciphertext must be " + CIPHERTEXT_LENGTH + " bytes, got " + ciphertext.length);
    }
    return memo.get(CryptoMemo.Operation.DECAPSULATION,
        () -> CryptoMemo.Key.of(CryptoMemo.Operation.DECAPSULATION, PARAMETER_SET, seed, ciphertext),
        () -> new MLKEMExtractor(decapsulationKey).extractSecret(ciphertext)).clone();
  }
}
