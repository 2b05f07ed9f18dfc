package dev.tlssim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: exit codes, files written, what summary.json holds. */
class CliTest {
  private static final String SCENARIO = """
      name: cli-check
      description: "One request over a 100 ms RTT."
      nodes:
        client: {role: client}
        server: {role: server}
      network: {latency: 50ms}
      timeline:
        - {at: 0ms, connect: {id: c1, from: client, to: server, request: 100B, response: 1KB}}
      expect:
        - {connection: c1, responseMs: EXPECTED}
      """;

  @TempDir
  Path dir;

  private record Outcome(int code, String out, String err) {}

  private Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = TlssimCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private Path scenario(String expected) throws IOException {
    Path f = dir.resolve("cli-check.yaml");
    Files.writeString(f, SCENARIO.replace("EXPECTED", expected));
    return f;
  }

  @Test
  void aPassingRunExitsZeroAndWritesItsResults() throws IOException {
    Path out = dir.resolve("out");
    Outcome o = run("run", scenario("200").toString(), "--out", out.toString());
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("cli-check (seed 1): PASS").contains("[ok] c1.responseMs = 200");
    assertThat(out.resolve("scenario.yaml")).exists();
    assertThat(out.resolve("trace.jsonl")).exists();
    assertThat(out.resolve("report.html")).exists();
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.path("scenario").asText()).isEqualTo("cli-check");
    assertThat(summary.path("seed").asLong()).isEqualTo(1);
    assertThat(summary.path("outcome").asText()).isEqualTo("pass");
    assertThat(summary.path("expectations").get(0).path("text").asText()).isEqualTo("c1.responseMs = 200");
    assertThat(summary.path("expectations").get(0).path("held").asBoolean()).isTrue();
    JsonNode c = summary.path("connections").get(0);
    assertThat(c.path("id").asText()).isEqualTo("c1");
    assertThat(c.path("result").asText()).isEqualTo("completed");
    assertThat(c.path("tcpConnectMs").decimalValue()).isEqualByComparingTo("100");
    assertThat(c.path("handshakeMs").decimalValue()).isEqualByComparingTo("100");
    assertThat(c.path("firstAppByteMs").decimalValue()).isEqualByComparingTo("150");
    for (String field : new String[] {"client", "server", "bytesClientToServer", "bytesServerToClient", "packets",
        "retransmissions"}) {
      assertThat(c.has(field)).as(field).isTrue();
    }
  }

  @Test
  void aFailedExpectationExitsOne() throws IOException {
    Outcome o = run("run", scenario("150").toString(), "--out", dir.resolve("out").toString());
    assertThat(o.code()).isEqualTo(1);
    assertThat(o.out()).contains("FAIL").contains("[FAILED] c1.responseMs = 150 (actual: 200)");
  }

  @Test
  void seedAndSetOverrideTheScenarioAndAreRecorded() throws IOException {
    Path out = dir.resolve("out");
    Outcome o = run("run", scenario("400").toString(), "--seed", "9", "--set", "network.latency=100ms", "--out",
        out.toString());
    assertThat(o.code()).isZero();
    assertThat(Files.readString(out.resolve("scenario.yaml"))).contains("latency: 100ms");
    assertThat(new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("seed").asLong()).isEqualTo(9);
  }

  @Test
  void unknownOptionsAreBadInput() {
    assertThat(run("run", "--no-such-option").code()).isEqualTo(2);
  }

  @Test
  void listShowsTheCatalogWithDescriptions() {
    System.setProperty("tlssim.home", "..");
    try {
      Outcome o = run("list");
      assertThat(o.code()).isZero();
      assertThat(o.out()).contains("scenarios/tls12-rsa-handshake.yaml").contains("The article's TLS 1.2 handshake");
    } finally {
      System.clearProperty("tlssim.home");
    }
  }

  @Test
  void runPrintsACompactTextLadderOfTheHandshake() {
    Outcome o = run("run", "../scenarios/tls12-rsa-handshake.yaml", "--out", dir.resolve("out").toString());
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("  c1: client ---------------------- server")
        .containsSubsequence("100 ms   client_hello", "150 ms <", "server_hello_done", "200 ms   client_key_exchange",
            "250 ms <", "finished", "300 ms   == established");
  }

  /**
   * The matrix command over the catalog's attacks: the printed table, matrix.csv and matrix.html
   * each have the strip-hybrid-share row, caught by the record protection under every policy.
   */
  @Test
  void theMatrixCommandWritesEveryAttackRowStripHybridShareIncluded() throws IOException {
    System.setProperty("tlssim.home", "..");
    try {
      Path out = dir.resolve("matrix");
      Outcome o = run("matrix", "--out", out.toString());
      assertThat(o.code()).isZero();
      String caught = "blocked by record_mac (bad_record_mac)";
      assertThat(o.out()).containsPattern("\\n  strip-hybrid-share +" + java.util.regex.Pattern.quote(caught) + "\\n");
      assertThat(Files.readAllLines(out.resolve("matrix.csv")))
          .contains("strip-hybrid-share" + (",\"" + caught + "\"").repeat(6));
      String cell = "blocked by <b>record_mac</b><br><code>bad_record_mac</code></td>";
      assertThat(Files.readString(out.resolve("matrix.html")))
          .contains("<tr><td>strip-hybrid-share</td>" + ("<td style=\"background:#d7efe5\">" + cell).repeat(6) + "</tr>");
      JsonNode json = new ObjectMapper().readTree(out.resolve("matrix.json").toFile());
      assertThat(json.path("attacks").toString()).contains("\"strip-hybrid-share\"");
    } finally {
      System.clearProperty("tlssim.home");
    }
  }
}
