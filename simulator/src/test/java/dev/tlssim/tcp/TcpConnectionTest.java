package dev.tlssim.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TCP behaviour checked without actors or the kernel. Delay 50 ms one way: RTT 100 ms. */
class TcpConnectionTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private static TcpHarness harness(TcpConfig config, java.util.function.BiPredicate<String, Integer> drop) {
    return new TcpHarness(50 * MS, config, drop);
  }

  private static TcpHarness.Recorder connect(TcpHarness h, TcpHarness.Recorder server) {
    h.stacks.get("b").listen(443, () -> server);
    TcpHarness.Recorder client = new TcpHarness.Recorder();
    h.at(0, () -> h.stacks.get("a").connect(0, "b", 443, client));
    return client;
  }

  @Test
  void withoutSackThreeDuplicateAcksTriggerAFastRetransmitWithoutWaitingForTheTimer() {
    // a's packets: 1 SYN, 2 ACK, then data; the 4th (second data segment) is lost.
    TcpHarness h = harness(TcpConfig.DEFAULT.withSack(false), (node, n) -> node.equals("a") && n == 4);
    var server = new TcpHarness.Recorder();
    var client = new TcpHarness.Recorder() {
      @Override
      public void established(TcpConnection c, long now) {
        super.established(c, now);
        c.write(now, new byte[10 * 1460]);
      }
    };
    h.stacks.get("b").listen(443, () -> server);
    h.at(0, () -> h.stacks.get("a").connect(0, "b", 443, client));
    h.runUntil(10 * S);
    assertThat(server.bytes).isEqualTo(10 * 1460);
    assertThat(h.lines("tcp.retransmit")).hasSize(1).allMatch(l -> l.contains("reason=FAST"));
    assertThat(h.lines("tcp.rto")).isEmpty();
    // The loss is repaired one RTT after the data left (dup ACKs return at 200 ms): all bytes by 250 ms.
    assertThat(h.lines("a tcp.retransmit").get(0)).startsWith(200 * MS + " ");
  }

  /** Timestamps on, Linux timers, four linear SYN timeouts: the measured kernel's settings. */
  private static final TcpConfig TIMESTAMPS =
      new TcpConfig(1460, 10, 1 << 20, true, false, 40 * MS, TimerProfile.LINUX, 6, 5, 15, 4);

  @Test
  void withTimestampsALostSynAckLeavesTheClientAnRttFromItsFirstSynAndTheServerOneFromItsLastSynAck() {
    // b's first SYN-ACK (its packet 1) is lost; a's SYN again at 1 s, b answers it at 1.05 s. That
    // SYN-ACK echoes the first SYN's timestamp (the listener keeps TS.Recent of the SYN it accepted,
    // RFC 7323 §4.3, Linux's request sock), so a measures 1.1 s, as Linux does; a's ACK echoes the
    // SYN-ACK it answered, so b measures 100 ms, not the 1.1 s since its first SYN-ACK.
    TcpHarness h = harness(TIMESTAMPS, (node, n) -> node.equals("b") && n == 1);
    connect(h, new TcpHarness.Recorder());
    h.runUntil(5 * S);
    assertThat(h.lines("a tcp.established").get(0)).startsWith(1100 * MS + " ").contains("srtt=" + 1100 * MS);
    assertThat(h.lines("b tcp.established").get(0)).startsWith(1150 * MS + " ").contains("srtt=" + 100 * MS);
  }

  @Test
  void withTimestampsALostSynStillGivesBothSidesTheTrueRtt() {
    TcpHarness h = harness(TIMESTAMPS, (node, n) -> node.equals("a") && n == 1);
    connect(h, new TcpHarness.Recorder());
    h.runUntil(5 * S);
    assertThat(h.lines("a tcp.established").get(0)).startsWith(1100 * MS + " ").contains("srtt=" + 100 * MS);
    assertThat(h.lines("b tcp.established").get(0)).contains("srtt=" + 100 * MS);
  }

  @Test
  void rfcProfileCutsTheInitialWindowAfterOneSynRetransmission() {
    TcpHarness h = harness(TcpConfig.DEFAULT.withTimers(TimerProfile.RFC), (node, n) -> node.equals("a") && n == 1);
    connect(h, new TcpHarness.Recorder());
    h.runUntil(5 * S);
    assertThat(h.lines("a tcp.established").get(0)).contains("cwnd=1460").startsWith(1100 * MS + " ");
  }

  @Test
  void linuxKeepsTheInitialWindowAfterOneSynRetransmissionAndCutsItAfterTwo() {
    TcpHarness one = harness(TcpConfig.DEFAULT, (node, n) -> node.equals("a") && n == 1);
    connect(one, new TcpHarness.Recorder());
    one.runUntil(10 * S);
    assertThat(one.lines("a tcp.established").get(0)).contains("cwnd=14600");
    TcpHarness two = harness(TcpConfig.DEFAULT, (node, n) -> node.equals("a") && n <= 2);
    connect(two, new TcpHarness.Recorder());
    two.runUntil(10 * S);
    // SYN at 0, 1 s, 3 s (backoff 1, 2): established at 3.1 s with one segment.
    assertThat(two.lines("a tcp.established").get(0)).contains("cwnd=1460").startsWith(3100 * MS + " ");
  }

  @Test
  void withoutAnRttSampleAfterASynTimeoutTheRtoIsThreeSeconds() {
    TcpHarness h = harness(TcpConfig.DEFAULT, (node, n) -> node.equals("a") && n == 1);
    connect(h, new TcpHarness.Recorder());
    h.runUntil(5 * S);
    assertThat(h.lines("a tcp.established").get(0)).contains("rto=3000000000");
  }

  @Test
  void aClientGivesUpAfterItsSynRetriesWithATimeout() {
    TcpHarness h = harness(TcpConfig.DEFAULT, (node, n) -> node.equals("a"));
    TcpHarness.Recorder client = connect(h, new TcpHarness.Recorder());
    h.runUntil(1000 * S);
    // Six retries at 1, 3, 7, 15, 31, 63 s; the last RTO (64 s) expires at 127 s.
    assertThat(client.events).containsExactly("failed:timeout@" + 127 * S);
    assertThat(h.lines("a send SYN")).hasSize(7);
  }

  @Test
  void linearSynTimeoutsRetryEverySecondFirst() {
    TcpConfig linear = new TcpConfig(1460, 10, 1 << 20, false, false, 40 * MS, TimerProfile.LINUX, 3, 5, 15, 2);
    TcpHarness h = harness(linear, (node, n) -> node.equals("a"));
    TcpHarness.Recorder client = connect(h, new TcpHarness.Recorder());
    h.runUntil(1000 * S);
    // tcp_syn_linear_timeouts = 2: the timers after the SYN and the first two retries stay at 1 s,
    // so retries leave at 1, 2 and 3 s; the next timer doubles to 2 s and the client gives up at 5 s.
    assertThat(h.lines("a send SYN").stream().map(l -> l.split(" ")[0]).toList())
        .containsExactly("0", Long.toString(S), Long.toString(2 * S), Long.toString(3 * S));
    assertThat(client.events).containsExactly("failed:timeout@" + 5 * S);
  }

  @Test
  void aServerAnswersARetransmittedSynAgain() {
    // b's first SYN-ACK is lost; the client's SYN times out and is sent again; b answers it.
    TcpHarness h = harness(TcpConfig.DEFAULT, (node, n) -> node.equals("b") && n == 1);
    TcpHarness.Recorder client = connect(h, new TcpHarness.Recorder());
    h.runUntil(5 * S);
    assertThat(client.establishedAt).isEqualTo(1100 * MS);
    assertThat(h.lines("b tcp.retransmit")).filteredOn(l -> l.contains("reason=DUPLICATE_SYN")).hasSize(1);
  }

  @Test
  void answeringARetransmittedSynRestartsTheSynAckTimer() {
    // b's first four SYN-ACKs are lost: at 50 ms, at 1.05 s (its timer, and its answer to a's second
    // SYN), at 2.05 s (its answer to a's third SYN, linear timeouts). Linux's tcp_check_req restarts
    // the timer with each answer, so the timer does not fire at 3.05 s beside the answer to a's
    // fourth SYN: one SYN-ACK then, not two.
    TcpHarness h = harness(TIMESTAMPS, (node, n) -> node.equals("b") && n <= 4);
    TcpHarness.Recorder client = connect(h, new TcpHarness.Recorder());
    h.runUntil(10 * S);
    assertThat(h.transmitted).filteredOn(t -> t.node().equals("b") && t.segment().has(TcpSegment.SYN))
        .extracting(TcpHarness.Transmitted::time)
        .containsExactly(50 * MS, 1050 * MS, 1050 * MS, 2050 * MS, 3050 * MS);
    assertThat(client.establishedAt).isEqualTo(3100 * MS);
  }

  @Test
  void aSynToAClosedPortIsRefused() {
    TcpHarness h = harness(TcpConfig.DEFAULT, (node, n) -> false);
    TcpHarness.Recorder client = new TcpHarness.Recorder();
    h.at(0, () -> h.stacks.get("a").connect(0, "b", 8443, client));
    h.runUntil(5 * S);
    assertThat(client.events).containsExactly("failed:refused@" + 100 * MS);
  }

  @Test
  void rttEstimatorFollowsRfc6298() {
    RttEstimator rfc = new RttEstimator(TimerProfile.RFC);
    rfc.sample(100 * MS);
    assertThat(rfc.srtt()).isEqualTo(100 * MS);
    assertThat(rfc.rttvar()).isEqualTo(50 * MS);
    assertThat(rfc.rto()).isEqualTo(S);
    rfc.sample(500 * MS);
    // RTTVAR = 3/4 * 50 + 1/4 * |100 - 500| = 137.5 ms; SRTT = 7/8 * 100 + 1/8 * 500 = 150 ms.
    assertThat(rfc.rttvar()).isEqualTo(137_500_000L);
    assertThat(rfc.srtt()).isEqualTo(150 * MS);
    // 150 + 4 x 137.5 = 700 ms, raised to the 1 s minimum (RFC 6298 §2.4).
    assertThat(rfc.rto()).isEqualTo(S);
    rfc.backOff();
    assertThat(rfc.rto()).isEqualTo(2 * S);
    RttEstimator linux = new RttEstimator(TimerProfile.LINUX);
    linux.sample(10 * MS);
    assertThat(linux.rto()).isEqualTo(210 * MS);
  }

  @Test
  void delayedAcksWaitForASecondSegmentOrTheTimeout() {
    TcpConfig delayed = new TcpConfig(1460, 10, 1 << 20, false, true, 40 * MS, TimerProfile.LINUX, 6, 5, 15, 0);
    TcpHarness h = harness(delayed, (node, n) -> false);
    var server = new TcpHarness.Recorder();
    var client = new TcpHarness.Recorder() {
      @Override
      public void established(TcpConnection c, long now) {
        super.established(c, now);
        c.write(now, new byte[100]);
      }
    };
    h.stacks.get("b").listen(443, () -> server);
    h.at(0, () -> h.stacks.get("a").connect(0, "b", 443, client));
    h.runUntil(S);
    // The single segment arrives at 150 ms; its ACK waits for the 40 ms delayed-ACK timer.
    assertThat(h.lines("b send ACK len=0")).extracting(l -> l.split(" ")[0]).containsExactly(Long.toString(190 * MS));
  }

  @Test
  void theReceiveWindowLimitsWhatIsInFlight() {
    // A 2-segment receive window: 10 segments need 5 round trips after the handshake.
    TcpConfig small = new TcpConfig(1460, 10, 2 * 1460, false, false, 40 * MS, TimerProfile.LINUX, 6, 5, 15, 0);
    TcpHarness h = harness(small, (node, n) -> false);
    var server = new TcpHarness.Recorder() {
      long doneAt = -1;

      @Override
      public void received(TcpConnection c, long now, byte[] data) {
        super.received(c, now, data);
        if (bytes == 10 * 1460) {
          doneAt = now;
        }
      }
    };
    var client = new TcpHarness.Recorder() {
      @Override
      public void established(TcpConnection c, long now) {
        super.established(c, now);
        c.write(now, new byte[10 * 1460]);
      }
    };
    h.stacks.get("b").listen(443, () -> server);
    h.at(0, () -> h.stacks.get("a").connect(0, "b", 443, client));
    h.runUntil(10 * S);
    // Established at 100 ms; rounds leave at 100, 200, 300, 400, 500 ms; the last pair lands at 550 ms.
    assertThat(server.doneAt).isEqualTo(550 * MS);
  }
}
