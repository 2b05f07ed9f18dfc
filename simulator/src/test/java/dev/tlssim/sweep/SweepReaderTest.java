package dev.tlssim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.scenario.ScenarioException;
import dev.tlssim.stats.Baseline;
import dev.tlssim.tls.CipherSuite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep files: what they say, and mistakes reported at file:line:column with the field. */
class SweepReaderTest {
  @TempDir Path dir;

  private SweepPlan plan(String yaml) {
    return SweepPlan.of(SweepReader.read(SweepFiles.write(dir, yaml)));
  }

  private String error(String yaml) {
    try {
      plan(yaml);
    } catch (ScenarioException e) {
      return e.report().replace(dir.toString() + "/", "");
    }
    throw new AssertionError("no error for\n" + yaml);
  }

  @Test
  void readsTheGridIntoRowMajorCells() {
    SweepPlan p = plan("""
        sweep:
          name: grid
          scenario: base.yaml
          seed: 7
          trials: 3
          metric: responseMs
          grid:
            network.latency: [5ms, 300ms]
            network.loss: [0%, 1%, 10%]
        """);
    assertThat(p.spec().name()).isEqualTo("grid");
    assertThat(p.spec().seed()).isEqualTo(7);
    assertThat(p.spec().metric()).isEqualTo(Metric.RESPONSE);
    assertThat(p.connection()).isEqualTo("c1");
    assertThat(p.runs()).isEqualTo(18);
    assertThat(p.cells()).extracting(Cell::labels).containsExactly(List.of("5ms", "0%"), List.of("5ms", "1%"),
        List.of("5ms", "10%"), List.of("300ms", "0%"), List.of("300ms", "1%"), List.of("300ms", "10%"));
    Cell last = p.cells().get(5);
    assertThat(last.scenario().links().get(0).forward().latencyNanos()).isEqualTo(300_000_000L);
  }

