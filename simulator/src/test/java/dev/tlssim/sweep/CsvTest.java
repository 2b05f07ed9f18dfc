package dev.tlssim.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void csvQuotesOnlyWhatNeedsIt() {
    assertThat(Csv.row(List.of("5ms", "[\"A\",\"B\"]", "a,b", new BigDecimal("1E+2")))).isEqualTo(
        "5ms,\"[\"\"A\"\",\"\"B\"\"]\",\"a,b\",100\n");
    assertThat(Csv.field(null)).isEmpty();
  }
}
