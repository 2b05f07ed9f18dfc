package dev.tlssim.party;

import dev.tlssim.events.Direction;
import dev.tlssim.events.Flow;
import dev.tlssim.events.Role;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.pki.RevocationSource;
import dev.tlssim.sim.StackOverhead;
import dev.tlssim.tcp.StreamRecord;
import dev.tlssim.tcp.TcpConnection;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.core.TlsConnection;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.KeyBlock;
import dev.tlssim.tls.wire.Field;
import dev.tlssim.tls.wire.Codec;
import dev.tlssim.tls.wire.Decoded;
import dev.tlssim.tls.wire.HandshakeMessageName;
import dev.tlssim.tls.wire.ServerHello;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * TLS over one TCP connection: hosts a sans-I/O {@link TlsConnection} (TLS 1.2, 1.3, or one that
 * negotiates between them), charges its cryptographic
 * operations to the node's CPU cores (so a flight leaves only when its signature is computed),
 * writes its bytes to TCP and tells the application what the handshake decided. Every handshake
 * message, certificate check, alert and the outcome go to the trace under the connection's flow.
 */
final class TlsChannel extends SecureChannel {
  private final LongFunction<? extends TlsConnection> newEndpoint;
  private TlsConnection tls;
  /** A client's 0-RTT data (RFC 8446 §2.3), handed to the endpoint before its ClientHello; or null. */
  private final byte[] earlyData;
  /** Whether the server accepted our 0-RTT data, once the handshake says. */
  private boolean earlyDataAccepted;
  /** Application data written before the endpoint may send it; it goes as soon as it may. */
  private final List<byte[]> pendingWrites = new ArrayList<>();
  private long readyAt;
  private boolean closeAfterFlush;
  /** Whether this side has sent a handshake flight yet (the per-connection stack cost comes with it). */
  private boolean flightSent;
  /** Whether the handshake is complete here: from then on no stack overhead is charged. */
  private boolean handshakeDone;

  private final boolean keyLog;
  private final OnlineRevocation revocation;

  /**
   * Where a client asks about revocation: the CA node hosting each issuer, how long it waits, and
   * the instant virtual time 0 stands for (answers are judged at their arrival time).
   */
  record OnlineRevocation(Function<X509CertificateHolder, String> caNodeOf,
      long timeoutNanos, Instant epoch) {}

  /**
   * @param newEndpoint makes the endpoint when TCP is established, given the virtual time
   * @param keyLog      put the session secrets in the trace (NSS key log lines), because the user
   *                    asked for a key log; never otherwise
   */
  TlsChannel(Endpoint host, Channel.Listener app, LongFunction<? extends TlsConnection> newEndpoint, boolean keyLog) {
    this(host, app, newEndpoint, keyLog, null, null);
  }

  /** @param earlyData what a client sends as 0-RTT data if its ticket allows, or null */
  TlsChannel(Endpoint host, Channel.Listener app, LongFunction<? extends TlsConnection> newEndpoint, boolean keyLog,
      OnlineRevocation revocation, byte[] earlyData) {
    super(host, app);
    this.newEndpoint = newEndpoint;
    this.keyLog = keyLog;
    this.revocation = revocation;
    this.earlyData = earlyData == null ? null : earlyData.clone();
  }

  /** The server took the 0-RTT data: the application must not send it again. */
  @Override
  public boolean earlyDataAccepted() {
    return earlyDataAccepted;
  }

  // ------------------------------------------------------------ TCP below

  @Override
  public void established(TcpConnection c, long now) {
    tcp = c;
    tls = newEndpoint.apply(now);
    if (host.recording().keepsTrace()) {
      // The segments say which records they carry (issue #12): only the engine knows what its
      // protected records hold, so it describes them as it writes.
      tls.describeRecords();
    }
    host.trace(new TlsChannelEvent.Started(c.flow(), tls.side() == ConnectionEnd.CLIENT ? Role.CLIENT : Role.SERVER, null));
    if (earlyData != null) {
      tls.writeEarly(earlyData);
    }
    tls.start();
    process(now);
  }

