package dev.tlssim.tls;

import java.util.Optional;

/**
 * TLS 1.2 cipher suites this simulator implements, with the parameters that drive the key block
 * (RFC 5246 §6.3, Appendix C) and the PRF hash (RFC 5246 §5; RFC 5289 for the SHA-384 suites).
 * TLS 1.3 suites join later (RFC 8446 §B.4).
 */
public enum CipherSuite {
  TLS_RSA_WITH_AES_128_CBC_SHA(0x002f, KeyExchange.RSA, BulkCipher.AES_128_CBC, Mac.HMAC_SHA1, "SHA-256"),
  TLS_RSA_WITH_AES_128_GCM_SHA256(0x009c, KeyExchange.RSA, BulkCipher.AES_128_GCM, Mac.AEAD, "SHA-256"),
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(0xc02b, KeyExchange.ECDHE_ECDSA, BulkCipher.AES_128_GCM, Mac.AEAD, "SHA-256"),
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA(0xc013, KeyExchange.ECDHE_RSA, BulkCipher.AES_128_CBC, Mac.HMAC_SHA1, "SHA-256"),
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xc02f, KeyExchange.ECDHE_RSA, BulkCipher.AES_128_GCM, Mac.AEAD, "SHA-256"),
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(0xc030, KeyExchange.ECDHE_RSA, BulkCipher.AES_256_GCM, Mac.AEAD, "SHA-384");

  /** How the premaster secret is agreed and how the server authenticates. */
  public enum KeyExchange {
    /** RFC 5246 §7.4.7.1: the client encrypts the premaster secret to the server's RSA key. */
    RSA,
    /** RFC 8422: ephemeral ECDH, parameters signed with the server's RSA key. */
    ECDHE_RSA,
    /** RFC 8422: ephemeral ECDH, parameters signed with the server's ECDSA key. */
    ECDHE_ECDSA;

    public boolean ephemeral() {
      return this != RSA;
    }
  }

  /** Record protection algorithm and its sizes (RFC 5246 §6.3, RFC 5288 §3). */
  public enum BulkCipher {
    AES_128_CBC(16, 0, 0, 16),
    AES_128_GCM(16, 4, 8, 0),
    AES_256_GCM(32, 4, 8, 0);

    private final int keyLength;
    private final int fixedIvLength;
    private final int recordIvLength;
    private final int blockLength;

    BulkCipher(int keyLength, int fixedIvLength, int recordIvLength, int blockLength) {
      this.keyLength = keyLength;
      this.fixedIvLength = fixedIvLength;
      this.recordIvLength = recordIvLength;
      this.blockLength = blockLength;
    }

    public int keyLength() {
      return keyLength;
    }

    /** Key-block IV bytes: the implicit GCM salt (4); none for CBC, whose IV is explicit per record (RFC 5246 §6.3). */
    public int fixedIvLength() {
      return fixedIvLength;
    }

    /** Per-record explicit nonce (GCM, 8) or explicit IV (CBC, 16, equals block length). */
    public int recordIvLength() {
      return this == AES_128_CBC ? blockLength : recordIvLength;
    }

    public boolean aead() {
      return this != AES_128_CBC;
    }
  }

  public enum Mac {
    AEAD(0, null),
    HMAC_SHA1(20, "SHA-1");

    private final int keyLength;
    private final String hash;

    Mac(int keyLength, String hash) {
      this.keyLength = keyLength;
      this.hash = hash;
    }

    public int keyLength() {
      return keyLength;
    }

    /** Length of the MAC tag; equals the key length for HMAC (RFC 5246 §6.2.3.1). */
    public int length() {
      return keyLength;
    }

    public String hash() {
      return hash;
    }
  }

  private final int code;
  private final KeyExchange keyExchange;
  private final BulkCipher cipher;
  private final Mac mac;
  private final String prfHash;

  CipherSuite(int code, KeyExchange keyExchange, BulkCipher cipher, Mac mac, String prfHash) {
    this.code = code;
    this.keyExchange = keyExchange;
    this.cipher = cipher;
    this.mac = mac;
    this.prfHash = prfHash;
  }

  public int code() {
    return code;
  }

  public KeyExchange keyExchange() {
    return keyExchange;
  }

  public BulkCipher cipher() {
    return cipher;
  }

  public Mac mac() {
    return mac;
  }

  /** JCA name of the PRF hash ("SHA-256" or "SHA-384"); also the Finished/transcript hash. */
  public String prfHash() {
    return prfHash;
  }

  public static Optional<CipherSuite> fromCode(int code) {
    for (CipherSuite s : values()) {
      if (s.code == code) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  public static CipherSuite parse(String text) {
    try {
      return valueOf(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown cipher suite '" + text + "'");
    }
  }
}
