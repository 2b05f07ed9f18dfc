package dev.tlssim.scenario;

import static dev.tlssim.scenario.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.cli.TlssimCommand;
import dev.tlssim.results.ConnectionSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cost: {profile: ...}: the choice reaches the parties, overheads are charged exactly, mistakes are located. */
class CostProfileScenarioTest {
  @TempDir Path dir;

  private static String scenario(String versions, String cost) {
    return """
        pki:
          authorities:
            root: {subject: "Root", key: rsa2048}
          certificates:
            www: {issuer: root, key: rsa2048, names: [www.example.com]}
        nodes:
          client: {role: client, tls: {serverName: www.example.com, trust: [root], versions: [VERSIONS]}}
          server: {role: server, tls: {versions: ["1.2", "1.3"], certificate: www}}
        links:
          - {between: [client, server], latency: 25ms}
        cost: COST
        timeline:
          - {at: 0s, connect: {id: c1, from: client, to: server, request: 100B, response: 1KB}}
        """.replace("VERSIONS", versions).replace("COST", cost);
  }

  /** Only the stack overheads priced: each shows up exactly where TlsChannel charges it. */
  private static final String OVERHEAD_ONLY = "{profile: zero, ops: {stack.client.handshake: 1ms, "
      + "stack.client.flight: 100us, stack.server.flight: 200us, stack.client.certificate: 300us}}";

  @Test
  void tls13ChargesOneHandshakeTwoClientFlightsOneServerFlightAndTheCertificateOnThePath() {
    ConnectionSummary c = run(scenario("\"1.3\"", OVERHEAD_ONLY)).connections().get(0);
    // 2 RTT of 50 ms, then handshake 1 + client flights 2 × 0.1 + server flight 0.2 + certificate 0.3.
    assertThat(c.handshakeMs()).isEqualByComparingTo("101.7");
    assertThat(c.cpuClientMs()).isEqualByComparingTo("1.5");
    // The server's flight, then its completion on the client's Finished (off the client's path).
    assertThat(c.cpuServerMs()).isEqualByComparingTo("0.4");
  }

  @Test
  void tls12FullChargesThreeClientAndTwoServerFlights() {
    ConnectionSummary c = run(scenario("\"1.2\"", OVERHEAD_ONLY)).connections().get(0);
    // 3 RTT, then 1 + 3 × 0.1 + 2 × 0.2 + 0.3 ms.
    assertThat(c.handshakeMs()).isEqualByComparingTo("152.0");
    assertThat(c.cpuClientMs()).isEqualByComparingTo("1.6");
    assertThat(c.cpuServerMs()).isEqualByComparingTo("0.4");
  }

  @Test
  void theOpensslProfileReachesThePartiesWithItsExactCosts() {
    ConnectionSummary c = run(scenario("\"1.3\"", "{profile: openssl}")).connections().get(0);
    var p = CostProfiles.load("openssl");
    // Client: x25519 keygen + agree, verify of the leaf by the root and of CertificateVerify,
    // handshake, two flights, certificate. Server: keygen, agree, sign, two flights.
    // The client offers key shares for x25519 and secp256r1 (its default groups).
    long client = p.cost("x25519.keygen") + p.cost("secp256r1.keygen") + p.cost("x25519.agree") + 2 * p.cost("rsa2048.verify")
        + p.cost("stack.client.handshake") + 2 * p.cost("stack.client.flight") + p.cost("stack.client.certificate");
    long server = p.cost("x25519.keygen") + p.cost("x25519.agree") + p.cost("rsa2048.sign")
        + 2 * p.cost("stack.server.flight");
    assertThat(c.cpuClientMs()).isEqualByComparingTo(BigDecimal.valueOf(client, 6));
    assertThat(c.cpuServerMs()).isEqualByComparingTo(BigDecimal.valueOf(server, 6));
  }

