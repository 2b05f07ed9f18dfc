package dev.tlssim.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.scenario.ScenarioRunner;
import dev.tlssim.tls.crypto.CryptoMemo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crypto: per-cell}: reusing a cell's cryptographic results gives the very bytes computing
 * each one does, reuse really happens, and {@code per-trial} (the default) is as it always was.
 */
class CellCryptoSweepTest {
  private static final ScenarioRunner RUNNER = new ScenarioRunner();
  private static final int TRIALS = 20;

  @TempDir Path dir;

  @AfterAll
  static void close() {
    RUNNER.close();
  }

  /** 10% loss: trials retransmit differently, so their network draws (and timings) differ. */
  private SweepPlan lossy(String crypto) {
    return SweepPlan.of(SweepReader.read(SweepFiles.write(dir, """
        sweep:
          scenario: base.yaml
          seed: 5
          trials: %d
          %s
          grid:
            network.loss: [10%%]
            suite:
              rsa: {nodes.client.tls.suites: [TLS_RSA_WITH_AES_128_GCM_SHA256]}
              ecdhe: {}
        """.formatted(TRIALS, crypto))));
  }

  private static SweepResult run(SweepPlan plan, int inFlight, Supplier<CryptoMemo> memos) {
    return SweepResult.of(plan, new SweepRunner(RUNNER, inFlight, memos).run(plan, SweepProgress.NONE));
  }

  @Test
  void reusingTheCellsResultsGivesTheBytesOfComputingEveryOne() {
    SweepPlan plan = lossy("crypto: per-cell");
    assertThat(plan.spec().crypto()).isEqualTo(CryptoMode.PER_CELL);
    List<CryptoMemo> reusing = new ArrayList<>();
    List<CryptoMemo> computing = new ArrayList<>();
    SweepResult reused = run(plan, 8, () -> add(reusing, CryptoMemo.reusing()));
    SweepResult computed = run(plan, 1, () -> add(computing, CryptoMemo.computing()));

    assertThat(reused.sweepCsv()).isEqualTo(computed.sweepCsv());
    assertThat(reused.statsCsv()).isEqualTo(computed.statsCsv());
    // Not vacuous: every trial completed its handshake, and the trials' network draws differ.
    assertThat(reused.trials()).hasSize(2 * TRIALS).allMatch(t -> t.result().equals("completed"));
    assertThat(reused.trials()).anyMatch(t -> t.retransmissions() > 0).anyMatch(t -> t.retransmissions() == 0);
    assertThat(reused.stats().get(1).max()).isGreaterThan(reused.stats().get(1).p50());

    // One memo per cell; the computing run computed each operation once per trial.
    assertThat(reusing).hasSize(2);
    assertThat(computing).hasSize(2);
    CryptoMemo rsa = reusing.get(0);
    CryptoMemo ecdhe = reusing.get(1);
    assertThat(computing.get(0).computed(CryptoMemo.Operation.RSA_DECRYPTION)).isEqualTo(TRIALS);
    assertThat(computing.get(1).computed(CryptoMemo.Operation.KEY_GENERATION)).isEqualTo(2 * TRIALS);
    assertThat(computing.get(1).computed(CryptoMemo.Operation.SIGNING)).isEqualTo(TRIALS);
    // Runs in flight at once may each compute what none has kept yet: at most 8 of 20 trials.
    assertThat(rsa.hits(CryptoMemo.Operation.RSA_ENCRYPTION)).isGreaterThanOrEqualTo(TRIALS - 8);
    assertThat(rsa.hits(CryptoMemo.Operation.RSA_DECRYPTION)).isGreaterThanOrEqualTo(TRIALS - 8);
    assertThat(ecdhe.hits(CryptoMemo.Operation.KEY_GENERATION)).isGreaterThanOrEqualTo(2 * (TRIALS - 8));
    assertThat(ecdhe.hits(CryptoMemo.Operation.AGREEMENT)).isGreaterThanOrEqualTo(2 * (TRIALS - 8));
    assertThat(ecdhe.hits(CryptoMemo.Operation.SIGNING)).isGreaterThanOrEqualTo(TRIALS - 8);
    assertThat(ecdhe.hits(CryptoMemo.Operation.VERIFICATION)).isGreaterThanOrEqualTo(TRIALS - 8);
  }

  @Test
  void oneRunInFlightComputesEachOperationOnceAndReusesItInEveryOtherTrial() {
    SweepPlan plan = lossy("crypto: per-cell");
    List<CryptoMemo> memos = new ArrayList<>();
    run(plan, 1, () -> add(memos, CryptoMemo.reusing()));
    CryptoMemo ecdhe = memos.get(1);
    // Retransmissions redo no cryptography: every trial draws the same randoms in the same order.
    assertThat(ecdhe.computed(CryptoMemo.Operation.KEY_GENERATION)).isEqualTo(2);
    assertThat(ecdhe.hits(CryptoMemo.Operation.KEY_GENERATION)).isEqualTo(2 * (TRIALS - 1));
    assertThat(ecdhe.computed(CryptoMemo.Operation.SIGNING)).isEqualTo(1);
    assertThat(ecdhe.hits(CryptoMemo.Operation.SIGNING)).isEqualTo(TRIALS - 1);
    assertThat(memos.get(0).computed(CryptoMemo.Operation.RSA_DECRYPTION)).isEqualTo(1);
    assertThat(memos.get(0).hits(CryptoMemo.Operation.RSA_DECRYPTION)).isEqualTo(TRIALS - 1);
  }

  @Test
  void theCryptoSeedIsTheCellsAndDiffersBetweenCells() {
    SweepPlan plan = lossy("crypto: per-cell");
    Cell rsa = plan.cells().get(0);
    assertThat(plan.cryptoSeed(rsa)).isEqualTo(plan.cryptoSeed(plan.cells().get(0)))
        .isNotEqualTo(plan.cryptoSeed(plan.cells().get(1)))
        .isNotEqualTo(plan.trialSeed(rsa, 0));
  }

  /**
   * Pinned from the code before per-cell cryptography existed (the default changed nothing), and
   * re-pinned when SACK and RACK-TLP arrived: the ECDHE cell's tail is lighter with them.
   */
  @Test
  void perTrialCryptographyGivesTheNumbersItAlwaysGave() throws Exception {
    SweepPlan plan = lossy("");
    assertThat(plan.spec().crypto()).isEqualTo(CryptoMode.PER_TRIAL);
    List<CryptoMemo> memos = new ArrayList<>();
    SweepResult r = run(plan, 8, () -> add(memos, CryptoMemo.reusing()));
    assertThat(memos).isEmpty();
    assertThat(r.statsCsv()).endsWith("""
        network.loss,suite,cell,metric,n,successes,successRate,mean,p50,p75,p90,p95,p99,max
        10%,rsa,0,handshakeMs,20,20,1,460,300,300,600,1300,1900,1900
        10%,ecdhe,1,handshakeMs,20,20,1,546.35,300,600,1300,1300,1300,1300
        """);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(r.sweepCsv().getBytes(StandardCharsets.UTF_8));
    assertThat(HexFormat.of().formatHex(digest))
        .isEqualTo("44e5368420ed77f71cb4c96ba937aa52095397e0d5b3bccfbae589788c1bb153");
  }

  /** The runner makes a cell's memo on its launching thread, before the cell's first run. */
  private static CryptoMemo add(List<CryptoMemo> memos, CryptoMemo memo) {
    memos.add(memo);
    return memo;
  }
}
