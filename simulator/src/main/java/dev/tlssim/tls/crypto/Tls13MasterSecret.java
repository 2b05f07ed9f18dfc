package dev.tlssim.tls.crypto;

import dev.tlssim.tls.Tls13CipherSuite;

/**
 * The last stage of the TLS 1.3 key schedule (RFC 8446 §7.1): Master Secret =
 * HKDF-Extract(Derive-Secret(Handshake Secret, "derived", ""), 0), and the application traffic,
 * exporter and resumption secrets derived from it. An immutable value.
 */
public final class Tls13MasterSecret {
  private final Tls13CipherSuite suite;
  private final byte[] salt;
  private final byte[] secret;

  private Tls13MasterSecret(Tls13CipherSuite suite, byte[] salt, byte[] secret) {
    this.suite = suite;
    this.salt = salt;
    this.secret = secret;
  }

  static Tls13MasterSecret extract(Tls13CipherSuite suite, byte[] salt) {
    byte[] zeros = new byte[suite.hashLength()];
    return new Tls13MasterSecret(suite, salt.clone(), Hkdf.extract(suite.hash(), salt, zeros));
  }

  public Tls13CipherSuite suite() {
    return suite;
  }

  /** Derive-Secret(Handshake Secret, "derived", ""), this stage's HKDF-Extract salt. */
  public byte[] salt() {
    return salt.clone();
  }

  public byte[] secret() {
    return secret.clone();
  }

  /**
   * client_application_traffic_secret_0 = Derive-Secret(., "c ap traffic", ClientHello...server
   * Finished) (RFC 8446 §7.1).
   */
  public byte[] clientApplicationTrafficSecret0(byte[] serverFinishedHash) {
    return HkdfLabel.deriveSecret(suite.hash(), secret, "c ap traffic", serverFinishedHash);
  }

  /**
   * server_application_traffic_secret_0 = Derive-Secret(., "s ap traffic", ClientHello...server
   * Finished) (RFC 8446 §7.1).
   */
  public byte[] serverApplicationTrafficSecret0(byte[] serverFinishedHash) {
    return HkdfLabel.deriveSecret(suite.hash(), secret, "s ap traffic", serverFinishedHash);
  }

  /**
   * exporter_master_secret = Derive-Secret(., "exp master", ClientHello...server Finished)
   * (RFC 8446 §7.1).
   */
  public byte[] exporterMasterSecret(byte[] serverFinishedHash) {
    return HkdfLabel.deriveSecret(suite.hash(), secret, "exp master", serverFinishedHash);
  }

  /**
   * resumption_master_secret = Derive-Secret(., "res master", ClientHello...client Finished)
   * (RFC 8446 §7.1).
   */
  public byte[] resumptionMasterSecret(byte[] clientFinishedHash) {
    return HkdfLabel.deriveSecret(suite.hash(), secret, "res master", clientFinishedHash);
  }
}
