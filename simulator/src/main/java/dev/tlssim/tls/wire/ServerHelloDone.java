package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;

/** ServerHelloDone (RFC 5246 §7.4.5): {@code struct {}}; any body byte is a decode_error. */
public record ServerHelloDone() implements HandshakeMessage {
  @Override
  public HandshakeType type() {
    return HandshakeType.SERVER_HELLO_DONE;
  }

  @Override
  public byte[] encodeBody() {
    return new byte[0];
  }

  public static ServerHelloDone decode(byte[] body) throws TlsAlertException {
    if (body.length != 0) {
      throw new TlsAlertException(AlertDescription.DECODE_ERROR,
          "server_hello_done: body must be empty, got " + body.length + " byte(s)");
    }
    return new ServerHelloDone();
  }
}
