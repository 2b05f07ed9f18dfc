package dev.tlssim.scenario;

import static dev.tlssim.scenario.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.events.Direction;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.PacketEvent.Carried;
import dev.tlssim.events.TcpEvent;
import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.TraceJson;
import dev.tlssim.events.TraceRecord;
import dev.tlssim.net.Packet;
import dev.tlssim.sim.Simulation;
import dev.tlssim.tcp.TcpSegment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Segments know their records (issue #12): every new segment says which pieces of which TLS
 * records its payload carries, whoever sent it, and the ladder labels come from that.
 */
class SegmentRecordsTest {
  private static final String SCENARIO = """
      pki:
        authorities:
          root: {key: rsa2048}
        certificates:
          rsa: {issuer: root, key: rsa2048, names: [www.example.com]}
      nodes:
        client:
          role: client
          tls: {serverName: www.example.com, trust: [root], versions: [VERSION], resumption: none,
                suites: [SUITE]}
        server:
          role: server
          tcp: {mss: 536}
          tls: {certificate: rsa, versions: [VERSION], implementation: SERVER}
      network:
        latency: 50ms
      timeline:
        - at: 0ms
          connect: {id: c1, from: client, to: server, request: 300B, response: 2KB}
      """;

  private static final List<String> SERVER_FLIGHT =
      List.of("server_hello", "certificate", "server_key_exchange", "server_hello_done");
  private static final int MSS = 536;

  private static String scenario(String version, String server) {
    String suite = version.equals("1.3") ? "TLS_AES_128_GCM_SHA256" : "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
    return SCENARIO.replace("VERSION", "\"" + version + "\"").replace("SERVER", server).replace("SUITE", suite);
  }

  /** The new segments with data that {@code node} sent, in order. */
  private static List<PacketEvent.Sent> dataSentBy(RunResult r, String node) {
    return Runs.all(r, PacketEvent.Sent.class).stream()
        .filter(e -> e.node().equals(node) && e.event().tcp().len() > 0).map(Runs.Seen::event).toList();
  }

  /** The length of the handshake message {@code name} that {@code node} sent first. */
  private static int sentLength(RunResult r, String node, String name) {
    return Runs.first(r, TlsChannelEvent.Message.class,
        e -> e.node().equals(node) && e.event().dir() == Direction.SENT && e.event().name().equals(name))
        .event().length();
  }

  /** The records that start in {@code segments}, as "content [messages] length", in order. */
  private static List<String> recordsStartingIn(List<PacketEvent.Sent> segments) {
    return segments.stream().flatMap(s -> s.tcp().carries().stream()).filter(c -> c.recordOffset() == 0)
        .map(c -> c.content() + " " + c.messages() + " " + c.recordLength()).toList();
  }

  @Test
  void tls12ServerFlightIsOneHandshakeRecordSpanningThreeSegments() {
    RunResult r = run(scenario("1.2", "tlssim"));
    // RFC 5246 §6.2.1: the flight's four messages coalesce into one record: header plus messages.
    int record = 5 + SERVER_FLIGHT.stream().mapToInt(m -> sentLength(r, "server", m)).sum();
    assertThat(record).as("the flight needs a third segment").isBetween(2 * MSS + 1, 3 * MSS);
    List<PacketEvent.Sent> server = dataSentBy(r, "server");
    assertThat(server.get(0).tcp().carries()).containsExactly(new Carried(0, MSS, 0, record, "handshake", SERVER_FLIGHT));
    assertThat(server.get(1).tcp().carries())
        .containsExactly(new Carried(0, MSS, MSS, record, "handshake", SERVER_FLIGHT));
    assertThat(server.get(2).tcp().len()).isEqualTo(record - 2 * MSS);
    assertThat(server.get(2).tcp().carries())
        .containsExactly(new Carried(0, record - 2 * MSS, 2 * MSS, record, "handshake", SERVER_FLIGHT));
    assertThat(server.get(2).tcp().carries().get(0).endsRecord()).isTrue();
  }

  @Test
  void tls12ClientSecondFlightIsKeyExchangeChangeCipherSpecAndEncryptedFinished() {
    RunResult r = run(scenario("1.2", "tlssim"));
    int keyExchange = 5 + sentLength(r, "client", "client_key_exchange");
    // AES-128-GCM (RFC 5288 §3): 8-byte explicit nonce, Finished (4 + 12), 16-byte tag, behind the header.
    int finished = 5 + 8 + 16 + 16;
    PacketEvent.Sent flight = dataSentBy(r, "client").get(1);
    assertThat(flight.tcp().len()).isEqualTo(keyExchange + 6 + finished);
    assertThat(flight.tcp().carries()).containsExactly(
        new Carried(0, keyExchange, 0, keyExchange, "handshake", List.of("client_key_exchange")),
        new Carried(keyExchange, 6, 0, 6, "change_cipher_spec", List.of()),
        new Carried(keyExchange + 6, finished, 0, finished, "handshake", List.of("finished")));
  }

  @Test
  void tls13ServerEncryptedRecordsNameTheirInnerMessages() {
    RunResult r = run(scenario("1.3", "tlssim"));
    List<PacketEvent.Sent> server = dataSentBy(r, "server");
    // RFC 8446 §5.2: a protected record is its content, the inner content type byte and the
    // 16-byte AEAD tag behind the header; outside it looks like application_data.
    int protectedOverhead = 5 + 1 + 16;
    assertThat(recordsStartingIn(server).subList(0, 6)).containsExactly(
        "handshake [server_hello] " + (5 + sentLength(r, "server", "server_hello")),
        "change_cipher_spec [] 6",
        "handshake [encrypted_extensions] " + (protectedOverhead + sentLength(r, "server", "encrypted_extensions")),
        "handshake [certificate] " + (protectedOverhead + sentLength(r, "server", "certificate")),
        "handshake [certificate_verify] " + (protectedOverhead + sentLength(r, "server", "certificate_verify")),
        "handshake [finished] " + (protectedOverhead + sentLength(r, "server", "finished")));
    assertThat(recordsStartingIn(server)).contains(
        "handshake [new_session_ticket] " + (protectedOverhead + sentLength(r, "server", "new_session_ticket")));
  }

  /** Every piece of every segment continues its record where the previous piece stopped. */
  @ParameterizedTest
  @ValueSource(strings = {"1.2", "1.3"})
  void piecesTileEachSegmentAndContinueTheirRecords(String version) {
    RunResult r = run(scenario(version, "tlssim"));
    for (String node : List.of("client", "server")) {
      int expectedRecordOffset = 0;
      for (PacketEvent.Sent s : dataSentBy(r, node)) {
        int offset = 0;
        for (Carried c : s.tcp().carries()) {
          assertThat(c.offset()).isEqualTo(offset);
          assertThat(c.recordOffset()).isEqualTo(expectedRecordOffset);
          offset += c.length();
          expectedRecordOffset = c.endsRecord() ? 0 : c.recordOffset() + c.length();
        }
        assertThat(offset).isEqualTo(s.tcp().len());
      }
      assertThat(expectedRecordOffset).as("the last record ends").isZero();
    }
  }

  @Test
  void carriesGoToTraceJsonlAndReadBack() throws java.io.IOException {
    RunResult r = run(scenario("1.2", "tlssim"));
    var sent = Runs.all(r, PacketEvent.Sent.class).stream().filter(e -> e.event().tcp().len() > 0).findFirst()
        .orElseThrow();
    String line = TraceJson.line(new TraceRecord(sent.timeNanos(), sent.node(), sent.event()));
    assertThat(line).contains("\"carries\":[{\"offset\":0,\"length\":" + sent.event().tcp().len()
        + ",\"recordOffset\":0,\"recordLength\":" + sent.event().tcp().len()
        + ",\"content\":\"handshake\",\"messages\":[\"client_hello\"]}]");
    byte[] file = TraceJson.toBytes(r.trace());
    assertThat(TraceJson.read(new java.io.StringReader(new String(file, java.nio.charset.StandardCharsets.UTF_8))))
        .isEqualTo(r.trace());
  }

  @Test
  void aRetransmittedSegmentCarriesWhatItsOriginalCarried() {
    // Server to client: 1 SYN-ACK, 2 the ACK of the ClientHello, 3-5 the flight; its second segment is lost.
    RunResult r = run(scenario("1.2", "tlssim") + """
        links:
          - between: [client, server]
            latency: 50ms
            reverse: {drop: [4]}
        """);
    var retransmitted = Runs.first(r, TcpEvent.Retransmitted.class, e -> e.node().equals("server")).event();
    List<PacketEvent.Sent> sameSeq = dataSentBy(r, "server").stream()
        .filter(s -> s.tcp().seq() == retransmitted.seq()).toList();
    assertThat(sameSeq).hasSize(2);
    assertThat(sameSeq.get(0).id()).isNotEqualTo(sameSeq.get(1).id());
    assertThat(sameSeq.get(1).tcp().carries()).isEqualTo(sameSeq.get(0).tcp().carries());
    int record = 5 + SERVER_FLIGHT.stream().mapToInt(m -> sentLength(r, "server", m)).sum();
    assertThat(sameSeq.get(1).tcp().carries())
        .containsExactly(new Carried(0, MSS, MSS, record, "handshake", SERVER_FLIGHT));
  }

  @Test
  void anInterceptingMitmLabelsTheSegmentsOfItsOwnConnections() {
    RunResult r = Runs.RUNNER.run(ScenarioLoader.load(Path.of("../scenarios/attacks/mitm-rogue-ca.yaml"), List.of()));
    List<PacketEvent.Sent> byMitm = dataSentBy(r, "mitm");
    // Impersonating the server towards the weak client: the server's address, the attacker's records.
    List<PacketEvent.Sent> asServer = byMitm.stream().filter(s -> s.from().equals("server") && s.to().equals("weak"))
        .toList();
    assertThat(recordsStartingIn(asServer).get(0)).isEqualTo(
        "handshake " + SERVER_FLIGHT + " " + asServer.get(0).tcp().len());
    assertThat(recordsStartingIn(asServer).subList(1, 3)).containsExactly("change_cipher_spec [] 6", "handshake [finished] 45");
    // Its own connection to the real server, as a client.
    List<PacketEvent.Sent> upstream = byMitm.stream().filter(s -> s.from().equals("mitm")).toList();
    assertThat(recordsStartingIn(upstream).get(0)).isEqualTo("handshake [client_hello] " + upstream.get(0).tcp().len());
    assertThat(byMitm).allSatisfy(s -> assertThat(s.tcp().carries()).isNotNull());
    // Nothing of the victims' was forwarded as a new packet: the interception ends their connections.
    assertThat(byMitm).noneMatch(s -> s.from().equals("client") || s.from().equals("weak"));
  }

  @Test
  void aReplayedRecordingIsLabelledFromItsRecordHeaders() {
    RunResult r = Runs.RUNNER.run(ScenarioLoader.load(Path.of("../scenarios/replay-attack.yaml"), List.of()));
    List<PacketEvent.Sent> replay = dataSentBy(r, "eve");
    List<PacketEvent.Sent> original = dataSentBy(r, "client");
    // The recorded stream, record for record; what followed change_cipher_spec is protected.
    assertThat(recordsStartingIn(replay)).containsExactly(
        "handshake [client_hello] " + original.get(0).tcp().len(),
        "handshake [client_key_exchange] " + (5 + sentLength(r, "client", "client_key_exchange")),
        "change_cipher_spec [] 6",
        "handshake [] 45",
        "application_data [] " + original.get(2).tcp().len(),
        "alert [] " + original.get(3).tcp().len());
  }

  @Test
  void theJdkAsServerCarriesRecordTypesAndPlaintextHandshakeNames() {
    RunResult tls12 = run(scenario("1.2", "jdk"));
    List<String> records = recordsStartingIn(dataSentBy(tls12, "server")).stream()
        .map(s -> s.substring(0, s.lastIndexOf(' '))).toList();
    assertThat(records.get(0)).isEqualTo("handshake " + SERVER_FLIGHT);
    // After its change_cipher_spec the JDK's Finished is protected: only its type is known.
    int ccs = records.indexOf("change_cipher_spec []");
    assertThat(ccs).isPositive();
    assertThat(records.get(ccs + 1)).isEqualTo("handshake []");

    RunResult tls13 = run(scenario("1.3", "jdk"));
    List<String> records13 = recordsStartingIn(dataSentBy(tls13, "server")).stream()
        .map(s -> s.substring(0, s.lastIndexOf(' '))).distinct().toList();
    assertThat(records13).containsExactly("handshake [server_hello]", "change_cipher_spec []", "application_data []");
  }

  @Test
  void plainTcpSegmentsCarryNothing() {
    RunResult r = run("""
        nodes:
          client: {role: client}
          server: {role: server}
        timeline:
          - at: 0ms
            connect: {id: c1, from: client, to: server, request: 200B, response: 3KB}
        """);
    assertThat(dataSentBy(r, "server")).isNotEmpty().allSatisfy(s -> assertThat(s.tcp().carries()).isNull());
  }

  /** At {@code summary} nothing is tracked: the captured segments carry nothing; at {@code events} they do. */
  @ParameterizedTest
  @ValueSource(strings = {"summary", "events"})
  void onlyARecordedTraceLabelsSegments(String level) {
    RunResult r = run(scenario("1.2", "tlssim") + "recording: " + level + "\ncapture: true\n");
    List<TcpSegment> data = r.simulation().observed().stream().map(Simulation.Observed::packet)
        .map(Packet::payload).map(TcpSegment.class::cast).filter(s -> s.length() > 0).toList();
    assertThat(data).isNotEmpty();
    if (level.equals("summary")) {
      assertThat(r.trace()).isEmpty();
      assertThat(data).allSatisfy(s -> assertThat(s.carries()).isNull());
    } else {
      assertThat(data).allSatisfy(s -> assertThat(s.carries()).isNotNull());
      assertThat(dataSentBy(r, "server")).allSatisfy(s -> assertThat(s.tcp().carries()).isNotNull());
    }
  }
}
