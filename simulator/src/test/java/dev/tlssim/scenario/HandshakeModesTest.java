package dev.tlssim.scenario;

import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.AppEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.results.ConnectionSummary;
import dev.tlssim.events.TraceJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every handshake mode over the simulated network at 100 ms RTT, zero loss and zero CPU cost:
 * the reconnection's time to established, to the request's first byte at the server and to the
 * whole response, exactly as the RTT counts say (TCP's included). The same settings are the modes
 * of scenarios/handshake-modes-sweep.yaml.
 */
class HandshakeModesTest {
  private static RunResult reconnect(List<String> overrides) {
    return Runs.RUNNER.run(ScenarioLoader.load(Path.of("../scenarios/tls-reconnect.yaml"), overrides));
  }

  private static List<String> mode(String mode) {
    String c = "nodes.client.tls.";
    return switch (mode) {
      case "tls12-full" -> List.of(c + "versions=[\"1.2\"]", c + "resumption=none");
      case "tls12-session-id" -> List.of(c + "versions=[\"1.2\"]", c + "resumption=session-id");
      case "tls12-ticket" -> List.of(c + "versions=[\"1.2\"]", c + "resumption=ticket");
      case "tls13-full" -> List.of(c + "versions=[\"1.3\"]", c + "resumption=none");
      case "tls13-psk" -> List.of(c + "versions=[\"1.3\"]", c + "resumption=ticket");
      case "tls13-psk-ke" -> List.of(c + "versions=[\"1.3\"]", c + "resumption=ticket", c + "pskModes=[psk_ke]");
      case "tls13-0rtt" -> List.of(c + "versions=[\"1.3\"]", c + "resumption=ticket", c + "earlyData=true");
      // The client guesses x25519; a server that only takes secp384r1 asks again (RFC 8446 §4.1.4).
      case "tls13-hrr" -> List.of(c + "versions=[\"1.3\"]", c + "resumption=none", c + "groups=[x25519, secp384r1]",
          c + "keyShares=[x25519]", "nodes.server.tls.versions=[\"1.3\"]", "nodes.server.tls.groups=[secp384r1]");
      default -> throw new IllegalArgumentException(mode);
    };
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // mode,             version, handshake,   resumedBy,  established, first byte at server, response
      "tls12-full,         TLSv1.2, full,        ,           300, 350, 400",
      "tls12-session-id,   TLSv1.2, abbreviated, session-id, 200, 250, 300",
      "tls12-ticket,       TLSv1.2, abbreviated, ticket,     200, 250, 300",
      "tls13-full,         TLSv1.3, full,        ,           200, 250, 300",
      "tls13-psk,          TLSv1.3, abbreviated, psk,        200, 250, 300",
      "tls13-psk-ke,       TLSv1.3, abbreviated, psk,        200, 250, 300",
      // 0-RTT: the request rides with the ClientHello, 1 RTT + 1/2 RTT after the start.
      "tls13-0rtt,         TLSv1.3, abbreviated, psk,        200, 150, 200",
      "tls13-hrr,          TLSv1.3, full,        ,           300, 350, 400",
  })
  void theReconnectionTakesExactlyItsRoundTrips(String mode, String version, String handshake, String resumedBy,
      long establishedMs, long firstByteMs, long responseMs) {
    RunResult r = reconnect(mode(mode));
    ConnectionSummary again = r.connections().get(1);
    assertThat(again.result()).isEqualTo("completed");
    assertThat(again.version()).isEqualTo(version);
    assertThat(again.handshake()).isEqualTo(handshake);
    assertThat(again.resumedBy()).isEqualTo(resumedBy);
    assertThat(again.handshakeMs()).isEqualByComparingTo(String.valueOf(establishedMs));
    assertThat(again.firstAppByteMs()).isEqualByComparingTo(String.valueOf(firstByteMs));
    assertThat(again.responseMs()).isEqualByComparingTo(String.valueOf(responseMs));
  }

  /**
   * With CPU costs, each operation on the critical path adds exactly its cost: the client's two
   * key shares (x25519 1 ms, secp256r1 2 ms) before its ClientHello; the server's x25519 share,
   * agreement and CertificateVerify signature (1 + 4 + 8 ms) before its flight; the client's
   * agreement and two ECDSA verifications (chain and CertificateVerify, 4 + 16 + 16 ms) before its
   * Finished: 200 + 3 + 13 + 36 = 252 ms. A PSK resumption signs and verifies nothing:
   * 200 + 3 + 5 + 4 = 212 ms.
   */
  @Test
  void modelledCpuCostAddsExactlyTheOperationsOnThePath() {
    List<String> overrides = new ArrayList<>(mode("tls13-psk"));
    overrides.add("cost.ops={\"x25519.keygen\": \"1ms\", \"secp256r1.keygen\": \"2ms\", \"x25519.agree\": \"4ms\", "
        + "\"ecdsa-p256.sign\": \"8ms\", \"ecdsa-p256.verify\": \"16ms\"}");
    RunResult r = reconnect(overrides);
    assertThat(r.connections().get(0).handshakeMs()).isEqualByComparingTo("252");
    assertThat(r.connections().get(0).firstAppByteMs()).isEqualByComparingTo("302");
    assertThat(r.connections().get(1).handshake()).isEqualTo("abbreviated");
    assertThat(r.connections().get(1).handshakeMs()).isEqualByComparingTo("212");
    assertThat(r.connections().get(1).firstAppByteMs()).isEqualByComparingTo("262");
  }

  @Test
  void pskKeResumesWithoutAKeyShareAndPskDheKeWithOne() {
    RunResult dhe = reconnect(mode("tls13-psk"));
    RunResult ke = reconnect(mode("tls13-psk-ke"));
    assertThat(Runs.all(dhe, TlsChannelEvent.Established.class)).filteredOn(e -> e.node().equals("client"))
        .extracting(e -> e.event().keyExchange()).containsExactly("ecdhe", "psk_dhe_ke");
    assertThat(Runs.all(ke, TlsChannelEvent.Established.class)).filteredOn(e -> e.node().equals("client"))
        .extracting(e -> e.event().keyExchange()).containsExactly("ecdhe", "psk_ke");
  }

  @Test
  void zeroRttDataIsTracedAsEarlyDataAtTheServerAndAcceptedOnce() {
    RunResult r = reconnect(mode("tls13-0rtt"));
    assertThat(Runs.all(r, TlsChannelEvent.EarlyData.class)).hasSize(1);
    assertThat(Runs.all(r, AppEvent.Request.class)).hasSize(2);
    assertThat(Runs.all(r, TlsChannelEvent.Established.class)).filteredOn(e -> e.node().equals("client"))
        .extracting(e -> e.event().earlyData()).containsExactly(false, true);
  }

  @Test
  void aTls13RunIsAPureFunctionOfScenarioAndSeed() {
    List<String> overrides = new ArrayList<>(mode("tls13-0rtt"));
    overrides.add("network.loss=5%");
    byte[] first = TraceJson.toBytes(reconnect(overrides).trace());
    byte[] second = TraceJson.toBytes(reconnect(overrides).trace());
    assertThat(first).isEqualTo(second);
  }
}
