package dev.tlssim.scenario;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mistakes with post-quantum groups get a located message and exit code 2. */
class PostQuantumScenarioErrorsTest {
  private static final String GOOD = """
      pki:
        authorities:
          root: {key: ecdsa-p256}
        certificates:
          www: {issuer: root, key: ecdsa-p256, names: [www.example.com]}
      nodes:
        client:
          role: client
          tls: {versions: ["1.3"], serverName: www.example.com, trust: [root], groups: [X25519MLKEM768, x25519], keyShares: [X25519MLKEM768]}
        server:
          role: server
          tls: {versions: ["1.3"], certificate: www, groups: [X25519MLKEM768, x25519], groupSelection: preference}
      network:
        latency: 50ms
      timeline:
        - at: 0ms
          connect: {id: c1, from: client, to: server, request: 100B, response: 1KB}
      expect:
        - {connection: c1, group: X25519MLKEM768, handshakeMs: 200}
      """;

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "TLS 1.2 only        | {versions: [\"1.3\"], serverName | {versions: [\"1.2\"], serverName | bad.yaml:9:83: nodes.client.tls.groups[0]: X25519MLKEM768 is a TLS 1.3 group (draft-ietf-tls-ecdhe-mlkem); add 1.3 to versions",
      "share not in groups | keyShares: [X25519MLKEM768]} | keyShares: [SecP256r1MLKEM768]} | bad.yaml:9:120: nodes.client.tls.keyShares[0]: a key share only for a group in groups [X25519MLKEM768, x25519]",
      "no classical for 1.2 | {versions: [\"1.3\"], serverName: www.example.com, trust: [root], groups: [X25519MLKEM768, x25519] | {versions: [\"1.2\", \"1.3\"], serverName: www.example.com, trust: [root], groups: [X25519MLKEM768] | bad.yaml:9:89: nodes.client.tls.groups: TLS 1.2 has no post-quantum group: with 1.2 in versions, add x25519 or secp256r1",
      "selection with 1.2  | {versions: [\"1.3\"], certificate: www, groups: [X25519MLKEM768, x25519] | {versions: [\"1.2\"], certificate: www, groups: [x25519] | bad.yaml:12:82: nodes.server.tls.groupSelection: groupSelection is a TLS 1.3 setting; add 1.3 to versions",
      "unknown selection   | groupSelection: preference | groupSelection: strict | bad.yaml:12:98: nodes.server.tls.groupSelection: unknown group selection 'strict' (shares or preference)",
      "JDK engine          | {versions: [\"1.3\"], certificate | {implementation: jdk, versions: [\"1.3\"], certificate | bad.yaml:12:77: nodes.server.tls.groups: the JDK's SSLEngine has no post-quantum group; use implementation: tlssim",
      "pre-standard group  | groups: [X25519MLKEM768, x25519], groupSelection | groups: [X25519Kyber768, x25519], groupSelection | bad.yaml:12:57: nodes.server.tls.groups[0]: unknown group 'X25519Kyber768'",
  })
  void mistakesAreLocatedAndExitWithTwo(String what, String good, String bad, String message) throws IOException {
    new EditedScenario(dir, GOOD).assertLocatedError(good, bad, message);
  }
}
