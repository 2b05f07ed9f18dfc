package dev.tlssim.sim;

import dev.tlssim.net.Packet;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one event caused at a node: packets to send now, timers to set or cancel, trace
 * records. The node answers the kernel with exactly one of these per event.
 */
public record NodeOutput(List<Packet> packets, List<TimerChange> timers, List<TraceEvent> trace, String failure) {
  public NodeOutput {
    packets = List.copyOf(packets);
    timers = List.copyOf(timers);
    trace = List.copyOf(trace);
  }

  public static final NodeOutput NONE = new NodeOutput(List.of(), List.of(), List.of(), null);

  /** The node's own code failed (a bug, not a protocol error): the run stops and reports it. */
  public static NodeOutput failed(String why) {
    return new NodeOutput(List.of(), List.of(), List.of(), why);
  }

  /** Setting a key again replaces the earlier timer with that key. */
  public sealed interface TimerChange {
    String key();
  }

  public record SetTimer(String key, long atNanos) implements TimerChange {}

  public record CancelTimer(String key) implements TimerChange {}

  /** Mutable collector a node fills while it handles one event. */
  public static final class Builder {
    private final List<Packet> packets = new ArrayList<>();
    private final List<TimerChange> timers = new ArrayList<>();
    private final List<TraceEvent> trace = new ArrayList<>();

    public Builder send(Packet p) {
      packets.add(p);
      return this;
    }

    public Builder setTimer(String key, long atNanos) {
      timers.add(new SetTimer(key, atNanos));
      return this;
    }

    public Builder cancelTimer(String key) {
      timers.add(new CancelTimer(key));
      return this;
    }

    public Builder trace(TraceEvent e) {
      trace.add(e);
      return this;
    }

    public NodeOutput build() {
      if (packets.isEmpty() && timers.isEmpty() && trace.isEmpty()) {
        return NONE;
      }
      return new NodeOutput(packets, timers, trace, null);
    }
  }
}
