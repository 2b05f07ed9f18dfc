package dev.tlssim.net;

import dev.tlssim.events.PacketEvent.DropReason;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * The running state of one direction of a link: its transmit queue, the last arrival time (to keep
 * FIFO order under jitter), loss-model state and its own random stream. Mutable; owned by one
 * simulation run.
 */
final class LinkDirection {
  private final String from;
  private final String to;
  /** Built once: every packet's hop and arrival names its link. */
  private final String name;
  private final LinkParams params;
  private final SplittableRandom random;
  private final LossModel.State lossState;
  private final ArrayDeque<Long> queuedUntil = new ArrayDeque<>();
  private long busyUntil;
  private long lastArrival;
  private double lastJitterDraw;
  private double lastReorderDraw;
  private int sinceImmediate;
  private long packetsEntered;

  LinkDirection(String from, String to, LinkParams params, SplittableRandom random) {
    this.from = from;
    this.to = to;
    this.name = from + "->" + to;
    this.params = params;
    this.random = random;
    this.lossState = params.loss().newState();
  }

  String from() {
    return from;
  }

  String to() {
    return to;
  }

  LinkParams params() {
    return params;
  }

  String name() {
    return name;
  }

  /**
   * The least time any packet entering this direction takes to arrive: its latency, unless jitter or
   * reordering can make a packet faster than that, in which case nothing is promised (0).
   */
  long guaranteedDelayNanos() {
    return params.jitterNanos() == 0 && params.reorder() == 0 ? params.latencyNanos() : 0;
  }

  /**
   * Decides the fate of one packet entering this direction at {@code now}: dropped (with the
   * reason) or delivered to {@code to} at some time. Draw order is fixed (loss, corruption,
   * duplication, reordering, jitter) so one seed always gives the same fates.
   */
  Fate transmit(int size, long now) {
    packetsEntered++;
    boolean lost = lossState.lose(random);
    boolean corrupted = params.corrupt() > 0 && random.nextDouble() < params.corrupt();
    boolean duplicated = params.duplicate() > 0 && random.nextDouble() < params.duplicate();
    if (lost) {
      return Fate.dropped(DropReason.LOSS);
    }
    if (params.dropList().contains(packetsEntered)) {
      return Fate.dropped(DropReason.DROP_LIST);
    }
    if (size > params.mtu()) {
      return Fate.dropped(DropReason.MTU);
    }
    long first = schedule(size, now);
    if (first < 0) {
      return Fate.dropped(DropReason.QUEUE);
    }
    if (corrupted) {
      // A flipped bit fails the receiver's IP/TCP checksum: the packet occupies the link and is
      // then discarded at the receiver, which is a loss as far as the protocols are concerned.
      return Fate.dropped(DropReason.CORRUPT);
    }
    long copy = duplicated ? schedule(size, now) : -1;
    return new Fate(first, copy, null);
  }

  private long schedule(int size, long now) {
    while (!queuedUntil.isEmpty() && queuedUntil.peekFirst() <= now) {
      queuedUntil.pollFirst();
    }
    if (params.rateBitsPerSecond() > 0 && queuedUntil.size() >= params.limit()) {
      return -1;
    }
    long start = Math.max(now, busyUntil);
    long done = start + params.serializationNanos(size);
    if (params.rateBitsPerSecond() > 0) {
      busyUntil = done;
      queuedUntil.addLast(done);
    }
    if (reorderNow()) {
      // netem's reorder: this packet is sent without the delay, so it overtakes earlier ones.
      return done;
    }
    long arrival = done + params.latencyNanos() + jitter();
    arrival = Math.max(arrival, done);
    arrival = Math.max(arrival, lastArrival);
    lastArrival = arrival;
    return arrival;
  }

  private boolean reorderNow() {
    if (params.reorder() == 0) {
      return false;
    }
    sinceImmediate++;
    double u = correlated(random.nextDouble(), params.reorderCorrelation(), lastReorderDraw);
    lastReorderDraw = u;
    boolean gapReached = params.reorderGap() == 0 || sinceImmediate >= params.reorderGap();
    if (gapReached && u < params.reorder()) {
      sinceImmediate = 0;
      return true;
    }
    return false;
  }

  private long jitter() {
    if (params.jitterNanos() == 0) {
      return 0;
    }
    double d = params.distribution().draw(random);
    d = correlated(d, params.jitterCorrelation(), lastJitterDraw);
    lastJitterDraw = d;
    return Math.round(d * params.jitterNanos());
  }

  private static double correlated(double fresh, double correlation, double last) {
    return correlation == 0 ? fresh : (1 - correlation) * fresh + correlation * last;
  }

  /** Arrival time of the packet (and of its duplicate, or -1), or the drop reason. */
  record Fate(long arrival, long duplicateArrival, DropReason dropReason) {
    static Fate dropped(DropReason reason) {
      return new Fate(-1, -1, reason);
    }

    boolean dropped() {
      return dropReason != null;
    }
  }
}
