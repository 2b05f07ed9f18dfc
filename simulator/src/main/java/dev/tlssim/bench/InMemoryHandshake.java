package dev.tlssim.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * Drives a JDK client and server {@link SSLEngine} through a handshake by handing each one's output
 * buffer to the other: no sockets, no threads, no network. This is the baseline a simulated
 * handshake is compared with, so it does nothing but the TLS work itself.
 */
final class InMemoryHandshake {
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
  /** A whole flight fits: the server's first flight with a 2-certificate chain is about 2 KB. */
  private static final int BUFFER = 64 * 1024;
  /** A TLS 1.2 handshake takes about twenty engine steps; far more means the engines are stuck. */
  private static final int MAX_STEPS = 1_000;

  private InMemoryHandshake() {}

  /**
   * Runs the handshake to the end on both sides. When {@code serverSent} is not null it receives
   * every byte the server produced, for checking what was negotiated.
   */
  static void run(SSLEngine client, SSLEngine server, ByteArrayOutputStream serverSent) throws SSLException {
    run(client, server, null, serverSent);
  }

  /** As {@link #run(SSLEngine, SSLEngine, ByteArrayOutputStream)}, also recording the client's bytes when asked. */
  static void run(SSLEngine client, SSLEngine server, ByteArrayOutputStream clientSent,
      ByteArrayOutputStream serverSent) throws SSLException {
    ByteBuffer toServer = ByteBuffer.allocate(BUFFER);
    ByteBuffer toClient = ByteBuffer.allocate(BUFFER);
    ByteBuffer clientApp = ByteBuffer.allocate(client.getSession().getApplicationBufferSize());
    ByteBuffer serverApp = ByteBuffer.allocate(server.getSession().getApplicationBufferSize());
    client.beginHandshake();
    server.beginHandshake();
    for (int step = 0; step < MAX_STEPS; step++) {
      if (done(client) && done(server)) {
        // A TLS 1.3 server sends its NewSessionTicket after its handshake (RFC 8446 §4.6.1) and the
        // client reads it on its next unwrap: without that read it could never resume. TLS 1.2
        // leaves nothing in flight here.
        deliverRest("client", client, toClient, clientApp);
        deliverRest("server", server, toServer, serverApp);
        return;
      }
      boolean moved = advance("client", client, toClient, toServer, clientApp, clientSent);
      moved |= advance("server", server, toServer, toClient, serverApp, serverSent);
      if (!moved) {
        throw new IllegalStateException("the JDK handshake stalled: client " + client.getHandshakeStatus()
            + ", server " + server.getHandshakeStatus());
      }
    }
    throw new IllegalStateException("the JDK handshake did not finish in " + MAX_STEPS + " steps");
  }

  /** Has {@code engine} read every byte its peer sent after both handshakes finished. */
  private static void deliverRest(String side, SSLEngine engine, ByteBuffer in, ByteBuffer app) throws SSLException {
    in.flip();
    while (in.hasRemaining()) {
      SSLEngineResult r = engine.unwrap(in, app);
      app.clear();
      expectOk(side, r);
      if (r.bytesConsumed() == 0) {
        throw new IllegalStateException("JDK " + side + " engine left " + in.remaining()
            + " bytes unread after the handshake (" + r + ")");
      }
    }
    in.clear();
  }

  private static boolean done(SSLEngine e) {
    return e.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING;
  }

  /** One step of one engine; false when it could not move (waiting for the peer's bytes). */
  private static boolean advance(String side, SSLEngine engine, ByteBuffer in, ByteBuffer out, ByteBuffer app,
      ByteArrayOutputStream record) throws SSLException {
    HandshakeStatus status = engine.getHandshakeStatus();
    switch (status) {
      case NEED_TASK -> {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
          task.run();
        }
        return true;
      }
      case NEED_WRAP -> {
        int start = out.position();
        SSLEngineResult r = engine.wrap(EMPTY, out);
        expectOk(side, r);
        if (record != null) {
          record.write(out.array(), start, out.position() - start);
        }
        return r.bytesProduced() > 0 || r.getHandshakeStatus() != status;
      }
      case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
        in.flip();
        SSLEngineResult r = engine.unwrap(in, app);
        in.compact();
        app.clear();
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
          return false;
        }
        expectOk(side, r);
        return r.bytesConsumed() > 0 || r.getHandshakeStatus() != status;
      }
      default -> {
        return false;
      }
    }
  }

  private static void expectOk(String side, SSLEngineResult r) {
    if (r.getStatus() != SSLEngineResult.Status.OK) {
      throw new IllegalStateException("JDK " + side + " engine: " + r.getStatus() + " (" + r + ")");
    }
  }
}