  @Test
  void variantsApplyMapsOfOverridesIncludingLists() {
    SweepPlan p = plan("""
        sweep:
          scenario: base.yaml
          grid:
            suite:
              rsa: {nodes.client.tls.suites: [TLS_RSA_WITH_AES_128_GCM_SHA256]}
              ecdhe: {}
        """);
    assertThat(p.spec().name()).isEqualTo("test-sweep");
    assertThat(p.cells()).extracting(Cell::labels).containsExactly(List.of("rsa"), List.of("ecdhe"));
    assertThat(p.cells().get(0).scenario().nodes().get(0).tls().cipherSuites())
        .containsExactly(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256);
    assertThat(p.cells().get(1).scenario().nodes().get(0).tls().cipherSuites())
        .containsExactly(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
  }

  @Test
  void theCatalogSweepReadsAndIsRecognisedAsASweep() {
    Path file = Path.of("../scenarios/latency-sweep.yaml");
    assertThat(SweepReader.isSweep(file)).isTrue();
    assertThat(SweepReader.isSweep(SweepFiles.ECDHE)).isFalse();
    SweepPlan p = SweepPlan.of(SweepReader.read(file));
    // 3 handshake modes x 5 RTTs x 5 loss rates.
    assertThat(p.cells()).hasSize(75);
    assertThat(p.spec().trials()).isEqualTo(1000);
  }

  @Test
  void anUnknownKeyIsLocatedWithAHint() {
    assertThat(error("""
        sweep:
          scenario: base.yaml
          trails: 10
        """)).startsWith("test-sweep.yaml:3:3: sweep.trails: unknown key 'trails' (did you mean 'trials'?)");
  }

  @Test
  void cryptoIsPerTrialUnlessTheFileSaysPerCell() {
    assertThat(plan("sweep:\n  scenario: base.yaml\n").spec().crypto()).isEqualTo(CryptoMode.PER_TRIAL);
    assertThat(plan("sweep:\n  scenario: base.yaml\n  crypto: per-trial\n").spec().crypto())
        .isEqualTo(CryptoMode.PER_TRIAL);
    assertThat(plan("sweep:\n  scenario: base.yaml\n  crypto: per-cell\n").spec().crypto())
        .isEqualTo(CryptoMode.PER_CELL);
  }

  @Test
  void anUnknownCryptoModeIsReportedAtTheValueWithTheAllowedOnes() {
    assertThat(error("""
        sweep:
          scenario: base.yaml
          crypto: foo
        """)).isEqualTo("test-sweep.yaml:3:11: sweep.crypto: unknown crypto mode 'foo' (use per-trial or per-cell)");
  }

  @Test
  void aBadAxisPathIsReportedAtTheAxis() {
    assertThat(error("""
        sweep:
          scenario: base.yaml
          grid:
            network.latncy: [5ms, 50ms]
        """)).startsWith("test-sweep.yaml:4:22: sweep.grid.network.latncy[0]: network.latncy = 5ms: "
            + "network.latncy: unknown key 'latncy' (did you mean 'latency'?)");
  }

  @Test
  void aBadAxisValueIsReportedAtTheValue() {
    assertThat(error("""
        sweep:
          scenario: base.yaml
          grid:
            network.loss:
              - 1%
              - 5 percent
        """)).startsWith("test-sweep.yaml:6:9: sweep.grid.network.loss[1]: network.loss = 5 percent: network.loss: ");
  }

  @Test
  void aBadVariantOverrideIsReportedAtTheVariant() {
    assertThat(error("""
        sweep:
          scenario: base.yaml
          grid:
            suite:
              rsa: {nodes.client.tls.suites: [TLS_NO_SUCH_SUITE]}
        """)).startsWith("test-sweep.yaml:5:12: sweep.grid.suite.rsa: variant 'rsa': ")
        .contains("TLS_NO_SUCH_SUITE");
  }

  @Test
  void anEmptyAxisIsAnError() {
    assertThat(error("""
        sweep:
          scenario: base.yaml
          grid:
            network.loss: []
        """)).isEqualTo("test-sweep.yaml:4:19: sweep.grid.network.loss: an axis needs at least one value");
  }

  @Test
  void otherMistakes() {
    assertThat(error("sweep:\n  scenario: nothere.yaml\n"))
        .startsWith("test-sweep.yaml:2:13: sweep.scenario: no scenario file");
    assertThat(error("sweep:\n  scenario: base.yaml\n  metric: latency\n"))
        .startsWith("test-sweep.yaml:3:11: sweep.metric: unknown metric 'latency' (use tcpConnectMs, handshakeMs,");
    assertThat(error("sweep:\n  scenario: base.yaml\n  connection: c9\n"))
        .isEqualTo("test-sweep.yaml:3:15: sweep.connection: no connection 'c9' in base.yaml (connections: c1)");
    assertThat(error("sweep:\n  scenario: base.yaml\n  trials: 0\n"))
        .isEqualTo("test-sweep.yaml:3:11: sweep.trials: must be between 1 and 10000000, got 0");
    assertThat(error("sweep:\n  scenario: base.yaml\n  grid:\n    network.loss: [1%, 1%]\n"))
        .isEqualTo("test-sweep.yaml:4:24: sweep.grid.network.loss[1]: '1%' is listed twice");
    assertThat(error("name: x\n")).isEqualTo("test-sweep.yaml:1:1: a sweep file is a mapping with one key, 'sweep:'");
  }

  @Test
  void theEffectiveSweepCarriesCommandLineSeedAndTrials() {
    SweepSpec s = SweepReader.read(SweepFiles.write(dir, "sweep:\n  scenario: base.yaml\n")).withSeed(9).withTrials(2);
    var tree = s.effective("scenario.yaml");
    assertThat(tree.at("/sweep/seed").asLong()).isEqualTo(9);
    assertThat(tree.at("/sweep/trials").asInt()).isEqualTo(2);
    assertThat(tree.at("/sweep/scenario").asText()).isEqualTo("scenario.yaml");
  }

  @Test
  void aMetricListKeepsItsOrderAndItsFirstIsThePrimary() {
    SweepSpec listed = plan("sweep:\n  scenario: base.yaml\n  metric: [firstAppByteMs, handshakeMs]\n").spec();
    assertThat(listed.metrics()).containsExactly(Metric.FIRST_APP_BYTE, Metric.HANDSHAKE);
    assertThat(listed.metric()).isEqualTo(Metric.FIRST_APP_BYTE);
    SweepSpec single = plan("sweep:\n  scenario: base.yaml\n  metric: responseMs\n").spec();
    assertThat(single.metrics()).containsExactly(Metric.RESPONSE);
    SweepSpec absent = plan("sweep:\n  scenario: base.yaml\n").spec();
    assertThat(absent.metrics()).containsExactly(Metric.HANDSHAKE);
  }

  @Test
  void badMetricListsAreLocated() {
    assertThat(error("sweep:\n  scenario: base.yaml\n  metric: [handshakeMs, latency]\n"))
        .startsWith("test-sweep.yaml:3:25: sweep.metric[1]: unknown metric 'latency' (use tcpConnectMs, handshakeMs,");
    assertThat(error("sweep:\n  scenario: base.yaml\n  metric: []\n"))
        .isEqualTo("test-sweep.yaml:3:11: sweep.metric: a metric list needs at least one metric (the first is the "
            + "primary)");
    assertThat(error("sweep:\n  scenario: base.yaml\n  metric:\n    - responseMs\n    - responseMs\n"))
        .isEqualTo("test-sweep.yaml:5:7: sweep.metric[1]: 'responseMs' is listed twice");
    assertThat(error("sweep:\n  scenario: base.yaml\n  metric: [handshakeMs, {p99: responseMs}]\n"))
        .startsWith("test-sweep.yaml:3:25: sweep.metric[1]: expected a single value, found a mapping");
  }

  @Test
  void aBaselineNamesAVariantAndItsAxis() {
    SweepSpec s = plan("""
        sweep:
          scenario: base.yaml
          baseline: ecdhe
          grid:
            network.loss: [0%, 1%]
            suite:
              rsa: {nodes.client.tls.suites: [TLS_RSA_WITH_AES_128_GCM_SHA256]}
              ecdhe: {}
        """).spec();
    assertThat(s.baseline()).isEqualTo(new Baseline("suite", "ecdhe"));
    assertThat(s.baseline().comment()).isEqualTo("baseline: suite=ecdhe");
    assertThat(s.effective("scenario.yaml").at("/sweep/baseline").asText()).isEqualTo("ecdhe");
    assertThat(plan("sweep:\n  scenario: base.yaml\n").spec().baseline()).isNull();
  }

  /** The report reads only the result files: stats.csv says which cells are the baseline. */
  @Test
  void statsCsvCarriesTheBaselineOnlyWhenNamed() {
    String sweep = "sweep:\n  scenario: base.yaml\n  trials: 1\n%s  grid:\n    suite: {rsa: {}, ecdhe: {}}\n";
    assertThat(statsCsv(plan(sweep.formatted("  baseline: rsa\n"))))
        .contains("empty when no trial succeeded\n# baseline: suite=rsa\nsuite,cell,metric,");
    assertThat(statsCsv(plan(sweep.formatted("")))).doesNotContain("baseline");
  }

  private static String statsCsv(SweepPlan p) {
    List<TrialResult> trials = p.cells().stream()
        .map(c -> new TrialResult(c.index(), 0, 1, "completed", null, null, null, null, 0, 0)).toList();
    return SweepResult.of(p, trials).statsCsv();
  }

  @Test
  void aBaselineThatIsNoVariantIsLocatedWithTheVariants() {
    assertThat(error("""
        sweep:
          scenario: base.yaml
          baseline: classical
          grid:
            suite:
              rsa: {nodes.client.tls.suites: [TLS_RSA_WITH_AES_128_GCM_SHA256]}
              ecdhe: {}
        """)).isEqualTo("test-sweep.yaml:3:13: sweep.baseline: no variant 'classical' in the grid (variants: rsa, ecdhe)");
    // A value of a path axis is a condition, not a variant to compare against.
    assertThat(error("sweep:\n  scenario: base.yaml\n  baseline: 0%\n  grid:\n    network.loss: [0%, 1%]\n"))
        .isEqualTo("test-sweep.yaml:3:13: sweep.baseline: no variant '0%': a baseline names a variant of the grid, "
            + "and the grid has no variant axis");
    assertThat(error("""
        sweep:
          scenario: base.yaml
          baseline: plain
          grid:
            suite: {plain: {}}
            version: {plain: {}}
        """)).isEqualTo("test-sweep.yaml:3:13: sweep.baseline: 'plain' is a variant of suite and version: rename one so "
            + "the baseline names a single axis");
  }
}
