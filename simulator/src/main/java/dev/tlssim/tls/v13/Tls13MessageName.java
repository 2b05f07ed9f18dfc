package dev.tlssim.tls.v13;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.HelloRetryRequest;
import dev.tlssim.tls.wire.ServerHello;
import java.util.Arrays;

/**
 * The name a TLS 1.3 handshake message is reported under in events. A HelloRetryRequest travels
 * as a ServerHello (RFC 8446 §4.1.3) but plays another part in the protocol (§4.1.4: it asks for
 * a second ClientHello and derives no keys), so it is reported as "hello_retry_request", the
 * name its type code had before RFC 8446 folded it into server_hello (§B.3).
 */
final class Tls13MessageName {
  static final String HELLO_RETRY_REQUEST = "hello_retry_request";
  /**
   * The name 0-RTT application data is reported under (RFC 8446 §2.3), so that it never passes
   * for ordinary application_data: it may be a replay (§8).
   */
  static final String EARLY_DATA = "early_data";

  /** ServerHello.random follows the 2-byte legacy_version (RFC 8446 §4.1.3). */
  private static final int RANDOM_OFFSET = 2;
  private static final int RANDOM_LENGTH = 32;

  private Tls13MessageName() {}

  static String of(HandshakeMessage message) {
    if (message instanceof ServerHello hello && HelloRetryRequest.isHelloRetryRequest(hello)) {
      return HELLO_RETRY_REQUEST;
    }
    return message.type().rfcName();
  }

  static String of(HandshakeFrame frame) {
    byte[] body = frame.body();
    if (frame.type() == HandshakeType.SERVER_HELLO && body.length >= RANDOM_OFFSET + RANDOM_LENGTH
        && HelloRetryRequest.isHelloRetryRequestRandom(
            Arrays.copyOfRange(body, RANDOM_OFFSET, RANDOM_OFFSET + RANDOM_LENGTH))) {
      return HELLO_RETRY_REQUEST;
    }
    return frame.type().rfcName();
  }
}
