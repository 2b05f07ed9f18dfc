package dev.tlssim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * The threads runs execute on: one dispatcher of one thread per core (a lane), and every actor of a
 * run (its kernel and its parties) on one lane.
 *
 * <p>Why: a run is a strict chain of messages (the kernel hands a party its events and waits for the
 * answer), so it never has two messages to process at once. On a shared fork-join pool each message
 * woke an idle worker to take it, and the run's events bounced between threads that parked and
 * unparked; on one thread the answer is taken up by the same thread that sent the request. Runs in
 * parallel (a sweep, the bench's load) spread over the lanes, so every core still works. The
 * kernel's order of events is unaffected: which thread runs a message was never part of it.
 */
final class RunLanes {
  private static final String PREFIX = "tlssim.lane-";

  private final AtomicIntegerArray active;

  RunLanes(int lanes) {
    this.active = new AtomicIntegerArray(lanes);
  }

  static int defaultCount() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** The actor system's configuration with the lanes' dispatchers added. */
  Config config() {
    StringBuilder conf = new StringBuilder();
    for (int lane = 0; lane < active.length(); lane++) {
      conf.append(PREFIX).append(lane).append(" {\n")
          .append("  type = Dispatcher\n")
          .append("  executor = thread-pool-executor\n")
          .append("  thread-pool-executor { fixed-pool-size = 1 }\n")
          .append("  throughput = 100\n")
          .append("}\n");
    }
    return ConfigFactory.parseString(conf.toString()).withFallback(ConfigFactory.load());
  }

  /** The lane with the fewest runs on it now, which the caller must {@link #release} when its run ends. */
  int acquire() {
    int best = 0;
    for (int lane = 1; lane < active.length(); lane++) {
      if (active.get(lane) < active.get(best)) {
        best = lane;
      }
    }
    active.incrementAndGet(best);
    return best;
  }

  void release(int lane) {
    active.decrementAndGet(lane);
  }

  static DispatcherSelector dispatcher(int lane) {
    return DispatcherSelector.fromConfig(PREFIX + lane);
  }
}
