package dev.tlssim.tls.v12;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.EndpointContext;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeReassembler;
import dev.tlssim.tls.wire.ServerHello;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where TLS 1.2 (RFC 5246) connections start: endpoints that speak TLS 1.2 only, and the TLS 1.2
 * continuations a TLS 1.3 handshake hands over to when the hellos choose TLS 1.2 (RFC 8446
 * Appendix D).
 */
public final class Tls12 {
  private Tls12() {}

  /** A client speaking TLS 1.2 only; its sessions go to the config's store. */
  public static TlsEndpoint client(ClientConfig config, SecureRandom random, Instant now) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(now, "now");
    return TlsEndpoint.open(ConnectionEnd.CLIENT,
        context -> new ClientHandshake(config, random, now, context, Handshake.newReassembler()));
  }

  /** A server speaking TLS 1.2 only, at {@code now} (certificates, caches and tickets). */
  public static TlsEndpoint server(ServerConfig config, SecureRandom random, Instant now) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(now, "now");
    return TlsEndpoint.open(ConnectionEnd.SERVER,
        context -> new ServerHandshake(config, random, now, context, Handshake.newReassembler()));
  }

  /**
   * The ClientHello a client with {@code config} sends for a full handshake, with
   * {@code clientRandom}: what a client offering TLS 1.3 and 1.2 at once puts in its ClientHello
   * besides its TLS 1.3 offer, so that a TLS 1.2 server finds its suites and extensions there
   * (RFC 8446 §4.1.2, Appendix D.1).
   */
  public static ClientHello fullHandshakeHello(ClientConfig config, byte[] clientRandom) {
    return ClientOffer.of(config, Handshake.cap(config.maxVersion()), clientRandom, Optional.empty()).hello();
  }

  /**
   * Takes over a client connection whose ClientHello {@code sent} offered TLS 1.3 and 1.2, at the
   * ServerHello that chose TLS 1.2 (RFC 8446 Appendix D.1): {@code frame}, decoded as
   * {@code hello}, came in a record of {@code recordVersion}, and {@code rest} holds what followed
   * it. A ServerHello with the downgrade sentinel is refused with illegal_parameter (§4.1.3).
   */
  public static void continueClient(EndpointContext context, ClientConfig config, SecureRandom random,
      Instant now, ClientHello sent, HandshakeReassembler rest, HandshakeFrame frame, ServerHello hello,
      ProtocolVersion recordVersion) throws TlsAlertException {
    ClientHandshake handshake = new ClientHandshake(config, random, now, context, rest);
    handshake.continueAfter(sent);
    context.continueWith(handshake);
    handshake.records.readAlready(recordVersion);
    handshake.takeOver(frame, hello);
    handshake.processBufferedMessages();
  }

  /**
   * Takes over a server connection whose ClientHello {@code hello} (from {@code frame}, in a
   * record of {@code recordVersion}) asked for TLS 1.2 or below (RFC 8446 §4.2.1). The server
   * speaks TLS 1.3 too, so its ServerHello.random carries the downgrade sentinel (§4.1.3) a
   * TLS 1.3 client checks: a hello stripped of 1.3 on the way does not go unnoticed.
   */
  public static void continueServer(EndpointContext context, ServerConfig config, SecureRandom random,
      Instant now, HandshakeReassembler rest, HandshakeFrame frame, ClientHello hello,
      ProtocolVersion recordVersion) throws TlsAlertException {
    ServerHandshake handshake = new ServerHandshake(
        config.withVersions(config.minVersion(), ProtocolVersion.TLS13), random, now, context, rest);
    context.continueWith(handshake);
    handshake.records.readAlready(recordVersion);
    handshake.takeOver(frame, hello);
    handshake.processBufferedMessages();
  }

  /**
   * The session a completed TLS 1.2 handshake established, for resuming it later (RFC 5246
   * §7.3); empty before then, for a TLS 1.3 connection, and for good after a fatal alert either
   * way, since RFC 5246 §7.2.2 says the session of a failed connection must be forgotten. A
   * connection closed by close_notify keeps its session.
   */
  public static Optional<SessionParameters> session(TlsEndpoint endpoint) {
    return endpoint.failed() ? Optional.empty()
        : endpoint.handshake(Handshake.class).flatMap(Handshake::session);
  }

  /** The negotiated TLS 1.2 suite; empty before ServerHello and for TLS 1.3. */
  public static Optional<CipherSuite> cipherSuite(TlsEndpoint endpoint) {
    return endpoint.handshake(Handshake.class).map(Handshake::cipherSuite);
  }

  /** The signature scheme of ServerKeyExchange; empty for the RSA key exchange and for TLS 1.3. */
  public static Optional<SignatureScheme> signatureScheme(TlsEndpoint endpoint) {
    return endpoint.handshake(Handshake.class).map(Handshake::signatureScheme);
  }
}
