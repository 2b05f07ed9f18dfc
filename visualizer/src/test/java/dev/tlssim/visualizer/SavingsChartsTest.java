package dev.tlssim.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SavingsChartsTest {
  @Test
  void eachComparisonGetsABarChartAndATableOfAbsoluteValues() throws Exception {
    var comparisons = new ObjectMapper().readTree("""
        [{"baseline": "full", "candidate": "resumed", "rows": [
          {"metric": "handshakeMs", "baseline": 300, "candidate": 200, "saved": 100, "ratio": 0.667},
          {"metric": "cpuServerMs", "baseline": 1.2, "candidate": 0.01, "saved": 1.19, "ratio": 0.008},
          {"metric": "roundTrips", "baseline": null, "candidate": 2, "saved": null, "ratio": null}]}]
        """);
    String html = SavingsCharts.html(comparisons);
    assertThat(html).contains("<svg").contains("resumed measured against full: below 100 % is a saving.")
        .contains("<tr><td>handshakeMs</td><td>300</td><td>200</td><td>100</td><td>0.667</td></tr>")
        .contains("<tr><td>roundTrips</td><td>-</td><td>2</td><td>-</td><td>-</td></tr>");
  }
}
