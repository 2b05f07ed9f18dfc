package dev.tlssim.bench;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The least a discrete-event kernel can do: pop the earliest (time, sequence) event from a
 * priority queue, run a trivial handler, push a follow-up event. The simulation kernel does this
 * plus its real work; the gap between the two is what the real work costs.
 */
final class BareEventLoop {
  /** Shaped like the kernel's queue entries: a time, a tie-breaking sequence number, a payload. */
  private record Event(long time, long seq, Object what) {}

  private static final Comparator<Event> ORDER =
      (x, y) -> x.time != y.time ? Long.compare(x.time, y.time) : Long.compare(x.seq, y.seq);

  private BareEventLoop() {}

  /**
   * Handles exactly {@code events} events, starting from {@code initial} queued ones (as a run
   * starts with its timeline queued); returns a checksum so the JIT cannot drop the work.
   */
  static long run(long events, int initial, long seed) {
    PriorityQueue<Event> queue = new PriorityQueue<>(ORDER);
    SplittableRandom random = new SplittableRandom(seed);
    long seq = 0;
    for (int i = 0; i < initial && seq < events; i++) {
      queue.add(new Event(random.nextLong(1_000_000_000L), seq++, i));
    }
    long checksum = 0;
    for (Event e = queue.poll(); e != null; e = queue.poll()) {
      checksum += e.seq ^ e.time;
      if (seq < events) {
        // A follow-up a little later, as a packet arrival follows a send.
        queue.add(new Event(e.time + 1 + random.nextLong(10_000_000L), seq++, e.what));
      }
    }
    return checksum;
  }
}
