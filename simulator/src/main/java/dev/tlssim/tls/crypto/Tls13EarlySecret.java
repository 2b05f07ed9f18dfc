package dev.tlssim.tls.crypto;

import dev.tlssim.tls.Tls13CipherSuite;
import java.util.Objects;

/**
 * The first stage of the TLS 1.3 key schedule (RFC 8446 §7.1): Early Secret = HKDF-Extract(0,
 * PSK), and the secrets derived from it: the PSK binder key, the client early (0-RTT) traffic
 * secret and the early exporter master secret. An immutable value.
 */
public final class Tls13EarlySecret {
  /** Where a PSK came from, which selects the binder key's label (RFC 8446 §7.1). */
  public enum PskType {
    /** Provisioned outside TLS: "ext binder". */
    EXTERNAL("ext binder"),
    /** Established by a NewSessionTicket (RFC 8446 §4.6.1): "res binder". */
    RESUMPTION("res binder");

    private final String label;

    PskType(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final Tls13CipherSuite suite;
  private final byte[] psk;
  private final byte[] secret;

  private Tls13EarlySecret(Tls13CipherSuite suite, byte[] psk, byte[] secret) {
    this.suite = suite;
    this.psk = psk;
    this.secret = secret;
  }

  /** HKDF-Extract with a salt of Hash.length zeros (RFC 8446 §7.1: "0") and the PSK as IKM. */
  static Tls13EarlySecret extract(Tls13CipherSuite suite, byte[] psk) {
    Objects.requireNonNull(suite, "suite");
    if (psk.length == 0) {
      throw new IllegalArgumentException("empty PSK; without a PSK the IKM is Hash.length zeros");
    }
    byte[] ikm = psk.clone();
    return new Tls13EarlySecret(suite, ikm, Hkdf.extract(suite.hash(), new byte[suite.hashLength()], ikm));
  }

  public Tls13CipherSuite suite() {
    return suite;
  }

  /** The IKM of this stage: the PSK, or Hash.length zeros without one. */
  public byte[] psk() {
    return psk.clone();
  }

  public byte[] secret() {
    return secret.clone();
  }

  /** binder_key = Derive-Secret(Early Secret, "ext binder" | "res binder", "") (RFC 8446 §7.1). */
  public byte[] binderKey(PskType type) {
    return HkdfLabel.deriveSecret(suite.hash(), secret, type.label(), HkdfLabel.emptyHash(suite.hash()));
  }

  /** client_early_traffic_secret = Derive-Secret(., "c e traffic", ClientHello) (RFC 8446 §7.1). */
  public byte[] clientEarlyTrafficSecret(byte[] clientHelloHash) {
    return HkdfLabel.deriveSecret(suite.hash(), secret, "c e traffic", clientHelloHash);
  }

  /** early_exporter_master_secret = Derive-Secret(., "e exp master", ClientHello) (RFC 8446 §7.1). */
  public byte[] earlyExporterMasterSecret(byte[] clientHelloHash) {
    return HkdfLabel.deriveSecret(suite.hash(), secret, "e exp master", clientHelloHash);
  }

  /** Derive-Secret(., "derived", ""): the salt of the Handshake Secret (RFC 8446 §7.1). */
  public byte[] derived() {
    return HkdfLabel.deriveSecret(suite.hash(), secret, "derived", HkdfLabel.emptyHash(suite.hash()));
  }

  /** The next stage from the (EC)DHE shared secret (RFC 8446 §7.1, §7.4). */
  public Tls13HandshakeSecret handshakeSecret(byte[] ecdheSharedSecret) {
    return Tls13HandshakeSecret.extract(suite, derived(), ecdheSharedSecret);
  }

  /**
   * The next stage in psk_ke mode, which has no (EC)DHE: RFC 8446 §7.1 "If a given secret is not
   * available, then the 0-value consisting of a string of Hash.length bytes set to zeros is used".
   */
  public Tls13HandshakeSecret handshakeSecretWithoutEcdhe() {
    return Tls13HandshakeSecret.extract(suite, derived(), new byte[suite.hashLength()]);
  }
}
