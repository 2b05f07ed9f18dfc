package dev.tlssim.tls;

import java.util.Optional;

/**
 * Named groups for key exchange (RFC 8446 §4.2.7): the (EC)DHE groups of RFC 8422 §5.1.1 and RFC
 * 7748, and the post-quantum ones of TLS 1.3 only: pure ML-KEM-768 (draft-ietf-tls-mlkem) and
 * the hybrids of ML-KEM-768 with an ECDH group (draft-ietf-tls-ecdhe-mlkem). Each has the name
 * of the IANA TLS Supported Groups registry, which the drafts also use.
 */
public enum NamedGroup {
  SECP256R1(0x0017, "secp256r1"),
  SECP384R1(0x0018, "secp384r1"),
  SECP521R1(0x0019, "secp521r1"),
  X25519(0x001d, "x25519"),
  X448(0x001e, "x448"),
  /** draft-ietf-tls-mlkem, IANA Considerations: ML-KEM-768 alone. */
  MLKEM768(0x0201, "MLKEM768"),
  /** draft-ietf-tls-ecdhe-mlkem, IANA Considerations: secp256r1 ECDH with ML-KEM-768. */
  SECP256R1MLKEM768(0x11eb, "SecP256r1MLKEM768"),
  /** draft-ietf-tls-ecdhe-mlkem, IANA Considerations: X25519 with ML-KEM-768. */
  X25519MLKEM768(0x11ec, "X25519MLKEM768");

  private final int code;
  private final String rfcName;

  NamedGroup(int code, String rfcName) {
    this.code = code;
    this.rfcName = rfcName;
  }

  public int code() {
    return code;
  }

  public static Optional<NamedGroup> fromCode(int code) {
    for (NamedGroup g : values()) {
      if (g.code == code) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  /** The registry's name: "x25519", "secp256r1", "X25519MLKEM768", ... */
  public String rfcName() {
    return rfcName;
  }

  /**
   * Whether the group uses ML-KEM. Such groups are for TLS 1.3 only: draft-ietf-tls-mlkem and
   * draft-ietf-tls-ecdhe-mlkem register them with "Recommended" for TLS 1.3 and define no TLS 1.2
   * use, since a TLS 1.2 ServerKeyExchange carries an ECDH point, not a KEM ciphertext.
   */
  public boolean postQuantum() {
    return this == MLKEM768 || this == SECP256R1MLKEM768 || this == X25519MLKEM768;
  }

  /** Accepts the registry name in any case ("x25519", "secp256r1", "x25519mlkem768"). */
  public static NamedGroup parse(String text) {
    for (NamedGroup g : values()) {
      if (g.rfcName().equalsIgnoreCase(text.trim())) {
        return g;
      }
    }
    throw new IllegalArgumentException("unknown group '" + text + "'");
  }
}
