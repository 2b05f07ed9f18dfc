package dev.tlssim.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.scenario.RunResult;
import dev.tlssim.scenario.ScenarioLoader;
import dev.tlssim.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The interception attacks of the catalog with a TLS 1.3 client and server (the attacker
 * impersonates the server in TLS 1.3 too): each certificate check stops the same attack under the
 * same policies as in TLS 1.2, and with the real chain but not the real key (passthrough) the
 * CertificateVerify signature fails where TLS 1.2's ServerKeyExchange signature did. A tampered
 * ServerHello is caught by the record protection of the very next message.
 */
class Tls13InterceptionTest {
  private static final String MAC = "blocked by record_mac (bad_record_mac)";
  private static final String SIGNATURE = "blocked by certificate_verify_signature (decrypt_error)";

  /**
   * The TLS 1.2 matrix's rows for the interception attacks, with passthrough caught by
   * CertificateVerify instead of ServerKeyExchange; and a tampered ServerHello, which changes the
   * transcript, so the handshake keys differ and the first encrypted record (EncryptedExtensions)
   * fails to authenticate (RFC 8446 §4.4.1, §5.2).
   */
  private static List<String[]> expected() {
    List<String[]> rows = new java.util.ArrayList<>();
    for (String[] row : AttackMatrixTest.EXPECTED) {
      if (row[0].equals("mitm-passthrough")) {
        rows.add(new String[] {row[0], SIGNATURE, SIGNATURE, SIGNATURE, SIGNATURE, SIGNATURE, SIGNATURE});
      } else if (row[0].startsWith("mitm-")) {
        rows.add(row);
      }
    }
    rows.add(new String[] {"tamper-server-hello", MAC, MAC, MAC, MAC, MAC, MAC});
    return rows;
  }

  private static final List<String> POLICIES = List.of("strict", "browser-like", "no-hostname-check",
      "trust-extra-root", "no-revocation", "accept-any");

  private static ScenarioRunner runner;

  @BeforeAll
  static void start() {
    runner = new ScenarioRunner();
  }

  @AfterAll
  static void stop() {
    runner.close();
  }

  @Test
  void eachCheckStopsTheSameInterceptionInTls13() {
    List<String[]> rows = expected();
    assertThat(rows).hasSize(8);
    for (String[] row : rows) {
      for (int p = 0; p < POLICIES.size(); p++) {
        RunResult r = runner.run(ScenarioLoader.load(Path.of("../scenarios/attacks/" + row[0] + ".yaml"), List.of(
            "nodes.client.tls.versions=[\"1.3\"]", "nodes.server.tls.versions=[\"1.3\"]",
            "nodes.client.tls.policy=" + POLICIES.get(p))));
        var victim = r.connections().stream().filter(c -> c.id().equals("c1")).findFirst().orElseThrow();
        if (row[p + 1].equals(AttackMatrixTest.READ)) {
          assertThat(victim.version()).as(row[0]).isEqualTo("TLSv1.3");
        }
        assertThat(MatrixCell.of(row[0], POLICIES.get(p), victim).text()).as(row[0] + " vs " + POLICIES.get(p))
            .isEqualTo(row[p + 1]);
      }
    }
  }
}
