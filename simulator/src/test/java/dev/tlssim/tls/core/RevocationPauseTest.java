package dev.tlssim.tls.core;

import dev.tlssim.tls.config.TlsClientConfig;
import dev.tlssim.tls.config.TlsServerConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.pki.RevocationMode;
import dev.tlssim.pki.RevocationProtocol;
import dev.tlssim.pki.RevocationQuery;
import dev.tlssim.pki.RevocationReason;
import dev.tlssim.pki.RevocationSource;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.RevocationPki;
import dev.tlssim.tls.testing.WebPki;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CRLHolder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client's pause while the host asks a CA for revocation status (RevocationStatusNeeded and
 * supplyRevocationStatus), written once in the core and run here over both versions: where the
 * handshake stops and what it goes on with differ by version (RFC 5246 §7.3: ServerKeyExchange
 * and ServerHelloDone wait; RFC 8446 §4.4: CertificateVerify and Finished wait), the verdicts do
 * not. Each test has its own CAs, so revocations stay local to it.
 */
class RevocationPauseTest {
  private static final Instant NOW = WebPki.NOW;
  /** When the fetched answers arrive: two round trips later, say. */
  private static final Instant LATER = NOW.plusMillis(400);

  private final RevocationPki pki = new RevocationPki();
  private final List<TlsEvent> clientEvents = new ArrayList<>();
  private final List<TlsEvent> serverEvents = new ArrayList<>();
  private TlsConnection client;
  private TlsConnection server;

  static Stream<ProtocolVersion> versions() {
    return Stream.of(ProtocolVersion.TLS12, ProtocolVersion.TLS13);
  }

  private TlsClientConfig client(ProtocolVersion v, RevocationMode mode, RevocationSource preloaded) {
    return TlsClientConfig.defaults(WebPki.HOST, pki.verifier(mode, preloaded), List.of(v));
  }

  private TlsClientConfig fetching(ProtocolVersion v, RevocationMode mode, RevocationProtocol protocol) {
    return client(v, mode, RevocationSource.unavailable()).withRevocationFetch(protocol);
  }

  private TlsServerConfig server(ProtocolVersion v) {
    return TlsServerConfig.defaults(pki.chain, WebPki.EC_LEAF_KEY.getPrivate(), List.of(v));
  }

  private void connect(TlsClientConfig clientConfig, TlsServerConfig serverConfig) {
    client = clientConfig.newConnection(Pipe.seeded(3), NOW);
    server = serverConfig.newConnection(Pipe.seeded(4), NOW);
    client.start();
    pump();
  }

  /** Moves bytes both ways until both are quiet (a paused client is quiet). */
  private void pump() {
    Pipe.run(client, server, clientEvents, serverEvents);
  }

