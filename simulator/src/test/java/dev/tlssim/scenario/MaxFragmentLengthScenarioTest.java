package dev.tlssim.scenario;

import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.Flow;
import dev.tlssim.events.Direction;
import dev.tlssim.events.ConnectionEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.cli.TlssimCommand;
import dev.tlssim.results.ConnectionSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The catalog's max-fragment-length scenario, exactly: the server's first flight in TCP segments
 * against its 2-segment initial window (2 × 1460 B), and what the 512-byte records cost in bytes,
 * packets and time; and the located errors of {@code maxFragmentLength}.
 */
class MaxFragmentLengthScenarioTest {
  @TempDir
  Path dir;

  private static final RunResult RUN = Runs.RUNNER.run(
      ScenarioLoader.load(Path.of("../scenarios/max-fragment-length.yaml"), List.of()));

  private static ConnectionSummary connection(String id) {
    return RUN.connections().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  /** The payload lengths of the server's data segments on {@code id}'s connection, in order. */
  private static List<Long> serverSegments(String id) {
    String client = connection(id).client();
    return Runs.all(RUN, PacketEvent.Sent.class).stream()
        .filter(e -> e.event().from().equals("server") && e.event().to().equals(client) && e.event().tcp().len() > 0)
        .map(e -> (long) e.event().tcp().len()).toList();
  }

  /** The lengths of the handshake messages the server sent on {@code id}'s connection. */
  private static Map<String, Long> serverMessages(String id) {
    Flow flow = Runs.all(RUN, ConnectionEvent.Started.class).stream().filter(e -> e.event().conn().equals(id))
        .findFirst().orElseThrow().event().flow();
    return Runs.all(RUN, TlsChannelEvent.Message.class).stream().map(Runs.Seen::event)
        .filter(m -> m.flow().equals(flow) && m.dir() == Direction.SENT)
        .filter(m -> !m.name().equals("application_data") && !m.name().equals("alert"))
        .collect(Collectors.toMap(m -> m.name(), m -> (long) m.length(), (a, b) -> a + b));
  }

  @Test
  void everyExpectationHolds() {
    assertThat(RUN.passed()).isTrue();
    assertThat(RUN.verdicts()).hasSize(18);
  }

  /**
   * TLS 1.2: ServerHello (95 B, 100 with the extension), Certificate (2317), ServerKeyExchange
   * (300), ServerHelloDone (4): one 2721-byte record, or 2751 B in six records of at most 512.
   * Both fit the window; the response's 1000 bytes take two records (+29 B).
   */
  @Test
  void tls12FlightGrowsByThirtyBytesAndStillFits() {
    assertThat(serverMessages("tls12")).containsEntry("server_hello", 95L).containsEntry("certificate", 2317L);
    assertThat(serverMessages("tls12-mfl512")).containsEntry("server_hello", 100L).containsEntry("certificate", 2317L);
    assertThat(serverSegments("tls12")).containsExactly(1460L, 1261L, 51L, 1029L, 31L);
    assertThat(serverSegments("tls12-mfl512")).containsExactly(1460L, 1291L, 51L, 1058L, 31L);
    assertThat(connection("tls12").handshakeMs()).isEqualByComparingTo(BigDecimal.valueOf(300));
    assertThat(connection("tls12-mfl512").handshakeMs()).isEqualByComparingTo(BigDecimal.valueOf(300));
    assertThat(connection("tls12-mfl512").bytesServerToClient() - connection("tls12").bytesServerToClient())
        .isEqualTo(30 + 29);
    assertThat(connection("tls12-mfl512").bytesClientToServer() - connection("tls12").bytesClientToServer())
        .isEqualTo(5);
  }

  /**
   * TLS 1.3: the 2322-byte Certificate in five sealed records instead of one (4 × 22 B) and the
   * extension in EncryptedExtensions (10 B, 15 with it): 2853 B of flight become 2946, the last
   * 26 B of which wait for the client's ACK of the first two segments, one RTT.
   */
  @Test
  void tls13FlightOutgrowsTheWindowAndCostsOneRtt() {
    assertThat(serverMessages("tls13")).containsEntry("encrypted_extensions", 10L).containsEntry("certificate", 2322L);
    assertThat(serverMessages("tls13-mfl512")).containsEntry("encrypted_extensions", 15L);
    assertThat(serverSegments("tls13")).containsExactly(1460L, 1393L, 144L, 1022L, 24L);
    assertThat(serverSegments("tls13-mfl512")).containsExactly(1460L, 1460L, 26L, 144L, 1044L, 24L);
    assertThat(1460 + 1393).isLessThanOrEqualTo(2 * 1460);
    assertThat(1460 + 1460 + 26 - (1460 + 1393)).isEqualTo(5 + 4 * 22);
    List<Runs.Seen<PacketEvent.Sent>> flight = Runs.all(RUN, PacketEvent.Sent.class).stream()
        .filter(e -> e.event().from().equals("server") && e.event().to().equals("mfl-13") && e.event().tcp().len() > 0)
        .limit(3).toList();
    // The first two segments leave with the ClientHello's arrival (3.150 s), the third one RTT later.
    assertThat(flight).extracting(Runs.Seen::timeNanos).containsExactly(3_150_000_000L, 3_150_000_000L, 3_250_000_000L);
    assertThat(connection("tls13").handshakeMs()).isEqualByComparingTo(BigDecimal.valueOf(200));
    assertThat(connection("tls13-mfl512").handshakeMs()).isEqualByComparingTo(BigDecimal.valueOf(300));
    assertThat(connection("tls13-mfl512").packets() - connection("tls13").packets()).isEqualTo(2);
    assertThat(connection("tls13-mfl512").bytesServerToClient() - connection("tls13").bytesServerToClient())
        .isEqualTo(93 + 22 + 40);
  }

  private static final String GOOD = """
      pki:
        authorities:
          root: {subject: "Root", key: ecdsa-p256}
        certificates:
          www: {issuer: root, key: ecdsa-p256, names: [www.example.com]}
      nodes:
        client: {role: client, tls: {serverName: www.example.com, trust: [root], maxFragmentLength: 512}}
        server: {role: server, tls: {certificate: www, maxFragmentLength: accept}}
      timeline:
        - {at: 0s, connect: {id: c1, from: client, to: server, request: 100B, response: 1KB}}
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not a length     | maxFragmentLength: 512}} | maxFragmentLength: 500}}    | bad.yaml:7:95: nodes.client.tls.maxFragmentLength: use 512, 1024, 2048 or 4096, the lengths RFC 6066 §4 allows (got '500')",
      "a server's word  | maxFragmentLength: 512}} | maxFragmentLength: ignore}} | bad.yaml:7:95: nodes.client.tls.maxFragmentLength: use 512, 1024, 2048 or 4096, the lengths RFC 6066 §4 allows (got 'ignore')",
      "a client's word  | maxFragmentLength: accept | maxFragmentLength: 512    | bad.yaml:8:69: nodes.server.tls.maxFragmentLength: on a server use accept or ignore (a client names the length: 512, 1024, 2048 or 4096)",
  })
  void badValuesAreLocatedAndExitWithTwo(String what, String good, String bad, String message) throws IOException {
    String text = GOOD.replace(good, bad);
    assertThat(text).as("the test edits the scenario").isNotEqualTo(GOOD);
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, text);
    StringWriter err = new StringWriter();
    var cl = TlssimCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    int code = cl.execute("run", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().replace(dir.toString() + "/", "")).startsWith(message);
  }

  @Test
  void theSettingRunsInline() {
    RunResult r = Runs.run(GOOD);
    assertThat(r.connections().get(0).result()).isEqualTo("completed");
  }
}
