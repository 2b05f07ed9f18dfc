package dev.tlssim.pki;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/** KeyPurposeIds of the extendedKeyUsage extension (RFC 5280 §4.2.1.12). */
public enum KeyPurpose {
  /** id-kp-serverAuth: TLS WWW server authentication. */
  SERVER_AUTH(KeyPurposeId.id_kp_serverAuth, "serverAuth"),
  /** id-kp-clientAuth: TLS WWW client authentication. */
  CLIENT_AUTH(KeyPurposeId.id_kp_clientAuth, "clientAuth"),
  /** anyExtendedKeyUsage: any purpose at all. */
  ANY_EXTENDED_KEY_USAGE(KeyPurposeId.anyExtendedKeyUsage, "anyExtendedKeyUsage");

  private final KeyPurposeId id;
  private final String rfcName;

  KeyPurpose(KeyPurposeId id, String rfcName) {
    this.id = id;
    this.rfcName = rfcName;
  }

  KeyPurposeId id() {
    return id;
  }

  public String rfcName() {
    return rfcName;
  }
}
