package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.pki.CertificateAuthority;
import dev.tlssim.pki.CertificateProfile;
import dev.tlssim.pki.RevocationMode;
import dev.tlssim.pki.RevocationProtocol;
import dev.tlssim.pki.RevocationReason;
import dev.tlssim.pki.RevocationSource;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.RevocationPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.OcspStatusRequest;
import dev.tlssim.tls.wire.StatusRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

/**
 * OCSP stapling in TLS 1.2 (status_request and CertificateStatus, RFC 6066 §8), alone and with
 * the client pausing for the status the staple does not give (the pause itself, the same in both
 * versions, is tested in tls/core's RevocationPauseTest). Each test has its own CAs, so
 * revocations stay local to it.
 */
class RevocationHandshakeTest {
  private static final Instant NOW = WebPki.NOW;
  /** When the fetched answers arrive: two round trips later, say. */
  private static final Instant LATER = NOW.plusMillis(400);

  private final RevocationPki pki = new RevocationPki();
  private final CertificateAuthority root = pki.root;
  private final CertificateAuthority issuer = pki.issuer;
  private final X509CertificateHolder leaf = pki.leaf;

  private final List<TlsEvent> clientEvents = new ArrayList<>();
  private final List<TlsEvent> serverEvents = new ArrayList<>();
  private TlsEndpoint client;
  private TlsEndpoint server;

  private ClientConfig client(RevocationMode mode, RevocationSource preloaded) {
    return ClientConfig.defaults(WebPki.HOST, pki.verifier(mode, preloaded));
  }

  private ClientConfig fetching(RevocationMode mode, RevocationProtocol protocol) {
    return client(mode, RevocationSource.unavailable()).withRevocationFetch(protocol);
  }

  private ServerConfig server() {
    return ServerConfig.defaults(pki.chain, WebPki.EC_LEAF_KEY.getPrivate());
  }

  private void connect(ClientConfig clientConfig, ServerConfig serverConfig) {
    client = Tls12.client(clientConfig, Pipe.seeded(3), NOW);
    server = Tls12.server(serverConfig, Pipe.seeded(4), NOW);
    client.start();
    pump();
  }

  /** Moves bytes both ways until both are quiet (a paused client is quiet). */
  private void pump() {
    Pipe.run(client, server, clientEvents, serverEvents);
  }

  private TlsEvent.RevocationStatusNeeded needed() {
    List<TlsEvent.RevocationStatusNeeded> all =
        Pipe.of(clientEvents, TlsEvent.RevocationStatusNeeded.class);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private TlsEvent.CertificateCheck revocationCheck() {
    return Pipe.of(clientEvents, TlsEvent.CertificateCheck.class).stream()
        .filter(c -> c.check().equals("revocation")).findFirst().orElseThrow();
  }

  private List<String> clientEventNames() {
    return clientEvents.stream().map(e -> e instanceof TlsEvent.MessageReceived m
        ? "received " + m.name() : e instanceof TlsEvent.MessageSent m ? "sent " + m.name()
        : e.getClass().getSimpleName()).toList();
  }

  private AlertDescription clientAlert() {
    return Pipe.of(clientEvents, TlsEvent.AlertSent.class).get(0).description();
  }

  @Test
  void staplingSendsCertificateStatusAndSavesTheLeafQuery() {
    RevocationSource rootAnswers = RevocationSource.of(
        root.crl(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7))));
    Supplier<byte[]> stapled = () -> pki.staple(NOW);
    connect(client(RevocationMode.HARD_FAIL, rootAnswers)
            .withRevocationFetch(RevocationProtocol.OCSP).withStatusRequest(true),
        server().withStapledOcspResponse(stapled));

