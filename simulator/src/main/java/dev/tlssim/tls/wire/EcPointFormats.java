package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;
import java.util.List;

/**
 * ec_point_formats (RFC 8422 §5.1.2): {@code ECPointFormat ec_point_format_list<1..2^8-1>}.
 * RFC 8422 leaves only uncompressed(0) in use; whether the list contains it is for negotiation
 * to check, the codec keeps whatever codes arrived.
 */
public record EcPointFormats(List<Integer> formats) implements Extension {
  /** ECPointFormat uncompressed (RFC 8422 §5.1.2). */
  public static final int UNCOMPRESSED = 0;

  public EcPointFormats {
    formats = WireWriter.checkedCodes(formats, 0xff, "ECPointFormat");
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("ec_point_format_list needs at least one format");
    }
  }

  public static EcPointFormats uncompressedOnly() {
    return new EcPointFormats(List.of(UNCOMPRESSED));
  }

  public boolean supportsUncompressed() {
    return formats.contains(UNCOMPRESSED);
  }

  @Override
  public int typeCode() {
    return ExtensionType.EC_POINT_FORMATS.code();
  }

  @Override
  public byte[] encodeData() {
    return new WireWriter().u8List(formats).toByteArray();
  }

  static EcPointFormats decode(WireReader r) throws TlsAlertException {
    List<Integer> formats =
        r.u8List("ec_point_format_list", 1, 0xff, CodeNames::pointFormat);
    r.expectEnd();
    return new EcPointFormats(formats);
  }
}