  @Test
  void eachShippedProfileGivesItsOwnSignatureCost() {
    for (String name : CostProfiles.SHIPPED) {
      ConnectionSummary c = run(scenario("\"1.3\"", "{profile: " + name + ", ops: {rsa2048.sign: 7ms}}"))
          .connections().get(0);
      assertThat(c.cpuServerMs()).as(name).isGreaterThan(new BigDecimal("7"));
      assertThat(c.handshakeMs()).as(name).isGreaterThan(new BigDecimal("107"));
    }
  }

  @Test
  void aProfileFileNextToTheScenarioIsRead() throws Exception {
    Files.writeString(dir.resolve("mine.json"), profileJson("\"x25519.agree\": 5000000,"));
    Path yaml = dir.resolve("s.yaml");
    Files.writeString(yaml, scenario("\"1.3\"", "{profile: mine.json}"));
    ConnectionSummary c = Runs.RUNNER.run(ScenarioLoader.load(yaml, List.of())).connections().get(0);
    // Every operation 1 ns except x25519.agree (5 ms) on both sides.
    assertThat(c.handshakeMs()).isGreaterThan(new BigDecimal("110")).isLessThan(new BigDecimal("110.1"));
  }

  @Test
  void anUnknownProfileIsALocatedErrorExitingWithTwo() throws Exception {
    Path yaml = dir.resolve("bad.yaml");
    Files.writeString(yaml, scenario("\"1.3\"", "{profile: fastest}"));
    assertThat(cli(yaml)).startsWith("bad.yaml:11:17: cost.profile: unknown cost profile 'fastest' (use zero, "
        + "openssl, jdk, bouncycastle, default or a profile file ending in .json)");
  }

  @Test
  void aProfileFileMissingAnOperationIsLocatedInThatFile() throws Exception {
    Files.writeString(dir.resolve("short.json"), profileJson(""));
    Path yaml = dir.resolve("s.yaml");
    Files.writeString(yaml, scenario("\"1.3\"", "{profile: short.json}"));
    assertThat(cli(yaml)).startsWith("short.json:3:17: costsNanos.x25519.agree: missing operation 'x25519.agree'");
  }

  @Test
  void aMistypedOperationIsLocatedAtItsKey() {
    String text = profileJson("\"x25519.agre\": 1, \"x25519.agree\": 1,");
    assertThatThrownBy(() -> CostProfiles.parse("p.json", "p", text))
        .isInstanceOf(ScenarioException.class)
        .satisfies(e -> {
          ScenarioException s = (ScenarioException) e;
          assertThat(s.report()).startsWith("p.json:3:").contains("x25519.agre");
          assertThat(s.getMessage()).contains("did you mean 'x25519.agree'");
        });
  }

  @Test
  void aMissingProfileFileIsReportedAtTheScenarioField() throws Exception {
    Path yaml = dir.resolve("bad.yaml");
    Files.writeString(yaml, scenario("\"1.3\"", "{profile: nowhere.json}"));
    assertThat(cli(yaml)).startsWith("bad.yaml:11:").contains("cost.profile: cannot read cost profile ");
  }

  /** A profile pricing every operation at 1 ns except x25519.agree, which {@code extra} may add. */
  private static String profileJson(String extra) {
    StringBuilder b = new StringBuilder("{\n  \"description\": \"test\",\n  \"costsNanos\": {").append(extra);
    List<String> ops = CostProfiles.requiredOperations();
    boolean first = true;
    for (String op : ops) {
      if (op.equals("x25519.agree")) {
        continue;
      }
      b.append(first ? "" : ",").append("\n    \"").append(op).append("\": 1");
      first = false;
    }
    return b.append("\n  }\n}\n").toString();
  }

  private String cli(Path yaml) {
    StringWriter err = new StringWriter();
    var cl = TlssimCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    int code = cl.execute("run", yaml.toString(), "--out", dir.resolve("out").toString());
    assertThat(code).isEqualTo(2);
    String shown = err.toString().replace(dir.toString() + "/", "");
    assertThat(shown).doesNotContain("Exception").doesNotContain("\tat ");
    return shown;
  }
}
