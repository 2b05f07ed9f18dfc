package dev.tlssim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mistakes with ML-DSA certificates and signature_algorithms get a located message and exit code 2. */
class MlDsaScenarioErrorsTest {
  private static final String GOOD = """
      pki:
        authorities:
          root: {key: ecdsa-p256}
        certificates:
          www: {issuer: root, key: mldsa44, names: [www.example.com]}
      nodes:
        client:
          role: client
          tls: {versions: ["1.3"], serverName: www.example.com, trust: [root], signatureAlgorithms: [mldsa44, ecdsa_secp256r1_sha256]}
        server:
          role: server
          tls: {versions: ["1.3"], certificate: www}
      network:
        latency: 50ms
      timeline:
        - at: 0ms
          connect: {id: c1, from: client, to: server, request: 100B, response: 1KB}
      expect:
        - {connection: c1, signature: mldsa44, handshakeMs: 200}
      """;

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ML-DSA with TLS 1.2 | {versions: [\"1.3\"], certificate: www} | {versions: [\"1.2\"], certificate: www} | bad.yaml:12:43: nodes.server.tls.certificate: certificate 'www' has an ML-DSA key, which signs in TLS 1.3 only (draft-ietf-tls-mldsa §3); add 1.3 to versions",
      "sigalgs with 1.2    | {versions: [\"1.3\"], serverName | {versions: [\"1.2\"], serverName | bad.yaml:9:95: nodes.client.tls.signatureAlgorithms: signatureAlgorithms is a TLS 1.3 setting; add 1.3 to versions",
      "PKCS#1 in TLS 1.3   | [mldsa44, ecdsa_secp256r1_sha256] | [mldsa44, rsa_pkcs1_sha256] | bad.yaml:9:105: nodes.client.tls.signatureAlgorithms[1]: rsa_pkcs1_sha256 cannot sign a TLS 1.3 CertificateVerify (RFC 8446 §4.2.3); use ecdsa_secp256r1_sha256, ecdsa_secp384r1_sha384, rsa_pss_rsae_sha256/384/512, mldsa44, mldsa65 or mldsa87",
      "unknown scheme      | [mldsa44, ecdsa_secp256r1_sha256] | [dilithium2, ecdsa_secp256r1_sha256] | bad.yaml:9:96: nodes.client.tls.signatureAlgorithms[0]: unknown signature scheme 'dilithium2'",
      "unknown key type    | key: mldsa44, names | key: mldsa99, names | bad.yaml:5:30: pki.certificates.www.key: unknown key type 'mldsa99' (use rsa2048, rsa4096, ecdsa-p256, mldsa44 or mldsa65)",
  })
  void mistakesAreLocatedAndExitWithTwo(String what, String good, String bad, String message) throws IOException {
    new EditedScenario(dir, GOOD).assertLocatedError(good, bad, message);
  }

  /** A client that does not offer ML-DSA cannot accept an ML-DSA server: handshake_failure, not a crash. */
  @Test
  void aClientWithoutMlDsaGetsHandshakeFailure() throws IOException {
    String text = GOOD.replace(", signatureAlgorithms: [mldsa44, ecdsa_secp256r1_sha256]", "")
        .replace("{connection: c1, signature: mldsa44, handshakeMs: 200}", "{connection: c1, result: alert:handshake_failure}");
    assertThat(new EditedScenario(dir, GOOD).run(text, new StringWriter())).isZero();
  }
}
