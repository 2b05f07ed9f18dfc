package dev.tlssim.party;

import dev.tlssim.events.Flow;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.tcp.TcpConnection;

/**
 * What every TLS implementation over one TCP connection shares: the application above, the TCP
 * connection below, and what TCP's own ending means for TLS. A FIN before close_notify is a
 * truncation (RFC 5246 §7.2.1) or a peer that gave up during the handshake.
 */
abstract class SecureChannel implements Channel, TcpConnection.Listener {
  protected final Endpoint host;
  protected final Channel.Listener app;
  protected TcpConnection tcp;
  /** The handshake completed and the application was told. */
  protected boolean opened;
  /** The application heard the end (failure or close); nothing more is delivered. */
  protected boolean ended;

  SecureChannel(Endpoint host, Channel.Listener app) {
    this.host = host;
    this.app = app;
  }

  @Override
  public Flow flow() {
    return tcp.flow();
  }

  @Override
  public void peerClosed(TcpConnection c, long now) {
    if (!ended) {
      host.trace(new TlsChannelEvent.Closed(c.flow(), "tcp-fin"));
      endWith(now, opened ? "truncated" : "eof");
    }
    c.close(now);
  }

  @Override
  public void closed(TcpConnection c, long now) {
    app.closed(this, now);
  }

  @Override
  public void failed(TcpConnection c, long now, String reason) {
    endWith(now, reason);
  }

  /** Tells the application the connection failed, once. */
  protected void endWith(long now, String reason) {
    if (!ended) {
      ended = true;
      app.failed(this, now, reason);
    }
  }
}
