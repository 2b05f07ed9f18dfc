package dev.tlssim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BareEventLoopTest {
  @Test
  void theLoopIsDeterministicAndDependsOnItsWork() {
    assertThat(BareEventLoop.run(1_000, 50, 7)).isEqualTo(BareEventLoop.run(1_000, 50, 7))
        .isNotEqualTo(BareEventLoop.run(1_001, 50, 7));
  }

  @Test
  void statsTakeTheMedianAndTheSpread() {
    assertThat(Stats.median(java.util.List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(Stats.median(java.util.List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    assertThat(Stats.spreadPercent(java.util.List.of(90.0, 100.0, 110.0))).isEqualTo(20.0);
  }
}
