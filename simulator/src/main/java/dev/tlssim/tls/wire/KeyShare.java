package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;

/**
 * key_share (RFC 8446 §4.2.8), whose extension_data depends on the message:
 * {@link KeyShareClientHello} in a ClientHello, {@link KeyShareHelloRetryRequest} in a
 * HelloRetryRequest, {@link KeyShareServerHello} in a ServerHello.
 */
public sealed interface KeyShare extends Tls13Extension
    permits KeyShareClientHello, KeyShareHelloRetryRequest, KeyShareServerHello {

  @Override
  default int typeCode() {
    return ExtensionType.KEY_SHARE.code();
  }

  /** Reads the form {@code context} calls for; any other context is an illegal_parameter. */
  static KeyShare decode(WireReader data, ExtensionContext context) throws TlsAlertException {
    return switch (context) {
      case CLIENT_HELLO -> KeyShareClientHello.decode(data);
      case HELLO_RETRY_REQUEST -> KeyShareHelloRetryRequest.decode(data);
      case SERVER_HELLO -> KeyShareServerHello.decode(data);
      default -> throw Tls13Extensions.illegal(
          "key_share is not allowed in " + context.abbreviation() + " (RFC 8446 §4.2)");
    };
  }
}
