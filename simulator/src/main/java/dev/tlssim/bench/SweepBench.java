package dev.tlssim.bench;

import dev.tlssim.scenario.ScenarioException;
import dev.tlssim.scenario.ScenarioRunner;
import dev.tlssim.sweep.CryptoMode;
import dev.tlssim.sweep.SweepPlan;
import dev.tlssim.sweep.SweepProgress;
import dev.tlssim.sweep.SweepReader;
import dev.tlssim.sweep.SweepRunner;
import dev.tlssim.sweep.SweepSpec;
import dev.tlssim.sweep.TrialResult;
import dev.tlssim.tls.crypto.CryptoCpuMeter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A slice of {@code scenarios/latency-sweep.yaml} (a full ECDHE-RSA handshake, then a full,
 * session-ID or ticket-resumed one, at RTT 100 ms with 0 % and 5 % loss), run as a sweep is run:
 * <ul>
 *   <li>with per-trial cryptography (the default), the share of the sweep's CPU spent computing
 *       public-key operations: what is left is the simulation's own overhead;</li>
 *   <li>runs/s with {@code crypto: per-cell}, against runs/s of the same sweep per trial.</li>
 * </ul>
 * Rounds alternate the two modes, so that both sides of a ratio see the same machine.
 */
final class SweepBench {
  private final ScenarioRunner runner;
  private final BenchSettings settings;
  private final Consumer<String> progress;

  SweepBench(ScenarioRunner runner, BenchSettings settings, Consumer<String> progress) {
    this.runner = runner;
    this.settings = settings;
    this.progress = progress;
  }

  /** The base scenario: tls12-reconnect's shape (its second connection is the one measured). */
  private static final String BASE = """
      name: bench-sweep
      seed: 1
      pki:
        authorities:
          root: {subject: "tlssim Root CA", key: rsa2048}
        certificates:
          www: {issuer: root, key: rsa2048, names: [%1$s]}
      nodes:
        client: {role: client, tls: {serverName: %1$s, trust: [root], suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256], resumption: ticket}}
        server: {role: server, tls: {certificate: www}}
      network:
        latency: 50ms
      timeline:
        - {at: 0s, connect: {id: first, from: client, to: server, request: 200B, response: 2KB}}
        - {at: 10s, connect: {id: again, from: client, to: server, request: 200B, response: 2KB}}
      """.formatted(BenchScenarios.SERVER_NAME);

  private static String sweep(int trials) {
    return """
        sweep:
          scenario: base.yaml
          connection: again
          seed: 1
          trials: %d
          grid:
            mode:
              full: {nodes.client.tls.resumption: none}
              session-id: {nodes.client.tls.resumption: session-id}
              ticket: {nodes.client.tls.resumption: ticket}
            network.loss: [0%%, 5%%]
        """.formatted(trials);
  }

  List<BenchRow> run() {
    int trials = settings.quick() ? 2 : 200;
    List<SweepPlan> plans = plans(trials);
    SweepPlan perTrial = plans.get(0);
    SweepPlan perCell = plans.get(1);
    List<Double> shares = new ArrayList<>();
    List<Double> publicKeyShares = new ArrayList<>();
    List<Measured> trialRuns = new ArrayList<>();
    List<Measured> cellRuns = new ArrayList<>();
    for (int round = -settings.warmupRounds(); round < settings.rounds(); round++) {
      progress.accept("sweep round " + (round + 1) + " (" + perTrial.runs() + " runs per mode)");
      CryptoCpuMeter.start();
      Measured t = Measured.of(() -> runAll(perTrial));
      long publicKeyNanos = CryptoCpuMeter.stop();
      long symmetricNanos = CryptoCpuMeter.symmetricNanos();
      Measured c = Measured.of(() -> runAll(perCell));
      if (round >= 0) {
        shares.add(100.0 * (publicKeyNanos + symmetricNanos) / t.cpuNanos());
        publicKeyShares.add(100.0 * publicKeyNanos / t.cpuNanos());
        trialRuns.add(t);
        cellRuns.add(c);
      }
    }
    String what = String.format(Locale.ROOT, "%,d runs (%d trials in each of %d cells: a full ECDHE-RSA TLS 1.2 "
        + "handshake, then a full, session-ID or ticket-resumed one, at RTT 100 ms, 0 %% and 5 %% loss; "
        + "scenarios/latency-sweep.yaml's shape), %d in flight", perTrial.runs(), trials, perTrial.cells().size(),
        SweepRunner.defaultInFlight());
    List<BenchRow> rows = new ArrayList<>();
    rows.add(new BenchRow("sweep crypto share of CPU (per-trial)", Stats.median(shares), "%", null, null, null,
        Stats.spreadPercent(shares), what + String.format(Locale.ROOT, ", per-trial cryptography: the share of the "
        + "process's CPU time spent computing cryptographic operations: public-key ones (key generation, agreement, "
        + "signing, verification of handshakes, certificates and CRLs, RSA; thread CPU time) took %.1f %% of the "
        + "CPU, symmetric ones (record protection, PRF, HKDF, HMAC, transcript hashes; clock time, being "
        + "microseconds each) the rest of the share. The remainder is the simulation's own cost (kernel, TCP, TLS messages, "
        + "certificate paths, results, GC, JIT).", Stats.median(publicKeyShares))));
    rows.add(Rows.paired("sweep runs/s (per-cell crypto)", "runs/s", cellRuns, trialRuns, Measured::perSecond,
        "the same sweep, per-trial crypto", what + ", crypto: per-cell (each cell's trials share their TLS "
        + "randoms and key shares, so each public-key result is computed once), against the default."));
    return rows;
  }

  private long runAll(SweepPlan plan) {
    List<TrialResult> results = new SweepRunner(runner, SweepRunner.defaultInFlight()).run(plan, SweepProgress.NONE);
    for (TrialResult r : results) {
      if (!r.result().equals("completed")) {
        throw new IllegalStateException("sweep bench: trial " + r + " did not complete");
      }
    }
    return results.size();
  }

  /** The sweep with per-trial and with per-cell cryptography (the plans read the files they name). */
  private static List<SweepPlan> plans(int trials) {
    try {
      Path dir = Files.createTempDirectory("tlssim-bench-sweep");
      Path base = dir.resolve("base.yaml");
      Path file = dir.resolve("bench-sweep.yaml");
      try {
        Files.writeString(base, BASE);
        Files.writeString(file, sweep(trials));
        SweepSpec spec = SweepReader.read(file);
        return List.of(SweepPlan.of(spec), SweepPlan.of(spec.withCrypto(CryptoMode.PER_CELL)));
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(base);
        Files.delete(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("sweep bench: cannot write its sweep files", e);
    } catch (ScenarioException e) {
      throw new IllegalStateException("sweep bench: its own sweep is invalid: " + e.getMessage(), e);
    }
  }
}
