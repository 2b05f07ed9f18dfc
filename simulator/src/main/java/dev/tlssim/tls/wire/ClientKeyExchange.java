package dev.tlssim.tls.wire;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;

/**
 * ClientKeyExchange (RFC 5246 §7.4.7). Its body carries no tag saying which form it is: the
 * reader must already know the negotiated key exchange, hence
 * {@link #decode(byte[], CipherSuite.KeyExchange)}.
 */
public sealed interface ClientKeyExchange extends HandshakeMessage
    permits EncryptedPreMasterSecret, ClientEcDiffieHellmanPublic {

  @Override
  default HandshakeType type() {
    return HandshakeType.CLIENT_KEY_EXCHANGE;
  }

  static ClientKeyExchange decode(byte[] body, CipherSuite.KeyExchange keyExchange)
      throws TlsAlertException {
    return switch (keyExchange) {
      case RSA -> EncryptedPreMasterSecret.decode(body);
      case ECDHE_RSA, ECDHE_ECDSA -> ClientEcDiffieHellmanPublic.decode(body);
    };
  }

  /** As {@link #decode(byte[], CipherSuite.KeyExchange)}, reading the body from {@code r}. */
  static ClientKeyExchange decode(WireReader r, CipherSuite.KeyExchange keyExchange)
      throws TlsAlertException {
    return switch (keyExchange) {
      case RSA -> EncryptedPreMasterSecret.decode(r);
      case ECDHE_RSA, ECDHE_ECDSA -> ClientEcDiffieHellmanPublic.decode(r);
    };
  }
}
