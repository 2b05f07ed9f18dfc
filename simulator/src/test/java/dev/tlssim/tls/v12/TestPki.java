package dev.tlssim.tls.v12;

import dev.tlssim.tls.testing.WebPki;

/** TLS 1.2 configurations for the {@link WebPki} server certificates and a strict client. */
final class TestPki {
  private TestPki() {}

  static ServerConfig rsaServer() {
    return ServerConfig.defaults(WebPki.RSA_CHAIN, WebPki.RSA_LEAF_KEY.getPrivate());
  }

  static ServerConfig ecServer() {
    return ServerConfig.defaults(WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate());
  }

  static ClientConfig client() {
    return ClientConfig.defaults(WebPki.HOST, WebPki.strictVerifier());
  }
}
