package dev.tlssim.scenario;

import java.util.List;
import dev.tlssim.events.TcpFlag;
import dev.tlssim.events.TcpEvent;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.AppEvent;
import static dev.tlssim.scenario.Runs.first;
import static dev.tlssim.scenario.Runs.ms;
import static dev.tlssim.scenario.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.results.ConnectionSummary;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The timing laws the foundation promises, exactly (zero loss results equal the analytical value). */
class TcpTimingTest {

  private static final String TWO_NODES = """
      nodes:
        client: {role: client}
        server: {role: server}
      timeline:
        - at: 0ms
          connect: {id: c1, from: client, to: server, request: 200B, response: RESPONSE}
      """;

  private static ConnectionSummary c1(RunResult r) {
    return r.connections().get(0);
  }

  private static BigDecimal dec(String v) {
    return new BigDecimal(v);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 10, 50, 100, 300})
  void connectTakesOneRttAndARequestResponseOneMore(long oneWayMs) {
    RunResult r = run(TWO_NODES.replace("RESPONSE", "1000B"), "network.latency=" + oneWayMs + "ms");
    long rtt = 2 * oneWayMs;
    assertThat(c1(r).tcpConnectMs()).isEqualByComparingTo(BigDecimal.valueOf(rtt));
    assertThat(c1(r).firstAppByteMs()).isEqualByComparingTo(BigDecimal.valueOf(rtt + oneWayMs));
    assertThat(c1(r).responseMs()).isEqualByComparingTo(BigDecimal.valueOf(2 * rtt));
    assertThat(c1(r).retransmissions()).isZero();
  }

  @Test
  void serializationAddsSizeOverBandwidthOnEveryHop() {
    String yaml = """
        nodes:
          client: {role: client}
          router: {role: router}
          server: {role: server}
        network: {latency: 10ms, rate: 10mbit}
        links:
          - between: [client, router]
          - between: [router, server]
        timeline:
          - at: 0ms
            connect: {id: c1, from: client, to: server}
        """;
    RunResult r = run(yaml);
    // SYN and SYN-ACK are 48 B (IP 20 + TCP 20 + MSS option 4 + SACK-permitted padded to 4):
    // 384 bits / 10 Mbit/s = 38.4 us per hop. Two hops each way: 4 x 10 ms propagation + 4 x 38.4 us.
    assertThat(c1(r).tcpConnectMs()).isEqualByComparingTo(dec("40.1536"));
    var synSent = first(r, PacketEvent.Sent.class, e -> e.event().tcp().flags().equals(List.of(TcpFlag.SYN)));
    var synAtRouter = first(r, PacketEvent.Arrived.class, e -> e.event().id() == synSent.event().id());
    assertThat(synAtRouter.timeNanos()).isEqualTo(ms(10) + 38_400);
  }

  @Test
  void bandwidthLimitsATransferToItsRate() {
    RunResult fast = run(TWO_NODES.replace("RESPONSE", "100KB"), "network.latency=5ms");
    RunResult slow = run(TWO_NODES.replace("RESPONSE", "100KB"), "network.latency=5ms", "network.rate=1mbit");
    // 100 KB of payload in 1460-byte segments is 69 data segments, 100000 + 69 x 40 header bytes.
    long bits = (100_000L + 69 * 40) * 8;
    BigDecimal atLeast = BigDecimal.valueOf(bits).divide(BigDecimal.valueOf(1000));
    assertThat(slow.connections().get(0).responseMs()).isGreaterThan(atLeast);
    assertThat(fast.connections().get(0).responseMs()).isLessThan(BigDecimal.valueOf(100));
  }

  @ParameterizedTest
  @CsvSource({"rfc", "linux"})
  void aLostFirstSynCostsTheOneSecondInitialTimeout(String timers) {
    String yaml = TWO_NODES.replace("RESPONSE", "1000B") + """
        links:
          - between: [client, server]
            latency: 50ms
            forward: {drop: [1]}
        tcp: {timers: TIMERS}
        """.replace("TIMERS", timers);
    RunResult r = run(yaml);
    assertThat(c1(r).tcpConnectMs()).isEqualByComparingTo(dec("1100"));
    assertThat(c1(r).retransmissions()).isEqualTo(1);
  }

  /**
   * After one sample R (= 2 x one-way latency). RFC 6298: the RTO, max(3R, 1 s). Linux: the
   * tail-loss probe of the lone segment (RFC 8985 §7.2: 2R + 200 ms) capped by the RTO
   * R + max(2R, 200 ms), so min(2R + 200 ms, max(3R, R + 200 ms)).
   */
  @ParameterizedTest
  @CsvSource({
      "linux, 5, 210", "linux, 50, 300", "linux, 200, 1000",
      "rfc, 5, 1000", "rfc, 50, 1000", "rfc, 200, 1200", "rfc, 400, 2400"})
  void aLostRequestIsResentByTheFirstTimerToFire(String timers, long oneWayMs, long expectedRtoMs) {
    String yaml = TWO_NODES.replace("RESPONSE", "1000B") + """
        links:
          - between: [client, server]
            latency: LATms
            forward: {drop: [3]}
        tcp: {timers: TIMERS}
        """.replace("TIMERS", timers).replace("LAT", Long.toString(oneWayMs));
    RunResult r = run(yaml);
    var sent = first(r, AppEvent.Sent.class, e -> true);
    var resent = first(r, TcpEvent.Retransmitted.class, e -> true);
    assertThat(resent.timeNanos() - sent.timeNanos()).isEqualTo(ms(expectedRtoMs));
    assertThat(c1(r).responseMs()).isEqualByComparingTo(BigDecimal.valueOf(4 * oneWayMs + expectedRtoMs));
  }

  /**
   * With Linux's timer wheel at HZ = 250 the 300 ms retransmission timer (75 jiffies, level 1,
   * buckets of 8) fires after its deadline, at most one bucket (32 ms) later, and where in the
   * bucket depends on the host's jiffies phase, drawn from the seed: the same seed, the same time.
   */
  @Test
  void onTheTimerWheelARetransmissionLeavesUpToOneBucketLate() {
    String yaml = TWO_NODES.replace("RESPONSE", "1000B") + """
        links:
          - between: [client, server]
            latency: 50ms
            forward: {drop: [3]}
        tcp: {timers: linux, hz: 250}
        """;
    long first = resendDelay(run(yaml));
    assertThat(first).isGreaterThan(ms(300)).isLessThanOrEqualTo(ms(332));
    assertThat(resendDelay(run(yaml))).isEqualTo(first);
    assertThat(resendDelay(run(yaml, "seed=2"))).isNotEqualTo(first).isBetween(ms(300), ms(332));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Runs.scenario(TWO_NODES.replace("RESPONSE", "1000B")
        + "tcp: {hz: -4}\n")).isInstanceOf(ScenarioException.class)
        .satisfies(e -> assertThat(((ScenarioException) e).report())
            .isEqualTo("inline.yaml:7:11: tcp.hz: must be between 0 and 10000, got -4"));
  }

  private static long resendDelay(RunResult r) {
    return first(r, TcpEvent.Retransmitted.class, e -> true).timeNanos() - first(r, AppEvent.Sent.class, e -> true).timeNanos();
  }

  /** IW = 10 x 1460 = 14,600 bytes; each further slow-start round doubles the window and costs one RTT. */
  @ParameterizedTest
  @CsvSource({"14600, 0", "14601, 1", "43800, 1", "43801, 2", "102200, 2", "102201, 3"})
  void eachSlowStartRoundCostsExactlyOneRtt(long responseBytes, int extraRounds) {
    RunResult r = run(TWO_NODES.replace("RESPONSE", responseBytes + "B"), "network.latency=50ms");
    assertThat(c1(r).responseMs()).isEqualByComparingTo(BigDecimal.valueOf(200 + 100L * extraRounds));
  }
}
