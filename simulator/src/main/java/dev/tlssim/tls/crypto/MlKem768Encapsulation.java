package dev.tlssim.tls.crypto;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/**
 * ML-KEM-768 encapsulation (FIPS 203 §7.2), the server's side of the KEM: the ciphertext it
 * sends back in its key share (1088 bytes) and the 32-byte shared secret it keeps.
 *
 * <p>The 32-byte message m is drawn from the handshake's random and the rest is
 * ML-KEM.Encaps_internal(ek, m) (FIPS 203 §6.2, Algorithm 17), so a {@link CryptoMemo} can key the
 * operation by ek and m.
 */
public record MlKem768Encapsulation(byte[] ciphertext, byte[] sharedSecret) {
  /** FIPS 203 §7.2: the random m of 32 bytes. */
  public static final int MESSAGE_LENGTH = 32;

  private static final byte[] PARAMETER_SET = {0x07, 0x68};

  public MlKem768Encapsulation {
    ciphertext = ciphertext.clone();
    sharedSecret = sharedSecret.clone();
  }

  /**
   * Encapsulates to the client's {@code encapsulationKey}. FIPS 203 §7.2 requires the input check
   * first: the length (type check) and that every coefficient of ek decodes below q (modulus
   * check); draft-ietf-tls-mlkem and draft-ietf-tls-ecdhe-mlkem make a key failing either an
   * illegal_parameter.
   */
  public static MlKem768Encapsulation encapsulate(byte[] encapsulationKey, SecureRandom random)
      throws TlsAlertException {
    byte[] m = new byte[MESSAGE_LENGTH];
    random.nextBytes(m);
    return encapsulate(encapsulationKey, m, CryptoMemo.of(random));
  }

  /** ML-KEM.Encaps_internal with a known m (FIPS 203 §6.2), for known-answer tests. */
  public static MlKem768Encapsulation encapsulateWith(byte[] encapsulationKey, byte[] m) throws TlsAlertException {
    if (m.length != MESSAGE_LENGTH) {
      throw new IllegalArgumentException("ML-KEM's m is 32 bytes, got " + m.length);
    }
    return encapsulate(encapsulationKey, m, CryptoMemo.none());
  }

  private static MlKem768Encapsulation encapsulate(byte[] ek, byte[] m, CryptoMemo memo) throws TlsAlertException {
    if (ek.length != MlKem768KeyPair.ENCAPSULATION_KEY_LENGTH) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "ML-KEM-768 encapsulation key must be "
          + MlKem768KeyPair.ENCAPSULATION_KEY_LENGTH + " bytes, got " + ek.length + " (FIPS 203 §7.2 type check)");
    }
    return memo.get(CryptoMemo.Operation.ENCAPSULATION,
        () -> CryptoMemo.Key.of(CryptoMemo.Operation.ENCAPSULATION, PARAMETER_SET, ek, m),
        () -> {
          MLKEMPublicKeyParameters key;
          try {
            // BouncyCastle's constructor performs the modulus check of FIPS 203 §7.2.
            key = new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, ek);
          } catch (IllegalArgumentException e) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                "ML-KEM-768 encapsulation key fails the modulus check (FIPS 203 §7.2)", e);
          }
          SecretWithEncapsulation result = MLKEMGenerator.internalGenerateEncapsulated(key, m);
          return new MlKem768Encapsulation(result.getEncapsulation(), result.getSecret());
        });
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public byte[] sharedSecret() {
    return sharedSecret.clone();
  }
}
