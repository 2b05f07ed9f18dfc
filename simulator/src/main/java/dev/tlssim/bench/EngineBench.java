package dev.tlssim.bench;

import dev.tlssim.tls.core.TlsEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Our TLS 1.3 engines' handshakes per second against the JDK's, both in memory and on one loop per
 * core. Each round measures the JDK and then our engines with the same number of handshakes, and
 * the ratio is taken per round, as in {@link HandshakeBench}.
 */
final class EngineBench {
  static final String BASELINE = "JDK SSLEngine TLSv1.3 in memory";

  private final ExecutorService threads;
  private final int threadCount;
  private final BenchSettings settings;
  private final Consumer<String> progress;

  EngineBench(ExecutorService threads, int threadCount, BenchSettings settings, Consumer<String> progress) {
    this.threads = threads;
    this.threadCount = threadCount;
    this.settings = settings;
    this.progress = progress;
  }

  List<BenchRow> run(List<EngineCase> cases) {
    List<BenchRow> rows = new ArrayList<>();
    for (EngineCase c : cases) {
      rows.addAll(measure(c));
    }
    return rows;
  }

  /** Two rows, per second and per CPU-second, as for the simulated handshakes. */
  private List<BenchRow> measure(EngineCase c) {
    long setupStart = System.nanoTime();
    EngineCase.Prepared sides = c.prepare(threadCount);
    progress.accept("handshakes " + c.name() + ": keys, configurations and setup handshakes ready in "
        + (System.nanoTime() - setupStart) / 1_000_000 + " ms");
    // As many handshakes per round as the simulated cases do, so rounds last about as long.
    int handshakes = settings.simulatedRuns() * settings.handshakesPerRun() * c.scale();
    List<Measured> ours = new ArrayList<>();
    List<Measured> baseline = new ArrayList<>();
    for (int round = -settings.warmupRounds(); round < settings.rounds(); round++) {
      Measured jdkRound = Measured.of(() -> Loops.run(threads, sides.jdk(), handshakes, "the JDK baseline"));
      Measured ourRound = Measured.of(() -> Loops.run(threads, sides.ours(), handshakes, "our TLS 1.3 engines"));
      progress.accept(String.format(Locale.ROOT,
          "handshakes %s %s: ours %.0f/s (%.0f/CPU-s), JDK %.0f/s (%.0f/CPU-s)", c.name(),
          round < 0 ? "warm-up" : "round " + (round + 1), ourRound.perSecond(), ourRound.perCpuSecond(),
          jdkRound.perSecond(), jdkRound.perCpuSecond()));
      if (round >= 0) {
        ours.add(ourRound);
        baseline.add(jdkRound);
      }
    }
    String note = String.format(Locale.ROOT,
        "Engine only, not simulated: %s. Ours: TlsEndpoint client and server (BouncyCastle) in memory, no "
            + "network, TCP, actors or tracing (tls13-full-x25519 and tls13-resumed-psk are the simulated rows), %s. JDK: SSLEngine pairs with protocol TLSv1.3 in memory, %s. "
            + "Both: %d handshakes per round on %d threads, every one checked to have completed as described.",
        c.description(), sides.oursNegotiated(), sides.jdkNegotiated(), handshakes, threadCount);
    return List.of(
        Rows.paired("handshakes/s " + c.name(), "/s", ours, baseline, Measured::perSecond, BASELINE, note),
        Rows.paired("handshakes/CPU-s " + c.name(), "/CPU-s", ours, baseline, Measured::perCpuSecond, BASELINE,
            "The same rounds per CPU-second of the whole process (GC and JIT included): less sensitive to other "
                + "processes on the machine than the rate per second."));
  }
}
