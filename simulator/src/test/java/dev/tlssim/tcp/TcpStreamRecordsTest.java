package dev.tlssim.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.events.PacketEvent.Carried;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The send stream remembers which record each byte belongs to, and each segment says which pieces
 * it carries, retransmissions included; and the stack forgets connections that are over.
 */
class TcpStreamRecordsTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final StreamRecord SMALL = new StreamRecord("handshake", 100, List.of("server_hello"));
  private static final StreamRecord BIG = new StreamRecord("handshake", 2800, List.of("certificate", "finished"));
  private static final StreamRecord LAST = new StreamRecord("alert", 100, List.of("close_notify"));

  /** a writes 3000 bytes as three records once established; b only listens. */
  private static TcpHarness writeThreeRecords(java.util.function.BiPredicate<String, Integer> drop) {
    TcpHarness h = new TcpHarness(50 * MS, TcpConfig.DEFAULT, drop);
    h.stacks.get("b").listen(443, TcpHarness.Recorder::new);
    TcpConnection.Listener writer = new TcpConnection.Listener() {
      @Override
      public void established(TcpConnection c, long now) {
        c.write(now, new byte[3000], List.of(SMALL, BIG, LAST));
      }
    };
    h.at(0, () -> h.stacks.get("a").connect(0, "b", 443, writer));
    return h;
  }

  private static List<TcpSegment> dataFrom(TcpHarness h, String node) {
    return h.transmitted.stream().filter(t -> t.node().equals(node) && t.segment().length() > 0)
        .map(TcpHarness.Transmitted::segment).toList();
  }

  @Test
  void eachSegmentCarriesThePiecesOfTheRecordsItsBytesBelongTo() {
    TcpHarness h = writeThreeRecords((node, n) -> false);
    h.runUntil(5 * S);
    List<TcpSegment> data = dataFrom(h, "a");
    assertThat(data).extracting(TcpSegment::length).containsExactly(1460, 1460, 80);
    // Stream bytes [0, 100) SMALL, [100, 2900) BIG, [2900, 3000) LAST.
    assertThat(data.get(0).carries()).containsExactly(
        new Carried(0, 100, 0, 100, "handshake", List.of("server_hello")),
        new Carried(100, 1360, 0, 2800, "handshake", List.of("certificate", "finished")));
    assertThat(data.get(1).carries()).containsExactly(
        new Carried(0, 1440, 1360, 2800, "handshake", List.of("certificate", "finished")),
        new Carried(1440, 20, 0, 100, "alert", List.of("close_notify")));
    assertThat(data.get(2).carries()).containsExactly(new Carried(0, 80, 20, 100, "alert", List.of("close_notify")));
    assertThat(data.get(0).sent(1, "a", "b").tcp().carries()).isEqualTo(data.get(0).carries());
  }

  @Test
  void aRetransmissionCarriesWhatTheOriginalCarried() {
    // a's packets: 1 SYN, 2 ACK, 3-5 data: the second data segment is lost and resent at the RTO.
    TcpHarness h = writeThreeRecords((node, n) -> node.equals("a") && n == 4);
    h.runUntil(10 * S);
    List<TcpSegment> data = dataFrom(h, "a");
    assertThat(data).hasSize(4);
    assertThat(data.get(3).seq()).isEqualTo(data.get(1).seq());
    assertThat(data.get(3).carries()).isEqualTo(data.get(1).carries()).isNotNull();
  }

  @Test
  void undescribedBytesCarryNothingAndDescriptionsMayNotOverrunTheWrite() {
    TcpHarness h = new TcpHarness(50 * MS, TcpConfig.DEFAULT, (node, n) -> false);
    h.stacks.get("b").listen(443, TcpHarness.Recorder::new);
    TcpConnection[] opened = new TcpConnection[1];
    h.at(0, () -> opened[0] = h.stacks.get("a").connect(0, "b", 443, new TcpConnection.Listener() {
      @Override
      public void established(TcpConnection c, long now) {
        c.write(now, new byte[50]);
        c.write(now, new byte[150], List.of(SMALL));
      }
    }));
    h.runUntil(5 * S);
    List<TcpSegment> data = dataFrom(h, "a");
    assertThat(data.get(0).carries()).isNull();
    assertThat(data.get(1).carries()).containsExactly(new Carried(0, 100, 0, 100, "handshake", List.of("server_hello")));
    assertThatThrownBy(() -> opened[0].write(h.now, new byte[99], List.of(SMALL)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theStackForgetsAClosedConnectionAtOnceAndOneInTimeWaitWhenItEnds() {
    TcpHarness h = new TcpHarness(50 * MS, TcpConfig.DEFAULT, (node, n) -> false);
    h.stacks.get("b").listen(443, () -> new TcpConnection.Listener() {
      @Override
      public void peerClosed(TcpConnection c, long now) {
        c.close(now);
      }
    });
    TcpConnection[] client = new TcpConnection[1];
    h.at(0, () -> client[0] = h.stacks.get("a").connect(0, "b", 443, new TcpConnection.Listener() {
      @Override
      public void established(TcpConnection c, long now) {
        c.write(now, new byte[10]);
        c.close(now);
      }
    }));
    h.runUntil(5 * S);
    // a closed first (RFC 9293 §3.6): a waits in TIME_WAIT; b went LAST_ACK to CLOSED and forgot it.
    assertThat(client[0].state()).isEqualTo(TcpConnection.State.TIME_WAIT);
    assertThat(h.stacks.get("a").connectionCount()).isEqualTo(1);
    assertThat(h.stacks.get("b").connectionCount()).isZero();
    // A segment for the forgotten connection is a stray: b answers it with a reset (RFC 9293 §3.10.7.1).
    TcpSegment late = new TcpSegment(client[0].localPort(), 443, 1, 1, TcpSegment.ACK, 1000, 0, false, new byte[1]);
    h.at(h.now, () -> h.stacks.get("b").onSegment(h.now, "a", late));
    h.runUntil(6 * S);
    assertThat(h.transmitted.get(h.transmitted.size() - 1).segment().has(TcpSegment.RST)).isTrue();
    // Still in TIME_WAIT before 60 s; forgotten at the first segment after.
    long closedAt = Long.parseLong(h.lines("a tcp.closed").get(0).split(" ")[0]);
    assertThat(closedAt).isEqualTo(200 * MS);
    h.at(closedAt + TcpStack.TIME_WAIT_NANOS - 1, () -> h.stacks.get("a").onSegment(h.now, "b", late));
    h.runUntil(closedAt + TcpStack.TIME_WAIT_NANOS - 1);
    assertThat(h.stacks.get("a").connectionCount()).isEqualTo(1);
    h.at(closedAt + TcpStack.TIME_WAIT_NANOS, () -> h.stacks.get("a").onSegment(h.now, "b", late));
    h.runUntil(closedAt + TcpStack.TIME_WAIT_NANOS);
    assertThat(h.stacks.get("a").connectionCount()).isZero();
  }
}
