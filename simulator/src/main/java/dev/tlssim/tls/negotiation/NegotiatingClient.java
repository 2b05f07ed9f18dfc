package dev.tlssim.tls.negotiation;

import dev.tlssim.pki.RevocationSource;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.handshake.ClientConfig;
import dev.tlssim.tls.handshake.TlsConnection;
import dev.tlssim.tls.handshake.TlsEndpoint;
import dev.tlssim.tls.handshake.TlsEvent;
import dev.tlssim.tls.handshake13.Tls12Fallback;
import dev.tlssim.tls.handshake13.Tls13ClientConfig;
import dev.tlssim.tls.handshake13.Tls13ClientSessionStore;
import dev.tlssim.tls.handshake13.Tls13Endpoint;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.ServerHello;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client that offers TLS 1.3 and TLS 1.2 in one ClientHello (RFC 8446 §4.1.2, Appendix D.1):
 * the TLS 1.3 engine writes it, with the TLS 1.2 client's suites and extensions merged in. A
 * ServerHello with supported_versions (or a HelloRetryRequest) keeps the TLS 1.3 engine; one
 * without hands the handshake to a TLS 1.2 engine that continues from the same ClientHello and
 * refuses a ServerHello.random ending in the downgrade sentinel (§4.1.3) with illegal_parameter.
 */
public final class NegotiatingClient implements TlsConnection {
  private final ClientConfig tls12;
  private final SecureRandom random;
  private final Instant now;
  private final Tls13Endpoint tls13;
  private final FirstHandshakeMessage serverHello = new FirstHandshakeMessage();
  private TlsConnection engine;
  private ClientHello sentHello;
  /** What the TLS 1.3 engine said while writing the ClientHello, not yet drained by the host. */
  private List<TlsEvent> startEvents = List.of();

  /** @param store where TLS 1.3 tickets come from and go to; null for a client that does not resume */
  public NegotiatingClient(ClientConfig tls12, Tls13ClientConfig tls13, Tls13ClientSessionStore store,
      SecureRandom random, Instant now) {
    this.tls12 = Objects.requireNonNull(tls12, "tls12");
    this.random = Objects.requireNonNull(random, "random");
    this.now = Objects.requireNonNull(now, "now");
    // Only the suites and extensions of this hello are used; the random is the TLS 1.3 engine's.
    ClientHello tls12Hello = TlsEndpoint.fullHandshakeHello(tls12, new byte[ClientHello.RANDOM_LENGTH]);
    this.tls13 = Tls13Endpoint.client(Objects.requireNonNull(tls13, "tls13"), random, now, store,
        new Tls12Fallback(tls12Hello));
  }

  @Override
  public ConnectionEnd side() {
    return ConnectionEnd.CLIENT;
  }

  /** The TLS 1.3 engine writes the ClientHello, which a TLS 1.2 engine would continue from. */
  @Override
  public void start() {
    tls13.start();
    startEvents = tls13.drainEvents();
    for (TlsEvent e : startEvents) {
      if (e instanceof TlsEvent.MessageSent m && m.name().equals(HandshakeType.CLIENT_HELLO.rfcName())) {
        sentHello = decodeOwnHello(m.bytes());
      }
    }
  }

  @Override
  public void writeEarly(byte[] earlyData) {
    tls13.writeEarly(earlyData);
  }

  @Override
  public void receive(byte[] bytes) {
    if (engine != null) {
      engine.receive(bytes);
      return;
    }
    serverHello.feed(bytes);
    Optional<byte[]> message = serverHello.message();
    if (message.isPresent() && choosesTls12(message.get())) {
      engine = TlsEndpoint.clientAfterHello(tls12, random, now, sentHello);
    } else if (message.isPresent() || serverHello.undecidable()) {
      engine = tls13;
    } else {
      return;
    }
    engine.receive(serverHello.received());
  }

  /**
   * RFC 8446 §4.1.3, §4.2.1: a ServerHello for TLS 1.3 (or a HelloRetryRequest) carries
   * supported_versions; one without it chose the legacy_version, TLS 1.2 or below. A message
   * that is no ServerHello goes to the TLS 1.3 engine, which alerts.
   */
  private static boolean choosesTls12(byte[] message) {
    if ((message[0] & 0xff) != HandshakeType.SERVER_HELLO.code()) {
      return false;
    }
    try {
      ServerHello hello = ServerHello.decode(Arrays.copyOfRange(message, 4, message.length));
      return !hello.extensionsOrEmpty().contains(ExtensionType.SUPPORTED_VERSIONS);
    } catch (TlsAlertException | RuntimeException e) {
      return false;
    }
  }

  /** TLS 1.2 or 1.3, once the ServerHello chose; empty before. */
  public Optional<ProtocolVersion> version() {
    if (engine == null) {
      return Optional.empty();
    }
    return Optional.of(engine == tls13 ? ProtocolVersion.TLS13 : ProtocolVersion.TLS12);
  }

  private TlsConnection current() {
    return engine == null ? tls13 : engine;
  }

  @Override
  public boolean canWrite() {
    return current().canWrite();
  }

  @Override
  public void write(byte[] applicationData) {
    current().write(applicationData);
  }

  @Override
  public void close() {
    current().close();
  }

  @Override
  public byte[] drainOutput() {
    return current().drainOutput();
  }

  @Override
  public List<TlsEvent> drainEvents() {
    if (startEvents.isEmpty()) {
      return current().drainEvents();
    }
    List<TlsEvent> events = new java.util.ArrayList<>(startEvents);
    startEvents = List.of();
    events.addAll(current().drainEvents());
    return events;
  }

  private static ClientHello decodeOwnHello(byte[] message) {
    try {
      return ClientHello.decode(Arrays.copyOfRange(message, 4, message.length));
    } catch (TlsAlertException e) {
      throw new IllegalStateException("our own ClientHello does not decode", e);
    }
  }

  @Override
  public boolean established() {
    return current().established();
  }

  @Override
  public boolean closed() {
    return current().closed();
  }

  @Override
  public boolean awaitingRevocationStatus() {
    return current().awaitingRevocationStatus();
  }

  @Override
  public void supplyRevocationStatus(RevocationSource fetched, Instant at) {
    current().supplyRevocationStatus(fetched, at);
  }
}
