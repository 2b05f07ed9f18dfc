package dev.tlssim.tls.wire;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The message an extension appears in, as abbreviated in the table of RFC 8446 §4.2: CH
 * (ClientHello), SH (ServerHello), EE (EncryptedExtensions), CT (Certificate), CR
 * (CertificateRequest), NST (NewSessionTicket) and HRR (HelloRetryRequest). It selects the
 * structure of the context-dependent extensions and says where each extension may appear.
 */
public enum ExtensionContext {
  CLIENT_HELLO("CH"),
  SERVER_HELLO("SH"),
  HELLO_RETRY_REQUEST("HRR"),
  ENCRYPTED_EXTENSIONS("EE"),
  CERTIFICATE("CT"),
  CERTIFICATE_REQUEST("CR"),
  NEW_SESSION_TICKET("NST");

  private final String abbreviation;

  ExtensionContext(String abbreviation) {
    this.abbreviation = abbreviation;
  }

  /** The RFC 8446 §4.2 table's abbreviation, e.g. {@code EE}. */
  public String abbreviation() {
    return abbreviation;
  }

  /**
   * Whether an extension of this type may appear in this message. For the types of the RFC 8446
   * §4.2 table this is the table; any other type this package names (extensions that exist only
   * in TLS 1.2, such as ec_point_formats or renegotiation_info) may appear only in a ClientHello,
   * which can offer TLS 1.2 too (§4.1.2); type codes this package does not know are allowed
   * everywhere, since "recognizes" in §4.2 is what makes the rule apply.
   */
  public boolean allows(int typeCode) {
    Optional<ExtensionType> known = ExtensionType.fromCode(typeCode);
    if (known.isEmpty()) {
      return true;
    }
    return contextsOf(known.get()).contains(this);
  }

  /** The messages an extension of {@code type} may appear in (RFC 8446 §4.2). */
  public static Set<ExtensionContext> contextsOf(ExtensionType type) {
    return switch (type) {
      case SERVER_NAME, MAX_FRAGMENT_LENGTH, SUPPORTED_GROUPS,
          APPLICATION_LAYER_PROTOCOL_NEGOTIATION -> EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS);
      case STATUS_REQUEST, SIGNED_CERTIFICATE_TIMESTAMP ->
          EnumSet.of(CLIENT_HELLO, CERTIFICATE_REQUEST, CERTIFICATE);
      case SIGNATURE_ALGORITHMS, CERTIFICATE_AUTHORITIES, SIGNATURE_ALGORITHMS_CERT ->
          EnumSet.of(CLIENT_HELLO, CERTIFICATE_REQUEST);
      case PADDING, PSK_KEY_EXCHANGE_MODES, POST_HANDSHAKE_AUTH -> EnumSet.of(CLIENT_HELLO);
      case KEY_SHARE, SUPPORTED_VERSIONS ->
          EnumSet.of(CLIENT_HELLO, SERVER_HELLO, HELLO_RETRY_REQUEST);
      case PRE_SHARED_KEY -> EnumSet.of(CLIENT_HELLO, SERVER_HELLO);
      case EARLY_DATA -> EnumSet.of(CLIENT_HELLO, ENCRYPTED_EXTENSIONS, NEW_SESSION_TICKET);
      case COOKIE -> EnumSet.of(CLIENT_HELLO, HELLO_RETRY_REQUEST);
      default -> EnumSet.of(CLIENT_HELLO);
    };
  }
}
