package dev.tlssim.scenario;

import dev.tlssim.events.TlsChannelEvent;
import dev.tlssim.events.RevocationEvent;
import dev.tlssim.events.Direction;
import dev.tlssim.events.CaEvent;
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
    assertThat(Runs.all(r, RevocationEvent.Request.class)).extracting(e -> e.event().method() + " " + e.event().path())
        .containsExactly("GET /crl", "POST /ocsp");
    // The stapled client verified the CertificateStatus the server sent.
    assertThat(Runs.all(r, TlsChannelEvent.Message.class)).anyMatch(e -> e.event().flow().equals(conn(r, "stapled").flow())
        && "certificate_status".equals(e.event().name()) && e.event().dir() == Direction.RECEIVED);
    assertThat(Runs.all(r, TlsChannelEvent.Check.class)).filteredOn(e -> "revocation".equals(e.event().check()))
        .extracting(e -> e.event().detail().replaceAll(".*\\(", "("))
        .containsExactly("(CRL)", "(OCSP)", "(stapled OCSP)");
  }

  @Test
  void withTheCaUnreachableSoftFailLetsTheConnectionThroughAndHardFailRefusesIt() {
    RunResult r = run("revocation-ca-unreachable");
    assertThat(conn(r, "soft").result()).isEqualTo("completed");
    assertThat(conn(r, "soft").handshakeMs()).isEqualByComparingTo("3300");
    assertThat(conn(r, "hard").result()).isEqualTo("alert:certificate_unknown");
    assertThat(conn(r, "hard").failedCheck()).isEqualTo("revocation");
    assertThat(Runs.all(r, RevocationEvent.Timeout.class)).hasSize(2);
  }

  @Test
  void aCertificateRevokedDuringTheRunIsRefusedByOcspButNotByAnOldCrl() {
    RunResult r = run("revocation-mid-run");
    assertThat(r.connections()).extracting(ConnectionSummary::id, ConnectionSummary::result)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("before", "completed"),
            org.assertj.core.groups.Tuple.tuple("after", "alert:certificate_revoked"),
            org.assertj.core.groups.Tuple.tuple("stale-crl", "completed"));
    assertThat(Runs.all(r, CaEvent.Revoked.class)).singleElement().satisfies(e -> assertThat(e.timeNanos()).isEqualTo(5_000_000_000L));
  }

  /**
   * The same checks in TLS 1.3: the client pauses after the server's Certificate, the rest of the
   * flight buffered, while it asks the CA: 2 RTT + 2 CA RTT = 400 ms; stapled, 2 RTT; with the CA unreachable,
   * soft-fail goes on at 3 s + 2 RTT and hard-fail refuses; a mid-run revocation is caught by OCSP.
   */
  @Test
  void tls13ClientsAskTheCaTooAndTheSamePoliciesDecide() {
    String v13 = "[\"1.3\"]";
    RunResult online = run("revocation-online", "nodes.crl-client.tls.versions=" + v13,
        "nodes.ocsp-client.tls.versions=" + v13, "nodes.stapled-client.tls.versions=" + v13,
        "nodes.server.tls.versions=" + v13);
    assertThat(online.connections()).extracting(ConnectionSummary::version).containsOnly("TLSv1.3");
    assertThat(conn(online, "crl").handshakeMs()).isEqualByComparingTo("400");
    assertThat(conn(online, "ocsp").handshakeMs()).isEqualByComparingTo("400");
    // RFC 8446 §4.4.2.1: the OCSP response rides in the leaf's CertificateEntry; no extra round trip.
    assertThat(conn(online, "stapled").handshakeMs()).isEqualByComparingTo("200");
    assertThat(Runs.all(online, TlsChannelEvent.Check.class)).filteredOn(e -> "revocation".equals(e.event().check()))
        .extracting(e -> e.event().detail().replaceAll(".*\\(", "("))
        .containsExactly("(CRL)", "(OCSP)", "(stapled OCSP)");

    RunResult unreachable = run("revocation-ca-unreachable", "nodes.browser.tls.versions=" + v13,
        "nodes.strict.tls.versions=" + v13, "nodes.server.tls.versions=" + v13);
    assertThat(conn(unreachable, "soft").handshakeMs()).isEqualByComparingTo("3200");
    assertThat(conn(unreachable, "hard").result()).isEqualTo("alert:certificate_unknown");
    assertThat(conn(unreachable, "hard").failedCheck()).isEqualTo("revocation");

    RunResult midRun = run("revocation-mid-run", "nodes.ocsp-client.tls.versions=" + v13,
        "nodes.cached-client.tls.versions=" + v13, "nodes.server.tls.versions=" + v13);
    assertThat(midRun.connections()).extracting(ConnectionSummary::id, ConnectionSummary::version,
        ConnectionSummary::result).containsExactly(
            org.assertj.core.groups.Tuple.tuple("before", "TLSv1.3", "completed"),
            org.assertj.core.groups.Tuple.tuple("after", null, "alert:certificate_revoked"),
            org.assertj.core.groups.Tuple.tuple("stale-crl", "TLSv1.3", "completed"));
  }
}
