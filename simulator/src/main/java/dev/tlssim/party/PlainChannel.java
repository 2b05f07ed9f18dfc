package dev.tlssim.party;

import dev.tlssim.events.Flow;
import dev.tlssim.tcp.TcpConnection;

/** Application bytes straight on TCP. */
final class PlainChannel implements Channel, TcpConnection.Listener {
  private final Channel.Listener app;
  private TcpConnection tcp;

  PlainChannel(Channel.Listener app) {
    this.app = app;
  }

  void attach(TcpConnection connection) {
    this.tcp = connection;
  }

  @Override
  public void write(long now, byte[] data) {
    tcp.write(now, data);
  }

  @Override
  public void close(long now) {
    tcp.close(now);
  }

  @Override
  public Flow flow() {
    return tcp.flow();
  }

  @Override
  public void established(TcpConnection c, long now) {
    attach(c);
    app.opened(this, now);
  }

  @Override
  public void received(TcpConnection c, long now, byte[] data) {
    attach(c);
    app.received(this, now, data);
  }

  @Override
  public void peerClosed(TcpConnection c, long now) {
    app.peerClosed(this, now);
  }

  @Override
  public void closed(TcpConnection c, long now) {
    app.closed(this, now);
  }

  @Override
  public void failed(TcpConnection c, long now, String reason) {
    app.failed(this, now, reason);
  }
}
