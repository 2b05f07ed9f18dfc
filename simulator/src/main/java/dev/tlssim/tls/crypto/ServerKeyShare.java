package dev.tlssim.tls.crypto;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import java.security.SecureRandom;
import java.util.List;

/**
 * The server's answer to the client's KeyShareEntry it chose (RFC 8446 §4.2.8): its own
 * key_exchange for the ServerHello and the shared secret for the key schedule (§7.1), with the
 * cost-profile operations that took. For (EC)DHE a fresh key pair and the agreement; for
 * MLKEM768 an encapsulation to the client's key (draft-ietf-tls-mlkem); for a hybrid both, in the
 * group's order (draft-ietf-tls-ecdhe-mlkem).
 */
public record ServerKeyShare(NamedGroup group, byte[] keyExchange, byte[] sharedSecret, List<String> operations) {
  public ServerKeyShare {
    keyExchange = keyExchange.clone();
    sharedSecret = sharedSecret.clone();
    operations = List.copyOf(operations);
  }

  public static ServerKeyShare respond(NamedGroup group, byte[] clientKeyExchange, SecureRandom random)
      throws TlsAlertException {
    return switch (group) {
      case MLKEM768 -> {
        MlKem768Encapsulation e = MlKem768Encapsulation.encapsulate(clientKeyExchange, random);
        yield new ServerKeyShare(group, e.ciphertext(), e.sharedSecret(), List.of(MlKemClientShare.ENCAPS));
      }
      case X25519MLKEM768, SECP256R1MLKEM768 -> hybrid(HybridGroup.of(group), clientKeyExchange, random);
      default -> {
        EcdheKeyPair ephemeral = EcdheKeyPair.generate(group, random);
        byte[] secret = ephemeral.agree(clientKeyExchange);
        yield new ServerKeyShare(group, ephemeral.publicKey(), secret,
            List.of(group.rfcName() + ".keygen", group.rfcName() + ".agree"));
      }
    };
  }

  /**
   * The client's key_exchange must be exactly the ECDH share and the encapsulation key, else
   * illegal_parameter (draft-ietf-tls-ecdhe-mlkem). The ML-KEM message is drawn first, then the
   * ECDH key.
   */
  private static ServerKeyShare hybrid(HybridGroup hybrid, byte[] client, SecureRandom random)
      throws TlsAlertException {
    if (client.length != hybrid.clientShareLength()) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, hybrid.group().rfcName()
          + " client share must be " + hybrid.clientShareLength() + " bytes, got " + client.length);
    }
    MlKem768Encapsulation kem = MlKem768Encapsulation.encapsulate(
        hybrid.mlkemPart(client, MlKem768KeyPair.ENCAPSULATION_KEY_LENGTH), random);
    EcdheKeyPair ephemeral = EcdheKeyPair.generate(hybrid.ecdh(), random);
    byte[] dh = ephemeral.agree(hybrid.ecdhPart(client, MlKem768KeyPair.ENCAPSULATION_KEY_LENGTH));
    String ecdh = hybrid.ecdh().rfcName();
    return new ServerKeyShare(hybrid.group(), hybrid.concatenate(ephemeral.publicKey(), kem.ciphertext()),
        hybrid.concatenate(dh, kem.sharedSecret()), List.of(MlKemClientShare.ENCAPS, ecdh + ".keygen", ecdh + ".agree"));
  }

  @Override
  public byte[] keyExchange() {
    return keyExchange.clone();
  }

  @Override
  public byte[] sharedSecret() {
    return sharedSecret.clone();
  }
}
