package dev.tlssim.party;

import dev.tlssim.events.AppEvent;
import dev.tlssim.events.ConnectionEvent;
import dev.tlssim.sim.CostProfile;
import dev.tlssim.tcp.TcpConfig;
import dev.tlssim.tcp.TcpConnection;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A client: opens the connections the timeline asks for and runs the request/response workload
 * on each, over plain TCP or over the channel its configuration provides (TLS). Its trace records
 * ("conn.*", "app.*") are what connection results are computed from.
 */
public final class ClientParty extends Endpoint {
  /** The open connections' channels, by the timeline's id: a connection leaves when it closes or fails. */
  private final Map<String, Channel> channels = new HashMap<>();
  private final ChannelFactory channelFactory;

  /** Makes the channel of a new connection around its application; plain TCP when null. */
  interface ChannelFactory {
    ChannelBinding create(PartyAction.Connect connect, Channel.Listener app);
  }

  /** A channel and the TCP listener that drives it. */
  record ChannelBinding(Channel channel, TcpConnection.Listener tcpListener) {}

  public ClientParty(String name, TcpConfig tcpConfig, int cores, CostProfile costs, SplittableRandom isnRandom) {
    this(name, tcpConfig, cores, costs, isnRandom, null);
  }

  ClientParty(String name, TcpConfig tcpConfig, int cores, CostProfile costs, SplittableRandom isnRandom,
      Function<ClientParty, ChannelFactory> channels) {
    super(name, tcpConfig, cores, costs, isnRandom);
    this.channelFactory = channels == null ? null : channels.apply(this);
  }

  @Override
  protected void onAction(long now, Object action) {
    if (action instanceof PartyAction.Connect connect) {
      Session session = new Session(connect);
      ChannelBinding binding;
      if (channelFactory == null) {
        PlainChannel plain = new PlainChannel(session);
        binding = new ChannelBinding(plain, plain);
      } else {
        binding = channelFactory.create(connect, session);
      }
      TcpConnection c = tcp.connect(now, connect.server(), connect.port(), binding.tcpListener());
      if (binding.channel() instanceof PlainChannel plain) {
        plain.attach(c);
      }
      channels.put(connect.id(), binding.channel());
      trace(new ConnectionEvent.Started(connect.id(), c.flow(), connect.server(), connect.port()));
    } else if (action instanceof PartyAction.Close close) {
      Channel c = channels.get(close.id());
      if (c != null) {
        c.close(now);
      }
    }
  }

  /** One connection's workload. */
  private final class Session implements Channel.Listener {
    private final PartyAction.Connect spec;
    private long responseReceived;
    private boolean done;

    Session(PartyAction.Connect spec) {
      this.spec = spec;
    }

    @Override
    public void opened(Channel c, long now) {
      trace(new ConnectionEvent.Established(spec.id()));
      if (c.earlyDataAccepted()) {
        // The request already went as 0-RTT data and the server took it (RFC 8446 §4.2.10).
        if (spec.responseBytes() == 0) {
          finish(c, now);
        }
      } else if (spec.requestBytes() > 0) {
        byte[] request = RequestResponse.request(spec.requestBytes(), spec.responseBytes());
        c.write(now, request);
        trace(new AppEvent.Sent(spec.id(), request.length));
        if (spec.responseBytes() == 0) {
          finish(c, now);
        }
      } else {
        finish(c, now);
      }
    }

    @Override
    public void received(Channel c, long now, byte[] data) {
      responseReceived += data.length;
      if (!done && responseReceived >= spec.responseBytes()) {
        trace(new AppEvent.Response(spec.id(), responseReceived));
        finish(c, now);
      }
    }

    private void finish(Channel c, long now) {
      done = true;
      if (spec.closeAfterResponse()) {
        c.close(now);
      }
    }

    @Override
    public void peerClosed(Channel c, long now) {
      c.close(now);
    }

    @Override
    public void closed(Channel c, long now) {
      channels.remove(spec.id());
      trace(new ConnectionEvent.Closed(spec.id()));
    }

    @Override
    public void failed(Channel c, long now, String reason) {
      channels.remove(spec.id());
      trace(new ConnectionEvent.Failed(spec.id(), reason));
    }
  }
}
