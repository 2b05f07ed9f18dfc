package dev.tlssim.tls.crypto;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import java.security.SecureRandom;
import java.util.List;

/**
 * The client's private side of one TLS 1.3 KeyShareEntry (RFC 8446 §4.2.8): the key_exchange
 * bytes it sends, and how it turns the server's key_exchange into the shared secret that enters
 * the key schedule (§7.1). An (EC)DHE group agrees (§4.2.8.1, §4.2.8.2, §7.4); an ML-KEM group
 * decapsulates (draft-ietf-tls-mlkem); a hybrid does both and concatenates
 * (draft-ietf-tls-ecdhe-mlkem).
 */
public sealed interface ClientKeyShare permits EcdheClientShare, MlKemClientShare, HybridClientShare {

  /** A fresh share for {@code group}, drawn from {@code random}. */
  static ClientKeyShare generate(NamedGroup group, SecureRandom random) {
    return switch (group) {
      case MLKEM768 -> new MlKemClientShare(MlKem768KeyPair.generate(random));
      case X25519MLKEM768, SECP256R1MLKEM768 -> HybridClientShare.generate(HybridGroup.of(group), random);
      default -> new EcdheClientShare(EcdheKeyPair.generate(group, random));
    };
  }

  NamedGroup group();

  /** The KeyShareEntry's key_exchange, without its length prefix. */
  byte[] keyExchange();

  /** The shared secret from the server's key_exchange (RFC 8446 §7.1's (EC)DHE input). */
  byte[] sharedSecret(byte[] serverKeyExchange) throws TlsAlertException;

  /** The cost-profile operations generating this share cost, in order. */
  List<String> generationOperations();

  /** The cost-profile operations {@link #sharedSecret} costs. */
  List<String> completionOperations();
}
