package dev.tlssim.tls.v13;

import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.crypto.Tls13EarlySecret;
import dev.tlssim.tls.crypto.Tls13HandshakeSecret;
import dev.tlssim.tls.crypto.Tls13KeySchedule;
import dev.tlssim.tls.crypto.Tls13TrafficKeys;

/**
 * The handshake traffic secrets (RFC 8446 §7.1): Early Secret from zeros, or from the PSK of a
 * resumption, Handshake Secret from the (EC)DHE shared secret, then client_ and
 * server_handshake_traffic_secret over ClientHello...ServerHello. They protect the records from
 * EncryptedExtensions to each side's Finished and are the Finished BaseKeys (§4.4.4).
 * Immutable; no toString of its own, so no secret is ever printed.
 */
final class HandshakeTrafficSecrets {
  private final Tls13CipherSuite suite;
  private final Tls13HandshakeSecret handshakeSecret;
  private final byte[] client;
  private final byte[] server;

  private HandshakeTrafficSecrets(Tls13CipherSuite suite, Tls13HandshakeSecret handshakeSecret,
      byte[] client, byte[] server) {
    this.suite = suite;
    this.handshakeSecret = handshakeSecret;
    this.client = client;
    this.server = server;
  }

  static HandshakeTrafficSecrets derive(Tls13CipherSuite suite, byte[] ecdheSharedSecret, byte[] helloHash) {
    return of(suite, Tls13KeySchedule.startWithoutPsk(suite).handshakeSecret(ecdheSharedSecret), helloHash);
  }

  /**
   * The secrets of a resumption (RFC 8446 §7.1, §2.2): Early Secret from the PSK, then the
   * Handshake Secret from the (EC)DHE shared secret in psk_dhe_ke mode, or from zeros in psk_ke
   * mode ({@code ecdheSharedSecret} null), which "is not available" there (§7.1).
   */
  static HandshakeTrafficSecrets deriveWithPsk(Tls13CipherSuite suite, byte[] psk, byte[] ecdheSharedSecret,
      byte[] helloHash) {
    Tls13EarlySecret early = Tls13KeySchedule.start(suite, psk);
    return of(suite, ecdheSharedSecret == null
        ? early.handshakeSecretWithoutEcdhe() : early.handshakeSecret(ecdheSharedSecret), helloHash);
  }

  /**
   * The keys of the client's 0-RTT records (RFC 8446 §7.1, §7.3): client_early_traffic_secret =
   * Derive-Secret(Early Secret from the PSK, "c e traffic", ClientHello).
   */
  static byte[] clientEarlyTrafficSecret(Tls13CipherSuite suite, byte[] psk, byte[] clientHelloHash) {
    return Tls13KeySchedule.start(suite, psk).clientEarlyTrafficSecret(clientHelloHash);
  }

  /** The record keys of {@link #clientEarlyTrafficSecret}. */
  static Tls13TrafficKeys clientEarlyKeys(Tls13CipherSuite suite, byte[] psk, byte[] clientHelloHash) {
    return Tls13TrafficKeys.derive(suite, clientEarlyTrafficSecret(suite, psk, clientHelloHash));
  }

  private static HandshakeTrafficSecrets of(Tls13CipherSuite suite, Tls13HandshakeSecret hs, byte[] helloHash) {
    return new HandshakeTrafficSecrets(suite, hs,
        hs.clientHandshakeTrafficSecret(helloHash), hs.serverHandshakeTrafficSecret(helloHash));
  }

  /**
   * resumption_master_secret over ClientHello...client Finished (RFC 8446 §7.1), from which each
   * NewSessionTicket's PSK is derived (§4.6.1).
   */
  byte[] resumptionMasterSecret(byte[] clientFinishedHash) {
    return handshakeSecret.masterSecret().resumptionMasterSecret(clientFinishedHash);
  }

  byte[] client() {
    return client.clone();
  }

  byte[] server() {
    return server.clone();
  }

  Tls13TrafficKeys clientKeys() {
    return Tls13TrafficKeys.derive(suite, client);
  }

  Tls13TrafficKeys serverKeys() {
    return Tls13TrafficKeys.derive(suite, server);
  }

  /**
   * The application traffic secrets (RFC 8446 §7.1): Master Secret, then client_ and
   * server_application_traffic_secret_0 over ClientHello...server Finished.
   */
  ApplicationTrafficKeys applicationKeys(byte[] serverFinishedHash) {
    var master = handshakeSecret.masterSecret();
    return new ApplicationTrafficKeys(suite, master.clientApplicationTrafficSecret0(serverFinishedHash),
        master.serverApplicationTrafficSecret0(serverFinishedHash));
  }

  /**
   * Both directions' application_traffic_secret_0 after the handshake and their record keys
   * (RFC 8446 §7.3). The secrets themselves are kept, not only the keys, because a KeyUpdate
   * derives the next generation from the secret (§7.2). No toString of its own, so no secret is
   * ever printed.
   */
  static final class ApplicationTrafficKeys {
    private final Tls13CipherSuite suite;
    private final byte[] clientSecret;
    private final byte[] serverSecret;

    private ApplicationTrafficKeys(Tls13CipherSuite suite, byte[] clientSecret, byte[] serverSecret) {
      this.suite = suite;
      this.clientSecret = clientSecret;
      this.serverSecret = serverSecret;
    }

    Tls13CipherSuite suite() {
      return suite;
    }

    Tls13TrafficKeys client() {
      return Tls13TrafficKeys.derive(suite, clientSecret);
    }

    Tls13TrafficKeys server() {
      return Tls13TrafficKeys.derive(suite, serverSecret);
    }

    byte[] clientSecret() {
      return clientSecret.clone();
    }

    byte[] serverSecret() {
      return serverSecret.clone();
    }
  }
}
