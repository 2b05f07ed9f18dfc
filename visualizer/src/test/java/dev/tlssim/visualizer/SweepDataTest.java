package dev.tlssim.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepDataTest {
  @Test
  void latencyAxisBecomesRttAndOtherAxesNameTheSeries() throws IOException {
    SweepData d = SweepData.read(Fixtures.dir("sweep-small"));
    assertThat(d.metric).isEqualTo("handshakeMs");
    assertThat(d.xTitle()).isEqualTo("RTT (ms)");
    assertThat(d.cells).extracting(SweepData.Cell::x).containsExactly(10.0, 10.0, 100.0, 100.0);
    assertThat(d.seriesKey(d.cells.get(1).axes())).isEqualTo("loss 10%");
    assertThat(d.cells.get(1).successRate()).isEqualTo(0.75);
  }

  @Test
  void cdfsPerLossLevelSkipTrialsThatNeverReachedTheMetric() throws IOException {
    SweepData d = SweepData.read(Fixtures.dir("sweep-small"));
    assertThat(d.cdfs.keySet()).containsExactly("0%", "10%");
    double[][] lossy = d.cdfs.get("10%").get("RTT 10 ms");
    assertThat(lossy[0]).containsExactly(80, 80, 240, 1030);
    assertThat(lossy[1][3]).isEqualTo(1.0);
  }

  @Test
  void aHugeSweepDrawsFromAHundredQuantiles() {
    double[] values = new double[100_000];
    Arrays.setAll(values, i -> i + 1);
    double[][] cdf = Quantiles.cdf(values, SweepData.CDF_POINTS);
    assertThat(cdf[0]).hasSize(101);
    assertThat(cdf[0][50]).isEqualTo(50_000);
    assertThat(cdf[0][100]).isEqualTo(100_000);
    assertThat(Quantiles.nearestRank(new double[] {1, 2, 3, 4}, 50)).isEqualTo(2);
  }

  @Test
  void magnitudesUnderstandTheScenarioUnits() {
    assertThat(Map.of("5ms", SweepData.magnitude("5ms"), "1s", SweepData.magnitude("1s"), "2%",
        SweepData.magnitude("2%"))).containsEntry("5ms", 5.0).containsEntry("1s", 1000.0).containsEntry("2%", 2.0);
  }

  @Test
  void sweepReportInlinesChartsWithUniqueIds() throws IOException {
    String html = SweepReport.body("small", SweepData.read(Fixtures.dir("sweep-small")));
    assertThat(html).contains("<svg", "loss 10% (from at most").doesNotContain("<?xml");
    assertThat(html.split("id=\"c").length).isGreaterThan(4);
  }

  @Test
  void aSweepOfTwoMetricsReadsAsOnePerMetricWithCdfsFromItsOwnColumn() throws IOException {
    List<SweepData> all = SweepData.readAll(Fixtures.dir("sweep-two-metrics"));
    assertThat(all).extracting(d -> d.metric).containsExactly("handshakeMs", "firstAppByteMs");
    assertThat(all.get(0).cells).extracting(SweepData.Cell::p50).containsExactly(30.0, 240.0, 300.0, 300.0);
    assertThat(all.get(1).cells).extracting(SweepData.Cell::p50).containsExactly(35.0, 245.0, 350.0, 350.0);
    assertThat(all.get(1).cdfs.get("10%").get("RTT 10 ms")[0]).containsExactly(85, 85, 245, 1035);
    assertThat(SweepData.read(Fixtures.dir("sweep-two-metrics")).metric).isEqualTo("handshakeMs");
  }

  @Test
  void aSweepReportOfTwoMetricsHasASectionPerMetric() throws IOException {
    String html = SweepReport.body("two", SweepData.readAll(Fixtures.dir("sweep-two-metrics")));
    assertThat(html).containsSubsequence(
        "<h2>handshakeMs over RTT (ms)</h2>", "<h2>handshakeMs: distribution (CDF) per loss level</h2>",
        "<h2>Cells: handshakeMs</h2>", "<td>450</td>",
        "<h2>firstAppByteMs over RTT (ms)</h2>", "<h2>firstAppByteMs: distribution (CDF) per loss level</h2>",
        "<h2>Cells: firstAppByteMs</h2>", "<td>455</td>");
    // Each metric draws p50, p99 and success rate over the RTT and one CDF per loss level (0%, 10%).
    assertThat(html.split("<figure", -1)).hasSize(1 + 2 * (3 + 2));
    // The sweep's comments and file links belong to the page, not to each metric.
    assertThat(html.split("metrics: handshakeMs, firstAppByteMs", -1)).hasSize(2);
    assertThat(html.split("href=\"stats.csv\"", -1)).hasSize(2);
  }

  @Test
  void aSingleMetricReportKeepsItsUnnamedHeadings() throws IOException {
    String html = SweepReport.body("small", SweepData.readAll(Fixtures.dir("sweep-small")));
    assertThat(html).contains("<h2>handshakeMs over RTT (ms)</h2>", "<h2>Distribution (CDF) per loss level</h2>",
        "<h2>Cells</h2>").doesNotContain("Cells: ", "handshakeMs: distribution");
  }
}
