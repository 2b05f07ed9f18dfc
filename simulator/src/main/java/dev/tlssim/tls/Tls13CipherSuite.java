package dev.tlssim.tls;

import java.util.Optional;

/**
 * TLS 1.3 cipher suites (RFC 8446 §B.4). Unlike TLS 1.2's {@link CipherSuite}, a TLS 1.3 suite
 * names only the AEAD algorithm and the hash used by HKDF and the transcript (RFC 8446 §4.1.1);
 * key exchange and authentication are negotiated by separate extensions. Every AEAD here has a
 * 12-byte nonce (RFC 8446 §5.3: iv_length is max(8 bytes, N_MIN), N_MIN = 12 for these
 * algorithms per RFC 5116 §5.1 and RFC 8439 §2.8) and a 16-byte tag.
 */
public enum Tls13CipherSuite {
  TLS_AES_128_GCM_SHA256(0x1301, Aead.AES_128_GCM, "SHA-256", 32),
  TLS_AES_256_GCM_SHA384(0x1302, Aead.AES_256_GCM, "SHA-384", 48),
  TLS_CHACHA20_POLY1305_SHA256(0x1303, Aead.CHACHA20_POLY1305, "SHA-256", 32);

  /** The AEAD algorithms of RFC 8446 §5.2, with their key lengths (RFC 5116 §5, RFC 8439 §2.8). */
  public enum Aead {
    AES_128_GCM(16),
    AES_256_GCM(32),
    CHACHA20_POLY1305(32);

    /** RFC 5116 §5.1-5.2, RFC 8439 §2.8: every algorithm here has a 12-byte nonce. */
    public static final int NONCE_LENGTH = 12;

    /** RFC 5116 §5.1-5.2, RFC 8439 §2.8: every algorithm here has a 16-byte tag. */
    public static final int TAG_LENGTH = 16;

    private final int keyLength;

    Aead(int keyLength) {
      this.keyLength = keyLength;
    }

    public int keyLength() {
      return keyLength;
    }
  }

  private final int code;
  private final Aead aead;
  private final String hash;
  private final int hashLength;

  Tls13CipherSuite(int code, Aead aead, String hash, int hashLength) {
    this.code = code;
    this.aead = aead;
    this.hash = hash;
    this.hashLength = hashLength;
  }

  /** The two-byte CipherSuite value (RFC 8446 §B.4). */
  public int code() {
    return code;
  }

  public Aead aead() {
    return aead;
  }

  /** The JCA name of the suite's hash, used by HKDF and the transcript hash (RFC 8446 §7.1). */
  public String hash() {
    return hash;
  }

  /** Hash.length: the size of every secret in the key schedule (RFC 8446 §7.1). */
  public int hashLength() {
    return hashLength;
  }

  /** The traffic key length, "key_length" of RFC 8446 §7.3. */
  public int keyLength() {
    return aead.keyLength();
  }

  /** The traffic IV length, "iv_length" of RFC 8446 §7.3. */
  public int ivLength() {
    return Aead.NONCE_LENGTH;
  }

  public static Optional<Tls13CipherSuite> fromCode(int code) {
    for (Tls13CipherSuite s : values()) {
      if (s.code == code) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
