package dev.tlssim.scenario;

import dev.tlssim.events.MitmEvent;
import dev.tlssim.events.AppEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.results.ConnectionSummary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The man in the middle: what it reads, what it cannot, and how each tampering is caught. */
class MitmTest {
  private static RunResult attack(String file, String... overrides) {
    return Runs.RUNNER.run(ScenarioLoader.load(Path.of("../scenarios/attacks/" + file + ".yaml"), List.of(overrides)));
  }

  private static ConnectionSummary c1(RunResult r) {
    return r.connections().get(0);
  }

  @Test
  void aStolenKeyOpensRecordedRsaSessionsButNotEcdheOnes() {
    RunResult r = Runs.RUNNER.run(ScenarioLoader.load(Path.of("../scenarios/forward-secrecy.yaml"), List.of()));
    var reads = Runs.all(r, MitmEvent.Read.class);
    assertThat(reads).extracting(e -> e.event().flow() + " " + e.event().dir().wireName() + " " + e.event().bytes())
        .containsExactly("rsa-client:49152>server:443 to-server 300", "rsa-client:49152>server:443 to-client 2000");
    // Real plaintext, recovered from the recorded records with keys derived from the stolen key.
    assertThat(reads.get(0).event().preview()).isEqualTo("GET /2000 300.user=alice&passwor");
    assertThat(reads.get(1).event().preview()).isEqualTo("<p>Account balance: 1,000,000.00");
    assertThat(Runs.all(r, MitmEvent.DecryptFailed.class)).singleElement()
        .satisfies(e -> assertThat(e.event().reason()).contains("forward secrecy"));
    // Before the theft (at 60 s) the observer read nothing.
    assertThat(reads).allMatch(e -> e.timeNanos() == 60_000_000_000L);
  }

  @Test
  void anInterceptingMitmReadsThePasswordOnlyFromTheClientThatTrustsItsRoot() {
    RunResult r = attack("mitm-rogue-ca");
    assertThat(r.connections()).extracting(ConnectionSummary::id, ConnectionSummary::result,
            ConnectionSummary::mitmReadBytes)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", "alert:unknown_ca", 0L),
            org.assertj.core.groups.Tuple.tuple("weak", "completed", 2300L));
    assertThat(Runs.all(r, MitmEvent.Read.class)).extracting(e -> e.event().preview())
        .containsExactly("GET /2000 300.user=alice&passwor", "<p>Account balance: 1,000,000.00");
    // The strict client's connection never carried application data through the attacker.
    assertThat(Runs.all(r, MitmEvent.Read.class)).allMatch(e -> e.event().flow().initiator().equals("weak"));
  }

  /** One flipped bit in each handshake message, and what catches it. */
  @ParameterizedTest(name = "{0} towards {1}")
  @CsvSource({
      "client_hello,        server, alert:decrypt_error,     client: server_key_exchange",
      "server_hello,        client, alert:decrypt_error,     client: server_key_exchange",
      "certificate,         client, alert:bad_certificate,   client: certificate",
      "server_key_exchange, client, alert:decrypt_error,     client: server_key_exchange",
      "server_hello_done,   client, alert:unexpected_message, client:",
      "client_key_exchange, server, alert:bad_record_mac,    server:",
  })
  void tamperingWithAnyHandshakeMessageIsDetected(String message, String towards, String result, String by) {
    RunResult r = attack("tamper-server-hello", "nodes.mitm.tamper.message=" + message,
        "nodes.mitm.tamper.towards=" + towards, "nodes.mitm.tamper.offset=" + (message.equals("server_hello_done") ? 0 : 12));
    for (ConnectionSummary c : r.connections()) {
      assertThat(c.result()).as(message).isEqualTo(result);
      assertThat(c.alertReason()).as(message).startsWith(c.id().equals("c1") ? by : by.replace("client", "weak"));
      assertThat(c.mitmReadBytes()).isZero();
      assertThat(c.handshakeMs()).isNull();
    }
    assertThat(Runs.all(r, MitmEvent.Tampered.class)).isNotEmpty();
  }

  @ParameterizedTest(name = "JDK {0} through the MITM")
  @CsvSource({"client", "server"})
  void theInterceptingRelayIsARealTlsClientAndServer(String jdkSide) {
    RunResult r = attack("mitm-rogue-ca", "nodes." + (jdkSide.equals("client") ? "weak" : "server")
        + ".tls.implementation=jdk");
    ConnectionSummary weak = r.connections().get(1);
    assertThat(weak.result()).isEqualTo("completed");
    assertThat(weak.mitmReadBytes()).isEqualTo(2300);
  }

  @Test
  void aReplayedConversationIsRefusedBecauseTheServerRandomIsFresh() {
    RunResult r = Runs.RUNNER.run(ScenarioLoader.load(Path.of("../scenarios/replay-attack.yaml"), List.of()));
    assertThat(Runs.all(r, MitmEvent.ReplayResult.class)).singleElement()
        .satisfies(e -> assertThat(e.event().outcome()).isEqualTo("the server answered with alert bad_record_mac"));
    // The server's application saw exactly one request: the original, never the replay.
    assertThat(Runs.all(r, AppEvent.Request.class)).singleElement()
        .satisfies(e -> assertThat(e.event().flow()).hasToString("client:49152>server:443"));
  }
}
