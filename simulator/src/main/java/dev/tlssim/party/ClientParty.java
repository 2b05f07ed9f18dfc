package dev.tlssim.party;

import dev.tlssim.sim.CostProfile;
import dev.tlssim.tcp.TcpConfig;
import dev.tlssim.tcp.TcpConnection;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A client: opens the connections the timeline asks for and runs the request/response workload
 * on each. Its trace records ("conn.*", "app.*") are what connection results are computed from.
 */
public final class ClientParty extends Endpoint {
  private final Map<String, TcpConnection> connections = new HashMap<>();

  public ClientParty(String name, TcpConfig tcpConfig, int cores, CostProfile costs, SplittableRandom isnRandom) {
    super(name, tcpConfig, cores, costs, isnRandom);
  }

  @Override
  protected void onAction(long now, Object action) {
    if (action instanceof PartyAction.Connect connect) {
      TcpConnection c = tcp.connect(now, connect.server(), connect.port(), new Session(connect));
      connections.put(connect.id(), c);
      trace("conn.start", "conn", connect.id(), "flow", c.flow(), "server", connect.server(), "port", connect.port());
    } else if (action instanceof PartyAction.Close close) {
      TcpConnection c = connections.get(close.id());
      if (c != null) {
        c.close(now);
      }
    }
  }

  /** One connection's workload. */
  private final class Session implements TcpConnection.Listener {
    private final PartyAction.Connect spec;
    private long responseReceived;
    private boolean done;

    Session(PartyAction.Connect spec) {
      this.spec = spec;
    }

    @Override
    public void established(TcpConnection c, long now) {
      trace("conn.established", "conn", spec.id());
      if (spec.requestBytes() > 0) {
        byte[] request = RequestResponse.request(spec.requestBytes(), spec.responseBytes());
        c.write(now, request);
        trace("app.send", "conn", spec.id(), "bytes", request.length);
        if (spec.responseBytes() == 0) {
          finish(c, now);
        }
      } else {
        finish(c, now);
      }
    }

    @Override
    public void received(TcpConnection c, long now, byte[] data) {
      responseReceived += data.length;
      if (!done && responseReceived >= spec.responseBytes()) {
        trace("app.response", "conn", spec.id(), "bytes", responseReceived);
        finish(c, now);
      }
    }

    private void finish(TcpConnection c, long now) {
      done = true;
      if (spec.closeAfterResponse()) {
        c.close(now);
      }
    }

    @Override
    public void peerClosed(TcpConnection c, long now) {
      c.close(now);
    }

    @Override
    public void closed(TcpConnection c, long now) {
      trace("conn.closed", "conn", spec.id());
    }

    @Override
    public void failed(TcpConnection c, long now, String reason) {
      trace("conn.failed", "conn", spec.id(), "reason", reason);
    }
  }
}
