package dev.tlssim.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles, mean and share >= 1 s, exact on small inputs, and the summary's rows. */
class HandshakeStatsTest {
  private static List<BigDecimal> ms(String... values) {
    return Stream.of(values).map(BigDecimal::new).toList();
  }

  @Test
  void nearestRankAsDerivePyComputesIt() {
    // Sorted: 100, 200, 300, 1000. p50 = v[ceil(2)] = 200, p75 = v[ceil(3)] = 300, p90 = v[ceil(3.6)] = 1000.
    HandshakeStats s = HandshakeStats.of(ms("1000", "300", "100", "200"));
    assertThat(s).isEqualTo(new HandshakeStats(4, new BigDecimal("200"), new BigDecimal("300"), new BigDecimal("1000"),
        new BigDecimal("400.000"), new BigDecimal("0.250")));
  }

  @Test
  void twentyValuesTakeTheTenthForTheMedianNotAnInterpolation() {
    List<BigDecimal> v = Stream.iterate(1, i -> i + 1).limit(20).map(BigDecimal::valueOf).toList();
    HandshakeStats s = HandshakeStats.of(v);
    assertThat(s.median()).isEqualByComparingTo("10");
    assertThat(s.p75()).isEqualByComparingTo("15");
    assertThat(s.p90()).isEqualByComparingTo("18");
    assertThat(s.mean()).isEqualByComparingTo("10.5");
    assertThat(s.shareGe1s()).isEqualByComparingTo("0");
  }

  @Test
  void meanAndShareRoundHalfEvenToThreeDecimalsAndExactlyOneSecondIsSlow() {
    // Mean 1999.9995 / 3 = 666.6665 exactly: half-even keeps the even 6.
    HandshakeStats s = HandshakeStats.of(ms("999.999", "1000", "0.0005"));
    assertThat(HandshakeStats.text(s.mean())).isEqualTo("666.666");
    assertThat(HandshakeStats.text(s.shareGe1s())).isEqualTo("0.333");
    assertThat(HandshakeStats.text(s.median())).isEqualTo("999.999");
    assertThat(HandshakeStats.of(List.of())).isEqualTo(new HandshakeStats(0, null, null, null, null, null));
  }

  @Test
  void summariesHaveTheMeasuredRowOrderAndLeaveOutIncompleteHandshakes() {
    List<Sample> samples = List.of(
        new Sample(RunGroup.LOSS, 100, 5, "b", new BigDecimal("1200"), DropClass.SYN),
        new Sample(RunGroup.LOSS, 100, 5, "a", new BigDecimal("200"), DropClass.NONE),
        new Sample(RunGroup.LOSS, 100, 5, "a", null, DropClass.DATA),
        new Sample(RunGroup.LATENCY, 0, 0, "b", new BigDecimal("2"), DropClass.NONE),
        new Sample(RunGroup.LATENCY, 0, 0, "a", new BigDecimal("1"), DropClass.NONE));
    List<String> rows = Summaries.of(samples).stream().map(r -> String.join(",", r.fields())).toList();
    assertThat(rows).containsExactly(
        "latency,0,0,b,all,1,2.000,2.000,2.000,2.000,0.000",
        "latency,0,0,a,all,1,1.000,1.000,1.000,1.000,0.000",
        "latency,0,0,pooled,all,2,1.000,2.000,2.000,1.500,0.000",
        "loss,100,5,b,all,1,1200.000,1200.000,1200.000,1200.000,1.000",
        "loss,100,5,b,none,0,,,,,",
        "loss,100,5,b,syn,1,1200.000,1200.000,1200.000,1200.000,1.000",
        "loss,100,5,b,data,0,,,,,",
        "loss,100,5,b,ack,0,,,,,",
        "loss,100,5,a,all,1,200.000,200.000,200.000,200.000,0.000",
        "loss,100,5,a,none,1,200.000,200.000,200.000,200.000,0.000",
        "loss,100,5,a,syn,0,,,,,",
        "loss,100,5,a,data,0,,,,,",
        "loss,100,5,a,ack,0,,,,,",
        "loss,100,5,pooled,all,2,200.000,1200.000,1200.000,700.000,0.500",
        "loss,100,5,pooled,none,1,200.000,200.000,200.000,200.000,0.000",
        "loss,100,5,pooled,syn,1,1200.000,1200.000,1200.000,1200.000,1.000",
        "loss,100,5,pooled,data,0,,,,,",
        "loss,100,5,pooled,ack,0,,,,,");
  }
}
