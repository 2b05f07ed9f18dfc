package dev.tlssim.party;

import dev.tlssim.events.CpuWork;
import dev.tlssim.events.Flow;
import dev.tlssim.events.Recording;
import dev.tlssim.events.RunEvent;
import dev.tlssim.net.Packet;
import dev.tlssim.sim.CostProfile;
import dev.tlssim.sim.CpuScheduler;
import dev.tlssim.sim.NodeInput;
import dev.tlssim.sim.NodeOutput;
import dev.tlssim.sim.TimerKey;
import dev.tlssim.tcp.TcpConfig;
import dev.tlssim.tcp.TcpSegment;
import dev.tlssim.tcp.TcpStack;
import java.util.HashMap;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * What every host party shares: a TCP stack, CPU cores charged from the cost profile, and the
 * collection of one event's effects. Subclasses add the application (client, server, ...).
 */
public abstract class Endpoint implements Party, TcpStack.Host {
  /** A piece of this node's own work (modelled CPU time, a timeout) that completes at a virtual time. */
  private record Work(Endpoint owner, long seq) implements TimerKey {}

  protected final String name;
  protected final TcpStack tcp;
  protected final CpuScheduler cpu;
  protected final CostProfile costs;
  private final HashMap<Work, LongConsumer> pendingWork = new HashMap<>();
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

  private Recording recording = Recording.FULL;

  /**
   * How much this node reports: at {@link Recording#FULL} TLS messages go with their bytes and
   * annotated fields (for the report's inspector); big runs (loads, sweeps) record less, since
   * detail costs time per message and no summary needs it.
   */
  public void setRecording(Recording level) {
    this.recording = level;
  }

  Recording recording() {
    return recording;
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
  protected boolean onOtherTimer(long now, TimerKey key) {
    return false;
  }

  /** Passes a packet on towards its destination unchanged (an on-path node forwarding). */
  protected void forward(Packet packet) {
    out.send(packet);
  }

  private void onTimer(long now, TimerKey key) {
    LongConsumer work = key instanceof Work w ? pendingWork.remove(w) : null;
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
  protected void compute(long now, long notBefore, java.util.List<String> operations, Flow flow,
      LongConsumer continuation) {
    long cost = 0;
    for (String op : operations) {
      cost += costs.cost(op);
    }
    long done = cpu.submit(Math.max(now, notBefore), cost);
    if (cost > 0) {
      trace(new CpuWork(flow, operations.size() == 1 ? operations.get(0) : String.join(",", operations), cost, done));
    }
    if (done == now) {
      continuation.accept(now);
      return;
    }
    Work key = new Work(this, workSeq++);
    pendingWork.put(key, continuation);
    out.setTimer(key, done);
  }

  protected long now() {
    return now;
  }

  /** Runs {@code continuation} at virtual time {@code at} (a timeout), unless cancelled first. */
  TimerKey schedule(long at, LongConsumer continuation) {
    Work key = new Work(this, workSeq++);
    pendingWork.put(key, continuation);
    out.setTimer(key, at);
    return key;
  }

  void cancel(TimerKey key) {
    if (key instanceof Work w && pendingWork.remove(w) != null) {
      out.cancelTimer(key);
    }
  }

  @Override
  public void transmit(String remoteNode, TcpSegment segment) {
    out.send(new Packet(0, name, remoteNode, segment));
  }

  @Override
  public void setTimer(TimerKey key, long atNanos) {
    out.setTimer(key, atNanos);
  }

  @Override
  public void cancelTimer(TimerKey key) {
    out.cancelTimer(key);
  }

  @Override
  public void trace(RunEvent event) {
    out.event(event);
  }
}
