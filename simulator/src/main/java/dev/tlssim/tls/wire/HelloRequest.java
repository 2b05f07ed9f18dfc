package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;

/**
 * HelloRequest (RFC 5246 §7.4.1.1): {@code struct {}}. A client that does not renegotiate must
 * still recognise it to answer no_renegotiation (§7.4.1.1) rather than fail on an unknown message.
 */
public record HelloRequest() implements HandshakeMessage {
  @Override
  public HandshakeType type() {
    return HandshakeType.HELLO_REQUEST;
  }

  @Override
  public byte[] encodeBody() {
    return new byte[0];
  }

  public static HelloRequest decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "hello_request"));
  }

  static HelloRequest decode(WireReader r) throws TlsAlertException {
    if (r.hasRemaining()) {
      throw r.alert(AlertDescription.DECODE_ERROR,
          "body must be empty, got " + r.remaining() + " byte(s)");
    }
    return new HelloRequest();
  }
}
