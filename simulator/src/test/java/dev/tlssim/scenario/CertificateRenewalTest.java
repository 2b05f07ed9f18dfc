package dev.tlssim.scenario;

import dev.tlssim.events.EnrollEvent;
import dev.tlssim.events.CaEvent;
import static dev.tlssim.scenario.Runs.all;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CA node issues on request during a run, over the simulated network. */
class CertificateRenewalTest {
  private static Scenario renewal(String... overrides) {
    return ScenarioLoader.load(Path.of("../scenarios/tls12-certificate-renewal.yaml"), List.of(overrides));
  }

  @Test
  void aServerRenewsItsExpiredCertificateAndTheNextClientConnects() {
    RunResult r = Runs.RUNNER.run(renewal());
    assertThat(r.connections()).extracting(c -> c.id() + " " + c.result())
        .containsExactly("before alert:certificate_expired", "after completed");
    // Request at 1 s + 0.5 ms (signing the CSR), two 40 ms round trips to the CA (TCP, then the request),
    // 0.5 ms for the CA to sign: installed at 1.161 s.
    assertThat(all(r, EnrollEvent.Installed.class)).singleElement()
        .satisfies(e -> assertThat(e.timeNanos()).isEqualTo(1_161_000_000L));
    assertThat(all(r, CaEvent.Issued.class)).singleElement().satisfies(e -> assertThat(e.event().serial()).isEqualTo("3"));
  }

  @Test
  void theCaRefusesNamesOutsideItsPolicyAndTheServerKeepsItsOldCertificate() {
    RunResult r = Runs.RUNNER.run(renewal("timeline[1].enroll.names=[www.bank.example.org]"));
    assertThat(all(r, CaEvent.Refused.class)).singleElement()
        .satisfies(e -> assertThat(e.event().reason()).isEqualTo("this CA does not issue for 'www.bank.example.org'"));
    assertThat(all(r, EnrollEvent.Failed.class)).hasSize(1);
    assertThat(r.connections()).extracting(c -> c.result())
        .containsExactly("alert:certificate_expired", "alert:certificate_expired");
  }
}
