package dev.tlssim.tls.inspect;

import dev.tlssim.tls.NamedGroup;
import java.util.Objects;

/**
 * The ECDHE agreement that produced the premaster secret (RFC 8422 §5.10; X25519 itself is RFC
 * 7748 §5 and §6.1): our public key is the scalar multiplication of the base point by our private
 * key, and the premaster secret is our private key times the peer's public key, used as is.
 */
public record EcdheStep(
    NamedGroup group, Octets privateKey, Octets publicKey, Octets peerPublicKey, Octets sharedSecret) {
  public EcdheStep {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(peerPublicKey, "peerPublicKey");
    Objects.requireNonNull(sharedSecret, "sharedSecret");
  }
}
