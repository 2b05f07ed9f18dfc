package dev.tlssim.tls;

import java.util.Locale;
import java.util.Optional;

/** Alert descriptions (RFC 5246 §7.2, RFC 8446 §6, RFC 6066 §8 and §9, RFC 7301). */
public enum AlertDescription {
  CLOSE_NOTIFY(0),
  UNEXPECTED_MESSAGE(10),
  BAD_RECORD_MAC(20),
  DECRYPTION_FAILED_RESERVED(21),
  RECORD_OVERFLOW(22),
  DECOMPRESSION_FAILURE_RESERVED(30),
  HANDSHAKE_FAILURE(40),
  NO_CERTIFICATE_RESERVED(41),
  BAD_CERTIFICATE(42),
  UNSUPPORTED_CERTIFICATE(43),
  CERTIFICATE_REVOKED(44),
  CERTIFICATE_EXPIRED(45),
  CERTIFICATE_UNKNOWN(46),
  ILLEGAL_PARAMETER(47),
  UNKNOWN_CA(48),
  ACCESS_DENIED(49),
  DECODE_ERROR(50),
  DECRYPT_ERROR(51),
  EXPORT_RESTRICTION_RESERVED(60),
  PROTOCOL_VERSION(70),
  INSUFFICIENT_SECURITY(71),
  INTERNAL_ERROR(80),
  INAPPROPRIATE_FALLBACK(86),
  USER_CANCELED(90),
  NO_RENEGOTIATION(100),
  MISSING_EXTENSION(109),
  UNSUPPORTED_EXTENSION(110),
  CERTIFICATE_UNOBTAINABLE(111),
  UNRECOGNIZED_NAME(112),
  BAD_CERTIFICATE_STATUS_RESPONSE(113),
  BAD_CERTIFICATE_HASH_VALUE(114),
  UNKNOWN_PSK_IDENTITY(115),
  CERTIFICATE_REQUIRED(116),
  NO_APPLICATION_PROTOCOL(120);

  private final int code;

  AlertDescription(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<AlertDescription> fromCode(int code) {
    for (AlertDescription d : values()) {
      if (d.code == code) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The RFC's spelling, e.g. {@code bad_record_mac}: what results and traces show. */
  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
