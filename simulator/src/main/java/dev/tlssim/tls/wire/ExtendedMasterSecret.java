package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;

/**
 * extended_master_secret (RFC 7627 §5.1): "The extension_data field of this extension is empty."
 * Any content is a decode_error.
 */
public record ExtendedMasterSecret() implements Extension {
  @Override
  public int typeCode() {
    return ExtensionType.EXTENDED_MASTER_SECRET.code();
  }

  @Override
  public byte[] encodeData() {
    return new byte[0];
  }

  static ExtendedMasterSecret decode(WireReader r) throws TlsAlertException {
    if (r.hasRemaining()) {
      throw r.alert(AlertDescription.DECODE_ERROR,
          "extension_data must be empty, got " + r.remaining() + " byte(s)");
    }
    return new ExtendedMasterSecret();
  }
}
