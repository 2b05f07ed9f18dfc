package dev.tlssim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.results.ConnectionSummary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Revocation checked over the network: its cost in round trips, stapling, an unreachable CA, a revocation mid-run. */
class OnlineRevocationTest {
  private static RunResult run(String file, String... overrides) {
    return Runs.RUNNER.run(ScenarioLoader.load(Path.of("../scenarios/" + file + ".yaml"), List.of(overrides)));
  }

  private static ConnectionSummary conn(RunResult r, String id) {
    return r.connections().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void askingTheCaCostsTwoCaRoundTripsAndAStapleCostsNone() {
    RunResult r = run("revocation-online");
    assertThat(conn(r, "crl").handshakeMs()).isEqualByComparingTo("500");
    assertThat(conn(r, "ocsp").handshakeMs()).isEqualByComparingTo("500");
    assertThat(conn(r, "stapled").handshakeMs()).isEqualByComparingTo("300");
    assertThat(Runs.all(r, "revocation.request")).extracting(e -> e.get("method") + " " + e.get("path"))
        .containsExactly("GET /crl", "POST /ocsp");
    // The stapled client verified the CertificateStatus the server sent.
    assertThat(Runs.all(r, "tls.message")).anyMatch(e -> e.string("flow").equals(conn(r, "stapled").flow())
        && "certificate_status".equals(e.get("name")) && "received".equals(e.get("dir")));
    assertThat(Runs.all(r, "tls.check")).filteredOn(e -> "revocation".equals(e.get("check")))
        .extracting(e -> e.string("detail").replaceAll(".*\\(", "("))
        .containsExactly("(CRL)", "(OCSP)", "(stapled OCSP)");
  }

  @Test
  void withTheCaUnreachableSoftFailLetsTheConnectionThroughAndHardFailRefusesIt() {
    RunResult r = run("revocation-ca-unreachable");
    assertThat(conn(r, "soft").result()).isEqualTo("completed");
    assertThat(conn(r, "soft").handshakeMs()).isEqualByComparingTo("3300");
    assertThat(conn(r, "hard").result()).isEqualTo("alert:certificate_unknown");
    assertThat(conn(r, "hard").failedCheck()).isEqualTo("revocation");
    assertThat(Runs.all(r, "revocation.timeout")).hasSize(2);
  }

  @Test
  void aCertificateRevokedDuringTheRunIsRefusedByOcspButNotByAnOldCrl() {
    RunResult r = run("revocation-mid-run");
    assertThat(r.connections()).extracting(ConnectionSummary::id, ConnectionSummary::result)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("before", "completed"),
            org.assertj.core.groups.Tuple.tuple("after", "alert:certificate_revoked"),
            org.assertj.core.groups.Tuple.tuple("stale-crl", "completed"));
    assertThat(Runs.all(r, "ca.revoked")).singleElement().satisfies(e -> assertThat(e.timeNanos()).isEqualTo(5_000_000_000L));
  }
}
