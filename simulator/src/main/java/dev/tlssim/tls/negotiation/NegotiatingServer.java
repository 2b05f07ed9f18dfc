package dev.tlssim.tls.negotiation;

import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.handshake.ServerConfig;
import dev.tlssim.tls.handshake.TlsConnection;
import dev.tlssim.tls.handshake.TlsEndpoint;
import dev.tlssim.tls.handshake.TlsEvent;
import dev.tlssim.tls.handshake13.Tls13Endpoint;
import dev.tlssim.tls.handshake13.Tls13ServerConfig;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.ExtensionContext;
import dev.tlssim.tls.wire.SupportedVersions;
import dev.tlssim.tls.wire.Tls13Extensions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A server that speaks TLS 1.3 and TLS 1.2 and picks per connection (RFC 8446 §4.2.1): TLS 1.3
 * when the ClientHello's supported_versions offers it, TLS 1.2 otherwise. The TLS 1.2 engine
 * then runs with maxVersion 1.3, so its ServerHello.random carries the downgrade sentinel (§4.1.3)
 * a TLS 1.3 client checks: a hello stripped of 1.3 on the way does not go unnoticed.
 */
public final class NegotiatingServer implements TlsConnection {
  private final ServerConfig tls12;
  private final Tls13ServerConfig tls13;
  private final SecureRandom random;
  private final Instant now;
  private final FirstHandshakeMessage hello = new FirstHandshakeMessage();
  private TlsConnection engine;
  private boolean closedBeforeHello;

  /**
   * @param tls12 how it speaks TLS 1.2; its maxVersion is raised to 1.3 for the sentinel
   * @param tls13 how it speaks TLS 1.3
   */
  public NegotiatingServer(ServerConfig tls12, Tls13ServerConfig tls13, SecureRandom random, Instant now) {
    this.tls12 = Objects.requireNonNull(tls12, "tls12").withVersions(tls12.minVersion(), ProtocolVersion.TLS13);
    this.tls13 = Objects.requireNonNull(tls13, "tls13");
    this.random = Objects.requireNonNull(random, "random");
    this.now = Objects.requireNonNull(now, "now");
  }

  @Override
  public ConnectionEnd side() {
    return ConnectionEnd.SERVER;
  }

  /** The server waits for the ClientHello, which decides the engine. */
  @Override
  public void start() {
  }

  @Override
  public void receive(byte[] bytes) {
    if (engine != null) {
      engine.receive(bytes);
      return;
    }
    if (closedBeforeHello) {
      return;
    }
    hello.feed(bytes);
    Optional<byte[]> message = hello.message();
    if (message.isPresent()) {
      engine = offersTls13(message.get())
          ? Tls13Endpoint.server(tls13, random, now) : TlsEndpoint.server(tls12, random, now);
    } else if (hello.undecidable()) {
      // Not a hello at all: the TLS 1.3 engine answers with its alert (RFC 8446 §5, §6).
      engine = Tls13Endpoint.server(tls13, random, now);
    } else {
      return;
    }
    engine.start();
    engine.receive(hello.received());
  }

  /**
   * RFC 8446 §4.2.1: a ClientHello without supported_versions, or without 0x0304 in it, asks for
   * TLS 1.2 or below. One that does not even decode goes to the TLS 1.3 engine, which alerts.
   */
  private static boolean offersTls13(byte[] message) {
    try {
      ClientHello clientHello = ClientHello.decode(Arrays.copyOfRange(message, 4, message.length));
      return Tls13Extensions.find(clientHello.extensionsOrEmpty(), ExtensionContext.CLIENT_HELLO,
          SupportedVersions.Offered.class).map(v -> v.offers(ProtocolVersion.TLS13)).orElse(false);
    } catch (TlsAlertException | RuntimeException e) {
      return true;
    }
  }

  /** TLS 1.2 or 1.3, once the ClientHello chose; empty before. */
  public Optional<ProtocolVersion> version() {
    if (engine == null) {
      return Optional.empty();
    }
    return Optional.of(engine instanceof Tls13Endpoint ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12);
  }

  @Override
  public boolean canWrite() {
    return engine != null && engine.canWrite();
  }

  @Override
  public void write(byte[] applicationData) {
    if (engine == null) {
      throw new IllegalStateException("cannot write application data before the ClientHello");
    }
    engine.write(applicationData);
  }

  /** Before any ClientHello there is nothing to close but the connection itself. */
  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    } else {
      closedBeforeHello = true;
    }
  }

  @Override
  public byte[] drainOutput() {
    return engine == null ? new byte[0] : engine.drainOutput();
  }

  @Override
  public List<TlsEvent> drainEvents() {
    return engine == null ? List.of() : engine.drainEvents();
  }

  @Override
  public boolean established() {
    return engine != null && engine.established();
  }

  @Override
  public boolean closed() {
    return engine == null ? closedBeforeHello : engine.closed();
  }
}