  @Override
  public void received(TcpConnection c, long now, byte[] data) {
    if (tls == null || ended) {
      return;
    }
    tls.receive(data);
    process(now);
  }

  // ------------------------------------------------------------ application above

  @Override
  public void write(long now, byte[] data) {
    if (ended) {
      return;
    }
    if (!tls.canWrite() || !pendingWrites.isEmpty()) {
      pendingWrites.add(data.clone());
      return;
    }
    tls.write(data);
    process(now);
  }

  @Override
  public void close(long now) {
    if (tls == null) {
      tcp.close(now);
      return;
    }
    if (!tls.closed()) {
      tls.close();
    }
    closeAfterFlush = true;
    process(now);
  }

  // ------------------------------------------------------------ the engine's output

  /**
   * Takes what the engine produced, charges its operations, and delivers it when they are done:
   * received messages are traced at once, everything else when the CPU work completes.
   */
  private void process(long now) {
    while (!pendingWrites.isEmpty() && tls.canWrite()) {
      tls.write(pendingWrites.remove(0));
    }
    List<TlsEvent> events = tls.drainEvents();
    byte[] output = tls.drainOutput();
    List<StreamRecord> records = StreamRecords.of(tls.drainRecords());
    List<String> operations = new ArrayList<>();
    Flow flow = tcp.flow();
    boolean certificate = false;
    boolean completes = false;
    for (TlsEvent e : events) {
      if (e instanceof TlsEvent.CryptoOperation op) {
        operations.add(op.name());
      } else if (e instanceof TlsEvent.MessageReceived m) {
        traceMessage(flow, Direction.RECEIVED, m.name(), m.length(), m.bytes());
        certificate |= m.name().equals(CERTIFICATE);
      } else if (e instanceof TlsEvent.Established || e instanceof TlsEvent.Tls13Established) {
        completes = true;
      }
    }
    addStackOverhead(operations, output.length > 0, completes, certificate);
    host.compute(now, readyAt, operations, flow, done -> {
      readyAt = done;
      deliver(done, events, output, records);
    });
  }

  private static final String CERTIFICATE = HandshakeType.CERTIFICATE.rfcName();

  /**
   * The stack's own work on this step of the handshake ({@link StackOverhead}): a flight is a step
   * that sends handshake bytes or completes the handshake, so a flight arriving in several TCP
   * segments is charged once, when its last segment lets the engine answer. Nothing is charged
   * once the handshake is complete (application data is the application's). An overhead the
   * profile prices at zero is left out, so that such profiles trace exactly the crypto they did.
   */
  private void addStackOverhead(List<String> operations, boolean sends, boolean completes, boolean certificate) {
    if (handshakeDone) {
      return;
    }
    boolean client = tls.side() == ConnectionEnd.CLIENT;
    if (client && certificate) {
      addPriced(operations, StackOverhead.CLIENT_CERTIFICATE);
    }
    if (sends || completes) {
      if (client && !flightSent) {
        addPriced(operations, StackOverhead.CLIENT_HANDSHAKE);
      }
      addPriced(operations, client ? StackOverhead.CLIENT_FLIGHT : StackOverhead.SERVER_FLIGHT);
      flightSent = true;
    }
    handshakeDone = completes;
  }

  private void addPriced(List<String> operations, StackOverhead overhead) {
    if (host.costs.cost(overhead.id()) > 0) {
      operations.add(overhead.id());
    }
  }

  private byte[] serverRandom;
  private TlsEvent.SessionSecrets secretsForKeyPanel;
  /**
   * The version whose layouts the inspector reads this connection's messages with: TLS 1.2 until
   * a ServerHello (or HelloRetryRequest) passing either way says otherwise (RFC 8446 §4.2.1).
   */
  private ProtocolVersion version = ProtocolVersion.TLS12;

