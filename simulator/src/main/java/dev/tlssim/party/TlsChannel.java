package dev.tlssim.party;

import dev.tlssim.pki.RevocationSource;
import dev.tlssim.tcp.TcpConnection;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.handshake.TlsEndpoint;
import dev.tlssim.tls.handshake.TlsEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * TLS over one TCP connection: hosts a sans-I/O {@link TlsEndpoint}, charges its cryptographic
 * operations to the node's CPU cores (so a flight leaves only when its signature is computed),
 * writes its bytes to TCP and tells the application what the handshake decided. Every handshake
 * message, certificate check, alert and the outcome go to the trace under the connection's flow.
 */
final class TlsChannel extends SecureChannel {
  private final LongFunction<TlsEndpoint> newEndpoint;
  private TlsEndpoint tls;
  private long readyAt;
  private boolean closeAfterFlush;

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
  TlsChannel(Endpoint host, Channel.Listener app, LongFunction<TlsEndpoint> newEndpoint, boolean keyLog) {
    this(host, app, newEndpoint, keyLog, null);
  }

  TlsChannel(Endpoint host, Channel.Listener app, LongFunction<TlsEndpoint> newEndpoint, boolean keyLog,
      OnlineRevocation revocation) {
    super(host, app);
    this.newEndpoint = newEndpoint;
    this.keyLog = keyLog;
    this.revocation = revocation;
  }

  // ------------------------------------------------------------ TCP below

  @Override
  public void established(TcpConnection c, long now) {
    tcp = c;
    tls = newEndpoint.apply(now);
    host.trace("tls.start", "flow", c.flow(), "role", tls.side() == ConnectionEnd.CLIENT ? "client" : "server");
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
    List<TlsEvent> events = tls.drainEvents();
    byte[] output = tls.drainOutput();
    List<String> operations = new ArrayList<>();
    String flow = tcp.flow();
    for (TlsEvent e : events) {
      if (e instanceof TlsEvent.CryptoOperation op) {
        operations.add(op.name());
      } else if (e instanceof TlsEvent.MessageReceived m) {
        host.trace("tls.message", "flow", flow, "dir", "received", "name", m.name(), "length", m.length());
      }
    }
    host.compute(now, readyAt, operations, flow, done -> {
      readyAt = done;
      deliver(done, events, output);
    });
  }

  /** The handshake waits while the client asks the CAs; their answers (or silence) resume it. */
  private void askAboutRevocation(long now, String flow, TlsEvent.RevocationStatusNeeded need) {
    host.trace("tls.revocation-needed", "flow", flow, "protocol", need.protocol().name().toLowerCase(),
        "certificates", need.queries().size());
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

  private void deliver(long now, List<TlsEvent> events, byte[] output) {
    String flow = tcp.flow();
    if (output.length > 0 && tcp.state() != TcpConnection.State.CLOSED) {
      tcp.write(now, output);
    }
    for (TlsEvent e : events) {
      if (e instanceof TlsEvent.MessageSent m) {
        host.trace("tls.message", "flow", flow, "dir", "sent", "name", m.name(), "length", m.length());
      } else if (e instanceof TlsEvent.CertificateCheck c) {
        host.trace("tls.check", "flow", flow, "check", c.check(), "status", c.status(), "detail", c.detail());
      } else if (e instanceof TlsEvent.Established est) {
        host.trace("tls.established", "flow", flow, "version", est.version().toString(), "suite", est.suite().name(),
            "group", est.group() == null ? null : est.group().rfcName(), "ems", est.extendedMasterSecret(),
            "resumed", est.resumed(), "resumedBy", est.resumedBy());
        opened = true;
        app.opened(this, now);
      } else if (e instanceof TlsEvent.SessionSecrets secrets && keyLog && tls.side() == ConnectionEnd.CLIENT) {
        host.trace("tls.keylog", "flow", flow, "line", secrets.keyLogLine());
      } else if (e instanceof TlsEvent.RevocationStatusNeeded need) {
        askAboutRevocation(now, flow, need);
      } else if (e instanceof TlsEvent.TicketReceived t) {
        host.trace("tls.ticket", "flow", flow, "lifetimeHint", t.lifetimeHintSeconds(), "length", t.length());
      } else if (e instanceof TlsEvent.ApplicationData d) {
        app.received(this, now, d.data());
      } else if (e instanceof TlsEvent.AlertSent a) {
        host.trace("tls.alert", "flow", flow, "dir", "sent", "description", a.description().rfcName(),
            "fatal", a.fatal(), "reason", a.reason());
      } else if (e instanceof TlsEvent.AlertReceived a) {
        String name = a.description() == null ? "unknown" : a.description().rfcName();
        host.trace("tls.alert", "flow", flow, "dir", "received", "description", name, "fatal", a.fatal());
        if (a.description() == AlertDescription.CLOSE_NOTIFY && !ended) {
          app.peerClosed(this, now);
        }
      } else if (e instanceof TlsEvent.Closed c) {
        host.trace("tls.closed", "flow", flow, "reason", c.reason());
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
