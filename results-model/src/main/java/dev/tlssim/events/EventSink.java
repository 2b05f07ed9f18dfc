package dev.tlssim.events;

/**
 * Where a run's events go as they happen, in the kernel's order: the run's summaries, and the
 * trace when one is kept. Called by one thread at a time (the run's kernel).
 */
@FunctionalInterface
public interface EventSink {
  void record(long timeNanos, String node, RunEvent event);

  EventSink NONE = (t, node, event) -> { };
}
