package dev.tlssim.party;

import dev.tlssim.events.AppEvent;
import dev.tlssim.sim.CostProfile;
import dev.tlssim.tcp.TcpConfig;
import dev.tlssim.tcp.TcpConnection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A server: listens on its ports and answers each complete request with the number of bytes the
 * request asked for, after the modelled processing time "app.response"; over plain TCP, or over
 * the channel its configuration provides (TLS).
 */
public final class ServerParty extends Endpoint {

  /** Makes the channel of an accepted connection around its application. */
  interface ChannelFactory {
    TcpConnection.Listener accept(Channel.Listener app);
  }

  public ServerParty(String name, List<Integer> ports, TcpConfig tcpConfig, int cores, CostProfile costs,
      SplittableRandom isnRandom) {
    this(name, ports, tcpConfig, cores, costs, isnRandom, null);
  }

  ServerParty(String name, List<Integer> ports, TcpConfig tcpConfig, int cores, CostProfile costs,
      SplittableRandom isnRandom, Function<ServerParty, ChannelFactory> channels) {
    super(name, tcpConfig, cores, costs, isnRandom);
    ChannelFactory factory = channels == null ? null : channels.apply(this);
    for (int port : ports) {
      tcp.listen(port, () -> factory == null ? new PlainChannel(new Session()) : factory.accept(new Session()));
    }
  }

  private Enroller enroller;

  /** Lets this server renew its certificate when the timeline says so. */
  void enableEnrollment(Enroller e) {
    this.enroller = e;
  }

  @Override
  protected void onAction(long now, Object action) {
    if (action instanceof PartyAction.Enroll e && enroller != null) {
      enroller.start(this, now, e);
    }
  }

  private final class Session implements Channel.Listener {
    private final RequestResponse.Reader reader = new RequestResponse.Reader();
    private boolean firstByteSeen;
    private boolean open = true;

    @Override
    public void opened(Channel c, long now) {
    }

    @Override
    public void received(Channel c, long now, byte[] data) {
      if (!firstByteSeen) {
        firstByteSeen = true;
        trace(new AppEvent.FirstByte(c.flow()));
      }
      int responseBytes = reader.feed(data);
      if (responseBytes >= 0) {
        trace(new AppEvent.Request(c.flow(), responseBytes));
        compute(now, "app.response", done -> {
          if (open && responseBytes > 0) {
            c.write(done, RequestResponse.response(responseBytes));
          }
        });
      }
    }

    @Override
    public void peerClosed(Channel c, long now) {
      c.close(now);
      open = false;
    }

    @Override
    public void closed(Channel c, long now) {
      open = false;
    }

    @Override
    public void failed(Channel c, long now, String reason) {
      open = false;
    }
  }
}
