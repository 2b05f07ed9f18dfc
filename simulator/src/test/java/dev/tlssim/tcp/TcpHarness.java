package dev.tlssim.tcp;

import dev.tlssim.sim.TimerKey;
import dev.tlssim.events.RunEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;

/**
 * Two TCP stacks joined by a fixed one-way delay, driven by a tiny event loop: the sans-I/O TCP
 * tested with no actors and no kernel. {@code drop} decides per (sender, ordinal of its segment).
 */
final class TcpHarness {
  record Event(long time, long seq, Runnable action) {}

  final long delay;
  final List<String> log = new ArrayList<>();
  final Map<String, TcpStack> stacks = new HashMap<>();
  /** Every segment a node sent, lost ones included, in order. */
  final List<Transmitted> transmitted = new ArrayList<>();

  record Transmitted(long time, String node, TcpSegment segment) {}

  private final Map<String, Integer> sent = new HashMap<>();
  private record NodeTimer(String node, TimerKey key) {}

  private final Map<NodeTimer, Long> timers = new HashMap<>();
  private final PriorityQueue<Event> queue =
      new PriorityQueue<>((x, y) -> x.time != y.time ? Long.compare(x.time, y.time) : Long.compare(x.seq, y.seq));
  private final BiPredicate<String, Integer> drop;
  private long seq;
  long now;

  TcpHarness(long delay, TcpConfig config, BiPredicate<String, Integer> drop) {
    this(delay, config, config, drop);
  }

  /** Node a runs {@code a}, node b runs {@code b}. */
  TcpHarness(long delay, TcpConfig a, TcpConfig b, BiPredicate<String, Integer> drop) {
    this.delay = delay;
    this.drop = drop;
    stacks.put("a", new TcpStack("a", a, host("a"), new SplittableRandom("a".hashCode())));
    stacks.put("b", new TcpStack("b", b, host("b"), new SplittableRandom("b".hashCode())));
  }

  private TcpStack.Host host(String node) {
    return new TcpStack.Host() {
      @Override
      public void transmit(String remote, TcpSegment s) {
        int n = sent.merge(node, 1, Integer::sum);
        transmitted.add(new Transmitted(now, node, s));
        log.add(now + " " + node + " send " + s.flagList().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(",")) + " len=" + s.length());
        if (drop.test(node, n)) {
          log.add(now + " " + node + " dropped #" + n);
          return;
        }
        at(now + delay, () -> stacks.get(remote).onSegment(now, node, s));
      }

      @Override
      public void setTimer(TimerKey key, long atNanos) {
        long id = seq;
        timers.put(new NodeTimer(node, key), id);
        at(atNanos, () -> {
          Long live = timers.get(new NodeTimer(node, key));
          if (live != null && live == id) {
            timers.remove(new NodeTimer(node, key));
            stacks.get(node).onTimer(now, key);
          }
        });
      }

      @Override
      public void cancelTimer(TimerKey key) {
        timers.remove(new NodeTimer(node, key));
      }

      @Override
      public void trace(RunEvent event) {
        log.add(now + " " + node + " " + event.kind().wireName() + " " + event);
      }
    };
  }

  void at(long time, Runnable r) {
    queue.add(new Event(time, seq++, r));
  }

  void runUntil(long limit) {
    while (!queue.isEmpty() && queue.peek().time <= limit) {
      Event e = queue.poll();
      now = e.time;
      e.action.run();
    }
  }

  List<String> lines(String contains) {
    return log.stream().filter(l -> l.contains(contains)).toList();
  }

  /** Records what the application hears. */
  static class Recorder implements TcpConnection.Listener {
    final List<String> events = new ArrayList<>();
    long bytes;
    long establishedAt = -1;

    @Override
    public void established(TcpConnection c, long now) {
      establishedAt = now;
      events.add("established@" + now);
    }

    @Override
    public void received(TcpConnection c, long now, byte[] data) {
      bytes += data.length;
    }

    @Override
    public void failed(TcpConnection c, long now, String reason) {
      events.add("failed:" + reason + "@" + now);
    }
  }
}
