package dev.tlssim.tls.testing;

import dev.tlssim.tls.v12.ClientConfig;
import dev.tlssim.tls.v12.ServerConfig;
import dev.tlssim.tls.v13.Tls13ClientConfig;
import dev.tlssim.tls.v13.Tls13ServerConfig;

/**
 * Configurations of both versions for the {@link WebPki} server certificates and a strict
 * client: each version's defaults, so a test of one version and the same test of the other
 * start from the same certificates and trust.
 */
public final class TestPki {
  private TestPki() {}

  public static ServerConfig rsaServer12() {
    return ServerConfig.defaults(WebPki.RSA_CHAIN, WebPki.RSA_LEAF_KEY.getPrivate());
  }

  public static ServerConfig ecServer12() {
    return ServerConfig.defaults(WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate());
  }

  public static ClientConfig client12() {
    return ClientConfig.defaults(WebPki.HOST, WebPki.strictVerifier());
  }

  public static Tls13ServerConfig rsaServer13() {
    return Tls13ServerConfig.defaults(WebPki.RSA_CHAIN, WebPki.RSA_LEAF_KEY.getPrivate());
  }

  public static Tls13ServerConfig ecServer13() {
    return Tls13ServerConfig.defaults(WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate());
  }

  public static Tls13ClientConfig client13() {
    return Tls13ClientConfig.defaults(WebPki.HOST, WebPki.strictVerifier());
  }
}
