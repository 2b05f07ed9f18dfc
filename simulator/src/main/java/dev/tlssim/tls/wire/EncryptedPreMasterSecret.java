package dev.tlssim.tls.wire;

import dev.tlssim.tls.TlsAlertException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * RSA ClientKeyExchange body (RFC 5246 §7.4.7.1): {@code public-key-encrypted PreMasterSecret},
 * which in TLS 1.0 and later is an {@code opaque<0..2^16-1>} with a 2-byte length (the note in
 * §7.4.7.1 about SSLv3 omitting it does not apply). Decryption failures are not this class's
 * concern: §7.4.7.1 requires them to be hidden, not reported as a decoding error.
 */
public record EncryptedPreMasterSecret(byte[] encrypted) implements ClientKeyExchange {
  public EncryptedPreMasterSecret {
    if (encrypted.length > 0xffff) {
      throw new IllegalArgumentException("encrypted premaster too long: " + encrypted.length);
    }
    encrypted = encrypted.clone();
  }

  @Override
  public byte[] encrypted() {
    return encrypted.clone();
  }

  @Override
  public byte[] encodeBody() {
    return new WireWriter().vector16(encrypted).toByteArray();
  }

  public static EncryptedPreMasterSecret decode(byte[] body) throws TlsAlertException {
    return decode(new WireReader(body, "client_key_exchange"));
  }

  static EncryptedPreMasterSecret decode(WireReader r) throws TlsAlertException {
    byte[] encrypted = r.vector16("encrypted_pre_master_secret", 0, 0xffff);
    r.expectEnd();
    return new EncryptedPreMasterSecret(encrypted);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncryptedPreMasterSecret e && Arrays.equals(encrypted, e.encrypted);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encrypted);
  }

  @Override
  public String toString() {
    return "EncryptedPreMasterSecret[" + HexFormat.of().formatHex(encrypted) + "]";
  }
}
