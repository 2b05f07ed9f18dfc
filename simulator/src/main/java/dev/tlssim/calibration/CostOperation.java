package dev.tlssim.calibration;

import java.util.Optional;

/**
 * The CPU operations the TLS engine charges to a cost profile, under the names it reports them
 * by, with what {@link Calibrator} times for each. Public-key operations dominate a handshake;
 * the PRF steps are included so that a profile also shows how cheap the symmetric part is.
 */
public enum CostOperation {
  RSA2048_SIGN("rsa2048.sign", "RSA-2048 PKCS#1 v1.5 SHA-256 signature over ServerKeyExchange content"),
  RSA2048_DECRYPT("rsa2048.decrypt", "RSA-2048 PKCS#1 v1.5 decryption of the premaster secret (RFC 5246 §7.4.7.1)"),
  RSA2048_ENCRYPT("rsa2048.encrypt", "RSA-2048 PKCS#1 v1.5 encryption of a new premaster secret"),
  RSA2048_VERIFY("rsa2048.verify", "RSA-2048 PKCS#1 v1.5 SHA-256 signature verification"),
  RSA4096_SIGN("rsa4096.sign", "RSA-4096 PKCS#1 v1.5 SHA-256 signature over ServerKeyExchange content"),
  RSA4096_DECRYPT("rsa4096.decrypt", "RSA-4096 PKCS#1 v1.5 decryption of the premaster secret"),
  RSA4096_ENCRYPT("rsa4096.encrypt", "RSA-4096 PKCS#1 v1.5 encryption of a new premaster secret"),
  RSA4096_VERIFY("rsa4096.verify", "RSA-4096 PKCS#1 v1.5 SHA-256 signature verification"),
  ECDSA_P256_SIGN("ecdsa-p256.sign", "ECDSA P-256 SHA-256 signature (RFC 6979 nonce) over ServerKeyExchange content"),
  ECDSA_P256_VERIFY("ecdsa-p256.verify", "ECDSA P-256 SHA-256 signature verification"),
  X25519_KEYGEN("x25519.keygen", "X25519 ephemeral key pair: random scalar and public key (RFC 7748 §6.1)"),
  X25519_AGREE("x25519.agree", "X25519 shared secret with the peer's public key, all-zero check included"),
  SECP256R1_KEYGEN("secp256r1.keygen", "secp256r1 ephemeral key pair and its uncompressed point"),
  SECP256R1_AGREE("secp256r1.agree", "secp256r1 ECDH with point validation (RFC 8422 §5.11) and x-coordinate"),
  MLKEM768_KEYGEN("mlkem768.keygen", "ML-KEM-768 key pair from a 64-byte seed d || z (FIPS 203 §6.1 ML-KEM.KeyGen_internal)"),
  MLKEM768_ENCAPS("mlkem768.encaps", "ML-KEM-768 encapsulation with the modulus check of the encapsulation key (FIPS 203 §7.2)"),
  MLKEM768_DECAPS("mlkem768.decaps", "ML-KEM-768 decapsulation of a 1088-byte ciphertext (FIPS 203 §7.3)"),
  MLDSA44_SIGN("mldsa44.sign", "ML-DSA-44 deterministic signature of a TLS 1.3 CertificateVerify content (FIPS 204 §5.2, draft-ietf-tls-mldsa)"),
  MLDSA44_VERIFY("mldsa44.verify", "ML-DSA-44 verification of a 2,420-byte signature (FIPS 204 §5.3)"),
  MLDSA65_SIGN("mldsa65.sign", "ML-DSA-65 deterministic signature of a TLS 1.3 CertificateVerify content (FIPS 204 §5.2, draft-ietf-tls-mldsa)"),
  MLDSA65_VERIFY("mldsa65.verify", "ML-DSA-65 verification of a 3,309-byte signature (FIPS 204 §5.3)"),
  PRF_MASTER_SECRET("prf.master-secret", "PRF-SHA256 to the 48-byte master secret (RFC 5246 §8.1)"),
  PRF_KEY_BLOCK("prf.key-block", "PRF-SHA256 key block of TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (RFC 5246 §6.3)"),
  PRF_FINISHED("prf.finished", "PRF-SHA256 to one 12-byte Finished verify_data (RFC 5246 §7.4.9)"),
  TICKET_SEAL("ticket.seal", "Session ticket protection (RFC 5077 §4): AES-128-CBC over a 200-byte state, HMAC-SHA-256"),
  TICKET_OPEN("ticket.open", "Session ticket check and decryption (RFC 5077 §4): HMAC-SHA-256, then AES-128-CBC");

  private final String id;
  private final String description;

  CostOperation(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The name in cost profiles and engine reports, e.g. "rsa2048.sign". */
  public String id() {
    return id;
  }

  /** What exactly is timed. */
  public String description() {
    return description;
  }

  public static Optional<CostOperation> fromId(String id) {
    for (CostOperation op : values()) {
      if (op.id.equals(id)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
