package dev.tlssim.tls.crypto;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import java.security.SecureRandom;
import java.util.List;

/**
 * A hybrid key share (draft-ietf-tls-ecdhe-mlkem, Construction): an ephemeral ECDH key pair and an
 * ephemeral ML-KEM-768 key pair, their public parts concatenated in the group's order
 * ({@link HybridGroup}); the shared secret is the two secrets concatenated in the same order.
 * The ML-KEM key is drawn first, then the ECDH key.
 */
public record HybridClientShare(HybridGroup hybrid, EcdheKeyPair ecdh, MlKem768KeyPair mlkem)
    implements ClientKeyShare {

  static HybridClientShare generate(HybridGroup hybrid, SecureRandom random) {
    MlKem768KeyPair mlkem = MlKem768KeyPair.generate(random);
    return new HybridClientShare(hybrid, EcdheKeyPair.generate(hybrid.ecdh(), random), mlkem);
  }

  @Override
  public NamedGroup group() {
    return hybrid.group();
  }

  @Override
  public byte[] keyExchange() {
    return hybrid.concatenate(ecdh.publicKey(), mlkem.encapsulationKey());
  }

  /**
   * The server's key_exchange must be exactly the ECDH share and the ciphertext; any other length
   * is an illegal_parameter (draft-ietf-tls-ecdhe-mlkem: a share of the wrong length "MUST" abort
   * the handshake with illegal_parameter).
   */
  @Override
  public byte[] sharedSecret(byte[] serverKeyExchange) throws TlsAlertException {
    if (serverKeyExchange.length != hybrid.serverShareLength()) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, group().rfcName()
          + " server share must be " + hybrid.serverShareLength() + " bytes, got " + serverKeyExchange.length);
    }
    byte[] kem = mlkem.decapsulate(hybrid.mlkemPart(serverKeyExchange, MlKem768KeyPair.CIPHERTEXT_LENGTH));
    byte[] dh = ecdh.agree(hybrid.ecdhPart(serverKeyExchange, MlKem768KeyPair.CIPHERTEXT_LENGTH));
    return hybrid.concatenate(dh, kem);
  }

  @Override
  public List<String> generationOperations() {
    return List.of(MlKemClientShare.KEYGEN, hybrid.ecdh().rfcName() + ".keygen");
  }

  @Override
  public List<String> completionOperations() {
    return List.of(MlKemClientShare.DECAPS, hybrid.ecdh().rfcName() + ".agree");
  }
}
