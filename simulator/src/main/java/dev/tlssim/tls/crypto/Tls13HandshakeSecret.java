package dev.tlssim.tls.crypto;

import dev.tlssim.tls.Tls13CipherSuite;

/**
 * The second stage of the TLS 1.3 key schedule (RFC 8446 §7.1): Handshake Secret =
 * HKDF-Extract(Derive-Secret(Early Secret, "derived", ""), (EC)DHE), and the handshake traffic
 * secrets derived from it with the transcript through ServerHello. An immutable value.
 */
public final class Tls13HandshakeSecret {
  private final Tls13CipherSuite suite;
  private final byte[] salt;
  private final byte[] sharedSecret;
  private final byte[] secret;

  private Tls13HandshakeSecret(Tls13CipherSuite suite, byte[] salt, byte[] sharedSecret, byte[] secret) {
    this.suite = suite;
    this.salt = salt;
    this.sharedSecret = sharedSecret;
    this.secret = secret;
  }

  static Tls13HandshakeSecret extract(Tls13CipherSuite suite, byte[] salt, byte[] ecdheSharedSecret) {
    // (EC)DHE outputs are not Hash.length in general (x448 is 56 bytes, P-384 48); RFC 8446 §7.4
    // feeds them to HKDF-Extract as they are.
    byte[] ikm = ecdheSharedSecret.clone();
    return new Tls13HandshakeSecret(suite, salt.clone(), ikm, Hkdf.extract(suite.hash(), salt, ikm));
  }

  public Tls13CipherSuite suite() {
    return suite;
  }

  /** Derive-Secret(Early Secret, "derived", ""), this stage's HKDF-Extract salt. */
  public byte[] salt() {
    return salt.clone();
  }

  /** The (EC)DHE shared secret, this stage's IKM (zeros in psk_ke mode). */
  public byte[] sharedSecret() {
    return sharedSecret.clone();
  }

  public byte[] secret() {
    return secret.clone();
  }

  /**
   * client_handshake_traffic_secret = Derive-Secret(., "c hs traffic", ClientHello...ServerHello)
   * (RFC 8446 §7.1).
   */
  public byte[] clientHandshakeTrafficSecret(byte[] helloHash) {
    return HkdfLabel.deriveSecret(suite.hash(), secret, "c hs traffic", helloHash);
  }

  /**
   * server_handshake_traffic_secret = Derive-Secret(., "s hs traffic", ClientHello...ServerHello)
   * (RFC 8446 §7.1).
   */
  public byte[] serverHandshakeTrafficSecret(byte[] helloHash) {
    return HkdfLabel.deriveSecret(suite.hash(), secret, "s hs traffic", helloHash);
  }

  /** Derive-Secret(., "derived", ""): the salt of the Master Secret (RFC 8446 §7.1). */
  public byte[] derived() {
    return HkdfLabel.deriveSecret(suite.hash(), secret, "derived", HkdfLabel.emptyHash(suite.hash()));
  }

  /** The next stage: Master Secret = HKDF-Extract(derived, 0) (RFC 8446 §7.1). */
  public Tls13MasterSecret masterSecret() {
    return Tls13MasterSecret.extract(suite, derived());
  }
}
