package dev.tlssim.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every cell of the attack matrix, exactly: which check stopped the attack with which alert, or what leaked. */
class AttackMatrixTest {
  private static final String DOWNGRADE = "blocked by finished (decrypt_error)";
  private static final String SIGNATURE = "blocked by key_exchange_signature (decrypt_error)";
  private static final String STRIP = "blocked by record_mac (bad_record_mac)";
  static final String READ = "SUCCEEDED: attacker read 2300 bytes";
  private static final String SENTINEL = "blocked by downgrade_sentinel (illegal_parameter)";
  private static final String REPLAYED = "SUCCEEDED: the server acted on 1 replayed request";
  private static final String ANTI_REPLAY = "blocked by anti_replay (0-RTT data refused)";

  /** Columns: strict, browser-like, no-hostname-check, trust-extra-root, no-revocation, accept-any. */
  static final String[][] EXPECTED = {
      {"downgrade-tls13", SENTINEL, SENTINEL, SENTINEL, SENTINEL, SENTINEL, SENTINEL},
      {"downgrade-to-rsa", DOWNGRADE, DOWNGRADE, DOWNGRADE, DOWNGRADE, DOWNGRADE, DOWNGRADE},
      {"mitm-expired-certificate", "blocked by validity (certificate_expired)", "blocked by validity (certificate_expired)",
          "blocked by validity (certificate_expired)", "blocked by validity (certificate_expired)",
          "blocked by validity (certificate_expired)", READ},
      {"mitm-leaf-as-ca", "blocked by basic_constraints (bad_certificate)", "blocked by basic_constraints (bad_certificate)",
          "blocked by basic_constraints (bad_certificate)", "blocked by basic_constraints (bad_certificate)",
          "blocked by basic_constraints (bad_certificate)", READ},
      {"mitm-passthrough", SIGNATURE, SIGNATURE, SIGNATURE, SIGNATURE, SIGNATURE, SIGNATURE},
      {"mitm-revoked-certificate", "blocked by revocation (certificate_revoked)",
          "blocked by revocation (certificate_revoked)", "blocked by revocation (certificate_revoked)",
          "blocked by revocation (certificate_revoked)", READ, READ},
      {"mitm-rogue-ca", "blocked by chain (unknown_ca)", "blocked by chain (unknown_ca)", "blocked by chain (unknown_ca)",
          READ, "blocked by chain (unknown_ca)", READ},
      {"mitm-self-signed", "blocked by chain (unknown_ca)", "blocked by chain (unknown_ca)",
          "blocked by chain (unknown_ca)", "blocked by chain (unknown_ca)", "blocked by chain (unknown_ca)", READ},
      {"mitm-wrong-name", "blocked by hostname (bad_certificate)", "blocked by hostname (bad_certificate)", READ,
          "blocked by hostname (bad_certificate)", "blocked by hostname (bad_certificate)", READ},
      {"replay-0rtt-guarded", ANTI_REPLAY, ANTI_REPLAY, ANTI_REPLAY, ANTI_REPLAY, ANTI_REPLAY, ANTI_REPLAY},
      {"replay-0rtt", REPLAYED, REPLAYED, REPLAYED, REPLAYED, REPLAYED, REPLAYED},
      {"strip-hybrid-share", STRIP, STRIP, STRIP, STRIP, STRIP, STRIP},
      {"strip-session-ticket", STRIP, STRIP, STRIP, STRIP, STRIP, STRIP},
      {"tamper-server-hello", SIGNATURE, SIGNATURE, SIGNATURE, SIGNATURE, SIGNATURE, SIGNATURE},
  };

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
  void theMatrixIsExactlyAsExpected() throws IOException {
    List<Path> attacks;
    try (Stream<Path> s = Files.list(Path.of("../scenarios/attacks"))) {
      attacks = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    AttackMatrix.Result m = AttackMatrix.run(attacks, runner);
    assertThat(m.policies()).containsExactly("strict", "browser-like", "no-hostname-check", "trust-extra-root",
        "no-revocation", "accept-any");
    assertThat(m.attacks()).containsExactly(Stream.of(EXPECTED).map(r -> r[0]).toArray(String[]::new));
    for (String[] row : EXPECTED) {
      for (int p = 0; p < m.policies().size(); p++) {
        assertThat(m.cell(row[0], m.policies().get(p)).text()).as(row[0] + " vs " + m.policies().get(p))
            .isEqualTo(row[p + 1]);
      }
    }
    // The strict client: no attack reads anything. (A 0-RTT replay needs no client mistake: only
    // the server's anti-replay stops it, RFC 8446 §8.)
    assertThat(m.cells()).filteredOn(c -> c.policy().equals("strict")).allMatch(c -> c.bytesRead() == 0);
    assertThat(m.cells()).filteredOn(c -> c.policy().equals("strict") && c.succeeded())
        .extracting(MatrixCell::attack).containsExactly("replay-0rtt");
  }
}
