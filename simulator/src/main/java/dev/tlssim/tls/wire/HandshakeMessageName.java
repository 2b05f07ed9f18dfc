package dev.tlssim.tls.wire;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;

/**
 * The name a handshake message is reported under in events, traces and the inspector: its
 * type's RFC name, except that a HelloRetryRequest, which travels as a ServerHello (RFC 8446
 * §4.1.3), is reported as {@code hello_retry_request}: it plays another part in the protocol
 * (§4.1.4: it asks for a second ClientHello and derives no keys), and the name is the one its type
 * code had before RFC 8446 folded it into server_hello (§B.3).
 */
public final class HandshakeMessageName {
  public static final String HELLO_RETRY_REQUEST = "hello_retry_request";
  /**
   * The name 0-RTT application data is reported under (RFC 8446 §2.3), so that it never passes
   * for ordinary application_data: it may be a replay (§8).
   */
  public static final String EARLY_DATA = "early_data";

  private HandshakeMessageName() {}

  public static String of(HandshakeMessage message) {
    if (message instanceof ServerHello hello && HelloRetryRequest.isHelloRetryRequest(hello)) {
      return HELLO_RETRY_REQUEST;
    }
    return message.type().rfcName();
  }

  /**
   * The name of a received frame. A ServerHello is decoded to read its random; one that does not
   * decode keeps its type's name, and the engine answers it with the decoder's alert.
   */
  public static String of(HandshakeFrame frame) {
    if (frame.type() == HandshakeType.SERVER_HELLO) {
      try {
        return of(ServerHello.decode(frame.body()));
      } catch (TlsAlertException e) {
        return frame.type().rfcName();
      }
    }
    return frame.type().rfcName();
  }
}
