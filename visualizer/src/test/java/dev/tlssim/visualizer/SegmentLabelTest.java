package dev.tlssim.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.events.Flow;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TcpFlag;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a segment is named from the record pieces it carries, for the splits a long certificate makes. */
class SegmentLabelTest {
  private static final Flow FLOW = new Flow("client", 49152, "server", 443);
  private static final List<String> FLIGHT = List.of("server_hello", "certificate");

  private static PacketPath segment(int len, PacketEvent.Carried... carries) {
    return new PacketPath(9, FLOW, "server", new PacketEvent.Segment(443, 49152, List.of(TcpFlag.ACK), 5001, 1001,
        len, 65535, List.of(carries), null), 0);
  }

  @Test
  void aMiddlePieceIsPartOfItsRecordAndTheEndOfOneRecordIsNamedBeforeTheNextStarts() {
    // A 4000-byte record over three full segments and a bit: start, middle, then its end and the next record's start.
    assertThat(segment(1460, new PacketEvent.Carried(0, 1460, 0, 4000, "handshake", FLIGHT)).label())
        .isEqualTo("part of server_hello, certificate");
    assertThat(segment(1460, new PacketEvent.Carried(0, 1460, 1460, 4000, "handshake", FLIGHT)).label())
        .isEqualTo("part of server_hello, certificate");
    PacketPath end = segment(1460, new PacketEvent.Carried(0, 1080, 2920, 4000, "handshake", FLIGHT),
        new PacketEvent.Carried(1080, 380, 0, 500, "handshake", List.of("server_key_exchange", "server_hello_done")));
    assertThat(end.label()).isEqualTo("server_hello, certificate, part of server_key_exchange, server_hello_done");
    assertThat(end.messages()).containsExactly("server_hello", "certificate", "server_key_exchange",
        "server_hello_done");
    assertThat(LadderLayout.style(end)).isEqualTo(LadderLayout.Style.TLS);
  }

  @Test
  void aSegmentWithoutRecordsIsNamedByItsFlagsAndLength() {
    PacketPath plain = segment(100);
    assertThat(plain.carriesTls()).isFalse();
    assertThat(plain.label()).isEqualTo("ACK 100 B");
    assertThat(LadderLayout.style(plain)).isEqualTo(LadderLayout.Style.DATA);
  }

  @Test
  void anAckWithSackBlocksNamesThemAboveTheHoleAndIsLabelled() {
    // The client acknowledges 5001 and holds 6461-7921 and 9381-10841: two segments above a hole.
    PacketPath ack = new PacketPath(10, FLOW, "client", new PacketEvent.Segment(49152, 443, List.of(TcpFlag.ACK), 1001,
        5001, 0, 65535, null, List.of(new PacketEvent.SackBlock(6461, 7921), new PacketEvent.SackBlock(9381, 10841))), 0);
    assertThat(ack.label()).isEqualTo("ACK, SACK +1460..+2920 +4380..+5840");
    assertThat(LadderSvg.tooltip(ack)).contains("SACK +1460..+2920 +4380..+5840 (ack=5001)");
  }
}
