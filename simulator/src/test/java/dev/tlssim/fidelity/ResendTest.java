package dev.tlssim.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TraceRecord;
import dev.tlssim.scenario.ScenarioLoader;
import dev.tlssim.scenario.ScenarioRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resend delays read from real runs with scripted losses, exact timers (no wheel), RTT 100 ms: the
 * values are the TCP model's timers as docs/tcp-model.md gives them.
 */
class ResendTest {
  private static final String SCENARIO = """
      seed: 1
      pki:
        certificates:
          www: {issuer: self, key: ecdsa-p256, names: [www.example.com]}
      nodes:
        client: {role: client, tls: {versions: ["1.3"], serverName: www.example.com, trust: [www]}}
        server: {role: server, tls: {versions: ["1.3"], certificate: www}}
      tcp: {timers: linux, timestamps: true}
      links:
        - between: [client, server]
          latency: 50ms
          DROPS
      timeline:
        - {at: 0s, connect: {id: c1, from: client, to: server, request: 200B, response: 1KB}}
      """;

  private static List<TraceRecord> trace(String drops) {
    try (ScenarioRunner runner = new ScenarioRunner()) {
      return runner.run(ScenarioLoader.parse("resend.yaml", "resend", SCENARIO.replace("DROPS", drops), List.of()))
          .trace();
    }
  }

  private static List<Resend> resends(String drops) {
    return Resend.of(trace(drops), "c1");
  }

  @Test
  void aLostSynIsResentByItsOneSecondTimer() {
    assertThat(resends("forward: {drop: [1]}")).extracting(Resend::kind, Resend::direction, r -> r.delayMs().doubleValue())
        .containsExactly(tuple("syn", "c2s", 1000.0));
  }

  @Test
  void aLostSynAckIsAnsweredAgainWhenTheSynComesBackAfterOneSecond() {
    // The server's own timer (1 s after 50 ms) and the client's second SYN (1 s, arriving at 1.05 s)
    // coincide: the next SYN-ACK leaves 1 s after the lost one.
    assertThat(resends("reverse: {drop: [1]}")).extracting(Resend::kind, Resend::direction, r -> r.delayMs().doubleValue())
        .containsExactly(tuple("synack", "s2c", 1000.0));
  }

  @Test
  void aLostClientHelloIsProbedWhenItsRtoWouldFire() {
    // Packets from the client: SYN, ACK, ClientHello (lost). RTO after one 100 ms sample: 300 ms; the
    // lone segment's probe timeout (2 SRTT + 200 ms) is capped there.
    assertThat(resends("forward: {drop: [3]}")).extracting(Resend::kind, Resend::direction, r -> r.delayMs().doubleValue())
        .containsExactly(tuple("data", "c2s", 300.0));
  }

  @Test
  void dropsOutsideTheHandshakeWindowAreNotCounted() {
    // The server's last packets carry the response, after the handshake: a drop there is not in the window.
    List<TraceRecord> trace = trace("reverse: {drop: [6]}");
    assertThat(trace).anyMatch(r -> r.event() instanceof PacketEvent.Dropped);
    assertThat(Resend.of(trace, "c1")).isEmpty();
    assertThat(resends("reverse: {drop: [3]}")).extracting(Resend::kind, Resend::direction).containsExactly(
        tuple("data", "s2c"));
  }
}
