package dev.tlssim.tls.core;

import dev.tlssim.tls.v12.ClientConfig;
import dev.tlssim.tls.v12.Tls12;
import dev.tlssim.tls.v13.Tls13;
import dev.tlssim.tls.v13.Tls13ClientConfig;
import dev.tlssim.tls.v13.Tls13ClientSessionStore;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * The versions a client speaks and how: TLS 1.2 ({@code tls12}), TLS 1.3 ({@code tls13}) or both,
 * when it offers both and follows the server's choice. {@code tickets13} keeps its TLS 1.3
 * tickets between connections (null: it does not resume 1.3 sessions); TLS 1.2 sessions live in
 * the 1.2 config's own store. An immutable value apart from those stores.
 *
 * <p>Offering both, the client sends one ClientHello and branches at the ServerHello (RFC 8446
 * Appendix D.1), see {@link Tls13#client(Tls13ClientConfig, SecureRandom, Instant,
 * Tls13ClientSessionStore, ClientConfig)}.
 */
public record ClientVersions(ClientConfig tls12, Tls13ClientConfig tls13, Tls13ClientSessionStore tickets13) {
  public ClientVersions {
    if (tls12 == null && tls13 == null) {
      throw new IllegalArgumentException("a client speaks TLS 1.2, TLS 1.3 or both");
    }
  }

  /** The same client connecting to {@code serverName} (SNI and the hostname check). */
  public ClientVersions withServerName(String serverName) {
    return new ClientVersions(tls12 == null ? null : tls12.withServerName(serverName),
        tls13 == null ? null : tls13.withServerName(serverName), tickets13);
  }

  /** A new connection's endpoint, judging certificates at {@code now}. */
  public TlsConnection newConnection(SecureRandom random, Instant now) {
    if (tls13 == null) {
      return Tls12.client(tls12, random, now);
    }
    if (tls12 == null) {
      return tickets13 == null ? Tls13.client(tls13, random, now) : Tls13.client(tls13, random, now, tickets13);
    }
    return Tls13.client(tls13, random, now, tickets13, tls12);
  }
}
