package dev.tlssim.scenario;

import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.TcpEvent;
import static dev.tlssim.scenario.Runs.all;
import static dev.tlssim.scenario.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.results.ConnectionSummary;
import org.junit.jupiter.api.Test;

/** Bytes that are not TLS get the right alert, the connection ends cleanly, and nothing else is harmed. */
class MalformedTrafficTest {
  @Test
  void aPlainTcpClientTalkingToATlsServerGetsAnAlertWhileATlsClientIsServedUndisturbed() {
    RunResult r = run("""
        pki:
          authorities: {root: {key: ecdsa-p256}}
          certificates: {www: {issuer: root, key: ecdsa-p256, names: [www.example.com]}}
        nodes:
          plain: {role: client}
          good: {role: client, tls: {serverName: www.example.com, trust: [root]}}
          router: {role: router}
          server: {role: server, tls: {certificate: www}}
        network: {latency: 10ms}
        links:
          - {between: [plain, router]}
          - {between: [good, router]}
          - {between: [router, server]}
        timeline:
          - {at: 0ms, connect: {id: garbage, from: plain, to: server, request: 300B, response: 1KB}}
          - {at: 5ms, connect: {id: tls, from: good, to: server, request: 300B, response: 1KB}}
        """);
    ConnectionSummary tls = r.connections().stream().filter(c -> c.id().equals("tls")).findFirst().orElseThrow();
    assertThat(tls.result()).isEqualTo("completed");
    assertThat(tls.handshakeMs()).isEqualByComparingTo("120");
    // The request's first bytes (00 00 01 2c ...) are no TLS record: content type 0 is unexpected_message.
    assertThat(all(r, TlsChannelEvent.Alert.class)).filteredOn(e -> e.node().equals("server") && e.event().fatal())
        .singleElement().satisfies(e -> {
          assertThat(e.event().description()).isEqualTo("unexpected_message");
          assertThat(e.event().flow()).hasToString("plain:49152>server:443");
        });
    ConnectionSummary garbage = r.connections().stream().filter(c -> c.id().equals("garbage")).findFirst().orElseThrow();
    assertThat(garbage.result()).isEqualTo("established");
    assertThat(garbage.responseMs()).isNull();
    assertThat(r.simulation().failure()).isNull();
    // The server closed the bad connection (FIN) after its alert.
    assertThat(all(r, TcpEvent.FinReceived.class)).anyMatch(e -> e.node().equals("plain"));
  }
}
