package dev.tlssim.tls.testing;

import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.v12.Tls12;
import dev.tlssim.tls.v13.Tls13;

/**
 * Our client and our server of one version (TLS 1.2 or TLS 1.3) with the {@link TestPki}
 * defaults, seeded: what a test that runs over both versions starts from (BouncyCastle's
 * TlsTestConfig plays this part).
 */
public final class Peers {
  /** The server's certificate: RSA-2048 or ECDSA P-256 (WebPki). */
  public enum Key { RSA, EC }

  private Peers() {}

  public static TlsEndpoint client(ProtocolVersion version, long seed) {
    if (version.equals(ProtocolVersion.TLS13)) {
      return Tls13.client(TestPki.client13(), Pipe.seeded(seed), WebPki.NOW);
    }
    return Tls12.client(TestPki.client12(), Pipe.seeded(seed), WebPki.NOW);
  }

  public static TlsEndpoint server(ProtocolVersion version, Key key, long seed) {
    if (version.equals(ProtocolVersion.TLS13)) {
      return Tls13.server(key == Key.RSA ? TestPki.rsaServer13() : TestPki.ecServer13(), Pipe.seeded(seed),
          WebPki.NOW);
    }
    return Tls12.server(key == Key.RSA ? TestPki.rsaServer12() : TestPki.ecServer12(), Pipe.seeded(seed),
        WebPki.NOW);
  }
}
