package dev.tlssim.sweep;

import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.scenario.CellCrypto;
import dev.tlssim.scenario.Provisioning;
import dev.tlssim.scenario.RunResult;
import dev.tlssim.scenario.Scenario;
import dev.tlssim.scenario.ScenarioRunner;
import dev.tlssim.sim.Pacing;
import dev.tlssim.tls.crypto.CryptoMemo;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs every (cell, trial) of a plan on one shared {@link ScenarioRunner}, at most
 * {@code maxInFlight} at a time: enough to keep every core busy, few enough that only that many
 * traces exist at once. Each result goes to its (cell, trial) slot, so the outcome does not depend
 * on the order in which runs finish.
 *
 * <p>With {@code crypto: per-cell} the trials of a cell share a {@link CellCrypto}: the cell's
 * crypto seed and one memo, made by {@code memos} when the cell starts and dropped with its runs.
 */
public final class SweepRunner {
  private final ScenarioRunner runner;
  private final int maxInFlight;
  private final Supplier<CryptoMemo> memos;

  public SweepRunner(ScenarioRunner runner, int maxInFlight) {
    this(runner, maxInFlight, CryptoMemo::reusing);
  }

  /** {@code memos} gives each per-cell cell its memo; {@link CryptoMemo#computing} reuses nothing. */
  public SweepRunner(ScenarioRunner runner, int maxInFlight, Supplier<CryptoMemo> memos) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("at least one run must be in flight, got " + maxInFlight);
    }
    this.runner = runner;
    this.maxInFlight = maxInFlight;
    this.memos = memos;
  }

  /** A sensible bound: a few runs per core, as runs wait on each other's actor messages. */
  public static int defaultInFlight() {
    return 4 * Runtime.getRuntime().availableProcessors();
  }

  /**
   * What a caller keeps of one run, made as soon as the run ends (so its trace, when the plan
   * records one, is dropped with it): a function of the cell, the trial, its seed and the run.
   */
  @FunctionalInterface
  public interface TrialReader<T> {
    T read(Cell cell, int trial, long seed, RunResult run);
  }

  /** The results in (cell, trial) order. A run that fails inside the simulator aborts the sweep. */
  public List<TrialResult> run(SweepPlan plan, SweepProgress progress) {
    return run(plan, progress,
        (cell, trial, seed, r) -> TrialResult.of(cell.index(), trial, seed, connection(r.connections(), plan.connection())));
  }

  /**
   * Every (cell, trial) of the plan, each run turned into a {@code T} by {@code reader}, in
   * (cell, trial) order whatever the order the runs finish in. Same seeding and in-flight bound
   * as {@link #run(SweepPlan, SweepProgress)}.
   */
  public <T> List<T> run(SweepPlan plan, SweepProgress progress, TrialReader<T> reader) {
    int trials = plan.spec().trials();
    Object[] results = new Object[plan.runs()];
    Semaphore slots = new Semaphore(maxInFlight);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    // Keys and certificates come from the sweep seed: every trial talks to the same server, and
    // none pays for key generation (0.1-0.5 s per RSA key) or certificate signing again.
    long pkiSeed = plan.spec().seed();
    launch:
    for (Cell cell : plan.cells()) {
      Provisioning.Result shared = sharesProvisioning(cell.scenario())
          ? Provisioning.provision(cell.scenario().pki(), pkiSeed) : null;
      CellCrypto crypto = plan.spec().crypto() == CryptoMode.PER_CELL
          ? new CellCrypto(plan.cryptoSeed(cell), memos.get()) : null;
      Scenario scenario = crypto == null ? cell.scenario() : cell.scenario().withCellCrypto(crypto);
      String cryptoSource = crypto == null ? "" : ", cryptography from seed " + crypto.seed();
      for (int trial = 0; trial < trials; trial++) {
        slots.acquireUninterruptibly();
        if (failure.get() != null) {
          slots.release();
          break launch;
        }
        int slot = cell.index() * trials + trial;
        int t = trial;
        long seed = plan.trialSeed(cell, trial);
        Provisioning.Result pki = shared != null ? shared : Provisioning.provision(cell.scenario().pki(), pkiSeed);
        runner.start(scenario.withSeed(seed), pki, Pacing.AS_FAST_AS_POSSIBLE)
            .thenApply(r -> {
              if (r.simulation().failure() != null) {
                throw new IllegalStateException("the run of cell " + describe(plan, cell) + ", trial " + t + " (seed "
                    + seed + ", keys from seed " + pkiSeed + cryptoSource + ") failed: " + r.simulation().failure());
              }
              return reader.read(cell, t, seed, r);
            })
            .whenComplete((result, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : error);
              } else {
                results[slot] = result;
              }
              slots.release();
              progress.runDone();
            });
      }
    }
    // Every permit back means every started run has finished (and its slot write is visible).
    slots.acquireUninterruptibly(maxInFlight);
    slots.release(maxInFlight);
    Throwable error = failure.get();
    if (error != null) {
      throw error instanceof RuntimeException e ? e : new IllegalStateException(error);
    }
    @SuppressWarnings("unchecked")
    List<T> out = (List<T>) Arrays.asList(results);
    return out;
  }

  /**
   * Runs may share one provisioning when none can change it: a CA node holds its authority's
   * mutable state (serials, revocations), so such scenarios provision each run afresh.
   */
  static boolean sharesProvisioning(Scenario scenario) {
    return scenario.nodes().stream().noneMatch(n -> n.role() == Scenario.Role.CA);
  }

  private static ConnectionSummary connection(List<ConnectionSummary> connections, String id) {
    return connections.stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("the run reported no connection '" + id + "'"));
  }

  static String describe(SweepPlan plan, Cell cell) {
    StringBuilder b = new StringBuilder();
    for (int a = 0; a < cell.labels().size(); a++) {
      b.append(a == 0 ? "" : ", ").append(plan.spec().axes().get(a).name()).append('=').append(cell.labels().get(a));
    }
    return b.length() == 0 ? "(base)" : b.toString();
  }
}