  /** A message, with its bytes and annotated fields when the node keeps message detail. */
  private void traceMessage(Flow flow, Direction dir, String name, int length, byte[] bytes) {
    boolean bytesKept = host.recording().keepsBytes();
    if (bytesKept || keyLog) {
      // Only the field inspector and the key panel read what the ServerHello says; a run that keeps
      // neither does not decode it a second time.
      learnFromServerHello(name, bytes);
    }
    if (!host.recording().keepsTrace()) {
      return;
    }
    if (!bytesKept || bytes.length == 0) {
      host.trace(new TlsChannelEvent.Message(flow, dir, name, length, null, null));
      return;
    }
    List<TlsChannelEvent.MessageField> fields = new ArrayList<>();
    for (Field f : Codec.annotate(name, version, bytes)) {
      fields.add(new TlsChannelEvent.MessageField(f.name(), f.offset(), f.length(), f.value()));
    }
    host.trace(new TlsChannelEvent.Message(flow, dir, name, length, java.util.HexFormat.of().formatHex(bytes), fields));
  }

  /** The ServerHello fixes the version and carries the server random the key panel needs. */
  private void learnFromServerHello(String name, byte[] bytes) {
    boolean hello = name.equals(HandshakeType.SERVER_HELLO.rfcName());
    if (!hello && !name.equals(HandshakeMessageName.HELLO_RETRY_REQUEST)) {
      return;
    }
    Optional<Decoded<ServerHello>> decoded = Codec.serverHello(bytes);
    if (decoded.isPresent()) {
      version = Codec.negotiatedVersion(decoded.get().message());
      if (hello) {
        serverRandom = decoded.get().message().random();
      }
    }
  }

  /**
   * The session keys of a full handshake step by step, for the report's key panel (RFC 5246 §8.1
   * and §6.3): only when the user asked for a key log, since these are the secrets.
   */
  private void traceKeys(Flow flow, TlsEvent.Established est, TlsEvent.SessionSecrets secrets) {
    var hex = java.util.HexFormat.of();
    KeyBlock block = KeyBlock.derive(est.suite(), secrets.masterSecret(), secrets.clientRandom(), serverRandom);
    List<TlsChannelEvent.KeyPart> parts = new ArrayList<>();
    int offset = 0;
    Object[][] named = {
        {"client_write_MAC_key", block.macKey(ConnectionEnd.CLIENT)}, {"server_write_MAC_key", block.macKey(ConnectionEnd.SERVER)},
        {"client_write_key", block.writeKey(ConnectionEnd.CLIENT)}, {"server_write_key", block.writeKey(ConnectionEnd.SERVER)},
        {"client_write_IV", block.writeIv(ConnectionEnd.CLIENT)}, {"server_write_IV", block.writeIv(ConnectionEnd.SERVER)}};
    for (Object[] n : named) {
      byte[] value = (byte[]) n[1];
      parts.add(new TlsChannelEvent.KeyPart((String) n[0], offset, hex.formatHex(value)));
      offset += value.length;
    }
    host.trace(new TlsChannelEvent.Keys(flow, est.suite().name(), hex.formatHex(secrets.clientRandom()),
        hex.formatHex(serverRandom), hex.formatHex(secrets.masterSecret()), est.extendedMasterSecret(), parts));
  }

  /** The handshake waits while the client asks the CAs; their answers (or silence) resume it. */
  private void askAboutRevocation(long now, Flow flow, TlsEvent.RevocationStatusNeeded need) {
    host.trace(new TlsChannelEvent.RevocationNeeded(flow, need.protocol().name().toLowerCase(java.util.Locale.ROOT),
        need.queries().size()));
    if (revocation == null) {
      tls.supplyRevocationStatus(RevocationSource.unavailable(), Instant.EPOCH);
      process(now);
      return;
    }
    new RevocationFetch(host, revocation.caNodeOf(), revocation.timeoutNanos(), (t, source) -> {
      if (!ended) {
        tls.supplyRevocationStatus(source, revocation.epoch().plusNanos(t));
        process(t);
      }
    }).start(now, flow, need.queries(), need.protocol());
  }

