package dev.tlssim.tls.crypto;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import java.util.List;

/**
 * An (EC)DHE key share (RFC 8446 §4.2.8.2): the public key on the wire, the agreement with the
 * server's as the shared secret (§7.4.2).
 */
public record EcdheClientShare(EcdheKeyPair keyPair) implements ClientKeyShare {
  @Override
  public NamedGroup group() {
    return keyPair.group();
  }

  @Override
  public byte[] keyExchange() {
    return keyPair.publicKey();
  }

  @Override
  public byte[] sharedSecret(byte[] serverKeyExchange) throws TlsAlertException {
    return keyPair.agree(serverKeyExchange);
  }

  @Override
  public List<String> generationOperations() {
    return List.of(group().rfcName() + ".keygen");
  }

  @Override
  public List<String> completionOperations() {
    return List.of(group().rfcName() + ".agree");
  }
}
