package dev.tlssim.visualizer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.events.Flow;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.TraceJson;
import dev.tlssim.events.TraceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceParsingTest {
  private final FlowView flow = Fixtures.flow("run-lost-hello");

  /** The handmade traces are in exactly the form the simulator writes: each line as TraceJson writes its record. */
  @ParameterizedTest
  @ValueSource(strings = {"run-lost-hello", "run-keys"})
  void fixturesAreWhatTraceJsonWrites(String run) throws IOException {
    byte[] file = Files.readAllBytes(Fixtures.dir(run).resolve("trace.jsonl"));
    assertThat(new String(TraceJson.toBytes(Fixtures.trace(run)), UTF_8))
        .isEqualTo(new String(file, UTF_8));
  }

  @Test
  void segmentsCarryTheRecordsTheirSenderRecorded() {
    assertThat(Fixtures.packet(flow, 3).carries).isEmpty();
    assertThat(Fixtures.packet(flow, 3).messages()).isEmpty();
    assertThat(Fixtures.packet(flow, 4).messages()).containsExactly("client_hello");
    assertThat(Fixtures.packet(flow, 4).label()).isEqualTo("client_hello");
    assertThat(Fixtures.packet(flow, 8).label()).isEqualTo("alert");
  }

  @Test
  void aRecordSplitOverTwoSegmentsIsNamedWhereItEnds() {
    // One 1668-byte handshake record (5 + 95 + 1264 + 300 + 4) in 1460 + 208 bytes, as Wireshark would show it:
    // the first segment is part of a PDU, the second reassembles it.
    PacketPath first = Fixtures.packet(flow, 6);
    PacketPath second = Fixtures.packet(flow, 7);
    assertThat(first.messages()).containsExactly("server_hello", "certificate", "server_key_exchange",
        "server_hello_done");
    assertThat(second.messages()).isEqualTo(first.messages());
    assertThat(first.label()).isEqualTo("part of server_hello, certificate, server_key_exchange, server_hello_done");
    assertThat(second.label()).isEqualTo("server_hello, certificate, server_key_exchange, server_hello_done");
    assertThat(Inspector.records(first)).isEqualTo("handshake record of 1668 bytes, bytes 0-1459: server_hello, "
        + "certificate, server_key_exchange, server_hello_done");
    assertThat(Inspector.records(second)).startsWith("handshake record of 1668 bytes, bytes 1460-1667 (its end): ");
  }

  @Test
  void aSegmentOfSeveralRecordsNamesEachAndApplicationDataByItsContentType() {
    FlowView keys = Fixtures.flow("run-keys");
    assertThat(Fixtures.packet(keys, 5).label()).isEqualTo("client_key_exchange, change_cipher_spec, finished");
    assertThat(Fixtures.packet(keys, 6).label()).isEqualTo("change_cipher_spec, finished");
    assertThat(Fixtures.packet(keys, 7).label()).isEqualTo("application_data");
    assertThat(Inspector.records(Fixtures.packet(keys, 5))).isEqualTo("handshake record of 42 bytes, whole: "
        + "client_key_exchange; change_cipher_spec record of 6 bytes, whole: change_cipher_spec; handshake record of "
        + "45 bytes, whole: finished");
  }

  @Test
  void aTraceWithoutCarriesGetsNoTlsLabels() {
    List<TraceRecord> bare = new ArrayList<>();
    for (TraceRecord r : Fixtures.trace("run-lost-hello")) {
      if (r.event() instanceof PacketEvent.Sent s) {
        PacketEvent.Segment t = s.tcp();
        r = new TraceRecord(r.timeNanos(), r.node(), new PacketEvent.Sent(s.id(), s.from(), s.to(), s.size(),
            new PacketEvent.Segment(t.sport(), t.dport(), t.flags(), t.seq(), t.ack(), t.len(), t.win(), null, null)));
      }
      bare.add(r);
    }
    FlowView v = FlowView.build(bare, Fixtures.summary("run-lost-hello")).get(0);
    assertThat(Fixtures.packet(v, 6).messages()).isEmpty();
    assertThat(Fixtures.packet(v, 6).label()).isEqualTo("ACK 1460 B");
    assertThat(Fixtures.packet(v, 7).label()).isEqualTo("PSH,ACK 208 B");
    assertThat(LadderLayout.style(Fixtures.packet(v, 7))).isEqualTo(LadderLayout.Style.DATA);
    assertThat(Inspector.carried(v, Fixtures.packet(v, 7))).isEmpty();
  }

  @Test
  void aRetransmissionCarriesWhatTheLostSegmentCarried() {
    PacketPath resent = Fixtures.packet(flow, 5);
    assertThat(resent.retransmitReason).isEqualTo("rto");
    assertThat(resent.messages()).containsExactly("client_hello");
    assertThat(resent.label()).isEqualTo("client_hello");
  }

  @Test
  void dropsKeepTheirLinkAndReason() {
    PacketPath lost = Fixtures.packet(flow, 4);
    assertThat(lost.drop).isEqualTo(new PacketPath.Drop("client", "server", 100_000_000L, "loss"));
    assertThat(lost.hops).isEmpty();
  }

  @Test
  void pureAcksAndFlagsLabelSegmentsWithoutTls() {
    assertThat(Fixtures.packet(flow, 3).pureAck()).isTrue();
    assertThat(Fixtures.packet(flow, 2).label()).isEqualTo("SYN,ACK");
  }

  @Test
  void rttComesFromTheSurvivingSynAndSynAck() {
    assertThat(Rtt.estimateNs(flow.packets)).isEqualTo(100_000_000L);
  }

  @Test
  void aFailedHandshakeHasNoDoneMarkButItsChecksAndAlert() {
    assertThat(flow.doneNs).isEqualTo(-1);
    assertThat(flow.checks).extracting(TlsChannelEvent.Check::check).containsExactly("chain", "hostname", "revocation");
    assertThat(flow.alerts).hasSize(1);
    assertThat(flow.timers).containsExactly(new FlowView.Timer(400_000_000L, "client", 600_000_000L, 1));
  }

  @Test
  void aServersSegmentBelongsToTheFlowNamedByItsClient() {
    assertThat(Fixtures.packet(flow, 2).flow).isEqualTo(new Flow("client", 49152, "server", 443));
  }
}
