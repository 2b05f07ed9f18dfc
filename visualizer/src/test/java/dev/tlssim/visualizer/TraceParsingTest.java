package dev.tlssim.visualizer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.events.Flow;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.TraceJson;
import java.io.IOException;
import java.nio.file.Files;
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
  void segmentsCarryTheFlightWrittenJustBeforeThem() {
    assertThat(Fixtures.packet(flow, 3).tls).isEmpty();
    assertThat(Fixtures.packet(flow, 4).tls).containsExactly("client_hello");
    // 1460 bytes of a 1663-byte flight: server_hello, the whole certificate, the start of server_key_exchange.
    assertThat(Fixtures.packet(flow, 6).tls).containsExactly("server_hello", "certificate", "server_key_exchange");
    assertThat(Fixtures.packet(flow, 7).tls).containsExactly("server_key_exchange", "server_hello_done");
    assertThat(Fixtures.packet(flow, 8).tls).containsExactly("alert");
  }

  @Test
  void aRetransmissionCarriesWhatTheLostSegmentCarried() {
    PacketPath resent = Fixtures.packet(flow, 5);
    assertThat(resent.retransmitReason).isEqualTo("rto");
    assertThat(resent.tls).containsExactly("client_hello");
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
