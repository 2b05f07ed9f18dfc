package dev.tlssim.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.events.PacketEvent;
import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * SACK (RFC 2018), SACK-based recovery (RFC 6675) and RACK-TLP (RFC 8985) as Linux times them,
 * without actors. One-way delay 50 ms (RTT 100 ms); a's packets are numbered 1 SYN, 2 ACK, then
 * data; the server acknowledges every segment. After the handshake SRTT is 100 ms and the RTO
 * 300 ms (Linux: srtt + max(4·rttvar, 200 ms)).
 */
class SackRecoveryTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private static TcpHarness run(TcpConfig client, TcpConfig server, int segments, BiPredicate<String, Integer> drop) {
    TcpHarness h = new TcpHarness(50 * MS, client, server, drop);
    var app = new TcpHarness.Recorder() {
      @Override
      public void established(TcpConnection c, long now) {
        super.established(c, now);
        c.write(now, new byte[segments * 1460]);
      }
    };
    TcpHarness.Recorder receiver = new TcpHarness.Recorder();
    h.stacks.get("b").listen(443, () -> receiver);
    h.at(0, () -> h.stacks.get("a").connect(0, "b", 443, app));
    h.runUntil(10 * S);
    assertThat(receiver.bytes).as("every byte delivered").isEqualTo(segments * 1460L);
    return h;
  }

  private static TcpHarness run(TcpConfig config, int segments, BiPredicate<String, Integer> drop) {
    return run(config, config, segments, drop);
  }

  private static BiPredicate<String, Integer> clientLoses(int... ordinals) {
    return (node, n) -> node.equals("a") && java.util.Arrays.stream(ordinals).anyMatch(o -> o == n);
  }

  /** a's {@code n}th segment, counting from 1. */
  private static TcpSegment sentByA(TcpHarness h, int n) {
    return h.transmitted.stream().filter(t -> t.node().equals("a")).skip(n - 1).findFirst().orElseThrow().segment();
  }

  private static List<Long> times(TcpHarness h, String contains) {
    return h.lines(contains).stream().map(l -> Long.parseLong(l.split(" ")[0])).toList();
  }

  @Test
  void sackIsPermittedOnBothSynsByDefaultAndNotWhenOneSideTurnsItOff() {
    TcpHarness both = run(TcpConfig.DEFAULT, 1, (node, n) -> false);
    assertThat(both.transmitted.subList(0, 2)).allMatch(t -> t.segment().sackPermitted());
    TcpHarness serverOff = run(TcpConfig.DEFAULT, TcpConfig.DEFAULT.withSack(false), 1, (node, n) -> false);
    assertThat(serverOff.transmitted.get(0).segment().sackPermitted()).isTrue();
    // RFC 2018 §2: the SYN-ACK carries SACK-permitted only when the SYN did and the server agrees.
    assertThat(serverOff.transmitted.get(1).segment().sackPermitted()).isFalse();
  }

  @Test
  void aHoleInTheMiddleIsReportedInSackBlocksAndRepairedByRackInOneRoundTrip() {
    // The second data segment (a's #4) is lost out of ten sent at 100 ms.
    TcpHarness h = run(TcpConfig.DEFAULT, 10, clientLoses(4));
    long hole = sentByA(h, 4).seq();
    List<PacketEvent.SackBlock> firstSack = h.transmitted.stream()
        .filter(t -> t.node().equals("b") && t.segment().sack() != null)
        .findFirst().orElseThrow().segment().sack();
    assertThat(firstSack).containsExactly(new PacketEvent.SackBlock(hole + 1460, hole + 2 * 1460));
    // The third SACK takes the count to DupThresh, RACK's reordering window drops to zero
    // (RFC 8985 §6.2 step 4) and the hole is marked lost and resent as the ACKs arrive at 200 ms.
    assertThat(h.lines("a tcp.marked-lost")).singleElement().asString().contains("seq=" + hole, "by=RACK");
    assertThat(h.lines("a tcp.retransmit")).singleElement().asString().startsWith(200 * MS + " ").contains("reason=RACK");
    assertThat(h.lines("tcp.rto")).isEmpty();
    assertThat(h.lines("tcp.loss-probe")).isEmpty();
  }

  @Test
  void aLostTailIsProbedAfterTwoRoundTripsAndTheHoleItRevealsIsRepairedByRack() {
    // Three segments leave at 100 ms; the last two (#4, #5) are lost. The ACK of the first at
    // 200 ms arms the probe at 2·SRTT + 2 ms = 202 ms (more than one segment out).
    TcpHarness h = run(TcpConfig.DEFAULT, 3, clientLoses(4, 5));
    long second = sentByA(h, 4).seq();
    long third = sentByA(h, 5).seq();
    assertThat(h.lines("a tcp.loss-probe")).singleElement().asString()
        .startsWith(402 * MS + " ").contains("seq=" + third, "newData=false", "pto=" + 202 * MS);
    // The probe's SACK returns at 502 ms: the second segment, sent before the probed one and older
    // than RACK.rtt + reo_wnd (100 + 25 ms), is marked lost and resent; no RTO fires.
    assertThat(h.lines("a tcp.marked-lost")).singleElement().asString()
        .startsWith(502 * MS + " ").contains("seq=" + second, "by=RACK");
    assertThat(h.lines("a tcp.retransmit")).extracting(l -> l.replaceAll(".*reason=(\\w+).*", "$1"))
        .containsExactly("TLP", "RACK");
    assertThat(times(h, "a tcp.retransmit")).containsExactly(402 * MS, 502 * MS);
    assertThat(h.lines("tcp.rto")).isEmpty();
  }

  @Test
  void aLoneLostSegmentIsProbedWhenTheRtoWouldFireWithoutItsBackoff() {
    // One segment out: PTO = 2·SRTT + 200 ms (the delayed-ACK allowance) = 400 ms, capped at the
    // RTO (300 ms after the send at 100 ms): a probe at 400 ms instead of a timeout.
    TcpHarness h = run(TcpConfig.DEFAULT, 1, clientLoses(3));
    assertThat(h.lines("a tcp.loss-probe")).singleElement().asString()
        .startsWith(400 * MS + " ").contains("pto=" + 300 * MS);
    assertThat(h.lines("tcp.rto")).isEmpty();
    TcpHarness rfc = run(TcpConfig.DEFAULT.withTimers(TimerProfile.RFC), 1, clientLoses(3));
    // The plain RFC stack has no probes: its RTO (1 s floor) fires at 1.1 s.
    assertThat(rfc.lines("tcp.loss-probe")).isEmpty();
    assertThat(times(rfc, "a tcp.rto")).containsExactly(1100 * MS);
  }

  @Test
  void theRfcProfileUsesDupThreshOnTheScoreboard() {
    // RFC 6675 §5: a segment is lost when DupThresh segments above it are SACKed; no RACK timing.
    TcpHarness h = run(TcpConfig.DEFAULT.withTimers(TimerProfile.RFC), 10, clientLoses(4));
    assertThat(h.lines("a tcp.marked-lost")).singleElement().asString().contains("by=DUPTHRESH");
    assertThat(h.lines("a tcp.retransmit")).singleElement().asString().startsWith(200 * MS + " ").contains("reason=SACK");
  }

  @Test
  void lossOfTwoHolesIsRepairedInOneRecoveryWithoutTimeouts() {
    // Segments 2 and 5 of ten lost: both marked lost by the SACKs of the same flight.
    TcpHarness h = run(TcpConfig.DEFAULT, 10, clientLoses(4, 7));
    assertThat(h.lines("a tcp.marked-lost")).hasSize(2);
    assertThat(times(h, "a tcp.retransmit")).containsExactly(200 * MS, 200 * MS);
    assertThat(h.lines("tcp.rto")).isEmpty();
  }
}