  private TlsEvent.RevocationStatusNeeded needed() {
    List<TlsEvent.RevocationStatusNeeded> all = Pipe.of(clientEvents, TlsEvent.RevocationStatusNeeded.class);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private TlsEvent.CertificateCheck revocationCheck() {
    return Pipe.of(clientEvents, TlsEvent.CertificateCheck.class).stream()
        .filter(c -> c.check().equals("revocation")).findFirst().orElseThrow();
  }

  /** The client's messages and what it reported, crypto operations and secrets left out. */
  private List<String> clientEventNames() {
    return clientEvents.stream()
        .filter(e -> !(e instanceof TlsEvent.CryptoOperation || e instanceof TlsEvent.TrafficSecret))
        .map(e -> e instanceof TlsEvent.MessageReceived m ? "received " + m.name()
            : e instanceof TlsEvent.MessageSent m ? "sent " + m.name() : e.getClass().getSimpleName())
        .toList();
  }

  private AlertDescription clientAlert() {
    return Pipe.of(clientEvents, TlsEvent.AlertSent.class).get(0).description();
  }

  @ParameterizedTest
  @MethodSource("versions")
  void clientPausesAfterTheCertificateAndAsksAboutEachCertificate(ProtocolVersion v) {
    connect(fetching(v, RevocationMode.HARD_FAIL, RevocationProtocol.OCSP), server(v));

    assertThat(client.awaitingRevocationStatus()).isTrue();
    assertThat(client.established()).isFalse();
    TlsEvent.RevocationStatusNeeded needed = needed();
    assertThat(needed.protocol()).isEqualTo(RevocationProtocol.OCSP);
    assertThat(needed.certificates()).containsExactly(pki.leaf, pki.issuer.certificate());
    assertThat(needed.queries()).containsExactly(
        new RevocationQuery(pki.leaf, pki.issuer.certificate()),
        new RevocationQuery(pki.issuer.certificate(), pki.root.certificate()));
    // Nothing judged, nothing sent: the rest of the server's flight waits.
    assertThat(clientEventNames()).containsExactlyElementsOf(v.equals(ProtocolVersion.TLS12)
        ? List.of("sent client_hello", "received server_hello", "received certificate", "RevocationStatusNeeded")
        : List.of("sent client_hello", "received server_hello", "received change_cipher_spec",
            "received encrypted_extensions", "received certificate", "RevocationStatusNeeded"));
    assertThat(client.drainOutput()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("versions")
  void goodAnswersCompleteTheHandshakeWhereItStopped(ProtocolVersion v) {
    connect(fetching(v, RevocationMode.HARD_FAIL, RevocationProtocol.OCSP), server(v));
    int before = clientEventNames().size();

    client.supplyRevocationStatus(pki.askResponders(needed(), LATER), LATER);
    clientEvents.addAll(client.drainEvents());
    List<String> resumed = clientEventNames().subList(before, clientEventNames().size());
    pump();

    assertThat(client.awaitingRevocationStatus()).isFalse();
    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    if (v.equals(ProtocolVersion.TLS12)) {
      assertThat(resumed).containsSubsequence("CertificateCheck", "received server_key_exchange",
          "received server_hello_done", "sent client_key_exchange", "sent finished");
    } else {
      assertThat(resumed).containsSubsequence("CertificateCheck", "received certificate_verify",
          "received finished", "sent change_cipher_spec", "sent finished");
    }
    assertThat(revocationCheck().status()).isEqualTo("passed");
    assertThat(revocationCheck().detail()).isEqualTo("not revoked: 'CN=www.example.com' (serial "
        + pki.leaf.getSerialNumber() + ") (OCSP), 'CN=tlssim Revocation Test Issuing CA' (serial 2)"
        + " (OCSP)");
    assertThat(Pipe.of(clientEvents, TlsEvent.RevocationStatusNeeded.class)).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("versions")
  void bytesArrivingWhilePausedAreBufferedInAnyChunking(ProtocolVersion v) {
    client = fetching(v, RevocationMode.HARD_FAIL, RevocationProtocol.OCSP).newConnection(Pipe.seeded(3), NOW);
    server = server(v).newConnection(Pipe.seeded(4), NOW);
    client.start();
    server.receive(client.drainOutput());
    byte[] flight = server.drainOutput();
    for (byte b : flight) {
      client.receive(new byte[] {b});
    }
    clientEvents.addAll(client.drainEvents());
    assertThat(client.awaitingRevocationStatus()).isTrue();

    client.supplyRevocationStatus(pki.askResponders(needed(), LATER), LATER);
    pump();

    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("versions")
  void revokedAnswerFailsWithCertificateRevoked(ProtocolVersion v) {
    pki.issuer.revoke(pki.leaf, NOW.minus(Duration.ofHours(1)), RevocationReason.KEY_COMPROMISE);
    connect(fetching(v, RevocationMode.SOFT_FAIL, RevocationProtocol.OCSP), server(v));

    client.supplyRevocationStatus(pki.askResponders(needed(), LATER), LATER);
    clientEvents.addAll(client.drainEvents());
    pump();

    assertThat(client.closed()).isTrue();
    assertThat(server.established()).isFalse();
    assertThat(clientAlert()).isEqualTo(AlertDescription.CERTIFICATE_REVOKED);
    assertThat(revocationCheck().detail()).contains("(reason key_compromise) according to the OCSP"
        + " response of 'CN=tlssim Revocation Test Issuing CA'");
  }

  @ParameterizedTest
  @MethodSource("versions")
  void unavailableSoftFailsIntoAnEstablishedConnection(ProtocolVersion v) {
    connect(fetching(v, RevocationMode.SOFT_FAIL, RevocationProtocol.OCSP), server(v));

    client.supplyRevocationStatus(RevocationSource.unavailable(), LATER);
    pump();

    assertThat(client.established()).isTrue();
    assertThat(revocationCheck().status()).isEqualTo("passed");
    assertThat(revocationCheck().detail()).startsWith("soft-fail: accepted although");
  }

  @ParameterizedTest
  @MethodSource("versions")
  void unavailableHardFailsWithCertificateUnknown(ProtocolVersion v) {
    connect(fetching(v, RevocationMode.HARD_FAIL, RevocationProtocol.OCSP), server(v));

    client.supplyRevocationStatus(RevocationSource.unavailable(), LATER);
    clientEvents.addAll(client.drainEvents());
    pump();

    assertThat(client.closed()).isTrue();
    assertThat(clientAlert()).isEqualTo(AlertDescription.CERTIFICATE_UNKNOWN);
    assertThat(revocationCheck().detail()).startsWith("hard-fail: revocation status unknown");
  }

  @ParameterizedTest
  @MethodSource("versions")
  void crlsFetchedByTheHostServeToo(ProtocolVersion v) throws Exception {
    connect(fetching(v, RevocationMode.HARD_FAIL, RevocationProtocol.CRL), server(v));
    assertThat(needed().protocol()).isEqualTo(RevocationProtocol.CRL);
    Instant thisUpdate = LATER.minus(Duration.ofHours(1));
    X509CRLHolder issuerCrl = pki.issuer.crl(thisUpdate, LATER.plus(Duration.ofDays(7)));
    X509CRLHolder rootCrl = pki.root.crl(thisUpdate, LATER.plus(Duration.ofDays(7)));

    client.supplyRevocationStatus(RevocationSource.fromDer(List.of(),
        List.of(issuerCrl.getEncoded(), rootCrl.getEncoded())), LATER);
    pump();

    assertThat(client.established()).isTrue();
    assertThat(revocationCheck().detail()).contains(") (CRL), 'CN=tlssim Revocation Test");
  }

  @ParameterizedTest
  @MethodSource("versions")
  void supplyingWhenNotWaitingIsAnError(ProtocolVersion v) {
    connect(client(v, RevocationMode.SOFT_FAIL, RevocationSource.unavailable()), server(v));

    assertThat(client.established()).isTrue();
    assertThatThrownBy(() -> client.supplyRevocationStatus(RevocationSource.unavailable(), LATER))
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @MethodSource("versions")
  void clientsThatDoNotFetchNeverPause(ProtocolVersion v) {
    connect(client(v, RevocationMode.HARD_FAIL, RevocationSource.unavailable()), server(v));

    assertThat(Pipe.of(clientEvents, TlsEvent.RevocationStatusNeeded.class)).isEmpty();
    assertThat(clientAlert()).isEqualTo(AlertDescription.CERTIFICATE_UNKNOWN);
  }

  @ParameterizedTest
  @MethodSource("versions")
  void otherFailuresEndTheHandshakeWithoutAsking(ProtocolVersion v) {
    connect(fetching(v, RevocationMode.HARD_FAIL, RevocationProtocol.OCSP)
        .withServerName("other.example.com"), server(v));

    assertThat(Pipe.of(clientEvents, TlsEvent.RevocationStatusNeeded.class)).isEmpty();
    assertThat(clientAlert()).isEqualTo(AlertDescription.BAD_CERTIFICATE);
  }

  @ParameterizedTest
  @MethodSource("versions")
  void preloadedStatusNeedsNoFetch(ProtocolVersion v) {
    RevocationSource crls = RevocationSource.of(
        pki.issuer.crl(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7))),
        pki.root.crl(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(7))));
    connect(client(v, RevocationMode.HARD_FAIL, crls).withRevocationFetch(RevocationProtocol.OCSP), server(v));

    assertThat(Pipe.of(clientEvents, TlsEvent.RevocationStatusNeeded.class)).isEmpty();
    assertThat(client.established()).isTrue();
  }
}
