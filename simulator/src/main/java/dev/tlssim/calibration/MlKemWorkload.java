package dev.tlssim.calibration;

import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.MlKem768Encapsulation;
import dev.tlssim.tls.crypto.MlKem768KeyPair;
import java.security.SecureRandom;

/**
 * The ML-KEM-768 operations through the engine's classes (BouncyCastle's lightweight API), for
 * every library: JDK 17 has no ML-KEM in its providers and OpenSSL 3.0's {@code openssl speed}
 * none either, so this is the one measurement there is.
 */
final class MlKemWorkload {
  private final SecureRandom random;
  private final MlKem768KeyPair keyPair;
  private final byte[] encapsulationKey;
  private final byte[] ciphertext;

  MlKemWorkload(SecureRandom random) {
    this.random = random;
    keyPair = MlKem768KeyPair.generate(random);
    encapsulationKey = keyPair.encapsulationKey();
    ciphertext = encapsulate().ciphertext();
  }

  static String source(CostOperation op) {
    return "BouncyCastle lightweight API via the engine's classes (no ML-KEM in JDK 17's providers or in "
        + "OpenSSL 3.0's openssl speed): " + op.description();
  }

  int keygen() {
    return MlKem768KeyPair.generate(random).encapsulationKey()[0];
  }

  int encaps() {
    return encapsulate().sharedSecret()[0];
  }

  int decaps() {
    try {
      return keyPair.decapsulate(ciphertext)[0];
    } catch (TlsAlertException e) {
      throw new IllegalStateException("a freshly made ciphertext was refused", e);
    }
  }

  private MlKem768Encapsulation encapsulate() {
    try {
      return MlKem768Encapsulation.encapsulate(encapsulationKey, random);
    } catch (TlsAlertException e) {
      throw new IllegalStateException("a freshly generated encapsulation key was refused", e);
    }
  }
}
