package dev.tlssim.scenario;

import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.CpuWork;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.results.ConnectionSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Session resumption between parties over the network: exact round trips, and every fallback to a full handshake. */
class ResumptionTest {
  private static RunResult reconnect(String... overrides) {
    return Runs.RUNNER.run(ScenarioLoader.load(Path.of("../scenarios/tls12-reconnect.yaml"), List.of(overrides)));
  }

  private static ConnectionSummary again(RunResult r) {
    return r.connections().get(1);
  }

  @ParameterizedTest
  @CsvSource({"session-id", "ticket"})
  void aResumedHandshakeTakesExactlyTwoRoundTripsAgainstThree(String mode) {
    RunResult r = reconnect("nodes.client.tls.resumption=" + mode);
    assertThat(r.connections().get(0).handshake()).isEqualTo("full");
    assertThat(r.connections().get(0).handshakeMs()).isEqualByComparingTo("300");
    assertThat(again(r).handshake()).isEqualTo("abbreviated");
    assertThat(again(r).resumedBy()).isEqualTo(mode);
    assertThat(again(r).handshakeMs()).isEqualByComparingTo("200");
    assertThat(again(r).responseMs()).isEqualByComparingTo("300");
  }

  @Test
  void theAbbreviatedHandshakeSkipsTheCertificateAndThePrivateKeyWork() {
    RunResult r = reconnect("nodes.client.tls.resumption=session-id", "cost.profile=default");
    ConnectionSummary full = r.connections().get(0);
    ConnectionSummary resumed = again(r);
    assertThat(Runs.all(r, TlsChannelEvent.Message.class)).filteredOn(e -> e.event().flow().equals(resumed.flow()))
        .extracting(e -> e.node() + " " + e.event().dir().wireName() + " " + e.event().name())
        .containsSubsequence("client sent client_hello", "server sent server_hello", "server sent change_cipher_spec",
            "server sent finished", "client sent change_cipher_spec", "client sent finished")
        .noneMatch(m -> m.contains("certificate") || m.contains("key_exchange"));
    assertThat(Runs.all(r, CpuWork.class)).filteredOn(e -> resumed.flow().equals(e.event().flow()))
        .noneMatch(e -> e.event().op().contains("rsa") || e.event().op().contains("x25519"));
    assertThat(resumed.cpuServerMs()).isLessThan(full.cpuServerMs().divide(java.math.BigDecimal.valueOf(50)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "session cache off           | nodes.client.tls.resumption=session-id | nodes.server.tls.sessionCache=off",
      "tickets off                 | nodes.client.tls.resumption=ticket     | nodes.server.tls.tickets=off",
      "session expired             | nodes.client.tls.resumption=session-id | nodes.server.tls.sessionCache={lifetime: 5s}",
      "ticket key past its grace   | nodes.client.tls.resumption=ticket     | nodes.server.tls.tickets={rotation: 2s, grace: 3s}",
      "client offers nothing       | nodes.client.tls.resumption=none       | seed=1",
  })
  void withoutAUsableSessionTheServerFallsBackToAFullHandshake(String what, String client, String server) {
    RunResult r = reconnect(client, server);
    assertThat(again(r).result()).isEqualTo("completed");
    assertThat(again(r).handshake()).isEqualTo("full");
    assertThat(again(r).handshakeMs()).isEqualByComparingTo("300");
  }

  @Test
  void aTicketSealedUnderARetiredKeyStillResumesWithinTheGracePeriod() {
    RunResult r = reconnect("nodes.client.tls.resumption=ticket", "nodes.server.tls.tickets={rotation: 4s, grace: 20s}");
    assertThat(again(r).resumedBy()).isEqualTo("ticket");
    // The server renews a ticket sealed under a key that is no longer current (RFC 5077 §3.1).
    assertThat(Runs.all(r, TlsChannelEvent.Message.class)).filteredOn(e -> e.event().flow().equals(again(r).flow()))
        .anyMatch(e -> "new_session_ticket".equals(e.event().name()));
  }

  @Test
  void anEvictedSessionIsNotResumed() {
    String yaml = """
        pki:
          authorities: {root: {key: ecdsa-p256}}
          certificates: {www: {issuer: root, key: ecdsa-p256, names: [www.example.com]}}
        nodes:
          a: {role: client, tls: {serverName: www.example.com, trust: [root], resumption: session-id}}
          b: {role: client, tls: {serverName: www.example.com, trust: [root], resumption: session-id}}
          router: {role: router}
          server: {role: server, tls: {certificate: www, sessionCache: {capacity: 1}}}
        network: {latency: 10ms}
        links: [{between: [a, router]}, {between: [b, router]}, {between: [router, server]}]
        timeline:
          - {at: 0s, connect: {id: a1, from: a, to: server}}
          - {at: 1s, connect: {id: b1, from: b, to: server}}
          - {at: 2s, connect: {id: a2, from: a, to: server}}
          - {at: 3s, connect: {id: b2, from: b, to: server}}
        """;
    RunResult r = Runs.run(yaml);
    // Capacity 1: b1's session evicts a1's, a2's full handshake evicts b1's.
    assertThat(r.connections()).extracting(ConnectionSummary::handshake)
        .containsExactly("full", "full", "full", "full");
    RunResult roomy = Runs.run(yaml.replace("capacity: 1", "capacity: 2"));
    assertThat(roomy.connections()).extracting(ConnectionSummary::handshake)
        .containsExactly("full", "full", "abbreviated", "abbreviated");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "session-id, shared cache | session-id | {shared: pool}   | off            | abbreviated",
      "session-id, own caches   | session-id | {}               | off            | full",
      "ticket, shared keys      | ticket     | off              | {keys: fleet}  | abbreviated",
      "ticket, own keys         | ticket     | off              | {}             | full",
  })
  void behindOneNameServersResumeEachOthersSessionsOnlyWhenTheyShare(String what, String resumption, String cache,
      String tickets, String expected) {
    String yaml = """
        pki:
          authorities: {root: {key: ecdsa-p256}}
          certificates: {www: {issuer: root, key: ecdsa-p256, names: [www.example.com]}}
        nodes:
          client: {role: client, tls: {serverName: www.example.com, trust: [root], resumption: RESUMPTION}}
          router: {role: router}
          server-a: {role: server, tls: {certificate: www, sessionCache: CACHE, tickets: TICKETS}}
          server-b: {role: server, tls: {certificate: www, sessionCache: CACHE, tickets: TICKETS}}
        network: {latency: 10ms}
        links: [{between: [client, router]}, {between: [router, server-a]}, {between: [router, server-b]}]
        timeline:
          - {at: 0s, connect: {id: first, from: client, to: server-a}}
          - {at: 1s, connect: {id: second, from: client, to: server-b}}
        """.replace("RESUMPTION", resumption).replace("CACHE", cache).replace("TICKETS", tickets);
    List<String> handshakes = new ArrayList<>();
    Runs.run(yaml).connections().forEach(c -> handshakes.add(c.handshake()));
    assertThat(handshakes).containsExactly("full", expected);
  }

