package dev.tlssim.bench;

import dev.tlssim.results.LoadSummary;
import dev.tlssim.scenario.RunResult;
import dev.tlssim.scenario.Scenario;
import dev.tlssim.scenario.ScenarioRunner;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A long load in one run, shaped like scenarios/server-under-load.yaml (returning clients that
 * resume with a ticket, through a router, to a one-core server) at recording level summary: its
 * wall time, and the peak heap, which should follow the open connections, not the load's length.
 */
final class LoadBench {
  /** Below the one core's capacity for resumed handshakes (about 20,000/s), so few are open at once. */
  private static final int RATE_PER_SECOND = 5_000;

  private final ScenarioRunner runner;
  private final BenchSettings settings;
  private final Consumer<String> progress;

  LoadBench(ScenarioRunner runner, BenchSettings settings, Consumer<String> progress) {
    this.runner = runner;
    this.settings = settings;
    this.progress = progress;
  }

  /** The scenario: {@code count} connections of one load. */
  static String yaml(String name, int count) {
    return """
        name: %s
        seed: %d
        pki:
          authorities:
            root: {subject: "tlssim Root CA", key: rsa2048}
          certificates:
            www: {issuer: root, key: rsa2048, names: [%s]}
        nodes:
          returning-clients: {role: client, cores: 64, tls: {serverName: %s, trust: [root], suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256], resumption: ticket}}
          router: {role: router}
          server: {role: server, cores: 1, tls: {certificate: www}}
        links:
          - {between: [returning-clients, router], latency: 5ms}
          - {between: [router, server], latency: 5ms}
        cost: {profile: default}
        until: 100000s
        timeline:
          - {at: 0s, load: {id: returning, from: returning-clients, to: server, count: %d, rate: %d/s, request: 200B, response: 1KB}}
        """.formatted(name, BenchScenarios.SEED, BenchScenarios.SERVER_NAME, BenchScenarios.SERVER_NAME, count,
        RATE_PER_SECOND);
  }

  /** Weigh the live heap every 10 s of virtual time: 50,000 arrivals apart at the load's rate. */
  private static final long SAMPLE_EVERY_NANOS = 10_000_000_000L;

  List<BenchRow> run() {
    int count = settings.loadConnections();
    Scenario scenario = BenchScenarios.parse("bench-load", yaml("bench-load", count));
    LiveHeapSamples heap = new LiveHeapSamples(SAMPLE_EVERY_NANOS);
    System.gc();
    long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long start = System.nanoTime();
    RunResult result = runner.start(scenario, heap).join();
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heap.peakBytes();
    LoadSummary load = result.loads().get(0);
    if (result.simulation().failure() != null || load.completed() != count) {
      throw new IllegalStateException("load bench: " + load.completed() + " of " + count + " handshakes completed, "
          + "failure: " + result.simulation().failure());
    }
    progress.accept(String.format(Locale.ROOT, "load: %,d connections in %.1f s, live heap %,d bytes before, "
        + "at most %,d bytes in %d samples", count, seconds, before, peak, heap.samples()));
    String what = String.format(Locale.ROOT, "one load of %,d TLS 1.2 connections at %,d/s (the first a full "
        + "handshake, the others resumed with a ticket; 200 B request, 1 KB response), server-under-load shape, "
        + "recording level summary", count, RATE_PER_SECOND);
    return List.of(
        new BenchRow("load wall time", seconds, "s", null, null, null, null, what + " (the heap samples' "
            + "collections included)."),
        new BenchRow("load peak live heap", peak / 1e6, "MB", null, null, null, null, what + ": the most heap "
            + "in use right after a full collection, taken every 10 s of virtual time (" + heap.samples()
            + " samples; the JVM's whole heap, the bench's own state and the " + String.format(Locale.ROOT,
            "%.0f", before / 1e6) + " MB in use before the run included). Bounded by the connections open at "
            + "once, not by the load's length: compare --load 100000 with --load 1000000."));
  }
}
