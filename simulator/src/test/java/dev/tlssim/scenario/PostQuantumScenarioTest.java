package dev.tlssim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.events.Direction;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TlsChannelEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * scenarios/post-quantum/hybrid-key-exchange.yaml: the hybrid's first flights on the wire, and its
 * round trips against a classical handshake and against one after a HelloRetryRequest.
 */
class PostQuantumScenarioTest {
  private static RunResult run;

  @BeforeAll
  static void runOnce() {
    run = Runs.RUNNER.run(ScenarioLoader.load(Path.of("../scenarios/post-quantum/hybrid-key-exchange.yaml"), List.of()));
  }

  /** The handshake messages {@code name} that {@code node} sent, by body length, in order. */
  private static List<Integer> sent(String node, String name) {
    return Runs.all(run, TlsChannelEvent.Message.class).stream()
        .filter(e -> e.node().equals(node) && e.event().dir() == Direction.SENT && e.event().name().equals(name))
        .map(e -> e.event().length()).toList();
  }

  /** The new data segments {@code node} sent that carry part of a {@code message}, by payload length. */
  private static List<Integer> segmentsCarrying(String node, String message) {
    return Runs.all(run, PacketEvent.Sent.class).stream()
        .filter(e -> e.node().equals(node) && e.event().tcp().len() > 0)
        .filter(e -> e.event().tcp().carries().stream().anyMatch(c -> c.messages().contains(message)))
        .map(e -> e.event().tcp().len()).toList();
  }

  @Test
  void everyExpectationHolds() {
    assertThat(run.verdicts()).hasSize(36).allSatisfy(v -> assertThat(v.held()).as(v.actual()).isTrue());
  }

  /**
   * The ClientHello grows by each share's KeyShareEntry (RFC 8446 §4.2.8: group, length, key_exchange)
   * and each supported_groups entry (2 bytes); the classical one carries one x25519 entry of 4 + 32.
   * Its record adds the 5-byte header (RFC 8446 §5.1); the link's MSS is 1460.
   */
  @Test
  void clientHelloSizesAndSegments() {
    int classical = 192;
    int x25519Entry = 4 + 32;
    assertThat(sent("client-classical", "client_hello")).containsExactly(classical);
    assertThat(segmentsCarrying("client-classical", "client_hello")).containsExactly(classical + 5);
    // X25519MLKEM768 (1216-byte share) and x25519: 1414 bytes, a 1419-byte record, one segment.
    int hybrid = classical + 2 + 4 + 1216;
    assertThat(hybrid).isEqualTo(1414);
    assertThat(sent("client-hybrid", "client_hello")).containsExactly(hybrid);
    assertThat(segmentsCarrying("client-hybrid", "client_hello")).containsExactly(hybrid + 5);
    // SecP256r1MLKEM768 (1249) and secp256r1 (65): 1480 bytes, whose record no longer fits: 1460 + 25.
    int p256 = classical + 2 + (4 + 1249) + (4 + 65) - x25519Entry;
    assertThat(p256).isEqualTo(1480);
    assertThat(sent("client-p256", "client_hello")).containsExactly(p256);
    assertThat(segmentsCarrying("client-p256", "client_hello")).containsExactly(1460, p256 + 5 - 1460);
    // MLKEM768 alone: the 1184-byte encapsulation key in place of the x25519 share.
    assertThat(sent("client-mlkem", "client_hello")).containsExactly(classical + 4 + 1184 - x25519Entry);
  }

  @Test
  void afterTheHelloRetryRequestTheSecondClientHelloCarriesOnlyTheHybridShare() {
    int first = 192 + 2;
    int second = first - (4 + 32) + (4 + 1216);
    assertThat(sent("client-guess", "client_hello")).containsExactly(first, first, second);
    assertThat(second).isEqualTo(1378);
    // RFC 8446 §D.4: the compatibility change_cipher_spec (6 bytes) rides with the second ClientHello.
    assertThat(segmentsCarrying("client-guess", "client_hello")).containsExactly(first + 5, first + 5, second + 5 + 6);
    assertThat(sent("server-pq-first", "hello_retry_request")).containsExactly(88);
  }

  @Test
  void serverHelloSizesFollowTheServerShares() {
    int classical = 122;
    // x25519's 32 bytes become the 1088-byte ciphertext || 32, 65 || 1088, or the ciphertext alone.
    assertThat(sent("server", "server_hello")).containsExactly(classical, classical + 1088, classical);
    assertThat(sent("server-pq-first", "server_hello")).containsExactly(classical + 1088);
    assertThat(sent("server-nist", "server_hello")).containsExactly(classical - 32 + 1153, classical - 32 + 1088);
  }

  /**
   * Offered beside TLS 1.2, the hybrid goes in the TLS 1.3 ClientHello only; a TLS 1.2 server
   * passes it over and agrees on x25519, as it would any group it has no ECDHE for.
   */
  @Test
  void aTls12ServerPassesTheHybridOver() {
    RunResult r = Runs.run("""
        pki:
          authorities:
            root: {key: rsa2048}
          certificates:
            www: {issuer: root, key: rsa2048, names: [www.example.com]}
        nodes:
          client:
            role: client
            tls: {versions: ["1.2", "1.3"], serverName: www.example.com, trust: [root], groups: [X25519MLKEM768, x25519]}
          server:
            role: server
            tls: {versions: ["1.2"], certificate: www, groups: [x25519]}
        network:
          latency: 50ms
        timeline:
          - at: 0ms
            connect: {id: c1, from: client, to: server, request: 100B, response: 1KB}
        expect:
          - {connection: c1, version: TLSv1.2, group: x25519, handshakeMs: 300}
        """);
    assertThat(r.verdicts()).hasSize(3).allSatisfy(v -> assertThat(v.held()).as(v.actual()).isTrue());
  }
}
