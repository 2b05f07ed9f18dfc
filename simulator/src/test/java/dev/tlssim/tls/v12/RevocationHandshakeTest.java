package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.pki.CertificateAuthority;
import dev.tlssim.pki.CertificateChain;
import dev.tlssim.pki.CertificateProfile;
import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.OcspRequest;
import dev.tlssim.pki.OcspResponder;
import dev.tlssim.pki.RevocationMode;
import dev.tlssim.pki.RevocationProtocol;
import dev.tlssim.pki.RevocationQuery;
import dev.tlssim.pki.RevocationReason;
import dev.tlssim.pki.RevocationSource;
import dev.tlssim.pki.VerificationPolicy;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.OcspStatusRequest;
import dev.tlssim.tls.wire.StatusRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

/**
 * Revocation in the handshake: the client pausing for status it must fetch (RevocationStatusNeeded
 * and supplyRevocationStatus), and OCSP stapling (status_request and CertificateStatus, RFC 6066
 * §8). Each test has its own CAs, so revocations stay local to it.
 */
class RevocationHandshakeTest {
  private static final Instant NOW = WebPki.NOW;
  /** When the fetched answers arrive: two round trips later, say. */
  private static final Instant LATER = NOW.plusMillis(400);

  private final CertificateAuthority root = CertificateAuthority.root(
      "tlssim Revocation Test Root", WebPki.ROOT_KEY,
      NOW.minus(Duration.ofDays(3650)), NOW.plus(Duration.ofDays(3650)));
  private final CertificateAuthority issuer = root.intermediate(
      "tlssim Revocation Test Issuing CA", WebPki.KEYS.ecP256("issuer"),
      NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(1825)));
  private final X509CertificateHolder leaf = issuer.issue(CertificateProfile.tlsServer(
      WebPki.HOST, WebPki.EC_LEAF_KEY.getPublic(), WebPki.NOT_BEFORE, WebPki.NOT_AFTER)
      .build());
  private final CertificateChain chain = issuer.chainFor(leaf);
  private final OcspResponder issuerOcsp = new OcspResponder(issuer, Duration.ofDays(7));
  private final OcspResponder rootOcsp = new OcspResponder(root, Duration.ofDays(7));

  private final List<TlsEvent> clientEvents = new ArrayList<>();
  private final List<TlsEvent> serverEvents = new ArrayList<>();
  private TlsEndpoint client;
  private TlsEndpoint server;

  private ClientConfig client(RevocationMode mode, RevocationSource preloaded) {
    VerificationPolicy policy = VerificationPolicy.builder()
        .trustAnchor(root.certificate()).revocation(mode).build();
    return ClientConfig.defaults(WebPki.HOST, new CertificateVerifier(policy, preloaded));
  }

  private ClientConfig fetching(RevocationMode mode, RevocationProtocol protocol) {
    return client(mode, RevocationSource.unavailable()).withRevocationFetch(protocol);
  }

  private ServerConfig server() {
    return ServerConfig.defaults(chain, WebPki.EC_LEAF_KEY.getPrivate());
  }

  private void connect(ClientConfig clientConfig, ServerConfig serverConfig) {
    client = Tls12.client(clientConfig, Pipe.seeded(3), NOW);
    server = Tls12.server(serverConfig, Pipe.seeded(4), NOW);
    client.start();
    pump();
  }

  /** Moves bytes both ways until both are quiet (a paused client is quiet). */
  private void pump() {
    for (int round = 0; round < 20; round++) {
      byte[] toServer = client.drainOutput();
      server.receive(toServer);
      byte[] toClient = server.drainOutput();
      client.receive(toClient);
      clientEvents.addAll(client.drainEvents());
      serverEvents.addAll(server.drainEvents());
      if (toServer.length == 0 && toClient.length == 0) {
        return;
      }
    }
    throw new AssertionError("endpoints kept talking");
  }

  /** What the host does on RevocationStatusNeeded with OCSP: ask each issuer's responder. */
  private RevocationSource askResponders(TlsEvent.RevocationStatusNeeded needed) {
    List<byte[]> answers = new ArrayList<>();
    for (RevocationQuery query : needed.queries()) {
      OcspResponder responder = query.issuer().equals(issuer.certificate()) ? issuerOcsp : rootOcsp;
      answers.add(responder.respond(query.ocspRequest(), LATER));
    }
    return RevocationSource.fromDer(answers, List.of());
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

  private byte[] staple(Instant at) {
    try {
      return issuerOcsp.respond(OcspRequest.forCertificate(leaf, issuer.certificate()), at)
          .getEncoded();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void clientPausesAfterTheCertificateAndAsksAboutEachCertificate() {
    connect(fetching(RevocationMode.HARD_FAIL, RevocationProtocol.OCSP), server());

    assertThat(client.awaitingRevocationStatus()).isTrue();
    assertThat(client.established()).isFalse();
    TlsEvent.RevocationStatusNeeded needed = needed();
    assertThat(needed.protocol()).isEqualTo(RevocationProtocol.OCSP);
    assertThat(needed.certificates()).containsExactly(leaf, issuer.certificate());
    assertThat(needed.queries()).containsExactly(
        new RevocationQuery(leaf, issuer.certificate()),
        new RevocationQuery(issuer.certificate(), root.certificate()));
    // Nothing judged, nothing sent: the server's ServerKeyExchange and ServerHelloDone wait.
    assertThat(clientEventNames()).containsExactly(
        "sent client_hello", "received server_hello", "received certificate",
        "RevocationStatusNeeded");
    assertThat(client.drainOutput()).isEmpty();
  }

  @Test
  void goodAnswersCompleteTheHandshakeWhereItStopped() {
    connect(fetching(RevocationMode.HARD_FAIL, RevocationProtocol.OCSP), server());
    int before = clientEvents.size();

    client.supplyRevocationStatus(askResponders(needed()), LATER);
    clientEvents.addAll(client.drainEvents());
    List<String> resumed = clientEventNames().subList(before, clientEvents.size());
    pump();

    assertThat(client.awaitingRevocationStatus()).isFalse();
    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    assertThat(resumed).containsSubsequence("CertificateCheck", "received server_key_exchange",
        "received server_hello_done", "sent client_key_exchange", "sent finished");
    assertThat(revocationCheck().status()).isEqualTo("passed");
    assertThat(revocationCheck().detail()).isEqualTo("not revoked: 'CN=www.example.com' (serial "
        + leaf.getSerialNumber() + ") (OCSP), 'CN=tlssim Revocation Test Issuing CA' (serial 2)"
        + " (OCSP)");
    assertThat(Pipe.of(clientEvents, TlsEvent.RevocationStatusNeeded.class)).hasSize(1);
  }

  @Test
  void bytesArrivingWhilePausedAreBufferedInAnyChunking() {
    client = Tls12.client(fetching(RevocationMode.HARD_FAIL, RevocationProtocol.OCSP),
        Pipe.seeded(3), NOW);
    server = Tls12.server(server(), Pipe.seeded(4), NOW);
    client.start();
    server.receive(client.drainOutput());
    byte[] flight = server.drainOutput();
    for (byte b : flight) {
      client.receive(new byte[] {b});
    }
    clientEvents.addAll(client.drainEvents());
    assertThat(client.awaitingRevocationStatus()).isTrue();

    client.supplyRevocationStatus(askResponders(needed()), LATER);
    pump();

    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
  }

  @Test
  void revokedAnswerFailsWithCertificateRevoked() {
    issuer.revoke(leaf, NOW.minus(Duration.ofHours(1)), RevocationReason.KEY_COMPROMISE);
    connect(fetching(RevocationMode.SOFT_FAIL, RevocationProtocol.OCSP), server());

    client.supplyRevocationStatus(askResponders(needed()), LATER);
    clientEvents.addAll(client.drainEvents());
    pump();

    assertThat(client.closed()).isTrue();
    assertThat(server.established()).isFalse();
    assertThat(clientAlert()).isEqualTo(AlertDescription.CERTIFICATE_REVOKED);
    assertThat(revocationCheck().detail()).contains("(reason key_compromise) according to the OCSP"
        + " response of 'CN=tlssim Revocation Test Issuing CA'");
  }

  @Test
  void unavailableSoftFailsIntoAnEstablishedConnection() {
    connect(fetching(RevocationMode.SOFT_FAIL, RevocationProtocol.OCSP), server());

    client.supplyRevocationStatus(RevocationSource.unavailable(), LATER);
    pump();

    assertThat(client.established()).isTrue();
    assertThat(revocationCheck().status()).isEqualTo("passed");
    assertThat(revocationCheck().detail()).startsWith("soft-fail: accepted although");
  }

  @Test
  void unavailableHardFailsWithCertificateUnknown() {
    connect(fetching(RevocationMode.HARD_FAIL, RevocationProtocol.OCSP), server());

    client.supplyRevocationStatus(RevocationSource.unavailable(), LATER);
    clientEvents.addAll(client.drainEvents());
    pump();

    assertThat(client.closed()).isTrue();
    assertThat(clientAlert()).isEqualTo(AlertDescription.CERTIFICATE_UNKNOWN);
    assertThat(revocationCheck().detail()).startsWith("hard-fail: revocation status unknown");
  }

  @Test
  void crlsFetchedByTheHostServeToo() throws Exception {
    connect(fetching(RevocationMode.HARD_FAIL, RevocationProtocol.CRL), server());
    assertThat(needed().protocol()).isEqualTo(RevocationProtocol.CRL);
    Instant thisUpdate = LATER.minus(Duration.ofHours(1));
    X509CRLHolder issuerCrl = issuer.crl(thisUpdate, LATER.plus(Duration.ofDays(7)));
    X509CRLHolder rootCrl = root.crl(thisUpdate, LATER.plus(Duration.ofDays(7)));

    client.supplyRevocationStatus(RevocationSource.fromDer(List.of(),
        List.of(issuerCrl.getEncoded(), rootCrl.getEncoded())), LATER);
    pump();

    assertThat(client.established()).isTrue();
    assertThat(revocationCheck().detail()).contains(") (CRL), 'CN=tlssim Revocation Test");
  }

  @Test
  void supplyingWhenNotWaitingIsAnError() {
    connect(client(RevocationMode.SOFT_FAIL, RevocationSource.unavailable()), server());

    assertThat(client.established()).isTrue();
    assertThatThrownBy(() -> client.supplyRevocationStatus(RevocationSource.unavailable(), LATER))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void clientsThatDoNotFetchNeverPause() {
    connect(client(RevocationMode.HARD_FAIL, RevocationSource.unavailable()), server());

    assertThat(Pipe.of(clientEvents, TlsEvent.RevocationStatusNeeded.class)).isEmpty();
    assertThat(clientAlert()).isEqualTo(AlertDescription.CERTIFICATE_UNKNOWN);
  }

  @Test
  void otherFailuresEndTheHandshakeWithoutAsking() {
    connect(fetching(RevocationMode.HARD_FAIL, RevocationProtocol.OCSP)
        .withServerName("other.example.com"), server());

    assertThat(Pipe.of(clientEvents, TlsEvent.RevocationStatusNeeded.class)).isEmpty();
    assertThat(clientAlert()).isEqualTo(AlertDescription.BAD_CERTIFICATE);
  }

  @Test
  void preloadedStatusNeedsNoFetch() {
    RevocationSource crls = RevocationSource.of(
        issuer.crl(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7))),
        root.crl(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7))));
    connect(client(RevocationMode.HARD_FAIL, crls).withRevocationFetch(RevocationProtocol.OCSP),
        server());

    assertThat(Pipe.of(clientEvents, TlsEvent.RevocationStatusNeeded.class)).isEmpty();
    assertThat(client.established()).isTrue();
  }

  @Test
  void staplingSendsCertificateStatusAndSavesTheLeafQuery() {
    RevocationSource rootAnswers = RevocationSource.of(
        root.crl(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7))));
    Supplier<byte[]> stapled = () -> staple(NOW);
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
        server().withStapledOcspResponse(() -> staple(NOW)));

    assertThat(needed().certificates()).containsExactly(issuer.certificate());
    client.supplyRevocationStatus(askResponders(needed()), LATER);
    pump();
    assertThat(client.established()).isTrue();
  }

  @Test
  void aStaleStapleIsFetchedAgain() {
    connect(fetching(RevocationMode.HARD_FAIL, RevocationProtocol.OCSP).withStatusRequest(true),
        server().withStapledOcspResponse(() -> staple(NOW.minus(Duration.ofDays(8)))));

    assertThat(needed().certificates()).containsExactly(leaf, issuer.certificate());
    client.supplyRevocationStatus(askResponders(needed()), LATER);
    pump();
    assertThat(client.established()).isTrue();
    assertThat(revocationCheck().detail()).startsWith("not revoked: 'CN=www.example.com' (serial "
        + leaf.getSerialNumber() + ") (OCSP)");
  }

  @Test
  void stapledRevocationFailsAtOnce() {
    issuer.revoke(leaf, NOW.minus(Duration.ofHours(1)), RevocationReason.UNSPECIFIED);
    connect(fetching(RevocationMode.SOFT_FAIL, RevocationProtocol.OCSP).withStatusRequest(true),
        server().withStapledOcspResponse(() -> staple(NOW)));

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
        server().withStapledOcspResponse(() -> staple(NOW)));

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
    client.supplyRevocationStatus(askResponders(needed()), LATER);
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
        server().withStapledOcspResponse(() -> staple(NOW)), NOW, 5);
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
