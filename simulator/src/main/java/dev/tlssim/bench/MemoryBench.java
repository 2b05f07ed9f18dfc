package dev.tlssim.bench;

import dev.tlssim.scenario.RunResult;
import dev.tlssim.scenario.Scenario;
import dev.tlssim.scenario.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Heap per simulated connection: one run opens N connections (each does a small request/response
 * and stays open), is held in virtual time once all are open, and the heap is weighed then. The
 * timeline closes them all much later, so nothing closes before the plateau.
 */
final class MemoryBench {
  /** Connections open this far apart: 10,000 are open within 0.1 s of virtual time. */
  private static final long SPACING_MICROS = 10;
  private static final long HOLD_AT_SECONDS = 50;
  private static final long CLOSE_AT_SECONDS = 100;
  private static final long PLATEAU_TIMEOUT_MINUTES = 10;
  /**
   * With {@code -Dtlssim.bench.histogram=N}, the N classes the heap grew most by at each plateau,
   * per connection: which classes a connection costs.
   */
  private static final int HISTOGRAM_ROWS = Integer.getInteger("tlssim.bench.histogram", 0);

  private final ScenarioRunner runner;
  private final BenchSettings settings;
  private final Consumer<String> progress;

  MemoryBench(ScenarioRunner runner, BenchSettings settings, Consumer<String> progress) {
    this.runner = runner;
    this.settings = settings;
    this.progress = progress;
  }

  List<BenchRow> run() {
    int tcp = settings.tcpHeldConnections();
    int tls = settings.tlsHeldConnections();
    Held plainTcp = hold("tcp", BenchScenarios.tcp("bench-memory-tcp"), tcp);
    Held overTls = hold("tls", BenchScenarios.tls("bench-memory-tls", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "x25519"), tls);
    List<BenchRow> rows = new ArrayList<>();
    rows.add(new BenchRow("heap per open TCP connection", plainTcp.perConnection(), "bytes", null, null, null, null,
        String.format(Locale.ROOT, "%,d plain TCP connections open at once in one run (each did a 100 B request "
            + "and 1 KB response), recording level summary: the state of both ends (TCP, application).", tcp)));
    rows.add(new BenchRow("heap per open TLS connection", overTls.perConnection(), "bytes",
        plainTcp.perConnection(), "plain TCP connection", overTls.perConnection() / plainTcp.perConnection(), null,
        String.format(Locale.ROOT, "%,d TLS 1.2 connections (ECDHE x25519, AES-128-GCM) open at once, same "
            + "workload, recording level summary. Ratio: what TLS adds over plain TCP.", tls)));
    return rows;
  }

  /** Heap measured before the run and at the plateau (all connections open). */
  private record Held(int connections, long before, long plateau) {
    double perConnection() {
      return (double) (plateau - before) / connections;
    }
  }

  private Held hold(String label, String header, int connections) {
    String yaml = header + BenchScenarios.connects(connections, SPACING_MICROS, 100, 1_000, false)
        + BenchScenarios.closes(connections, CLOSE_AT_SECONDS);
    Scenario scenario = BenchScenarios.parse("bench-memory-" + label, yaml);
    HoldPacing pacing = new HoldPacing(HOLD_AT_SECONDS * 1_000_000_000L);
    long before = HeapProbe.usedAfterGc();
    Map<String, long[]> classesBefore = HISTOGRAM_ROWS > 0 ? HeapProbe.histogram() : Map.of();
    CompletableFuture<RunResult> run = runner.start(scenario, pacing);
    await(pacing.reached(), run, label);
    long plateau = HeapProbe.usedAfterGc();
    if (HISTOGRAM_ROWS > 0) {
      progress.accept("memory " + label + ", what the heap grew by from before the run to the plateau:\n"
          + HeapProbe.growth(classesBefore, HeapProbe.histogram(), connections, HISTOGRAM_ROWS));
    }
    pacing.release();
    RunResult result = run.join();
    long after = HeapProbe.usedAfterGc();
    long open = result.connections().stream().filter(c -> "established".equals(c.result())
        || "completed".equals(c.result())).count();
    if (result.simulation().failure() != null || open != connections) {
      throw new IllegalStateException("memory bench " + label + ": " + open + " of " + connections
          + " connections did their exchange, failure: " + result.simulation().failure());
    }
    Held held = new Held(connections, before, plateau);
    progress.accept(String.format(Locale.ROOT, "memory %s: %,d connections, heap %,d -> %,d -> %,d bytes "
        + "(before, all open, after)", label, connections, before, plateau, after));
    return held;
  }

  /** Waits for the plateau; a run that ends or fails before it would otherwise leave us waiting. */
  private static void await(CompletableFuture<Void> reached, CompletableFuture<RunResult> run, String label) {
    try {
      CompletableFuture.anyOf(reached, run).get(PLATEAU_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("memory bench " + label + " never held all connections open: " + e, e);
    }
    if (!reached.isDone()) {
      throw new IllegalStateException("memory bench " + label + ": the run ended before the plateau");
    }
  }
}
