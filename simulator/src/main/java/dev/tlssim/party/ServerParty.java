package dev.tlssim.party;

import dev.tlssim.sim.CostProfile;
import dev.tlssim.tcp.TcpConfig;
import dev.tlssim.tcp.TcpConnection;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A server: listens on its ports and answers each complete request with the number of bytes the
 * request asked for, after the modelled processing time "app.response".
 */
public final class ServerParty extends Endpoint {

  public ServerParty(String name, List<Integer> ports, TcpConfig tcpConfig, int cores, CostProfile costs,
      SplittableRandom isnRandom) {
    super(name, tcpConfig, cores, costs, isnRandom);
    for (int port : ports) {
      tcp.listen(port, Session::new);
    }
  }

  @Override
  protected void onAction(long now, Object action) {
    // A server acts only on what arrives; the timeline has nothing for it yet.
  }

  private final class Session implements TcpConnection.Listener {
    private final RequestResponse.Reader reader = new RequestResponse.Reader();
    private boolean firstByteSeen;

    @Override
    public void received(TcpConnection c, long now, byte[] data) {
      if (!firstByteSeen) {
        firstByteSeen = true;
        trace("app.first-byte", "flow", c.flow());
      }
      int responseBytes = reader.feed(data);
      if (responseBytes >= 0) {
        trace("app.request", "flow", c.flow(), "response", responseBytes);
        compute(now, "app.response", done -> {
          if (c.state() == TcpConnection.State.ESTABLISHED || c.state() == TcpConnection.State.CLOSE_WAIT) {
            c.write(done, new byte[responseBytes]);
          }
        });
      }
    }

    @Override
    public void peerClosed(TcpConnection c, long now) {
      c.close(now);
    }
  }
}
