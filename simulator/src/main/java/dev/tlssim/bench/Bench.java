package dev.tlssim.bench;

import dev.tlssim.scenario.ScenarioRunner;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * {@code tlssim bench}: measures the simulator against baselines measured in the same process, so
 * that the ratios hold on any machine even when the absolute numbers do not.
 */
public final class Bench {
  private Bench() {}

  /** Runs every part; {@code progress} hears what is being measured. */
  public static BenchReport run(BenchSettings settings, Consumer<String> progress) {
    double loadBefore = loadAverage();
    long start = System.nanoTime();
    int cores = Runtime.getRuntime().availableProcessors();
    List<BenchRow> rows = new ArrayList<>();
    ExecutorService jdkThreads = Executors.newFixedThreadPool(cores, r -> {
      Thread t = new Thread(r, "bench-jdk");
      t.setDaemon(true);
      return t;
    });
    try (ScenarioRunner runner = new ScenarioRunner()) {
      rows.addAll(new HandshakeBench(runner, jdkThreads, cores, settings, progress).run(HandshakeCases.all()));
      rows.addAll(new EngineBench(jdkThreads, cores, settings, progress).run(HandshakeCases.tls13()));
      rows.addAll(new KernelBench(runner, settings, progress).run());
      rows.addAll(new LoadBench(runner, settings, progress).run());
      rows.addAll(new SweepBench(runner, settings, progress).run());
      // Last: by now every lazily built cache is in place and does not count as per-connection heap.
      rows.addAll(new MemoryBench(runner, settings, progress).run());
    } finally {
      jdkThreads.shutdownNow();
    }
    List<String> notes = List.of(
        "Rates are medians of " + settings.rounds() + " rounds after " + settings.warmupRounds()
            + " warm-up rounds; spread = (max - min) / median over the rounds; each round measures the baseline "
            + "and then the simulation, and ratio is the median of the per-round ratios.",
        "Handshake ratios compare whole stacks: the simulation's TLS uses BouncyCastle, the JDK its own "
            + "providers and PKIX validation, so a ratio mixes the simulation's overhead (network, TCP, actors, "
            + "tracing) with the speed of the two crypto libraries. A ratio >= 1 means a simulated handshake, "
            + "network and all, costs no more than the JDK's handshake alone. The tls13-full-x25519 and "
            + "tls13-resumed-psk rows are TLS 1.3 simulated end to end like the TLS 1.2 rows; the other tls13- rows "
            + "(engine only) compare our TLS 1.3 engines alone, in memory like the JDK's.",
        "Heap is measured after System.gc() with Runtime totalMemory - freeMemory: approximate to a few percent.");
    return new BenchReport(settings.quick() ? "quick" : "full", cores, System.getProperty("java.version"),
        loadBefore, loadAverage(), (System.nanoTime() - start) / 1e9, rows, notes);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
