package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * ECDHE ClientKeyExchange body, ClientECDiffieHellmanPublic (RFC 8422 §5.7), explicit encoding:
 * {@code ECPoint ecdh_Yc} with {@code opaque point<1..2^8-1>}. The implicit (empty) form only
 * exists for fixed-ECDH client certificates, which ECDHE suites never use.
 */
public record ClientEcDiffieHellmanPublic(byte[] ecdhYc) implements ClientKeyExchange {
  public ClientEcDiffieHellmanPublic {
    if (ecdhYc.length < 1 || ecdhYc.length > 0xff) {
      throw new IllegalArgumentException("ECPoint must be 1..255 bytes: " + ecdhYc.length);
    }
    ecdhYc = ecdhYc.clone();
  }

  @Override
  public byte[] ecdhYc() {
    return ecdhYc.clone();
  }

  @Override
  public byte[] encodeBody() {
    return new WireWriter().vector8(ecdhYc).toByteArray();
  }

  public static ClientEcDiffieHellmanPublic decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "client_key_exchange"));
  }

  static ClientEcDiffieHellmanPublic decode(WireReader r) throws TlsAlertException {
    byte[] point = r.vector8("ecdh_Yc", 1, 0xff);
    r.expectEnd();
    return new ClientEcDiffieHellmanPublic(point);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClientEcDiffieHellmanPublic c && Arrays.equals(ecdhYc, c.ecdhYc);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ecdhYc);
  }

  @Override
  public String toString() {
    return "ClientEcDiffieHellmanPublic[" + HexFormat.of().formatHex(ecdhYc) + "]";
  }
}