  private void deliver(long now, List<TlsEvent> events, byte[] output, List<StreamRecord> records) {
    Flow flow = tcp.flow();
    if (output.length > 0 && tcp.state() != TcpConnection.State.CLOSED) {
      tcp.write(now, output, records);
    }
    for (TlsEvent e : events) {
      if (e instanceof TlsEvent.MessageSent m) {
        traceMessage(flow, Direction.SENT, m.name(), m.length(), m.bytes());
      } else if (e instanceof TlsEvent.CertificateCheck c) {
        host.trace(new TlsChannelEvent.Check(flow, c.check(), c.status(), c.detail()));
      } else if (e instanceof TlsEvent.Established est) {
        host.trace(new TlsChannelEvent.Established(flow, est.version().toString(), est.suite().name(),
            est.group() == null ? null : est.group().rfcName(), null, est.extendedMasterSecret(), est.resumed(),
            est.resumedBy(), null, null));
        if (secretsForKeyPanel != null && serverRandom != null) {
          traceKeys(flow, est, secretsForKeyPanel);
        }
        opened = true;
        app.opened(this, now);
      } else if (e instanceof TlsEvent.Tls13Established est) {
        // RFC 8446 has no session IDs to resume by: a resumption is by PSK from a ticket (§2.2).
        earlyDataAccepted = est.earlyDataAccepted();
        host.trace(new TlsChannelEvent.Established(flow, "TLSv1.3", est.suite().name(),
            est.group() == null ? null : est.group().rfcName(),
            est.signatureScheme() == null ? null : est.signatureScheme().rfcName(), null, est.resumed(),
            est.resumed() ? "psk" : null,
            est.keyExchangeMode(), est.earlyDataAccepted()));
        opened = true;
        app.opened(this, now);
      } else if (e instanceof TlsEvent.EarlyData d) {
        host.trace(new TlsChannelEvent.EarlyData(flow, Direction.RECEIVED, d.data().length));
        app.received(this, now, d.data());
      } else if (e instanceof TlsEvent.SessionSecrets secrets && keyLog && tls.side() == ConnectionEnd.CLIENT) {
        host.trace(new TlsChannelEvent.KeyLog(flow, secrets.keyLogLine()));
        secretsForKeyPanel = secrets;
      } else if (e instanceof TlsEvent.TrafficSecret secret && keyLog && tls.side() == ConnectionEnd.CLIENT) {
        host.trace(new TlsChannelEvent.KeyLog(flow, secret.keyLogLine()));
      } else if (e instanceof TlsEvent.RevocationStatusNeeded need) {
        askAboutRevocation(now, flow, need);
      } else if (e instanceof TlsEvent.TicketReceived t) {
        host.trace(new TlsChannelEvent.Ticket(flow, t.lifetimeHintSeconds(), t.length()));
      } else if (e instanceof TlsEvent.ApplicationData d) {
        app.received(this, now, d.data());
      } else if (e instanceof TlsEvent.AlertSent a) {
        host.trace(new TlsChannelEvent.Alert(flow, Direction.SENT, a.description().rfcName(), a.fatal(), a.reason()));
      } else if (e instanceof TlsEvent.AlertReceived a) {
        String name = a.description() == null ? "unknown" : a.description().rfcName();
        host.trace(new TlsChannelEvent.Alert(flow, Direction.RECEIVED, name, a.fatal(), null));
        if (a.description() == AlertDescription.CLOSE_NOTIFY && !ended) {
          app.peerClosed(this, now);
        }
      } else if (e instanceof TlsEvent.Closed c) {
        host.trace(new TlsChannelEvent.Closed(flow, c.reason()));
        if (!c.reason().equals("close_notify")) {
          endWith(now, c.reason());
        }
        ended = true;
        closeAfterFlush = true;
      }
    }
    if (closeAfterFlush && tls.closed()) {
      tcp.close(now);
    }
  }
}
