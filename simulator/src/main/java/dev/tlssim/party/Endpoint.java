package dev.tlssim.party;

import dev.tlssim.net.Packet;
import dev.tlssim.sim.CostProfile;
import dev.tlssim.sim.CpuScheduler;
import dev.tlssim.sim.NodeInput;
import dev.tlssim.sim.NodeOutput;
import dev.tlssim.sim.TraceEvent;
import dev.tlssim.tcp.TcpConfig;
import dev.tlssim.tcp.TcpSegment;
import dev.tlssim.tcp.TcpStack;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * What every host party shares: a TCP stack, CPU cores charged from the cost profile, and the
 * collection of one event's effects. Subclasses add the application (client, server, ...).
 */
public abstract class Endpoint implements Party, TcpStack.Host {
  private static final String CPU_TIMER = "cpu|";

  protected final String name;
  protected final TcpStack tcp;
  protected final CpuScheduler cpu;
  protected final CostProfile costs;
  private final Map<String, LongConsumer> pendingWork = new HashMap<>();
  private long workSeq;
  private NodeOutput.Builder out;
  private long now;

  protected Endpoint(String name, TcpConfig tcpConfig, int cores, CostProfile costs, SplittableRandom isnRandom) {
    this.name = name;
    this.cpu = new CpuScheduler(cores);
    this.costs = costs;
    this.tcp = new TcpStack(name, tcpConfig, this, isnRandom);
  }

  public String name() {
    return name;
  }

  private boolean messageDetail = true;

  /**
   * Whether TLS messages go to the trace with their bytes and annotated fields (for the report's
   * inspector). Big runs (loads, sweeps) turn it off: it costs time and trace space per message.
   */
  public void setMessageDetail(boolean on) {
    this.messageDetail = on;
  }

  boolean messageDetail() {
    return messageDetail;
  }

  @Override
  public final NodeOutput handle(long now, NodeInput input) {
    this.now = now;
    this.out = new NodeOutput.Builder();
    if (input instanceof NodeInput.PacketArrival arrival) {
      onPacket(now, arrival.packet());
    } else if (input instanceof NodeInput.TimerFired timer) {
      if (!tcp.onTimer(now, timer.key()) && !onOtherTimer(now, timer.key())) {
        onTimer(now, timer.key());
      }
    } else if (input instanceof NodeInput.Scripted scripted) {
      onAction(now, scripted.action());
    }
    NodeOutput result = out.build();
    out = null;
    return result;
  }

  /** A scripted action for this party. */
  protected abstract void onAction(long now, Object action);

  /** A packet reached this node: by default, for its own TCP stack. */
  protected void onPacket(long now, Packet packet) {
    if (packet.payload() instanceof TcpSegment segment && packet.destination().equals(name)) {
      tcp.onSegment(now, packet.source(), segment);
    }
  }

  /** A timer that is neither this node's TCP stack's nor its CPU work's (a second stack's). */
  protected boolean onOtherTimer(long now, String key) {
    return false;
  }

  /** Passes a packet on towards its destination unchanged (an on-path node forwarding). */
  protected void forward(Packet packet) {
    out.send(packet);
  }

  private void onTimer(long now, String key) {
    LongConsumer work = pendingWork.remove(key);
    if (work != null) {
      work.accept(now);
    }
  }

  /**
   * Runs {@code continuation} when the modelled computation {@code operation} is done on one of
   * this node's cores: immediately if it costs nothing and a core is free, later otherwise.
   */
  void compute(long now, String operation, LongConsumer continuation) {
    compute(now, now, java.util.List.of(operation), null, continuation);
  }

  /**
   * Runs {@code continuation} when the operations are done: they start no earlier than
   * {@code notBefore} (the previous work of the same connection), on the earliest free core.
   * The trace names the connection's {@code flow} so CPU time is attributed to it.
   */
  protected void compute(long now, long notBefore, java.util.List<String> operations, String flow,
      LongConsumer continuation) {
    long cost = 0;
    for (String op : operations) {
      cost += costs.cost(op);
    }
    long done = cpu.submit(Math.max(now, notBefore), cost);
    if (cost > 0) {
      if (flow == null) {
        trace("cpu", "op", String.join(",", operations), "cost", cost, "done", done);
      } else {
        trace("cpu", "flow", flow, "op", String.join(",", operations), "cost", cost, "done", done);
      }
    }
    if (done == now) {
      continuation.accept(now);
      return;
    }
    String key = CPU_TIMER + (workSeq++);
    pendingWork.put(key, continuation);
    out.setTimer(key, done);
  }

  protected long now() {
    return now;
  }

  /** Runs {@code continuation} at virtual time {@code at} (a timeout), unless cancelled first. */
  String schedule(long at, LongConsumer continuation) {
    String key = CPU_TIMER + (workSeq++);
    pendingWork.put(key, continuation);
    out.setTimer(key, at);
    return key;
  }

  void cancel(String key) {
    if (pendingWork.remove(key) != null) {
      out.cancelTimer(key);
    }
  }

  void trace(String kind, Object... keyValues) {
    out.trace(TraceEvent.of(now, name, kind, keyValues));
  }

  @Override
  public void transmit(String remoteNode, TcpSegment segment) {
    out.send(new Packet(0, name, remoteNode, segment));
  }

  @Override
  public void setTimer(String key, long atNanos) {
    out.setTimer(key, atNanos);
  }

  @Override
  public void cancelTimer(String key) {
    out.cancelTimer(key);
  }

  @Override
  public void trace(String kind, Map<String, Object> details) {
    out.trace(new TraceEvent(now, name, kind, details));
  }
}
