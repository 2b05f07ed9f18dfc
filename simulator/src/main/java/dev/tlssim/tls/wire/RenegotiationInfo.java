package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * renegotiation_info (RFC 5746 §3.2): {@code opaque renegotiated_connection<0..255>}. Empty on an
 * initial handshake; during renegotiation it carries the previous verify_data.
 */
public record RenegotiationInfo(byte[] renegotiatedConnection) implements Extension {
  public RenegotiationInfo {
    if (renegotiatedConnection.length > 0xff) {
      throw new IllegalArgumentException(
          "renegotiated_connection longer than 255 bytes: " + renegotiatedConnection.length);
    }
    renegotiatedConnection = renegotiatedConnection.clone();
  }

  /** The value for an initial handshake (RFC 5746 §3.4, §3.6). */
  public static RenegotiationInfo initial() {
    return new RenegotiationInfo(new byte[0]);
  }

  @Override
  public byte[] renegotiatedConnection() {
    return renegotiatedConnection.clone();
  }

  @Override
  public int typeCode() {
    return ExtensionType.RENEGOTIATION_INFO.code();
  }

  @Override
  public byte[] encodeData() {
    return new WireWriter().vector8(renegotiatedConnection).toByteArray();
  }

  static RenegotiationInfo decode(WireReader r) throws TlsAlertException {
    byte[] value = r.vector8("renegotiated_connection", 0, 0xff);
    r.expectEnd();
    return new RenegotiationInfo(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RenegotiationInfo r
        && Arrays.equals(renegotiatedConnection, r.renegotiatedConnection);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(renegotiatedConnection);
  }

  @Override
  public String toString() {
    return "RenegotiationInfo[" + HexFormat.of().formatHex(renegotiatedConnection) + "]";
  }
}
