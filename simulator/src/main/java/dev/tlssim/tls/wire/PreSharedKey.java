package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;

/**
 * pre_shared_key (RFC 8446 §4.2.11), {@code PreSharedKeyExtension} in the RFC:
 *
 * <pre>
 * struct {
 *     select (Handshake.msg_type) {
 *         case client_hello: OfferedPsks;
 *         case server_hello: uint16 selected_identity;
 *     };
 * } PreSharedKeyExtension;
 * </pre>
 */
public sealed interface PreSharedKey extends Tls13Extension
    permits OfferedPsks, PreSharedKey.SelectedIdentity {

  @Override
  default int typeCode() {
    return ExtensionType.PRE_SHARED_KEY.code();
  }

  /**
   * The ServerHello form: the 0-based index of the PSK the server chose among the client's
   * identities. Whether it is in range is checked against the ClientHello by the handshake logic
   * (an illegal_parameter, §4.2.11).
   */
  record SelectedIdentity(int selectedIdentity) implements PreSharedKey {
    public SelectedIdentity {
      if (selectedIdentity < 0 || selectedIdentity > 0xffff) {
        throw new IllegalArgumentException("selected_identity out of uint16 range");
      }
    }

    @Override
    public byte[] encodeData() {
      return new WireWriter().u16(selectedIdentity).toByteArray();
    }

    static SelectedIdentity decode(WireReader r) throws TlsAlertException {
      int selected = r.u16("selected_identity");
      r.expectEnd();
      return new SelectedIdentity(selected);
    }
  }

  /** Reads the form {@code context} calls for; any other context is an illegal_parameter. */
  static PreSharedKey decode(WireReader data, ExtensionContext context)
      throws TlsAlertException {
    return switch (context) {
      case CLIENT_HELLO -> OfferedPsks.decode(data);
      case SERVER_HELLO -> SelectedIdentity.decode(data);
      default -> throw Tls13Extensions.illegal(
          "pre_shared_key is not allowed in " + context.abbreviation() + " (RFC 8446 §4.2)");
    };
  }
}
