package dev.tlssim.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.events.ConnectionEvent;
import dev.tlssim.events.Flow;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TcpFlag;
import dev.tlssim.events.TraceRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The drop classes on handmade traces: one connection from client:49153 to server:443 started at
 * 1 000 ms and established at 1 300 ms (its window), each test losing different packets.
 */
class DropClassifierTest {
  private static final Flow FLOW = new Flow("client", 49153, "server", 443);
  private static final long START = 1_000_000_000L;
  private static final long END = 1_300_000_000L;
  private static final String CONN = "measured";

  /** A trace under construction: packets get ids in order; {@link #lost} also records their drop. */
  private static final class Trace {
    private final List<TraceRecord> records = new ArrayList<>();
    private long nextId = 1;

    Trace() {
      records.add(new TraceRecord(START, "client", new ConnectionEvent.Started(CONN, FLOW, "server", 443)));
    }

    Trace established() {
      records.add(new TraceRecord(END, "client", new ConnectionEvent.Established(CONN)));
      return this;
    }

    long send(long at, boolean fromClient, List<TcpFlag> flags, int len, String content) {
      long id = nextId++;
      String from = fromClient ? "client" : "server";
      String to = fromClient ? "server" : "client";
      List<PacketEvent.Carried> carries = content == null ? null
          : List.of(new PacketEvent.Carried(0, len, 0, len, content, List.of()));
      PacketEvent.Segment s = new PacketEvent.Segment(fromClient ? 49153 : 443, fromClient ? 443 : 49153, flags, 1,
          1, len, 65535, carries, null);
      records.add(new TraceRecord(at, from, new PacketEvent.Sent(id, from, to, 52 + len, s)));
      return id;
    }

    Trace passed(long at, boolean fromClient, List<TcpFlag> flags, int len) {
      send(at, fromClient, flags, len, len > 0 ? "handshake" : null);
      return this;
    }

    Trace lost(long at, boolean fromClient, List<TcpFlag> flags, int len, String content) {
      long id = send(at, fromClient, flags, len, content);
      records.add(new TraceRecord(at, fromClient ? "client" : "server",
          new PacketEvent.Dropped(id, fromClient ? "client->server" : "server->client", PacketEvent.DropReason.LOSS)));
      return this;
    }

    Trace lost(long at, boolean fromClient, List<TcpFlag> flags, int len) {
      return lost(at, fromClient, flags, len, len > 0 ? "handshake" : null);
    }

    DropClass classify() {
      return DropClassifier.classify(records, CONN);
    }
  }

  private static final List<TcpFlag> SYN = List.of(TcpFlag.SYN);
  private static final List<TcpFlag> SYN_ACK = List.of(TcpFlag.SYN, TcpFlag.ACK);
  private static final List<TcpFlag> ACK = List.of(TcpFlag.ACK);
  private static final List<TcpFlag> PSH_ACK = List.of(TcpFlag.PSH, TcpFlag.ACK);
  private static final List<TcpFlag> FIN_ACK = List.of(TcpFlag.FIN, TcpFlag.ACK);

  private static long ms(int ms) {
    return START + ms * 1_000_000L;
  }

  /** The packets of a loss-free handshake: SYN, SYN-ACK, ACK, ClientHello, server flight, client flight. */
  private static Trace handshake() {
    return new Trace().passed(ms(0), true, SYN, 0).passed(ms(50), false, SYN_ACK, 0).passed(ms(100), true, ACK, 0)
        .passed(ms(100), true, PSH_ACK, 150).passed(ms(150), false, PSH_ACK, 1300).passed(ms(200), true, PSH_ACK, 60);
  }

  @Test
  void nothingLostIsNone() {
    assertThat(handshake().established().classify()).isEqualTo(DropClass.NONE);
  }

  @Test
  void aLostSynIsSyn() {
    assertThat(handshake().lost(START - 1, true, SYN, 0).established().classify()).isEqualTo(DropClass.NONE);
    assertThat(handshake().lost(ms(0), true, SYN, 0).established().classify()).isEqualTo(DropClass.SYN);
  }

  @Test
  void aLostSynAckIsSynWhateverElseWasLost() {
    assertThat(handshake().lost(ms(50), false, SYN_ACK, 0).established().classify()).isEqualTo(DropClass.SYN);
    assertThat(handshake().lost(ms(150), false, PSH_ACK, 1300).lost(ms(160), true, ACK, 0)
        .lost(ms(250), false, SYN_ACK, 0).established().classify()).isEqualTo(DropClass.SYN);
  }

  @Test
  void aLostSegmentWithPayloadIsDataInEitherDirection() {
    assertThat(handshake().lost(ms(150), false, PSH_ACK, 1300).established().classify()).isEqualTo(DropClass.DATA);
    assertThat(handshake().lost(ms(100), true, PSH_ACK, 150).lost(ms(120), false, ACK, 0).established().classify())
        .isEqualTo(DropClass.DATA);
  }

  @Test
  void onlyAPureAckLostIsAck() {
    assertThat(handshake().lost(ms(100), true, ACK, 0).established().classify()).isEqualTo(DropClass.ACK);
  }

  @Test
  void aLostBareFinCountsAsNothing() {
    assertThat(handshake().lost(ms(250), true, FIN_ACK, 0).established().classify()).isEqualTo(DropClass.NONE);
  }

  @Test
  void onlyDropsInsideTheWindowOfThisFlowCount() {
    Trace t = handshake().established().lost(ms(301), true, PSH_ACK, 200, "application_data");
    assertThat(t.classify()).isEqualTo(DropClass.NONE);
    // Another connection's lost segment (a different client port) is not this one's.
    Trace other = handshake();
    long id = 99;
    PacketEvent.Segment s = new PacketEvent.Segment(49154, 443, SYN, 1, 0, 0, 65535, null, null);
    other.records.add(new TraceRecord(ms(10), "client", new PacketEvent.Sent(id, "client", "server", 52, s)));
    other.records.add(new TraceRecord(ms(10), "client",
        new PacketEvent.Dropped(id, "client->server", PacketEvent.DropReason.LOSS)));
    assertThat(other.established().classify()).isEqualTo(DropClass.NONE);
  }

  @Test
  void atTheLastInstantTheFinalFlightCountsAndTheRequestDoesNot() {
    // The request the client sends as the handshake completes: the real client wrote it afterwards.
    assertThat(handshake().lost(ms(300), true, PSH_ACK, 229, "application_data").established().classify())
        .isEqualTo(DropClass.NONE);
    // Its Finished written at the same instant: the real client wrote it before do_handshake() returned.
    assertThat(handshake().lost(ms(300), true, PSH_ACK, 64, "handshake").established().classify())
        .isEqualTo(DropClass.DATA);
    // A pure ACK at that instant counts too, and a request lost earlier (not at the last instant) would.
    assertThat(handshake().lost(ms(300), true, ACK, 0).established().classify()).isEqualTo(DropClass.ACK);
    assertThat(handshake().lost(ms(299), true, PSH_ACK, 229, "application_data").established().classify())
        .isEqualTo(DropClass.DATA);
  }

  @Test
  void aHandshakeThatNeverCompletesHasAWindowToTheEndOfTheRun() {
    assertThat(handshake().lost(ms(5000), false, PSH_ACK, 1300).classify()).isEqualTo(DropClass.DATA);
  }

  @Test
  void aConnectionTheTraceDoesNotStartIsAnError() {
    assertThatThrownBy(() -> DropClassifier.classify(List.of(), CONN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("measured");
  }
}
