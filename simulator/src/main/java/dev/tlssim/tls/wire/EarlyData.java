package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;

/**
 * early_data (RFC 8446 §4.2.10), {@code EarlyDataIndication} in the RFC:
 *
 * <pre>
 * struct {} Empty;
 * struct {
 *     select (Handshake.msg_type) {
 *         case new_session_ticket:   uint32 max_early_data_size;
 *         case client_hello:         Empty;
 *         case encrypted_extensions: Empty;
 *     };
 * } EarlyDataIndication;
 * </pre>
 */
public sealed interface EarlyData extends Tls13Extension
    permits EarlyData.Indication, EarlyData.MaxEarlyDataSize {

  @Override
  default int typeCode() {
    return ExtensionType.EARLY_DATA.code();
  }

  /**
   * The empty form: in a ClientHello the client is sending 0-RTT data, in EncryptedExtensions
   * the server accepted it.
   */
  record Indication() implements EarlyData {
    @Override
    public byte[] encodeData() {
      return new byte[0];
    }
  }

  /** The NewSessionTicket form: how many bytes of 0-RTT data the server will accept. */
  record MaxEarlyDataSize(long maxEarlyDataSize) implements EarlyData {
    public MaxEarlyDataSize {
      if (maxEarlyDataSize < 0 || maxEarlyDataSize > 0xffffffffL) {
        throw new IllegalArgumentException("max_early_data_size out of uint32 range");
      }
    }

    @Override
    public byte[] encodeData() {
      return new WireWriter().u32(maxEarlyDataSize).toByteArray();
    }
  }

  /** Reads the form {@code context} calls for; any other context is an illegal_parameter. */
  static EarlyData decode(WireReader r, ExtensionContext context) throws TlsAlertException {
    EarlyData out = switch (context) {
      case CLIENT_HELLO, ENCRYPTED_EXTENSIONS -> new Indication();
      case NEW_SESSION_TICKET -> {
        long size = r.u32("max_early_data_size");
        r.describeLong(n -> n + " bytes", size);
        yield new MaxEarlyDataSize(size);
      }
      default -> throw Tls13Extensions.illegal(
          "early_data is not allowed in " + context.abbreviation() + " (RFC 8446 §4.2)");
    };
    r.expectEnd();
    return out;
  }
}