    assertThat(Pipe.of(clientEvents, TlsEvent.RevocationStatusNeeded.class)).isEmpty();
    assertThat(client.established()).isTrue();
    assertThat(Pipe.sent(serverEvents)).startsWith(
        "server_hello", "certificate", "certificate_status", "server_key_exchange",
        "server_hello_done");
    assertThat(clientEventNames()).containsSubsequence("received certificate",
        "received certificate_status", "CertificateCheck", "received server_key_exchange");
    assertThat(revocationCheck().detail()).isEqualTo("not revoked: 'CN=www.example.com' (serial "
        + leaf.getSerialNumber() + ") (stapled OCSP), 'CN=tlssim Revocation Test Issuing CA'"
        + " (serial 2) (CRL)");
  }

  @Test
  void withStaplingOnlyTheIntermediateIsFetched() {
    connect(fetching(RevocationMode.HARD_FAIL, RevocationProtocol.OCSP).withStatusRequest(true),
        server().withStapledOcspResponse(() -> pki.staple(NOW)));

    assertThat(needed().certificates()).containsExactly(issuer.certificate());
    client.supplyRevocationStatus(pki.askResponders(needed(), LATER), LATER);
    pump();
    assertThat(client.established()).isTrue();
  }

  @Test
  void aStaleStapleIsFetchedAgain() {
    connect(fetching(RevocationMode.HARD_FAIL, RevocationProtocol.OCSP).withStatusRequest(true),
        server().withStapledOcspResponse(() -> pki.staple(NOW.minus(Duration.ofDays(8)))));

    assertThat(needed().certificates()).containsExactly(leaf, issuer.certificate());
    client.supplyRevocationStatus(pki.askResponders(needed(), LATER), LATER);
    pump();
    assertThat(client.established()).isTrue();
    assertThat(revocationCheck().detail()).startsWith("not revoked: 'CN=www.example.com' (serial "
        + leaf.getSerialNumber() + ") (OCSP)");
  }

  @Test
  void stapledRevocationFailsAtOnce() {
    issuer.revoke(leaf, NOW.minus(Duration.ofHours(1)), RevocationReason.UNSPECIFIED);
    connect(fetching(RevocationMode.SOFT_FAIL, RevocationProtocol.OCSP).withStatusRequest(true),
        server().withStapledOcspResponse(() -> pki.staple(NOW)));

    assertThat(Pipe.of(clientEvents, TlsEvent.RevocationStatusNeeded.class)).isEmpty();
    assertThat(clientAlert()).isEqualTo(AlertDescription.CERTIFICATE_REVOKED);
    assertThat(revocationCheck().detail()).contains("according to the stapled OCSP response");
  }

  @Test
  void serverWithoutAResponseDoesNotAcknowledge() {
    connect(client(RevocationMode.SOFT_FAIL, RevocationSource.unavailable())
        .withStatusRequest(true), server().withStapledOcspResponse(() -> null));

    assertThat(Pipe.sent(serverEvents)).doesNotContain("certificate_status");
    assertThat(client.established()).isTrue();
  }

  @Test
  void clientThatDoesNotAskGetsNoStatus() {
    connect(client(RevocationMode.SOFT_FAIL, RevocationSource.unavailable()),
        server().withStapledOcspResponse(() -> pki.staple(NOW)));

    assertThat(Pipe.sent(serverEvents)).doesNotContain("certificate_status");
    assertThat(client.established()).isTrue();
  }

  @Test
  void rsaKeyExchangeDefersServerHelloDoneUntilTheStatusArrives() {
    X509CertificateHolder rsaLeaf = issuer.issue(CertificateProfile.tlsServer(
        WebPki.HOST, WebPki.RSA_LEAF_KEY.getPublic(), WebPki.NOT_BEFORE, WebPki.NOT_AFTER)
        .build());
    ServerConfig rsaServer = ServerConfig.defaults(issuer.chainFor(rsaLeaf),
        WebPki.RSA_LEAF_KEY.getPrivate());
    connect(fetching(RevocationMode.HARD_FAIL, RevocationProtocol.OCSP)
        .withCipherSuites(List.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)), rsaServer);

    assertThat(needed().certificates()).containsExactly(rsaLeaf, issuer.certificate());
    client.supplyRevocationStatus(pki.askResponders(needed(), LATER), LATER);
    pump();
    assertThat(client.established()).isTrue();
  }

  @Test
  void corruptStapleIsABadCertificateStatusResponse() {
    connect(client(RevocationMode.SOFT_FAIL, RevocationSource.unavailable())
        .withStatusRequest(true), server().withStapledOcspResponse(() -> new byte[] {1, 2, 3}));

    assertThat(clientAlert()).isEqualTo(AlertDescription.BAD_CERTIFICATE_STATUS_RESPONSE);
  }

  @Test
  void serverHelloAcknowledgesStatusRequestOnlyWhenStapling() {
    ClientConfig asking = client(RevocationMode.SOFT_FAIL, RevocationSource.unavailable())
        .withStatusRequest(true);
    Connection stapling = Connection.run(asking,
        server().withStapledOcspResponse(() -> pki.staple(NOW)), NOW, 5);
    Connection notStapling = Connection.run(asking, server(), NOW, 5);

    assertThat(stapling.clientHello().extensionsOrEmpty().find(StatusRequest.class))
        .contains(StatusRequest.ocsp(OcspStatusRequest.any()));
    assertThat(stapling.serverHello().extensionsOrEmpty().find(StatusRequest.class))
        .contains(StatusRequest.acknowledgement());
    assertThat(notStapling.serverHello().extensionsOrEmpty().contains(
        ExtensionType.STATUS_REQUEST)).isFalse();
    assertThat(Connection.received(notStapling.clientEvents)).doesNotContain("certificate_status");
  }
}
