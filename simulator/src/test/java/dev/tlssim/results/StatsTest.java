package dev.tlssim.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles, exact mean and max, success rate, against samples worked by hand. */
class StatsTest {
  private static List<BigDecimal> values(String... v) {
    return Arrays.stream(v).map(BigDecimal::new).toList();
  }

  @Test
  void oneToAHundredGivesEachPercentileItsOwnRank() {
    List<BigDecimal> sample = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      sample.add(BigDecimal.valueOf(i));
    }
    Collections.shuffle(sample, new Random(7));
    Stats s = Stats.of(100, sample);
    assertThat(s.p50()).isEqualByComparingTo("50");
    assertThat(s.p75()).isEqualByComparingTo("75");
    assertThat(s.p90()).isEqualByComparingTo("90");
    assertThat(s.p95()).isEqualByComparingTo("95");
    assertThat(s.p99()).isEqualByComparingTo("99");
    assertThat(s.max()).isEqualByComparingTo("100");
    assertThat(s.mean()).isEqualTo(new BigDecimal("50.5"));
    assertThat(s.successRate()).isEqualTo(BigDecimal.ONE);
  }

  @Test
  void aSmallSampleRoundsRanksUp() {
    // Sorted: 10 20 30 40 50 (n = 5). Ranks ceil(p*5/100): p50 -> 3, p75 -> 4, p90/p95/p99 -> 5.
    Stats s = Stats.of(8, values("50", "10", "40", "30", "20"));
    assertThat(s.n()).isEqualTo(8);
    assertThat(s.successes()).isEqualTo(5);
    assertThat(s.successRate()).isEqualTo(new BigDecimal("0.625"));
    assertThat(s.p50()).isEqualTo(new BigDecimal("30"));
    assertThat(s.p75()).isEqualTo(new BigDecimal("40"));
    assertThat(s.p90()).isEqualTo(new BigDecimal("50"));
    assertThat(s.p99()).isEqualTo(new BigDecimal("50"));
    assertThat(s.mean()).isEqualTo(new BigDecimal("30"));
    assertThat(s.max()).isEqualTo(new BigDecimal("50"));
  }

  @Test
  void percentilesAreObservedValuesAndTheMeanIsExactToTheNanosecond() {
    // 300 300 300.000001 1300: p50 = rank 2, p75 = rank 3, mean = 2200.000001 / 4 = 550.00000025 -> 550.
    Stats s = Stats.of(4, values("300", "1300", "300.000001", "300"));
    assertThat(s.p50()).isEqualTo(new BigDecimal("300"));
    assertThat(s.p75()).isEqualTo(new BigDecimal("300.000001"));
    assertThat(s.p95()).isEqualTo(new BigDecimal("1300"));
    assertThat(s.mean()).isEqualTo(new BigDecimal("550"));
  }

  @Test
  void aSingleValueIsEveryPercentile() {
    Stats s = Stats.of(1, values("42.5"));
    assertThat(List.of(s.p50(), s.p75(), s.p90(), s.p95(), s.p99(), s.max(), s.mean()))
        .allMatch(v -> v.compareTo(new BigDecimal("42.5")) == 0);
  }

  @Test
  void noSuccessLeavesTheDistributionEmpty() {
    Stats s = Stats.of(3, List.of());
    assertThat(s.successRate()).isEqualTo(BigDecimal.ZERO);
    assertThat(s.mean()).isNull();
    assertThat(s.p50()).isNull();
    assertThat(s.max()).isNull();
  }

  @Test
  void nanosecondValuesGiveTheSameStatsAsMilliseconds() {
    Random random = new Random(3);
    long[] nanos = new long[1_001];
    List<BigDecimal> ms = new ArrayList<>();
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = 1 + random.nextInt(50_000_000);
      ms.add(Millis.of(nanos[i]));
    }
    assertThat(Stats.ofNanos(1_200, nanos)).isEqualTo(Stats.of(1_200, ms));
    assertThat(Stats.ofNanos(3, new long[0])).isEqualTo(Stats.of(3, List.of()));
  }
}
