package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;

/**
 * The change_cipher_spec protocol's only message (RFC 5246 §7.1): {@code enum {
 * change_cipher_spec(1), (255) } type;}, one byte in a record of its own content type.
 *
 * <p>Errors: a fragment that is not exactly one byte has "the length of the message [...]
 * incorrect", a decode_error (RFC 5246 §7.2.2). A single byte other than 1 gets
 * unexpected_message: RFC 5246 is silent, and we follow RFC 8446 §5, which says any other
 * change_cipher_spec value "MUST abort the handshake with an unexpected_message alert", so the
 * TLS 1.3 engine can share this codec.
 */
public record ChangeCipherSpec() {
  public static final int CHANGE_CIPHER_SPEC = 1;

  public byte[] encode() {
    return new byte[] {CHANGE_CIPHER_SPEC};
  }

  public static ChangeCipherSpec decode(byte[] fragment) throws TlsAlertException {
    return decode(new WireReader(fragment, "change_cipher_spec"));
  }

  static ChangeCipherSpec decode(WireReader r) throws TlsAlertException {
    if (r.remaining() != 1) {
      throw r.alert(AlertDescription.DECODE_ERROR,
          "fragment must be 1 byte, got " + r.remaining());
    }
    int value = r.u8("type");
    r.describe(v -> v == CHANGE_CIPHER_SPEC ? "change_cipher_spec (1)" : CodeNames.unknown(v),
        value);
    if (value != CHANGE_CIPHER_SPEC) {
      throw r.alert(AlertDescription.UNEXPECTED_MESSAGE, "type " + value + ", expected 1");
    }
    return new ChangeCipherSpec();
  }
}
