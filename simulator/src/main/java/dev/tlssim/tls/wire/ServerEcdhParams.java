package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * ServerECDHParams (RFC 8422 §5.4): {@code ECParameters curve_params; ECPoint public;} where
 * ECParameters is {@code curve_type(1) = named_curve(3), NamedCurve(2)} and ECPoint is
 * {@code opaque point<1..2^8-1>}. The encoded form is exactly what the server signs, after the two
 * randoms, so {@link #encode()} is the single source of those bytes for both signer and verifier.
 */
public record ServerEcdhParams(int namedCurve, byte[] publicPoint) {
  /** ECCurveType named_curve (RFC 8422 §5.4); explicit curves (1, 2) are deprecated. */
  public static final int NAMED_CURVE = 3;

  public ServerEcdhParams {
    if (namedCurve < 0 || namedCurve > 0xffff) {
      throw new IllegalArgumentException("named curve out of range: " + namedCurve);
    }
    if (publicPoint.length < 1 || publicPoint.length > 0xff) {
      throw new IllegalArgumentException("ECPoint must be 1..255 bytes: " + publicPoint.length);
    }
    publicPoint = publicPoint.clone();
  }

  public ServerEcdhParams(NamedGroup group, byte[] publicPoint) {
    this(group.code(), publicPoint);
  }

  @Override
  public byte[] publicPoint() {
    return publicPoint.clone();
  }

  public Optional<NamedGroup> group() {
    return NamedGroup.fromCode(namedCurve);
  }

  public byte[] encode() {
    WireWriter w = new WireWriter();
    encode(w);
    return w.toByteArray();
  }

  void encode(WireWriter w) {
    w.u8(NAMED_CURVE).u16(namedCurve).vector8(publicPoint);
  }

  static ServerEcdhParams decode(WireReader r) throws TlsAlertException {
    r.enter("curve_params");
    int curveType = r.u8("curve_type");
    r.describe(t -> t == NAMED_CURVE ? "named_curve (3)" : CodeNames.unknown(t), curveType);
    if (curveType != NAMED_CURVE) {
      // RFC 8422 §5.4: explicit_prime and explicit_char2 are deprecated and "MUST NOT" be used;
      // the field is well-formed but not acceptable, hence illegal_parameter, not decode_error.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "server_key_exchange: unsupported ECCurveType " + curveType + " (only named_curve)");
    }
    int curve = r.u16("namedcurve");
    r.describe(CodeNames::group, curve);
    r.exit();
    byte[] point = r.vector8("public", 1, 0xff);
    return new ServerEcdhParams(curve, point);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServerEcdhParams p
        && namedCurve == p.namedCurve
        && Arrays.equals(publicPoint, p.publicPoint);
  }

  @Override
  public int hashCode() {
    return 31 * namedCurve + Arrays.hashCode(publicPoint);
  }

  @Override
  public String toString() {
    return String.format("ServerEcdhParams[0x%04x, %s]", namedCurve,
        HexFormat.of().formatHex(publicPoint));
  }
}