  @ParameterizedTest(name = "{0} client, {1} server, {2}")
  @CsvSource({"jdk, tlssim, session-id", "jdk, tlssim, ticket", "tlssim, jdk, session-id", "tlssim, jdk, ticket"})
  void theJdksSslEngineResumesWithUsAndWeWithIt(String clientImpl, String serverImpl, String mode) {
    RunResult r = reconnect("nodes.client.tls.implementation=" + clientImpl,
        "nodes.server.tls.implementation=" + serverImpl, "nodes.client.tls.resumption=" + mode,
        "nodes.server.tls.sessionCache=" + (mode.equals("session-id") ? "{}" : "off"),
        "nodes.server.tls.tickets=" + (mode.equals("ticket") ? "{}" : "off"));
    assertThat(r.connections()).extracting(ConnectionSummary::result).containsExactly("completed", "completed");
    assertThat(again(r).handshakeMs()).isEqualByComparingTo("200");
    // No Certificate message crossed on the second connection.
    assertThat(Runs.all(r, TlsChannelEvent.Message.class)).filteredOn(e -> e.event().flow().equals(again(r).flow()))
        .noneMatch(e -> "certificate".equals(e.event().name()));
    if (serverImpl.equals("tlssim")) {
      assertThat(again(r).resumedBy()).isEqualTo(mode);
    }
  }

  @Test
  void theSavingsTableOfTheCatalogScenarioHasTheseExactValues() {
    RunResult r = Runs.RUNNER.run(ScenarioLoader.load(Path.of("../scenarios/resumption-savings.yaml"), List.of()));
    var ids = r.comparisons().get(0);
    assertThat(ids.baseline()).isEqualTo("full-id");
    assertThat(ids.candidate()).isEqualTo("resumed-id");
    assertThat(ids.rows()).extracting(row -> row.metric() + " " + row.baseline().toPlainString() + " "
            + row.candidate().toPlainString() + " " + row.ratio().toPlainString())
        .containsExactly(
            "handshakeMs 301.460328 200.01867 0.663",
            "roundTrips 3.01 2 0.664",
            "bytesClientToServer 1014 964 0.951",
            "bytesServerToClient 3850 2649 0.688",
            "packets 25 23 0.92",
            "cpuServerMs 1.244587 0.010492 0.008",
            "cpuClientMs 0.215741 0.010492 0.049");
    assertThat(r.comparisons().get(1).rows().get(1).candidate()).isEqualByComparingTo("2");
  }
}
