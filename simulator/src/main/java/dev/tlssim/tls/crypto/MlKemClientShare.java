package dev.tlssim.tls.crypto;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import java.util.List;

/**
 * An MLKEM768 key share (draft-ietf-tls-mlkem, Construction): the client's key_exchange is the
 * ML-KEM-768 encapsulation key (1184 bytes), the server's the ciphertext (1088 bytes), and the
 * shared secret is the KEM's 32-byte shared secret, used as is.
 */
public record MlKemClientShare(MlKem768KeyPair keyPair) implements ClientKeyShare {
  public static final String KEYGEN = "mlkem768.keygen";
  public static final String ENCAPS = "mlkem768.encaps";
  public static final String DECAPS = "mlkem768.decaps";

  @Override
  public NamedGroup group() {
    return NamedGroup.MLKEM768;
  }

  @Override
  public byte[] keyExchange() {
    return keyPair.encapsulationKey();
  }

  @Override
  public byte[] sharedSecret(byte[] serverKeyExchange) throws TlsAlertException {
    return keyPair.decapsulate(serverKeyExchange);
  }

  @Override
  public List<String> generationOperations() {
    return List.of(KEYGEN);
  }

  @Override
  public List<String> completionOperations() {
    return List.of(DECAPS);
  }
}
