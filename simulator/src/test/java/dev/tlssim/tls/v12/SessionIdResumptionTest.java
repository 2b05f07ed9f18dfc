package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.VerificationPolicy;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.KeyBlock;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.ExtensionType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Resuming a session by its session_id from the server's SessionCache (RFC 5246 §7.3). */
class SessionIdResumptionTest {
  private static final Instant NOW = WebPki.NOW;

  @Test
  void abbreviatedHandshakeMessagesAndKeys() {
    ClientConfig client = TestPki.client12();
    ServerConfig server = TestPki.ecServer12();
    Connection full = Connection.run(client, server, NOW, 10);
    Connection resumed = Connection.run(client, server, NOW.plusSeconds(60), 20);

    byte[] sessionId = full.clientEstablished().sessionId();
    assertThat(sessionId).hasSize(32);
    assertThat(resumed.clientHello().sessionId()).isEqualTo(sessionId);
    assertThat(resumed.serverHello().sessionId()).isEqualTo(sessionId);
    // RFC 6066 §3: no server_name in a resumed ServerHello; RFC 7627 §5.3: EMS is echoed.
    assertThat(resumed.serverHello().extensionsOrEmpty().contains(ExtensionType.SERVER_NAME))
        .isFalse();
    assertThat(resumed.serverHello().extensionsOrEmpty()
        .contains(ExtensionType.EXTENDED_MASTER_SECRET)).isTrue();

    // RFC 5246 §7.3 Figure 2, exactly.
    assertThat(Connection.sent(resumed.clientEvents))
        .containsExactly("client_hello", "change_cipher_spec", "finished");
    assertThat(Connection.received(resumed.clientEvents))
        .containsExactly("server_hello", "change_cipher_spec", "finished");
    assertThat(Connection.sent(resumed.serverEvents))
        .containsExactly("server_hello", "change_cipher_spec", "finished");
    assertThat(Connection.received(resumed.serverEvents))
        .containsExactly("client_hello", "change_cipher_spec", "finished");
    assertThat(resumed.serverFirstFlightRecords()).containsExactly(
        ContentType.HANDSHAKE, ContentType.CHANGE_CIPHER_SPEC, ContentType.HANDSHAKE);
    assertThat(resumed.clientFlights).hasSize(2);
    // The CPU saving: no public-key operation on either side, no certificate check.
    assertThat(Connection.crypto(resumed.clientEvents))
        .containsExactly("prf.key-block", "prf.finished", "prf.finished");
    assertThat(Connection.crypto(resumed.serverEvents))
        .containsExactly("prf.key-block", "prf.finished", "prf.finished");
    assertThat(Pipe.of(resumed.clientEvents, TlsEvent.CertificateCheck.class)).isEmpty();

    TlsEvent.Established atClient = resumed.clientEstablished();
    TlsEvent.Established atServer = resumed.serverEstablished();
    assertThat(atClient.resumed()).isTrue();
    assertThat(atClient.resumedBy()).isEqualTo("session-id");
    assertThat(atServer.resumedBy()).isEqualTo("session-id");
    assertThat(atClient.sessionId()).isEqualTo(sessionId).isEqualTo(atServer.sessionId());
    assertThat(atClient.group()).isNull();
    assertThat(atClient.suite()).isEqualTo(full.clientEstablished().suite());
    assertThat(full.clientEstablished().resumed()).isFalse();
    assertThat(full.clientEstablished().resumedBy()).isNull();

    // RFC 5246 §8.1: same master secret, new randoms, so a new key block.
    TlsEvent.SessionSecrets first = Pipe.of(full.clientEvents, TlsEvent.SessionSecrets.class).get(0);
    TlsEvent.SessionSecrets again =
        Pipe.of(resumed.clientEvents, TlsEvent.SessionSecrets.class).get(0);
    assertThat(again.masterSecret()).isEqualTo(first.masterSecret());
    assertThat(again.clientRandom()).isNotEqualTo(first.clientRandom());
    CipherSuite suite = atClient.suite();
    KeyBlock firstKeys = KeyBlock.derive(suite, first.masterSecret(), first.clientRandom(),
        full.serverHello().random());
    KeyBlock newKeys = KeyBlock.derive(suite, again.masterSecret(), again.clientRandom(),
        resumed.serverHello().random());
    assertThat(newKeys.writeKey(ConnectionEnd.CLIENT))
        .isNotEqualTo(firstKeys.writeKey(ConnectionEnd.CLIENT));
    assertThat(resumed.echo("GET / HTTP/1.1")).isEqualTo("GET / HTTP/1.1");

    assertThat(Tls12.session(resumed.client).orElseThrow().masterSecret())
        .isEqualTo(first.masterSecret());
    assertThat(Tls12.session(resumed.client).orElseThrow().peerCertificates())
        .isEqualTo(WebPki.EC_CHAIN.certificates());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dev.tlssim.tls.v12.HandshakeTest#suitesAndGroups")
  void everySuiteResumes(CipherSuite suite, NamedGroup group) {
    ClientConfig client = HandshakeTest.clientFor(suite, group);
    ServerConfig server = HandshakeTest.serverFor(suite);
    Connection.run(client, server, NOW, 30);
    Connection resumed = Connection.run(client, server, NOW, 40);
    assertThat(resumed.clientEstablished().resumed()).isTrue();
    assertThat(resumed.clientEstablished().suite()).isEqualTo(suite);
    assertThat(resumed.echo("ping")).isEqualTo("ping");
  }

  @Test
  void anotherServerWithoutTheSessionAnswersWithAFullHandshake() {
    ClientConfig client = TestPki.client12();
    Connection full = Connection.run(client, TestPki.ecServer12(), NOW, 10);
    ServerConfig other = TestPki.ecServer12();
    Connection miss = Connection.run(client, other, NOW, 20);

    byte[] offered = full.clientEstablished().sessionId();
    assertThat(miss.clientHello().sessionId()).isEqualTo(offered);
    assertThat(miss.serverHello().sessionId()).hasSize(32).isNotEqualTo(offered);
    assertThat(Connection.received(miss.clientEvents)).contains("certificate");
    assertThat(miss.clientEstablished().resumed()).isFalse();
    // The client now holds the other server's session, which resumes there.
    Connection back = Connection.run(client, other, NOW, 30);
    assertThat(back.clientEstablished().resumed()).isTrue();
    assertThat(back.clientEstablished().sessionId())
        .isEqualTo(miss.clientEstablished().sessionId());
  }

  @Test
  void serversSharingOneCacheResumeEachOthersSessions() {
    SessionCache shared = new SessionCache(100, Duration.ofHours(1));
    ServerConfig first = TestPki.ecServer12().withSessionCache(shared);
    ServerConfig second = TestPki.ecServer12().withSessionCache(shared);
    ClientConfig client = TestPki.client12();
    Connection.run(client, first, NOW, 10);
    assertThat(shared.size()).isEqualTo(1);
    Connection resumed = Connection.run(client, second, NOW, 20);
    assertThat(resumed.clientEstablished().resumedBy()).isEqualTo("session-id");
  }

  @Test
  void anExpiredSessionIsNotResumed() {
    ServerConfig server = TestPki.ecServer12()
        .withSessionCache(new SessionCache(100, Duration.ofHours(1)));
    ClientConfig client = TestPki.client12();
    Connection.run(client, server, NOW, 10);
    assertThat(Connection.run(client, server, NOW.plus(Duration.ofMinutes(59)), 20)
        .clientEstablished().resumed()).isTrue();
    Connection late = Connection.run(client, server, NOW.plus(Duration.ofMinutes(60)), 30);
    assertThat(late.clientHello().sessionId()).hasSize(32);
    assertThat(late.clientEstablished().resumed()).isFalse();
  }

  @Test
  void theClientStoreExpiresSessionsToo() {
    ClientConfig client = TestPki.client12()
        .withSessionStore(new ClientSessionStore(10, Duration.ofMinutes(5)));
    ServerConfig server = TestPki.ecServer12();
    Connection.run(client, server, NOW, 10);
    Connection late = Connection.run(client, server, NOW.plus(Duration.ofMinutes(5)), 20);
    assertThat(late.clientHello().sessionId()).isEmpty();
    assertThat(late.clientEstablished().resumed()).isFalse();
  }

  /** Capacity 1, two server names: each full handshake evicts the other name's session. */
  @Test
  void leastRecentlyUsedSessionIsEvicted() {
    CertificateVerifier anyName = new CertificateVerifier(VerificationPolicy.builder()
        .trustAnchor(WebPki.rootCertificate()).checkHostname(false).build());
    ClientConfig a = ClientConfig.defaults("a.example.com", anyName);
    ClientConfig b = a.withServerName("b.example.com");
    SessionCache cache = new SessionCache(1, Duration.ofHours(1));
    ServerConfig server = TestPki.ecServer12().withSessionCache(cache);

    Connection.run(a, server, NOW, 10);
    assertThat(Connection.run(a, server, NOW, 20).clientEstablished().resumed()).isTrue();
    Connection.run(b, server, NOW, 30);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(a.sessionStore().size()).as("one client store, keyed by name").isEqualTo(2);
    Connection evicted = Connection.run(a, server, NOW, 40);
    assertThat(evicted.clientHello().sessionId()).hasSize(32);
    assertThat(evicted.clientEstablished().resumed()).isFalse();
    assertThat(Connection.run(b, server, NOW, 50).clientEstablished().resumed()).isFalse();
    assertThat(Connection.run(b, server, NOW, 60).clientEstablished().resumed()).isTrue();
  }

  @Test
  void withoutACacheTheServerSendsAnEmptySessionId() {
    ClientConfig client = TestPki.client12();
    ServerConfig server = TestPki.ecServer12().withSessionCache(null);
    Connection first = Connection.run(client, server, NOW, 10);
    // RFC 5246 §7.4.1.3: an empty session_id says the session will not be cached.
    assertThat(first.serverHello().sessionId()).isEmpty();
    assertThat(first.clientEstablished().sessionId()).isEmpty();
    assertThat(client.sessionStore().size()).isZero();
    Connection second = Connection.run(client, server, NOW, 20);
    assertThat(second.clientHello().sessionId()).isEmpty();
    assertThat(second.clientEstablished().resumed()).isFalse();
  }

  @Test
  void aClientThatDoesNotOfferSessionIdsKeepsDoingFullHandshakes() {
    ClientConfig client = TestPki.client12().withResumption(false, true);
    ServerConfig server = TestPki.ecServer12();
    Connection.run(client, server, NOW, 10);
    Connection second = Connection.run(client, server, NOW, 20);
    assertThat(second.clientHello().sessionId()).isEmpty();
    assertThat(second.clientEstablished().resumed()).isFalse();
  }

  @Test
  void aClientWithoutAStoreNeverOffers() {
    ClientConfig client = TestPki.client12().withSessionStore(null);
    ServerConfig server = TestPki.ecServer12();
    Connection.run(client, server, NOW, 10);
    assertThat(Connection.run(client, server, NOW, 20).clientHello().sessionId()).isEmpty();
  }

  @Test
  void aSessionWhoseSuiteIsNoLongerOfferedIsNotOffered() {
    ClientConfig client = HandshakeTest.clientFor(
        CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, null);
    ServerConfig server = TestPki.rsaServer12();
    Connection.run(client, server, NOW, 10);
    ClientConfig otherSuite = client.withCipherSuites(
        List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA));
    // RFC 5246 §7.4.1.2: a resuming ClientHello must include the session's cipher suite.
    Connection second = Connection.run(otherSuite, server, NOW, 20);
    assertThat(second.clientHello().sessionId()).isEmpty();
    assertThat(second.clientEstablished().suite())
        .isEqualTo(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
  }

  /** RFC 5246 §7.2: the session of a connection that ended in a fatal alert is forgotten. */
  @Test
  void aFatalAlertInvalidatesTheSessionOnBothSides() {
    ClientConfig client = TestPki.client12();
    SessionCache cache = new SessionCache(10, Duration.ofHours(1));
    ServerConfig server = TestPki.ecServer12().withSessionCache(cache);
    Connection c = Connection.run(client, server, NOW, 10);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(client.sessionStore().size()).isEqualTo(1);
    c.client.write(new byte[] {1, 2, 3});
    byte[] record = c.client.drainOutput();
    record[record.length - 1] ^= 1;
    c.server.receive(record);
    c.client.receive(c.server.drainOutput());
    assertThat(c.server.closed()).isTrue();
    assertThat(c.client.closed()).isTrue();
    assertThat(cache.size()).isZero();
    assertThat(client.sessionStore().size()).isZero();
    assertThat(Connection.run(client, server, NOW, 20).clientEstablished().resumed()).isFalse();
  }
}
