package dev.tlssim.tls.core;

import dev.tlssim.pki.CertificateChain;
import dev.tlssim.tls.v12.ServerConfig;
import dev.tlssim.tls.v12.Tls12;
import dev.tlssim.tls.v13.Tls13;
import dev.tlssim.tls.v13.Tls13ServerConfig;
import java.security.SecureRandom;
import java.time.Instant;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * The versions a server speaks and how: TLS 1.2 ({@code tls12}), TLS 1.3 ({@code tls13}) or
 * both, when each ClientHello decides (and a 1.2 answer carries the downgrade sentinel).
 */
public record ServerVersions(ServerConfig tls12, Tls13ServerConfig tls13) {
  public ServerVersions {
    if (tls12 == null && tls13 == null) {
      throw new IllegalArgumentException("a server speaks TLS 1.2, TLS 1.3 or both");
    }
  }

  /** The same server presenting a renewed certificate. */
  public ServerVersions withCertificate(CertificateChain chain, AsymmetricKeyParameter key) {
    return new ServerVersions(tls12 == null ? null : tls12.withCertificate(chain, key),
        tls13 == null ? null : tls13.withCertificate(chain, key));
  }

  /** A new connection's endpoint; {@code now} stamps and checks its tickets. */
  public TlsConnection newConnection(SecureRandom random, Instant now) {
    if (tls13 == null) {
      return Tls12.server(tls12, random, now);
    }
    if (tls12 == null) {
      return Tls13.server(tls13, random, now);
    }
    return Tls13.server(tls13, random, now, tls12);
  }
}
