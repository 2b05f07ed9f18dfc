package dev.tlssim.sim;

import dev.tlssim.events.RunEvent;
import dev.tlssim.net.Packet;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one event caused at a node: packets to send now, timers to set or cancel, and the
 * events it reports (they happened at this node, at the event's time). The node answers the kernel
 * with exactly one of these per event.
 */
public record NodeOutput(List<Packet> packets, List<TimerChange> timers, List<RunEvent> events, String failure) {

  public static final NodeOutput NONE = new NodeOutput(List.of(), List.of(), List.of(), null);

  /** The node's own code failed (a bug, not a protocol error): the run stops and reports it. */
  public static NodeOutput failed(String why) {
    return new NodeOutput(List.of(), List.of(), List.of(), why);
  }

  /** Setting a key again replaces the earlier timer with that key. */
  public sealed interface TimerChange {
    TimerKey key();
  }

  public record SetTimer(TimerKey key, long atNanos) implements TimerChange {}

  public record CancelTimer(TimerKey key) implements TimerChange {}

  /**
   * Collector a node fills while it handles one event. Its lists are handed over as they are (the
   * builder is dropped after {@link #build()}), so an answer costs no copies; lists stay unallocated
   * until something is added.
   */
  public static final class Builder {
    private List<Packet> packets = List.of();
    private List<TimerChange> timers = List.of();
    private List<RunEvent> events = List.of();

    public Builder send(Packet p) {
      if (packets.isEmpty()) {
        packets = new ArrayList<>(4);
      }
      packets.add(p);
      return this;
    }

    public Builder setTimer(TimerKey key, long atNanos) {
      timer(new SetTimer(key, atNanos));
      return this;
    }

    public Builder cancelTimer(TimerKey key) {
      timer(new CancelTimer(key));
      return this;
    }

    private void timer(TimerChange change) {
      if (timers.isEmpty()) {
        timers = new ArrayList<>(4);
      }
      timers.add(change);
    }

    public Builder event(RunEvent e) {
      if (events.isEmpty()) {
        events = new ArrayList<>(4);
      }
      events.add(e);
      return this;
    }

    public NodeOutput build() {
      if (packets.isEmpty() && timers.isEmpty() && events.isEmpty()) {
        return NONE;
      }
      return new NodeOutput(packets, timers, events, null);
    }
  }
}
