package dev.tlssim.bench;

import dev.tlssim.events.Recording;
import dev.tlssim.results.ConnectionTracker;
import dev.tlssim.scenario.RunResult;
import dev.tlssim.scenario.Scenario;
import dev.tlssim.scenario.ScenarioRunner;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Kernel events per second of one run doing many small TCP request/response exchanges (no TLS, so
 * almost all work is events), against {@link BareEventLoop} handling as many events. One run uses
 * one core at a time (the kernel waits for each party's answer), so the baseline is single-threaded
 * too.
 */
final class KernelBench {
  /** Long enough for a stable rate from a loop that handles millions of events per second. */
  private static final long MIN_BASELINE_NANOS = 200_000_000L;

  /** Where the bare loop's checksum goes, so that the JIT must do the loop's work. */
  private static volatile long sink;

  private final ScenarioRunner runner;
  private final BenchSettings settings;
  private final Consumer<String> progress;

  KernelBench(ScenarioRunner runner, BenchSettings settings, Consumer<String> progress) {
    this.runner = runner;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Per recording level (full, summary): events per second of wall time and per CPU-second, and
   * bytes allocated per event.
   */
  List<BenchRow> run() {
    List<BenchRow> rows = new ArrayList<>();
    rows.addAll(run(Recording.FULL));
    rows.addAll(run(Recording.SUMMARY));
    return rows;
  }

  private List<BenchRow> run(Recording level) {
    int connections = settings.kernelConnections();
    Scenario scenario = BenchScenarios.parse("bench-kernel", BenchScenarios.tcp("bench-kernel")
        + BenchScenarios.connects(connections, 100, 200, 2_000, true), level);
    List<Measured> simulated = new ArrayList<>();
    List<Measured> baseline = new ArrayList<>();
    List<Measured> roundTrips = new ArrayList<>();
    List<Double> analysisShares = new ArrayList<>();
    List<Double> allocations = new ArrayList<>();
    long events = 0;
    long partyMessages = 0;
    long traceRecords = 0;
    try (ActorRoundTrips actors = new ActorRoundTrips()) {
      for (int round = -settings.warmupRounds(); round < settings.rounds(); round++) {
        RunResult[] result = new RunResult[1];
        long allocatedBefore = allocatedBytes();
        Measured sim = Measured.of(() -> {
          result[0] = runner.run(scenario);
          return result[0].simulation().events();
        });
        long allocated = allocatedBytes() - allocatedBefore;
        RunResult r = result[0];
        if (r.simulation().failure() != null) {
          throw new IllegalStateException("kernel bench run failed: " + r.simulation().failure());
        }
        events = r.simulation().events();
        partyMessages = r.simulation().partyMessages();
        traceRecords = r.trace().size();
        // At the full level, what analysing the kept trace afresh would cost (summaries are computed as
        // the run goes, so the run itself does not pay it): the share the old after-the-run pass took.
        long analysisStart = System.nanoTime();
        ConnectionTracker.connections(r.trace());
        long analysis = System.nanoTime() - analysisStart;
        Measured bare = bare(events, connections);
        long count = events;
        Measured messaging = Measured.of(() -> actors.run(count));
        progress.accept(String.format(Locale.ROOT,
            "kernel %s %s: %d events, simulated %.0f/s (%.0f/CPU-s), bare loop %.0f/s (%.0f/CPU-s), "
                + "actor round trips %.0f/s, %.0f bytes allocated per event", level.wireName(),
            round < 0 ? "warm-up" : "round " + (round + 1), events, sim.perSecond(), sim.perCpuSecond(), bare.perSecond(),
            bare.perCpuSecond(), messaging.perSecond(), (double) allocated / events));
        if (round >= 0) {
          simulated.add(sim);
          baseline.add(bare);
          roundTrips.add(messaging);
          analysisShares.add(100.0 * analysis / sim.wallNanos());
          allocations.add((double) allocated / events);
        }
      }
    }
    double eventMicros = 1e6 / Stats.median(simulated.stream().map(Measured::perSecond).toList());
    double roundTripMicros = 1e6 / Stats.median(roundTrips.stream().map(Measured::perSecond).toList());
    double bareMicros = 1e6 / Stats.median(baseline.stream().map(Measured::perSecond).toList());
    String note = String.format(Locale.ROOT,
        "Recording level %s. One run of %d TCP connections (200 B request, 2 KB response, close), %d kernel "
            + "events, %.1f trace records kept per event; wall time through ScenarioRunner (analysing the kept trace "
            + "afresh would add %.0f%%; summaries are computed as the run goes). Baseline: a "
            + "PriorityQueue of (time, seq) events popped and pushed %d times with a trivial handler, one thread. "
            + "Per event the simulation takes %.2f us against %.3f us for the bare loop. The kernel sent the parties "
            + "%d messages (%.2f events per message: it hands a party the next events of the run in one message when "
            + "nothing can come between them); measured alone as a ping-pong between two empty actors, a round trip "
            + "takes %.2f us, %.0f%% of an event at one message per event. The rest is the party's TCP work, the "
            + "network hop, timer bookkeeping, and the events (kept records live as long as the run, so the GC "
            + "copies them).",
        level.wireName(), connections, events, (double) traceRecords / events, Stats.median(analysisShares), events,
        eventMicros, bareMicros, partyMessages, (double) events / partyMessages, roundTripMicros,
        Math.min(100, 100 * roundTripMicros / eventMicros));
    return List.of(
        Rows.paired("kernel events/s (" + level.wireName() + ")", "events/s", simulated, baseline, Measured::perSecond,
            "bare PriorityQueue loop", note),
        Rows.paired("kernel events/CPU-s (" + level.wireName() + ")", "events/CPU-s", simulated, baseline, Measured::perCpuSecond,
            "bare PriorityQueue loop", "The same rounds per CPU-second of the whole process. A run is "
                + "sequential, but its CPU time also counts the GC threads and the dispatcher threads waking "
                + "and parking between kernel and parties."),
        new BenchRow("kernel bytes allocated/event (" + level.wireName() + ")", Stats.median(allocations), "bytes",
            null, null, null, Stats.spreadPercent(allocations), "The same rounds: bytes allocated by every thread of "
                + "the process during the run (ThreadMXBean.getThreadAllocatedBytes, summed over live threads) per "
                + "kernel event, the run's setup included. What the protocol itself needs (segments, packets, queue "
                + "entries, trace records at full) counts too."));
  }

  /** Bytes allocated so far by the live threads of this process (a thread that ended is not counted). */
  private static long allocatedBytes() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long total = 0;
    for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      total += Math.max(0, bytes);
    }
    return total;
  }

  /** Repeats the bare loop until it has run long enough to time. */
  private static Measured bare(long events, int initial) {
    return Measured.of(() -> {
      long handled = 0;
      long checksum = 0;
      long start = System.nanoTime();
      do {
        checksum += BareEventLoop.run(events, initial, handled);
        handled += events;
      } while (System.nanoTime() - start < MIN_BASELINE_NANOS);
      sink = checksum;
      return handled;
    });
  }
}
