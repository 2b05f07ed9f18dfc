package dev.tlssim.bench;

import dev.tlssim.sim.Pacing;
import java.util.concurrent.CompletableFuture;

/**
 * Runs as fast as possible until the next event is at or after {@code holdAtNanos}, then holds the
 * run there (the kernel polls, doing nothing) until released. The memory bench uses it to weigh
 * the heap while every connection of a run is open at once.
 */
final class HoldPacing implements Pacing {
  /** How often a held kernel looks again: rarely enough to cost nothing. */
  private static final long POLL_NANOS = 10_000_000L;

  private final long holdAtNanos;
  private final CompletableFuture<Void> reached = new CompletableFuture<>();
  private volatile boolean released;

  HoldPacing(long holdAtNanos) {
    this.holdAtNanos = holdAtNanos;
  }

  @Override
  public long waitBefore(long virtualNanos) {
    if (released || virtualNanos < holdAtNanos) {
      return 0;
    }
    reached.complete(null);
    return POLL_NANOS;
  }

  long holdAtNanos() {
    return holdAtNanos;
  }

  /** Completes when the run has done everything before the hold time. */
  CompletableFuture<Void> reached() {
    return reached;
  }

  void release() {
    released = true;
  }
}
