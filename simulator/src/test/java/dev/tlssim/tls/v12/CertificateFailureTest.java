package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.pki.CertificateAuthority;
import dev.tlssim.pki.CertificateChain;
import dev.tlssim.pki.CertificateProfile;
import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.VerificationPolicy;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server certificates the client must refuse, through the whole handshake. */
class CertificateFailureTest {
  private static final CertificateAuthority IMPOSTOR = CertificateAuthority.root(
      "Impostor Root", WebPki.KEYS.ecP256("impostor-root"),
      WebPki.NOW.minus(Duration.ofDays(100)), WebPki.NOW.plus(Duration.ofDays(100)));
  private static final CertificateChain IMPOSTOR_CHAIN = IMPOSTOR.chainFor(IMPOSTOR.issue(
      CertificateProfile.tlsServer(WebPki.HOST, WebPki.RSA_LEAF_KEY.getPublic(),
          WebPki.NOT_BEFORE, WebPki.NOT_AFTER).build()));

  private record Outcome(TlsEndpoint client, TlsEndpoint server, List<TlsEvent> clientEvents,
      List<TlsEvent> serverEvents) {
    List<TlsEvent.CertificateCheck> checks() {
      return Pipe.of(clientEvents, TlsEvent.CertificateCheck.class);
    }
  }

  private static Outcome handshake(ClientConfig clientConfig, ServerConfig serverConfig,
      Instant clientNow) {
    TlsEndpoint client = Tls12.client(clientConfig, Pipe.seeded(31), clientNow);
    TlsEndpoint server = Tls12.server(serverConfig, Pipe.seeded(32), WebPki.NOW);
    client.start();
    Pipe.run(client, server);
    return new Outcome(client, server, client.drainEvents(), server.drainEvents());
  }

  private static void assertRejected(Outcome o, AlertDescription alert, String failedCheck) {
    assertThat(o.client().established()).isFalse();
    assertThat(o.client().closed()).isTrue();
    assertThat(o.server().closed()).isTrue();
    assertThat(o.checks()).hasSize(7);
    assertThat(o.checks()).filteredOn(c -> c.status().equals("failed"))
        .extracting(TlsEvent.CertificateCheck::check).containsExactly(failedCheck);
    List<TlsEvent.AlertSent> sent = Pipe.of(o.clientEvents(), TlsEvent.AlertSent.class);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).description()).isEqualTo(alert);
    assertThat(sent.get(0).fatal()).isTrue();
    assertThat(sent.get(0).reason()).contains(failedCheck);
    // The CertificateCheck events come before the alert they explain.
    assertThat(o.clientEvents().indexOf(o.checks().get(6)))
        .isLessThan(o.clientEvents().indexOf(sent.get(0)));
    assertThat(Pipe.sent(o.clientEvents())).containsExactly("client_hello", "alert");
    assertThat(o.serverEvents()).contains(new TlsEvent.AlertReceived(alert, true),
        new TlsEvent.Closed("alert:" + alert.rfcName()));
    assertThat(o.clientEvents()).endsWith(new TlsEvent.Closed("alert:" + alert.rfcName()));
  }

  @Test
  void untrustedRootIsUnknownCa() {
    ServerConfig server = ServerConfig.defaults(IMPOSTOR_CHAIN, WebPki.RSA_LEAF_KEY.getPrivate());
    assertRejected(handshake(TestPki.client12(), server, WebPki.NOW),
        AlertDescription.UNKNOWN_CA, "chain");
  }

  @Test
  void expiredCertificateIsCertificateExpired() {
    assertRejected(handshake(TestPki.client12(), TestPki.rsaServer12(),
            WebPki.NOT_AFTER.plus(Duration.ofDays(1))),
        AlertDescription.CERTIFICATE_EXPIRED, "validity");
  }

  @Test
  void wrongHostIsBadCertificate() {
    ClientConfig client = ClientConfig.defaults("wrong.example.org", WebPki.strictVerifier());
    assertRejected(handshake(client, TestPki.ecServer12(), WebPki.NOW),
        AlertDescription.BAD_CERTIFICATE, "hostname");
  }

  @Test
  void acceptAnyPolicyLetsAnImpostorForAnotherHostThrough() {
    ClientConfig client = ClientConfig.defaults("wrong.example.org",
        new CertificateVerifier(VerificationPolicy.acceptAnything()));
    ServerConfig server = ServerConfig.defaults(IMPOSTOR_CHAIN, WebPki.RSA_LEAF_KEY.getPrivate());
    Outcome o = handshake(client, server, WebPki.NOW.plus(Duration.ofDays(3650)));
    assertThat(o.client().established()).isTrue();
    assertThat(o.server().established()).isTrue();
    assertThat(o.checks()).extracting(TlsEvent.CertificateCheck::status).containsOnly("skipped");
  }
}
