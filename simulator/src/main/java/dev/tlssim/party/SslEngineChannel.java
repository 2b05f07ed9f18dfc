package dev.tlssim.party;

import dev.tlssim.events.Role;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.tcp.TcpConnection;
import dev.tlssim.tls.wire.RecordScanner;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * TLS by the JDK's own {@link SSLEngine} over one simulated TCP connection: a peer no one here
 * wrote, so that handshakes between it and our engine prove our bytes are real TLS. The engine's
 * CPU time is not modelled (it costs zero virtual time), and its randomness is only partly ours
 * (the JDK draws some of its own), so runs with it are not byte-for-byte repeatable.
 */
final class SslEngineChannel extends SecureChannel {
  private final SSLEngine engine;
  private ByteBuffer netIn = ByteBuffer.allocate(1 << 17);
  private ByteBuffer appOut = ByteBuffer.allocate(1 << 16);
  private boolean closing;
  /** Describes what the engine writes, for the segments to say; null when the node keeps no trace. */
  private final RecordScanner written;

  SslEngineChannel(Endpoint host, Channel.Listener app, SSLEngine engine) {
    super(host, app);
    this.engine = engine;
    // The JDK says nothing about its records: the codec reads their headers, and the plaintext
    // handshake messages, from the bytes it writes.
    this.written = host.recording().keepsTrace() ? new RecordScanner() : null;
  }

  @Override
  public void established(TcpConnection c, long now) {
    tcp = c;
    host.trace(new TlsChannelEvent.Started(c.flow(), engine.getUseClientMode() ? Role.CLIENT : Role.SERVER, "jdk"));
    try {
      engine.beginHandshake();
    } catch (SSLException e) {
      fail(now, e);
      return;
    }
    pump(now);
  }

  @Override
  public void received(TcpConnection c, long now, byte[] data) {
    if (ended) {
      return;
    }
    if (netIn.remaining() < data.length) {
      ByteBuffer bigger = ByteBuffer.allocate((netIn.position() + data.length) * 2);
      netIn.flip();
      bigger.put(netIn);
      netIn = bigger;
    }
    netIn.put(data);
    pump(now);
  }

  @Override
  public void write(long now, byte[] data) {
    if (appOut.remaining() < data.length) {
      ByteBuffer bigger = ByteBuffer.allocate((appOut.position() + data.length) * 2);
      appOut.flip();
      bigger.put(appOut);
      appOut = bigger;
    }
    appOut.put(data);
    pump(now);
  }

  @Override
  public void close(long now) {
    closing = true;
    engine.closeOutbound();
    pump(now);
  }

  /** Runs the engine until it needs bytes it does not have: wraps, unwraps and delegated tasks. */
  private void pump(long now) {
    try {
      boolean progress = true;
      while (progress) {
        progress = false;
        SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
        if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
          Runnable task;
          while ((task = engine.getDelegatedTask()) != null) {
            task.run();
          }
          progress = true;
        } else if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP || (opened && appOut.position() > 0)
            || (closing && !engine.isOutboundDone())) {
          progress = wrap(now);
        } else if (netIn.position() > 0 && !engine.isInboundDone()) {
          progress = unwrap(now);
        }
        if (!opened && engine.getSession().isValid() && isHandshakeDone()) {
          opened = true;
          SSLSession s = engine.getSession();
          // The JDK does not tell whether it resumed: left unknown here, the peer (ours) says.
          host.trace(new TlsChannelEvent.Established(tcp.flow(), s.getProtocol(), s.getCipherSuite(), null, null, null, null,
              null, null, null));
          app.opened(this, now);
          progress = true;
        }
      }
      if (engine.isOutboundDone() && engine.isInboundDone() && !ended) {
        ended = true;
        host.trace(new TlsChannelEvent.Closed(tcp.flow(), "close_notify"));
        tcp.close(now);
      } else if (closing && engine.isOutboundDone()) {
        tcp.close(now);
      }
    } catch (SSLException e) {
      fail(now, e);
    }
  }

  private boolean isHandshakeDone() {
    SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
    return hs == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING || hs == SSLEngineResult.HandshakeStatus.FINISHED;
  }

  private boolean wrap(long now) throws SSLException {
    ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize() + 1024);
    appOut.flip();
    SSLEngineResult r = engine.wrap(appOut, out);
    appOut.compact();
    out.flip();
    if (out.hasRemaining() && tcp.state() != TcpConnection.State.CLOSED) {
      byte[] bytes = new byte[out.remaining()];
      out.get(bytes);
      tcp.write(now, bytes, written == null ? List.of() : StreamRecords.of(written.feed(bytes)));
    }
    return r.bytesProduced() > 0 || r.bytesConsumed() > 0;
  }

  private boolean unwrap(long now) throws SSLException {
    ByteBuffer plain = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize() + 1024);
    netIn.flip();
    SSLEngineResult r = engine.unwrap(netIn, plain);
    netIn.compact();
    plain.flip();
    if (plain.hasRemaining()) {
      byte[] data = new byte[plain.remaining()];
      plain.get(data);
      app.received(this, now, data);
    }
    if (r.getStatus() == SSLEngineResult.Status.CLOSED && !closing) {
      app.peerClosed(this, now);
    }
    return r.getStatus() != SSLEngineResult.Status.BUFFER_UNDERFLOW && (r.bytesConsumed() > 0 || r.bytesProduced() > 0);
  }

  private void fail(long now, SSLException e) {
    // Let the engine emit the alert it prepared, then give up on the connection.
    try {
      engine.closeOutbound();
      wrap(now);
    } catch (SSLException ignored) {
      // The alert could not be produced; the TCP close below still ends the connection.
    }
    if (!ended) {
      host.trace(new TlsChannelEvent.Closed(tcp.flow(), "jdk: " + e.getMessage()));
      endWith(now, "jdk: " + Arrays.stream(e.getMessage().split("\n")).findFirst().orElse("error"));
    }
    tcp.close(now);
  }
}
