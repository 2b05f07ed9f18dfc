package dev.tlssim.tls.wire;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.HybridGroup;
import dev.tlssim.tls.crypto.MlKem768KeyPair;
import java.util.List;

/**
 * The parts a post-quantum key_exchange is made of, for the inspector. TLS sees one opaque
 * key_exchange (RFC 8446 §4.2.8); the drafts fill it with fixed-length parts in a fixed order:
 *
 * <pre>
 *                       client key_exchange            server key_exchange
 *   X25519MLKEM768      ML-KEM ek(1184) || X25519(32)  ML-KEM ct(1088) || X25519(32)
 *   SecP256r1MLKEM768   P-256(65) || ML-KEM ek(1184)   P-256(65) || ML-KEM ct(1088)
 *   MLKEM768            ML-KEM ek(1184)                ML-KEM ct(1088)
 * </pre>
 *
 * (draft-ietf-tls-ecdhe-mlkem, Construction, with the order and lengths of {@link HybridGroup};
 * draft-ietf-tls-mlkem, Construction.) A share whose length is not its group's is left as one
 * field: whether it is valid is the key exchange's concern (RFC 8446 §4.2.8.2), not the codec's.
 */
final class KeyExchangeParts {
  /** One part: its field name under key_exchange, what it is in words, its length. */
  record Part(String field, String label, int length) {}

  private KeyExchangeParts() {}

  /** The parts of {@code group}'s key_exchange as {@code sender} sends it; empty for a classical group. */
  static List<Part> of(NamedGroup group, ConnectionEnd sender) {
    Part mlkem = sender == ConnectionEnd.CLIENT
        ? new Part("mlkem_encapsulation_key", "ML-KEM-768 encapsulation key", MlKem768KeyPair.ENCAPSULATION_KEY_LENGTH)
        : new Part("mlkem_ciphertext", "ML-KEM-768 ciphertext", MlKem768KeyPair.CIPHERTEXT_LENGTH);
    return switch (group) {
      case MLKEM768 -> List.of(mlkem);
      case X25519MLKEM768, SECP256R1MLKEM768 -> {
        HybridGroup hybrid = HybridGroup.of(group);
        Part ecdh = hybrid.ecdh() == NamedGroup.X25519
            ? new Part("x25519_public_key", "X25519 public key", hybrid.ecdhShareLength())
            : new Part("secp256r1_public_key", "P-256 public key, uncompressed point", hybrid.ecdhShareLength());
        yield hybrid.ecdhFirst() ? List.of(ecdh, mlkem) : List.of(mlkem, ecdh);
      }
      default -> List.of();
    };
  }

  /**
   * Reads {@code opaque key_exchange<1..2^16-1>} of a share for {@code groupCode} from {@code r}:
   * when annotating a share of a post-quantum group with its exact length, each part is its own
   * field ({@code key_exchange.mlkem_encapsulation_key}, ...); otherwise one {@code key_exchange}.
   */
  static byte[] read(WireReader r, int groupCode, ConnectionEnd sender) throws TlsAlertException {
    List<Part> parts = NamedGroup.fromCode(groupCode).map(g -> of(g, sender)).orElse(List.of());
    if (parts.isEmpty() || !r.annotating()) {
      return r.vector16("key_exchange", 1, 0xffff);
    }
    WireReader data = r.nested16("key_exchange", 1, 0xffff);
    if (data.remaining() != parts.stream().mapToInt(Part::length).sum()) {
      return data.rest("key_exchange");
    }
    byte[] whole = data.remainingBytes();
    data.enter("key_exchange");
    for (Part p : parts) {
      byte[] bytes = data.bytes(p.length(), p.field());
      data.describe(b -> CodeNames.part(p.label(), b), bytes);
    }
    data.exit();
    return whole;
  }
}
