package dev.tlssim.pki;

import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The keyUsage bits this simulator uses (RFC 5280 §4.2.1.3): what the certified key may be used
 * for.
 */
public enum KeyUsageBit {
  /**
   * Verifying signatures other than on certificates and CRLs: the (EC)DHE ServerKeyExchange, the
   * TLS 1.3 CertificateVerify.
   */
  DIGITAL_SIGNATURE(KeyUsage.digitalSignature, "digitalSignature"),
  /** Encrypting a key for transport: the TLS_RSA_* key exchange (RFC 5246 §7.4.7.1). */
  KEY_ENCIPHERMENT(KeyUsage.keyEncipherment, "keyEncipherment"),
  /** Verifying signatures on certificates: only CAs (RFC 5280 §4.2.1.3). */
  KEY_CERT_SIGN(KeyUsage.keyCertSign, "keyCertSign"),
  /** Verifying signatures on CRLs (RFC 5280 §4.2.1.3, §6.3.3 (f)). */
  CRL_SIGN(KeyUsage.cRLSign, "cRLSign");

  private final int mask;
  private final String rfcName;

  KeyUsageBit(int mask, String rfcName) {
    this.mask = mask;
    this.rfcName = rfcName;
  }

  /** The bit as BouncyCastle's {@link KeyUsage} encodes it. */
  int mask() {
    return mask;
  }

  /** The RFC 5280 spelling, e.g. {@code keyCertSign}. */
  public String rfcName() {
    return rfcName;
  }
}
