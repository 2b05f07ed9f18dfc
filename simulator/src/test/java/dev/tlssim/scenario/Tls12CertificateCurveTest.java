package dev.tlssim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.results.ConnectionSummary;
import org.junit.jupiter.api.Test;

/**
 * RFC 8422 §5.3: in TLS 1.2 the client's supported_groups also bounds the curve of the server's
 * ECDSA certificate. A client offering only x25519 and a hybrid cannot be served by a P-256
 * certificate, and is told so; listing secp256r1 as well makes the same handshake succeed.
 */
class Tls12CertificateCurveTest {
  private static final String YAML = """
      pki:
        authorities:
          root: {key: ecdsa-p256}
        certificates:
          www: {issuer: root, key: ecdsa-p256, names: [www.example.com]}
      nodes:
        client: {role: client, tls: {versions: ["1.2", "1.3"], serverName: www.example.com, trust: [root], groups: GROUPS}}
        server: {role: server, tls: {versions: ["1.2"], certificate: www}}
      network: {latency: 50ms}
      timeline:
        - {at: 0ms, connect: {id: c1, from: client, to: server, request: 100B, response: 1KB}}
      """;

  private static ConnectionSummary c1(String groups) {
    return Runs.run(YAML.replace("GROUPS", groups)).connections().get(0);
  }

  @Test
  void aP256CertificateNeedsSecp256r1InSupportedGroups() {
    ConnectionSummary refused = c1("[X25519MLKEM768, x25519]");
    assertThat(refused.result()).isEqualTo("alert:handshake_failure");
    assertThat(refused.alertReason()).isEqualTo("server: client_hello: the server's ECDSA key is on secp256r1, "
        + "which the client's supported_groups does not list (RFC 8422 §5.3 bounds the certificate's curve too)");
    ConnectionSummary served = c1("[X25519MLKEM768, x25519, secp256r1]");
    assertThat(served.result()).isEqualTo("completed");
    assertThat(served.version()).isEqualTo("TLSv1.2");
    assertThat(served.cipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
  }
}
