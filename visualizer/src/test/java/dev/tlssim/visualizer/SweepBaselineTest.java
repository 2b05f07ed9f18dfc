package dev.tlssim.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.stats.Baseline;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sweep that names a baseline (stats.csv's "# baseline: kex=classical"): every variant beside
 * the baseline cell of the same RTT and loss, in a table of exact differences and ratios and in
 * charts of the differences per loss level. The fixture's numbers are chosen so each difference
 * and ratio is checkable by hand.
 */
class SweepBaselineTest {
  private static SweepData data() throws IOException {
    return SweepData.read(Fixtures.dir("sweep-baseline"));
  }

  @Test
  void theBaselineComesFromTheStatsComment() throws IOException {
    assertThat(data().baseline).isEqualTo(new Baseline("kex", "classical"));
    assertThat(SweepData.read(Fixtures.dir("sweep-small")).baseline).isNull();
  }

  @Test
  void eachCellIsPairedWithTheBaselineOfItsConditions() throws IOException {
    BaselineComparison cmp = BaselineComparison.of(data());
    assertThat(cmp.conditionAxes()).containsExactly("network.latency", "network.loss");
    assertThat(cmp.byConditions.keySet()).containsExactly(Map.of("network.latency", "25ms", "network.loss", "0%"),
        Map.of("network.latency", "25ms", "network.loss", "10%"), Map.of("network.latency", "100ms", "network.loss", "0%"),
        Map.of("network.latency", "100ms", "network.loss", "10%"));
    List<BaselineComparison.Row> lossy = cmp.byConditions.get(Map.of("network.latency", "100ms", "network.loss", "10%"));
    assertThat(lossy).extracting(BaselineComparison.Row::variant).containsExactly("classical", "hybrid", "hybrid-hrr");
    assertThat(lossy).extracting(BaselineComparison.Row::isBaseline).containsExactly(true, false, false);
    BaselineComparison.Row hrr = lossy.get(2);
    assertThat(hrr.p50Difference()).isEqualTo(700.0);
    assertThat(hrr.p95Difference()).isEqualTo(1825.5);
    assertThat(hrr.p50Ratio()).isEqualTo(2.75);
    assertThat(hrr.p95Ratio()).isEqualTo(3225.5 / 1400);
    assertThat(BaselineComparison.of(SweepData.read(Fixtures.dir("sweep-small")))).isNull();
  }

  @Test
  void theTableShowsP50AndP95WithTheirDifferenceAndRatioToTheBaseline() throws IOException {
    String html = SweepReport.body("pq", List.of(data()));
    assertThat(html).containsSubsequence("<h2>handshakeMs over RTT (ms)</h2>", "<h2>handshakeMs vs classical</h2>",
        "<th>RTT (ms)</th><th>loss</th><th>kex</th><th>p50</th><th>\u0394 p50</th><th>\u00d7 p50</th><th>p95</th>"
            + "<th>\u0394 p95</th><th>\u00d7 p95</th></tr>",
        "<tr><td>50</td><td>0%</td><td>classical</td><td>100</td><td class=\"muted\">baseline</td><td></td>"
            + "<td>100</td><td class=\"muted\">baseline</td><td></td></tr>",
        "<tr><td>50</td><td>0%</td><td>hybrid</td><td>100</td><td>0</td><td>\u00d71.00</td>"
            + "<td>100</td><td>0</td><td>\u00d71.00</td></tr>",
        "<tr><td>50</td><td>0%</td><td>hybrid-hrr</td><td>150</td><td>+50</td><td>\u00d71.50</td>"
            + "<td>150</td><td>+50</td><td>\u00d71.50</td></tr>",
        "<tr><td>50</td><td>10%</td><td>hybrid</td><td>100</td><td>0</td><td>\u00d71.00</td>"
            + "<td>1150</td><td>+50</td><td>\u00d71.05</td></tr>",
        "<tr><td>50</td><td>10%</td><td>hybrid-hrr</td><td>400</td><td>+300</td><td>\u00d74.00</td>"
            + "<td>1400</td><td>+300</td><td>\u00d71.27</td></tr>",
        "<tr><td>200</td><td>0%</td><td>hybrid-hrr</td><td>600</td><td>+200</td><td>\u00d71.50</td>"
            + "<td>600</td><td>+200</td><td>\u00d71.50</td></tr>",
        // 450 / 400 = 1.125 exactly: half-even to 1.12.
        "<tr><td>200</td><td>10%</td><td>hybrid</td><td>450</td><td>+50</td><td>\u00d71.12</td>"
            + "<td>2600</td><td>+1200</td><td>\u00d71.86</td></tr>",
        "<tr><td>200</td><td>10%</td><td>hybrid-hrr</td><td>1100</td><td>+700</td><td>\u00d72.75</td>"
            + "<td>3225.5</td><td>+1825.5</td><td>\u00d72.30</td></tr>",
        "<h2>Cells</h2>");
  }

  @Test
  void theDifferencesAreDrawnPerLossLevelOverTheRtt() throws IOException {
    String html = SweepReport.body("pq", List.of(data()));
    // p50, p99 and success over the RTT; then p50 and p95 minus the baseline for loss 0% and 10%; no
    // sweep.csv, so no CDF.
    assertThat(html.split("<figure", -1)).hasSize(1 + 3 + 2 * 2);
    assertThat(html).containsSubsequence("p50 of each variant minus classical's p50 under the same conditions, loss 0%",
        "p95 of each variant minus classical's p95, loss 0%", "minus classical's p50 under the same conditions, loss 10%",
        "minus classical's p95, loss 10%");
  }

  @Test
  void aSweepWithoutABaselineHasNoComparison() throws IOException {
    assertThat(SweepReport.body("small", List.of(SweepData.read(Fixtures.dir("sweep-small"))))).doesNotContain(" vs ",
        "\u0394 p95");
  }

  @Test
  void differencesAreSignedAndRatiosHaveTwoDecimals() {
    assertThat(List.of(BaselineSection.difference(12.5), BaselineSection.difference(-3), BaselineSection.difference(0),
        BaselineSection.difference(Double.NaN))).containsExactly("+12.5", "-3", "0", "-");
    assertThat(List.of(BaselineSection.ratio(1.0625), BaselineSection.ratio(Double.NaN),
        BaselineSection.ratio(Double.POSITIVE_INFINITY))).containsExactly("\u00d71.06", "-", "-");
  }
}
