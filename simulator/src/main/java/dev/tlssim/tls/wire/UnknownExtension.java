package dev.tlssim.tls.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An extension this package does not interpret, kept byte for byte. RFC 5246 §7.4.1.4 lets a
 * server ignore extensions it does not recognise; keeping them lets traces show them and lets a
 * re-encoded hello equal the original. Any type code is accepted, including ones with a
 * dedicated class, so that scenarios can deliberately send a malformed body.
 */
public record UnknownExtension(int typeCode, byte[] data) implements Extension {
  public UnknownExtension {
    if (typeCode < 0 || typeCode > 0xffff) {
      throw new IllegalArgumentException("extension type out of range: " + typeCode);
    }
    if (data.length > 0xffff) {
      throw new IllegalArgumentException("extension_data too long: " + data.length);
    }
    data = data.clone();
  }

  /** The extension_data kept as it is, recorded as one opaque field when there is any. */
  static UnknownExtension decode(int typeCode, WireReader data) {
    return new UnknownExtension(typeCode,
        data.hasRemaining() ? data.rest("extension_data") : new byte[0]);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public byte[] encodeData() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownExtension u && typeCode == u.typeCode && Arrays.equals(data, u.data);
  }

  @Override
  public int hashCode() {
    return 31 * typeCode + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "UnknownExtension[" + ExtensionType.describe(typeCode) + ", "
        + HexFormat.of().formatHex(data) + "]";
  }
}
