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
    return decode(new WireReader(body, "server_hello_done"));
  }

  static ServerHelloDone decode(WireReader r) throws TlsAlertException {
    if (r.hasRemaining()) {
      throw r.alert(AlertDescription.DECODE_ERROR,
          "body must be empty, got " + r.remaining() + " byte(s)");
    }
    return new ServerHelloDone();
  }
}
