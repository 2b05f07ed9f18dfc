package dev.tlssim.tls.v13;

import dev.tlssim.tls.testing.WebPki;

/** TLS 1.3 configurations for the {@link WebPki} server certificates and a strict client. */
final class Tls13TestPki {
  private Tls13TestPki() {}

  static Tls13ServerConfig rsaServer() {
    return Tls13ServerConfig.defaults(WebPki.RSA_CHAIN, WebPki.RSA_LEAF_KEY.getPrivate());
  }

  static Tls13ServerConfig ecServer() {
    return Tls13ServerConfig.defaults(WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate());
  }

  static Tls13ClientConfig client() {
    return Tls13ClientConfig.defaults(WebPki.HOST, WebPki.strictVerifier());
  }
}
