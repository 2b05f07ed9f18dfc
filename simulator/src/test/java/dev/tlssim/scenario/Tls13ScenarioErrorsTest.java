package dev.tlssim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TLS 1.3 settings of a scenario: each mistake is named by file, line, column and field. */
class Tls13ScenarioErrorsTest {
  private static final String BASE = """
      pki:
        authorities:
          root: {subject: "Root", key: ecdsa-p256}
        certificates:
          www: {issuer: root, key: ecdsa-p256, names: [www.example.com]}
      nodes:
        client: {role: client, tls: {CLIENT}}
        server: {role: server, tls: {certificate: www, versions: ["1.2", "1.3"]}}
      network: {latency: 10ms}
      timeline:
        - {at: 0s, connect: {id: c1, from: client, to: server, request: 100B, response: 1KB}}
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "share outside groups | versions: [\"1.3\"], groups: [x25519], keyShares: [secp256r1] | inline.yaml:7:81: nodes.client.tls.keyShares[0]: a key share only for a group in groups [x25519]",
      "1.3 setting on 1.2   | versions: [\"1.2\"], earlyData: true                         | inline.yaml:7:62: nodes.client.tls.earlyData: earlyData is a TLS 1.3 setting; add 1.3 to versions",
      "p-384 with 1.2       | versions: [\"1.2\", \"1.3\"], groups: [secp384r1]           | inline.yaml:7:67: nodes.client.tls.groups[0]: supported groups are x25519 and secp256r1 (secp384r1 too for TLS 1.3 only)",
      "unknown psk mode     | versions: [\"1.3\"], pskModes: [psk_rsa_ke]                | inline.yaml:7:62: nodes.client.tls.pskModes[0]: unknown psk mode 'psk_rsa_ke' (use psk_dhe_ke or psk_ke)",
      "no 1.3 suite         | versions: [\"1.3\"], suites: [TLS_RSA_WITH_AES_128_GCM_SHA256] | inline.yaml:7:59: nodes.client.tls.suites: no TLS 1.3 suite",
  })
  void tls13MistakesAreLocated(String what, String clientTls, String message) {
    String yaml = BASE.replace("CLIENT", clientTls.strip());
    assertThatThrownBy(() -> Runs.scenario(yaml)).isInstanceOf(ScenarioException.class)
        .satisfies(e -> assertThat(((ScenarioException) e).report()).startsWith(message));
  }
}
