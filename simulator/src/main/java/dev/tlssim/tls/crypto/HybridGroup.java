package dev.tlssim.tls.crypto;

import dev.tlssim.tls.NamedGroup;
import java.util.Arrays;

/**
 * The hybrid groups of draft-ietf-tls-ecdhe-mlkem (Construction): an ECDH group and ML-KEM-768,
 * each share and the shared secret the concatenation of the two parts in one fixed order.
 * X25519MLKEM768 puts ML-KEM first (its secret is ML-KEM's || X25519's, so that the first 32 bytes
 * are from a FIPS-approved KEM); SecP256r1MLKEM768 puts the ECDH part first.
 *
 * <pre>
 *                       client key_exchange       server key_exchange       shared secret
 *   X25519MLKEM768      ek(1184) || x25519(32)    ct(1088) || x25519(32)    K(32) || x25519(32)
 *   SecP256r1MLKEM768   P-256(65) || ek(1184)     P-256(65) || ct(1088)     ECDH(32) || K(32)
 * </pre>
 */
public enum HybridGroup {
  X25519MLKEM768(NamedGroup.X25519MLKEM768, NamedGroup.X25519, false, 32),
  SECP256R1MLKEM768(NamedGroup.SECP256R1MLKEM768, NamedGroup.SECP256R1, true, 65);

  private final NamedGroup group;
  private final NamedGroup ecdh;
  private final boolean ecdhFirst;
  private final int ecdhShareLength;

  HybridGroup(NamedGroup group, NamedGroup ecdh, boolean ecdhFirst, int ecdhShareLength) {
    this.group = group;
    this.ecdh = ecdh;
    this.ecdhFirst = ecdhFirst;
    this.ecdhShareLength = ecdhShareLength;
  }

  public static HybridGroup of(NamedGroup group) {
    for (HybridGroup h : values()) {
      if (h.group == group) {
        return h;
      }
    }
    throw new IllegalArgumentException(group.rfcName() + " is not a hybrid group");
  }

  public NamedGroup group() {
    return group;
  }

  /** The ECDH component: x25519 or secp256r1. */
  public NamedGroup ecdh() {
    return ecdh;
  }

  /** Whether the ECDH part comes before the ML-KEM part in shares and in the secret. */
  public boolean ecdhFirst() {
    return ecdhFirst;
  }

  /** The ECDH share's length: 32 for X25519, 65 for an uncompressed P-256 point (RFC 8446 §4.2.8.2). */
  public int ecdhShareLength() {
    return ecdhShareLength;
  }

  /** The client's key_exchange length: the ECDH share and the 1184-byte encapsulation key. */
  public int clientShareLength() {
    return ecdhShareLength + MlKem768KeyPair.ENCAPSULATION_KEY_LENGTH;
  }

  /** The server's key_exchange length: the ECDH share and the 1088-byte ciphertext. */
  public int serverShareLength() {
    return ecdhShareLength + MlKem768KeyPair.CIPHERTEXT_LENGTH;
  }

  /** The two parts in this group's order. */
  byte[] concatenate(byte[] ecdhPart, byte[] mlkemPart) {
    byte[] first = ecdhFirst ? ecdhPart : mlkemPart;
    byte[] second = ecdhFirst ? mlkemPart : ecdhPart;
    byte[] out = new byte[first.length + second.length];
    System.arraycopy(first, 0, out, 0, first.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }

  /** The ECDH part of a key_exchange whose ML-KEM part is {@code mlkemLength} bytes. */
  byte[] ecdhPart(byte[] keyExchange, int mlkemLength) {
    int from = ecdhFirst ? 0 : mlkemLength;
    return Arrays.copyOfRange(keyExchange, from, from + ecdhShareLength);
  }

  /** The ML-KEM part of a key_exchange. */
  byte[] mlkemPart(byte[] keyExchange, int mlkemLength) {
    int from = ecdhFirst ? ecdhShareLength : 0;
    return Arrays.copyOfRange(keyExchange, from, from + mlkemLength);
  }
}
