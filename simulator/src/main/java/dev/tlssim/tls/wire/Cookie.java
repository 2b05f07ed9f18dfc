package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * cookie (RFC 8446 §4.2.2): {@code opaque cookie<1..2^16-1>}. The server sends it in a
 * HelloRetryRequest; the client echoes it in its second ClientHello. Its content is the server's
 * business (typically the transcript hash of the first ClientHello, protected).
 */
public record Cookie(byte[] cookie) implements Tls13Extension {
  public Cookie {
    if (cookie.length < 1 || cookie.length > 0xffff) {
      throw new IllegalArgumentException("cookie needs 1..65535 bytes: " + cookie.length);
    }
    cookie = cookie.clone();
  }

  @Override
  public byte[] cookie() {
    return cookie.clone();
  }

  @Override
  public int typeCode() {
    return ExtensionType.COOKIE.code();
  }

  @Override
  public byte[] encodeData() {
    return new WireWriter().vector16(cookie).toByteArray();
  }

  static Cookie decode(WireReader r) throws TlsAlertException {
    byte[] cookie = r.vector16("cookie", 1, 0xffff);
    r.expectEnd();
    return new Cookie(cookie);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cookie c && Arrays.equals(cookie, c.cookie);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cookie);
  }

  @Override
  public String toString() {
    return "Cookie[" + HexFormat.of().formatHex(cookie) + "]";
  }
}
