package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;
import java.util.Optional;

/**
 * One entry of a hello's extension block (RFC 5246 §7.4.1.4): {@code extension_type(2)
 * extension_data<0..2^16-1>}. Implementations encode and decode only the extension_data; the
 * framing is {@link Extensions}'.
 */
public sealed interface Extension
    permits ServerName, SupportedGroups, EcPointFormats, SignatureAlgorithms,
        ExtendedMasterSecret, SessionTicket, RenegotiationInfo, StatusRequest, UnknownExtension,
        Tls13Extension {

  /** The 16-bit extension_type, known to {@link ExtensionType} or not. */
  int typeCode();

  /** The extension_data, without the type and length. */
  byte[] encodeData();

  default Optional<ExtensionType> type() {
    return ExtensionType.fromCode(typeCode());
  }

  /**
   * Interprets extension_data for the types this package models; everything else, including
   * known TLS 1.3 types, is kept verbatim as {@link UnknownExtension}. A malformed body is a
   * decode_error (RFC 5246 §7.2.2).
   */
  static Extension decode(int typeCode, byte[] data) throws TlsAlertException {
    return decode(typeCode, new WireReader(data, ExtensionType.describe(typeCode)));
  }

  /**
   * As {@link #decode(int, byte[])}, reading the extension_data from {@code data}, a reader
   * confined to it, which must be consumed exactly.
   */
  static Extension decode(int typeCode, WireReader data) throws TlsAlertException {
    Optional<ExtensionType> type = ExtensionType.fromCode(typeCode);
    Extension out = switch (type.orElse(ExtensionType.PADDING)) {
      case SERVER_NAME -> ServerName.decode(data);
      case MAX_FRAGMENT_LENGTH -> MaxFragmentLengthExtension.decode(data);
      case STATUS_REQUEST -> StatusRequest.decode(data);
      case SUPPORTED_GROUPS -> SupportedGroups.decode(data);
      case EC_POINT_FORMATS -> EcPointFormats.decode(data);
      case SIGNATURE_ALGORITHMS -> SignatureAlgorithms.decode(data);
      case EXTENDED_MASTER_SECRET -> ExtendedMasterSecret.decode(data);
      case SESSION_TICKET -> SessionTicket.decode(data);
      case RENEGOTIATION_INFO -> RenegotiationInfo.decode(data);
      default -> UnknownExtension.decode(typeCode, data);
    };
    data.expectEnd();
    return out;
  }
}
