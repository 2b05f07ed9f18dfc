package dev.tlssim.tls.v13;

import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.v12.ClientConfig;
import dev.tlssim.tls.v12.ServerConfig;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where TLS 1.3 (RFC 8446) connections start: endpoints that speak TLS 1.3, alone or with
 * TLS 1.2 as well (one ClientHello offering both, Appendix D.1; a server that picks per
 * ClientHello, §4.2.1), and what only a TLS 1.3 connection has (its parameters, KeyUpdate).
 * Every random byte comes from the given SecureRandom, so a seeded run replays byte for byte;
 * {@code now} is the instant the connection happens at (certificates, ticket ages and lifetimes).
 */
public final class Tls13 {
  private Tls13() {}

  /** A client that neither offers nor keeps tickets, and sends no psk_key_exchange_modes. */
  public static TlsEndpoint client(Tls13ClientConfig config, SecureRandom random, Instant now) {
    return client(config, random, now, null, Optional.empty());
  }

  /**
   * A client that offers the newest usable ticket of {@code store} for its server name (RFC 8446
   * §4.2.11) and keeps the tickets the server sends there (§4.6.1).
   */
  public static TlsEndpoint client(Tls13ClientConfig config, SecureRandom random, Instant now,
      Tls13ClientSessionStore store) {
    return client(config, random, now, Objects.requireNonNull(store, "store"), Optional.empty());
  }

  /**
   * A client that offers TLS 1.2 too: {@code tls12}'s suites and extensions join its ClientHello
   * (RFC 8446 Appendix D.1), and a ServerHello choosing TLS 1.2 continues in the TLS 1.2
   * handshake from that same ClientHello. {@code store} may be null for a client that does not
   * resume TLS 1.3 sessions; TLS 1.2 sessions live in {@code tls12}'s own store.
   */
  public static TlsEndpoint client(Tls13ClientConfig config, SecureRandom random, Instant now,
      Tls13ClientSessionStore store, ClientConfig tls12) {
    return client(config, random, now, store, Optional.of(tls12));
  }

  private static TlsEndpoint client(Tls13ClientConfig config, SecureRandom random, Instant now,
      Tls13ClientSessionStore store, Optional<ClientConfig> tls12) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(now, "now");
    return TlsEndpoint.open(ConnectionEnd.CLIENT, context -> new Tls13HandshakeProtocol(context, random, now,
        (channel, handover) -> new Tls13ClientHandshake(config, random, now, store, tls12, channel, handover,
            context.events())));
  }

  /** A TLS 1.3 server at {@code now}: tickets it issues are stamped with it, those offered checked against it. */
  public static TlsEndpoint server(Tls13ServerConfig config, SecureRandom random, Instant now) {
    return server(config, random, now, Optional.empty());
  }

  /**
   * A server that speaks TLS 1.2 too and picks per connection (RFC 8446 §4.2.1): TLS 1.3 when the
   * ClientHello's supported_versions offers it, TLS 1.2 otherwise, with the downgrade sentinel in
   * its ServerHello.random (§4.1.3).
   */
  public static TlsEndpoint server(Tls13ServerConfig config, SecureRandom random, Instant now, ServerConfig tls12) {
    return server(config, random, now, Optional.of(tls12));
  }

  private static TlsEndpoint server(Tls13ServerConfig config, SecureRandom random, Instant now,
      Optional<ServerConfig> tls12) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(now, "now");
    return TlsEndpoint.open(ConnectionEnd.SERVER, context -> new Tls13HandshakeProtocol(context, random, now,
        (channel, handover) -> new Tls13ServerHandshake(config, random, now, channel, tls12, handover)));
  }

  /** Suite, group and signature scheme, once a TLS 1.3 handshake has settled them; empty for TLS 1.2. */
  public static Optional<Tls13Parameters> parameters(TlsEndpoint endpoint) {
    return endpoint.handshake(Tls13HandshakeProtocol.class).flatMap(Tls13HandshakeProtocol::parameters);
  }

  /**
   * Sends a KeyUpdate (RFC 8446 §4.6.3) under the current keys and writes under the next
   * generation of our application traffic secret from then on (§7.2). With
   * {@code requestPeerUpdate} the KeyUpdate is update_requested and the peer answers with one of
   * its own before its next application data. Only once the handshake is complete and before
   * close.
   */
  public static void updateKeys(TlsEndpoint endpoint, boolean requestPeerUpdate) {
    Optional<Tls13HandshakeProtocol> handshake = endpoint.handshake(Tls13HandshakeProtocol.class);
    if (handshake.isEmpty() || !endpoint.established() || endpoint.closeNotifySent()) {
      throw new IllegalStateException("cannot update keys in state " + endpoint.state());
    }
    handshake.get().updateKeys(requestPeerUpdate);
  }
}
