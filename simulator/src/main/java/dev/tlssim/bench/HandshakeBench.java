package dev.tlssim.bench;

import dev.tlssim.scenario.Provisioning;
import dev.tlssim.scenario.RunResult;
import dev.tlssim.scenario.Scenario;
import dev.tlssim.scenario.ScenarioRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Simulated handshakes per second against the JDK doing the same handshakes in memory. Both sides
 * use every core: the simulation by running several scenario runs at once on the runner's actor
 * system, the JDK by one handshake loop per core. Each round measures the JDK and then the
 * simulation with the same number of handshakes, and the ratio is taken per round.
 */
final class HandshakeBench {
  private final ScenarioRunner runner;
  private final ExecutorService threads;
  private final int threadCount;
  private final BenchSettings settings;
  private final Consumer<String> progress;

  HandshakeBench(ScenarioRunner runner, ExecutorService threads, int threadCount, BenchSettings settings,
      Consumer<String> progress) {
    this.runner = runner;
    this.threads = threads;
    this.threadCount = threadCount;
    this.settings = settings;
    this.progress = progress;
  }

  List<BenchRow> run(List<HandshakeCase> cases) {
    List<BenchRow> rows = new ArrayList<>();
    for (HandshakeCase c : cases) {
      rows.addAll(measure(c));
    }
    return rows;
  }

  /** Two rows: per second of wall time (what a user waits for) and per CPU-second (stabler when shared). */
  private List<BenchRow> measure(HandshakeCase c) {
    int perRun = settings.handshakesPerRun() * c.scale();
    Scenario scenario = c.scenario(perRun);
    long setupStart = System.nanoTime();
    Provisioning.Result pki = Provisioning.provision(scenario.pki(), scenario.seed());
    HandshakeCase.JdkBaseline jdk = c.jdk(pki);
    progress.accept("handshakes " + c.name() + ": keys and JDK contexts ready in "
        + (System.nanoTime() - setupStart) / 1_000_000 + " ms");
    int handshakes = settings.simulatedRuns() * perRun;
    List<Measured> simulated = new ArrayList<>();
    List<Measured> baseline = new ArrayList<>();
    for (int round = -settings.warmupRounds(); round < settings.rounds(); round++) {
      Measured jdkRound = Measured.of(() -> jdkRound(jdk, handshakes));
      Measured simRound = Measured.of(() -> simulatedRound(c, scenario));
      progress.accept(String.format(Locale.ROOT,
          "handshakes %s %s: simulated %.0f/s (%.0f/CPU-s), JDK %.0f/s (%.0f/CPU-s)", c.name(),
          round < 0 ? "warm-up" : "round " + (round + 1), simRound.perSecond(), simRound.perCpuSecond(),
          jdkRound.perSecond(), jdkRound.perCpuSecond()));
      if (round >= 0) {
        simulated.add(simRound);
        baseline.add(jdkRound);
      }
    }
    // Timed after the rounds, warm and with the keys cached, as the measured runs saw it.
    long provisionNanos = timeProvisioning(scenario);
    double perCpuSecond = Stats.median(simulated.stream().map(Measured::perCpuSecond).toList());
    String note = String.format(Locale.ROOT,
        "%s. Simulated end to end: %d runs at once through ScenarioRunner, %d handshakes each (TCP connect and close, "
            + "tracing, result analysis and the run's PKI issuance included: %.1f ms of CPU per run, about %.0f%% "
            + "of a run's CPU). JDK: SSLEngine pairs in memory on %d threads, %s.",
        c.description(), settings.simulatedRuns(), perRun, provisionNanos / 1e6,
        100 * provisionShare(provisionNanos, perRun / perCpuSecond), threadCount, jdk.negotiated());
    return List.of(
        Rows.paired("handshakes/s " + c.name(), "/s", simulated, baseline, Measured::perSecond,
            c.baseline(), note),
        Rows.paired("handshakes/CPU-s " + c.name(), "/CPU-s", simulated, baseline, Measured::perCpuSecond,
            c.baseline(), "The same rounds per CPU-second of the whole process (GC and JIT "
                + "included): less sensitive to other processes on the machine than the rate per second."));
  }

  /** Runs start together and share the cores; counts the handshakes the case measures. */
  private long simulatedRound(HandshakeCase c, Scenario scenario) {
    List<CompletableFuture<RunResult>> runs = new ArrayList<>();
    for (int i = 0; i < settings.simulatedRuns(); i++) {
      runs.add(runner.start(scenario));
    }
    long measured = 0;
    for (CompletableFuture<RunResult> run : runs) {
      RunResult r = run.join();
      if (r.simulation().failure() != null) {
        throw new IllegalStateException("bench run " + scenario.name() + " failed: " + r.simulation().failure());
      }
      measured += r.connections().stream().filter(c::measured).count();
    }
    return measured;
  }

  /** The same number of handshakes, split over one loop per thread. */
  private long jdkRound(HandshakeCase.JdkBaseline jdk, int handshakes) {
    return Loops.run(threads, Collections.nCopies(threadCount, jdk.handshake()), handshakes, "the JDK baseline");
  }

  /** CPU time of one provisioning, on this thread: wall time would count other processes' turns. */
  private static long timeProvisioning(Scenario scenario) {
    ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    long start = threadBean.getCurrentThreadCpuTime();
    Provisioning.provision(scenario.pki(), scenario.seed());
    return threadBean.getCurrentThreadCpuTime() - start;
  }

  /** The share of a run's CPU time ({@code cpuSecondsPerRun}) spent issuing its PKI. */
  private static double provisionShare(long provisionCpuNanos, double cpuSecondsPerRun) {
    return Math.min(1, provisionCpuNanos / 1e9 / cpuSecondsPerRun);
  }
}
