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
 * scenarios/post-quantum/mldsa-certificates.yaml: ML-DSA certificates and CertificateVerify on the
 * wire, and the round trip an ML-DSA-65 flight costs under an initial window of 3 segments.
 */
class MlDsaScenarioTest {
  private static final long MS = 1_000_000L;
  private static RunResult run;

  @BeforeAll
  static void runOnce() {
    run = Runs.RUNNER.run(ScenarioLoader.load(Path.of("../scenarios/post-quantum/mldsa-certificates.yaml"), List.of()));
  }

  private static List<Integer> sent(String node, String name) {
    return Runs.all(run, TlsChannelEvent.Message.class).stream()
        .filter(e -> e.node().equals(node) && e.event().dir() == Direction.SENT && e.event().name().equals(name))
        .map(e -> e.event().length()).toList();
  }

  /** Send times (ms after the connection's start) of the server's segments carrying its first flight. */
  private static List<Long> flightSendTimes(String node, long startMs) {
    return Runs.all(run, PacketEvent.Sent.class).stream()
        .filter(e -> e.node().equals(node) && e.event().tcp().len() > 0)
        .filter(e -> e.event().tcp().carries().stream().anyMatch(c -> c.messages().contains("certificate")
            || c.messages().contains("certificate_verify")))
        .map(e -> e.timeNanos() / MS - startMs).toList();
  }

  @Test
  void everyExpectationHolds() {
    assertThat(run.verdicts()).hasSize(27).allSatisfy(v -> assertThat(v.held()).as(v.actual()).isTrue());
  }

  /**
   * CertificateVerify (RFC 8446 §4.4.3): a 4-byte handshake header, the 2-byte scheme, a 2-byte
   * length and the signature: 2,420 bytes for ML-DSA-44, 3,309 for ML-DSA-65 (FIPS 204 Table 2).
   */
  @Test
  void certificateVerifyCarriesTheWholeMlDsaSignature() {
    assertThat(sent("mldsa44", "certificate_verify")).containsExactly(4 + 2 + 2 + 2420);
    assertThat(sent("mldsa65", "certificate_verify")).containsExactly(4 + 2 + 2 + 3309);
    // The ECDSA signature is a DER SEQUENCE of about 71 bytes.
    assertThat(sent("ecdsa", "certificate_verify")).containsExactly(79);
    assertThat(sent("mldsa44", "certificate")).containsExactly(1703);
    assertThat(sent("mldsa65", "certificate")).containsExactly(5589);
    assertThat(sent("mldsa65-chain", "certificate")).containsExactly(11137);
  }

  /**
   * The server's flight after the ClientHello (at 150 ms: TCP's 100 ms, then half an RTT): 7
   * segments. With the initial window of 10 they all leave at once; with 3, three leave, and the
   * other four wait the round trip for those three's ACKs (RFC 5681 §3.1 slow start).
   */
  @Test
  void underAnInitialWindowOfThreeTheFlightWaitsOneRoundTrip() {
    assertThat(flightSendTimes("mldsa65", 3000)).containsExactly(150L, 150L, 150L, 150L, 150L, 150L, 150L);
    assertThat(flightSendTimes("mldsa65-iw3", 4000)).containsExactly(150L, 150L, 150L, 250L, 250L, 250L, 250L);
    // The ECDSA flight is one segment: the small window costs it nothing.
    assertThat(flightSendTimes("ecdsa-iw3", 1000)).containsExactly(150L);
  }
}
