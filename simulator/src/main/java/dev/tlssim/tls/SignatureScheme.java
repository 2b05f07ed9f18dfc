package dev.tlssim.tls;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Signature schemes. TLS 1.2 sends them as {@code SignatureAndHashAlgorithm} pairs (RFC 5246
 * §7.4.1.4.1): the code's high byte is the hash, the low byte the signature algorithm. RFC 8446
 * §4.2.3 reuses the same code points and adds RSASSA-PSS (also usable in TLS 1.2).
 * draft-ietf-tls-mldsa §3 adds ML-DSA (FIPS 204) for TLS 1.3 only: the signature is over the
 * whole message in pure mode with an empty context string, no pre-hash, so {@link #hash} is
 * "none".
 */
public enum SignatureScheme {
  RSA_PKCS1_SHA1(0x0201, Algorithm.RSA_PKCS1, "SHA-1"),
  ECDSA_SHA1(0x0203, Algorithm.ECDSA, "SHA-1"),
  RSA_PKCS1_SHA256(0x0401, Algorithm.RSA_PKCS1, "SHA-256"),
  ECDSA_SECP256R1_SHA256(0x0403, Algorithm.ECDSA, "SHA-256"),
  RSA_PKCS1_SHA384(0x0501, Algorithm.RSA_PKCS1, "SHA-384"),
  ECDSA_SECP384R1_SHA384(0x0503, Algorithm.ECDSA, "SHA-384"),
  RSA_PKCS1_SHA512(0x0601, Algorithm.RSA_PKCS1, "SHA-512"),
  RSA_PSS_RSAE_SHA256(0x0804, Algorithm.RSA_PSS, "SHA-256"),
  RSA_PSS_RSAE_SHA384(0x0805, Algorithm.RSA_PSS, "SHA-384"),
  RSA_PSS_RSAE_SHA512(0x0806, Algorithm.RSA_PSS, "SHA-512"),
  ED25519(0x0807, Algorithm.EDDSA, "none"),
  MLDSA44(0x0904, Algorithm.MLDSA, "none", 2420),
  MLDSA65(0x0905, Algorithm.MLDSA, "none", 3309),
  MLDSA87(0x0906, Algorithm.MLDSA, "none", 4627);

  /** The signature algorithm family: which key type can produce it. */
  public enum Algorithm { RSA_PKCS1, RSA_PSS, ECDSA, EDDSA, MLDSA }

  private final int code;
  private final Algorithm algorithm;
  private final String hash;
  private final int fixedSignatureLength;

  SignatureScheme(int code, Algorithm algorithm, String hash) {
    this(code, algorithm, hash, 0);
  }

  SignatureScheme(int code, Algorithm algorithm, String hash, int fixedSignatureLength) {
    this.code = code;
    this.algorithm = algorithm;
    this.hash = hash;
    this.fixedSignatureLength = fixedSignatureLength;
  }

  /**
   * The one length its signatures have, where there is one: ML-DSA's (FIPS 204 §4, Table 2:
   * 2420, 3309 and 4627 bytes). RSA's follow the key, ECDSA's DER encoding varies.
   */
  public OptionalInt fixedSignatureLength() {
    return fixedSignatureLength == 0 ? OptionalInt.empty() : OptionalInt.of(fixedSignatureLength);
  }

  public int code() {
    return code;
  }

  public Algorithm algorithm() {
    return algorithm;
  }

  /** JCA name of the hash ("SHA-256"). */
  public String hash() {
    return hash;
  }

  public boolean usesRsaKey() {
    return algorithm == Algorithm.RSA_PKCS1 || algorithm == Algorithm.RSA_PSS;
  }

  /**
   * Whether TLS 1.2 may use the scheme. draft-ietf-tls-mldsa §3: ML-DSA schemes "MUST NOT be used
   * with TLS 1.2"; a TLS 1.2 peer offering them is ignored for them.
   */
  public boolean allowedInTls12() {
    return algorithm != Algorithm.MLDSA;
  }

  public static Optional<SignatureScheme> fromCode(int code) {
    for (SignatureScheme s : values()) {
      if (s.code == code) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SignatureScheme parse(String text) {
    for (SignatureScheme s : values()) {
      if (s.rfcName().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown signature scheme '" + text + "'");
  }
}
