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
    if (body.length != 0) {
      throw new TlsAlertException(AlertDescription.DECODE_ERROR,
          "end_of_early_data: body must be empty, got " + body.length + " byte(s)");
    }
    return new EndOfEarlyData();
  }
}
