package dev.tlssim.tls.crypto;

import dev.tlssim.tls.Tls13CipherSuite;

/**
 * The write key and IV derived from one traffic secret (RFC 8446 §7.3):
 *
 * <pre>
 * [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length)
 * [sender]_write_iv  = HKDF-Expand-Label(Secret, "iv", "", iv_length)
 * </pre>
 *
 * An immutable value; the arrays are copied in and out.
 */
public final class Tls13TrafficKeys {
  private final Tls13CipherSuite suite;
  private final byte[] key;
  private final byte[] iv;

  public Tls13TrafficKeys(Tls13CipherSuite suite, byte[] key, byte[] iv) {
    if (key.length != suite.keyLength() || iv.length != suite.ivLength()) {
      throw new IllegalArgumentException(suite + " needs a " + suite.keyLength() + "-byte key and a "
          + suite.ivLength() + "-byte IV, got " + key.length + " and " + iv.length);
    }
    this.suite = suite;
    this.key = key.clone();
    this.iv = iv.clone();
  }

  /** The key and IV for records protected under {@code trafficSecret} (RFC 8446 §7.3). */
  public static Tls13TrafficKeys derive(Tls13CipherSuite suite, byte[] trafficSecret) {
    byte[] none = new byte[0];
    return new Tls13TrafficKeys(suite,
        HkdfLabel.expandLabel(suite.hash(), trafficSecret, "key", none, suite.keyLength()),
        HkdfLabel.expandLabel(suite.hash(), trafficSecret, "iv", none, suite.ivLength()));
  }

  public Tls13CipherSuite suite() {
    return suite;
  }

  public byte[] key() {
    return key.clone();
  }

  public byte[] iv() {
    return iv.clone();
  }
}
