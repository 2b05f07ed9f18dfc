package dev.tlssim.scenario;

import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.TraceJson;

import static dev.tlssim.scenario.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.results.ConnectionSummary;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** TLS 1.2 between parties over the simulated network: exact timing, the JDK as a peer, certificate failures. */
class TlsOverNetworkTest {
  private static final String SCENARIO = """
      pki:
        authorities:
          root: {key: rsa2048}
          issuing: {key: ecdsa-p256, issuer: root}
        certificates:
          rsa: {issuer: issuing, key: rsa2048, names: [www.example.com]}
          ecdsa: {issuer: issuing, key: ecdsa-p256, names: [www.example.com]}
      nodes:
        client:
          role: client
          tls: {serverName: www.example.com, trust: [root], suites: [SUITE], implementation: CLIENT_IMPL}
        server:
          role: server
          tls: {certificate: CERT, implementation: SERVER_IMPL}
      network:
        latency: 50ms
      timeline:
        - at: 0ms
          connect: {id: c1, from: client, to: server, request: 300B, response: 5KB}
      """;

  static Stream<Arguments> suites() {
    return Stream.of(
        Arguments.of("TLS_RSA_WITH_AES_128_GCM_SHA256", "rsa"),
        Arguments.of("TLS_RSA_WITH_AES_128_CBC_SHA", "rsa"),
        Arguments.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "rsa"),
        Arguments.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "rsa"),
        Arguments.of("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "rsa"),
        Arguments.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ecdsa"));
  }

  private static String scenario(String suite, String cert, String clientImpl, String serverImpl) {
    return SCENARIO.replace("SUITE", suite).replace("CERT", cert).replace("CLIENT_IMPL", clientImpl)
        .replace("SERVER_IMPL", serverImpl);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suites")
  void aFullHandshakeTakesExactlyThreeRoundTripsAtZeroLossAndZeroCost(String suite, String cert) {
    ConnectionSummary c = run(scenario(suite, cert, "tlssim", "tlssim")).connections().get(0);
    assertThat(c.result()).isEqualTo("completed");
    assertThat(c.cipherSuite()).isEqualTo(suite);
    assertThat(c.version()).isEqualTo("TLSv1.2");
    assertThat(c.handshake()).isEqualTo("full");
    assertThat(c.tcpConnectMs()).isEqualByComparingTo("100");
    assertThat(c.handshakeMs()).isEqualByComparingTo("300");
    assertThat(c.firstAppByteMs()).isEqualByComparingTo("350");
    assertThat(c.responseMs()).isEqualByComparingTo("400");
    assertThat(c.retransmissions()).isZero();
  }

  @ParameterizedTest(name = "JDK client, our server: {0}")
  @MethodSource("suites")
  void theJdkClientCompletesHandshakesWithOurServer(String suite, String cert) {
    ConnectionSummary c = run(scenario(suite, cert, "jdk", "tlssim")).connections().get(0);
    assertThat(c.result()).isEqualTo("completed");
    assertThat(c.cipherSuite()).isEqualTo(suite);
    assertThat(c.handshakeMs()).isEqualByComparingTo("300");
  }

  @ParameterizedTest(name = "our client, JDK server: {0}")
  @MethodSource("suites")
  void ourClientCompletesHandshakesWithTheJdkServer(String suite, String cert) {
    ConnectionSummary c = run(scenario(suite, cert, "tlssim", "jdk")).connections().get(0);
    assertThat(c.result()).isEqualTo("completed");
    assertThat(c.cipherSuite()).isEqualTo(suite);
    assertThat(c.handshake()).isEqualTo("full");
    assertThat(c.handshakeMs()).isEqualByComparingTo("300");
  }

  @Test
  void everyCertificateFlawEndsTheHandshakeAtItsCheckWithItsAlert() {
    Scenario s = ScenarioLoader.load(Path.of("../scenarios/tls12-certificate-checks.yaml"), List.of());
    RunResult r = Runs.RUNNER.run(s);
    assertThat(r.connections()).extracting(ConnectionSummary::id, ConnectionSummary::result,
            ConnectionSummary::failedCheck)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("good", "completed", null),
            org.assertj.core.groups.Tuple.tuple("untrusted", "alert:unknown_ca", "chain"),
            org.assertj.core.groups.Tuple.tuple("bad-signature", "alert:bad_certificate", "signature"),
            org.assertj.core.groups.Tuple.tuple("expired", "alert:certificate_expired", "validity"),
            org.assertj.core.groups.Tuple.tuple("not-yet-valid", "alert:certificate_expired", "validity"),
            org.assertj.core.groups.Tuple.tuple("leaf-as-ca", "alert:bad_certificate", "basic_constraints"),
            org.assertj.core.groups.Tuple.tuple("wrong-eku", "alert:unsupported_certificate", "key_usage"),
            org.assertj.core.groups.Tuple.tuple("wrong-host", "alert:bad_certificate", "hostname"),
            org.assertj.core.groups.Tuple.tuple("revoked", "alert:certificate_revoked", "revocation"));
    // The server hears the client's alert one way later; the failed handshake never reaches application data.
    assertThat(r.connections().stream().skip(1)).allSatisfy(c -> {
      assertThat(c.handshakeMs()).isNull();
      assertThat(c.firstAppByteMs()).isNull();
    });
  }

  @Test
  void acceptAnyLetsAWrongHostThrough() {
    String yaml = scenario("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "rsa", "tlssim", "tlssim")
        .replace("serverName: www.example.com", "serverName: bank.example.org, acceptAny: true");
    ConnectionSummary c = run(yaml).connections().get(0);
    assertThat(c.result()).isEqualTo("completed");
    assertThat(c.failedCheck()).isNull();
  }

  @Test
  void theSameSeedGivesTheSameTlsTraceAndCertificates() {
    String yaml = scenario("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ecdsa", "tlssim", "tlssim");
    var a = TraceJson.toBytes(run(yaml).trace());
    var b = TraceJson.toBytes(run(yaml).trace());
    assertThat(a).isEqualTo(b);
  }

  @Test
  void cpuCostsAddExactlyToTheHandshake() {
    String yaml = scenario("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "rsa", "tlssim", "tlssim") + """
        cost:
          ops: {rsa2048.sign: 2ms, x25519.keygen: 100us, x25519.agree: 300us, ecdsa-p256.verify: 1ms, rsa2048.verify: 100us}
        """;
    ConnectionSummary c = run(yaml).connections().get(0);
    // Server: keygen + sign = 2.1 ms. Client: chain (ECDSA issuer on the leaf + RSA root on the issuer)
    // 1.1 ms, ServerKeyExchange signature 0.1 ms, keygen + agree 0.4 ms = 1.6 ms. Server: agree 0.3 ms.
    assertThat(c.cpuServerMs()).isEqualByComparingTo("2.4");
    assertThat(c.cpuClientMs()).isEqualByComparingTo("1.6");
    assertThat(c.handshakeMs()).isEqualByComparingTo(new BigDecimal("304"));
  }

  @Test
  void secretsReachTheTraceOnlyWhenAKeyLogIsAskedFor() {
    String yaml = scenario("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "rsa", "tlssim", "tlssim");
    assertThat(Runs.all(run(yaml), TlsChannelEvent.KeyLog.class)).isEmpty();
    assertThat(Runs.all(run(yaml + "keylog: true\n"), TlsChannelEvent.KeyLog.class)).singleElement()
        .satisfies(e -> assertThat(e.event().line()).matches("CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}"));
  }
}
