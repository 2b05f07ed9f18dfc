package dev.tlssim.tls.wire;

import java.util.Locale;
import java.util.Optional;

/**
 * Extension code points from the IANA "TLS ExtensionType Values" registry. TLS 1.2 ones are
 * interpreted by {@link Extension#decode}; the TLS 1.3 ones (RFC 8446 §4.2) carry a different
 * structure in each message, so {@link Tls13Extensions} interprets them given the message's
 * {@link ExtensionContext}.
 */
public enum ExtensionType {
  SERVER_NAME(0),
  MAX_FRAGMENT_LENGTH(1),
  STATUS_REQUEST(5),
  SUPPORTED_GROUPS(10),
  EC_POINT_FORMATS(11),
  SIGNATURE_ALGORITHMS(13),
  APPLICATION_LAYER_PROTOCOL_NEGOTIATION(16),
  SIGNED_CERTIFICATE_TIMESTAMP(18),
  PADDING(21),
  ENCRYPT_THEN_MAC(22),
  EXTENDED_MASTER_SECRET(23),
  SESSION_TICKET(35),
  PRE_SHARED_KEY(41),
  EARLY_DATA(42),
  SUPPORTED_VERSIONS(43),
  COOKIE(44),
  PSK_KEY_EXCHANGE_MODES(45),
  CERTIFICATE_AUTHORITIES(47),
  POST_HANDSHAKE_AUTH(49),
  SIGNATURE_ALGORITHMS_CERT(50),
  KEY_SHARE(51),
  RENEGOTIATION_INFO(0xff01);

  private final int code;

  ExtensionType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<ExtensionType> fromCode(int code) {
    for (ExtensionType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The RFC name and the code, e.g. {@code key_share (51)}, or {@code unknown (2570)}. */
  static String describeCode(int code) {
    return fromCode(code).map(t -> t.rfcName() + " (" + code + ")")
        .orElse(CodeNames.unknown(code));
  }

  /** The RFC name if known, else the code in hex: for error messages and traces. */
  static String describe(int code) {
    return fromCode(code).map(ExtensionType::rfcName).orElse(String.format("0x%04x", code));
  }
}
