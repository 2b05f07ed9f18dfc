package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;

/**
 * EndOfEarlyData (RFC 8446 §4.5): {@code struct {} EndOfEarlyData;}, sent by the client under
 * the handshake traffic key to mark the end of its 0-RTT data. A non-empty body is a
 * decode_error.
 */
public record EndOfEarlyData() implements Tls13HandshakeMessage {
  @Override
  public HandshakeType type() {
    return HandshakeType.END_OF_EARLY_DATA;
  }

  @Override
  public byte[] encodeBody() {
    return new byte[0];
  }

  public static EndOfEarlyData decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "end_of_early_data"));
  }

  static EndOfEarlyData decode(WireReader r) throws TlsAlertException {
    if (r.hasRemaining()) {
      throw r.alert(AlertDescription.DECODE_ERROR,
          "body must be empty, got " + r.remaining() + " byte(s)");
    }
    return new EndOfEarlyData();
  }
}
