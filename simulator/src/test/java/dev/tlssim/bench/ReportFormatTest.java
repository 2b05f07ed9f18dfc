package dev.tlssim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
  private static final BenchReport REPORT = new BenchReport("full", 2, "17", 0.5, 0.75, 42, List.of(
      new BenchRow("handshakes/s x", 1234.5, "/s", 2000.0, "JDK", 0.61725, 3.2, "how to read x"),
      new BenchRow("heap per open TCP connection", 9876, "bytes", null, null, null, null, "how to read heap")),
      List.of("a general note"));

  @Test
  void theTableHasOneLinePerRowThenTheNotes() {
    String table = ReportFormat.table(REPORT);
    assertThat(table).contains("2 cores", "load average 0.50 -> 0.75")
        .doesNotContain("quick mode");
    assertThat(table.lines().filter(l -> l.startsWith("handshakes/s x")).findFirst().orElseThrow())
        .contains("1,235 /s", "3%", "2,000 (JDK)", "0.617");
    assertThat(table.lines().filter(l -> l.startsWith("heap per open")).findFirst().orElseThrow())
        .contains("9,876 bytes").endsWith("-");
    assertThat(table).contains("- handshakes/s x: how to read x", "- a general note");
  }

  @Test
  void theJsonCarriesEveryFieldOfEveryRow() throws Exception {
    JsonNode root = new ObjectMapper().readTree(ReportFormat.json(REPORT));
    assertThat(root.get("wallSeconds").asDouble()).isEqualTo(42);
    JsonNode row = root.get("rows").get(0);
    assertThat(row.get("metric").asText()).isEqualTo("handshakes/s x");
    assertThat(row.get("ratio").asDouble()).isEqualTo(0.61725);
    assertThat(root.get("rows").get(1).get("baseline").isNull()).isTrue();
    assertThat(root.get("notes").get(0).asText()).isEqualTo("a general note");
  }

  @Test
  void numbersKeepAboutThreeSignificantDigits() {
    assertThat(ReportFormat.number(123456.7)).isEqualTo("123,457");
    assertThat(ReportFormat.number(12.345)).isEqualTo("12.3");
    assertThat(ReportFormat.number(0.0061)).isEqualTo("0.006");
  }
}
