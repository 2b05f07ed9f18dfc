package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.ExtendedMasterSecret;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.RenegotiationInfo;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.TlsRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7627 §5.3 across resumption: which side aborts, which falls back to a full handshake.
 * Where our own client would never send the offending message, the test builds it.
 */
class ExtendedMasterSecretResumptionTest {
  private static final Instant NOW = WebPki.NOW;

  private static ServerConfig server(boolean tickets) {
    ServerConfig server = TestPki.ecServer12();
    return tickets
        ? server.withTicketKeys(new TicketKeys("ems".getBytes(StandardCharsets.US_ASCII), NOW,
            Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(2)))
        : server;
  }

  /** An EMS client, or a legacy one, offering tickets or session IDs only. */
  private static ClientConfig client(boolean tickets) {
    return TestPki.client12().withResumption(!tickets, tickets);
  }

  @ParameterizedTest(name = "tickets={0}")
  @ValueSource(booleans = {false, true})
  void serverAbortsWhenASessionWithEmsIsOfferedWithoutIt(boolean tickets) {
    ServerConfig server = server(tickets);
    ClientConfig withEms = client(tickets);
    ClientConfig legacy = withEms.withExtendedMasterSecret(false);
    Connection.run(withEms, server, NOW, 10);

    // The legacy client shares the store, as a client whose EMS support regressed would.
    Connection c = Connection.run(legacy, server, NOW, 20);
    assertThat(Pipe.of(c.serverEvents, TlsEvent.AlertSent.class)).singleElement().satisfies(a -> {
      assertThat(a.description()).isEqualTo(AlertDescription.HANDSHAKE_FAILURE);
      assertThat(a.fatal()).isTrue();
      assertThat(a.reason()).contains("RFC 7627 §5.3");
    });
    assertThat(c.client.closed()).isTrue();
  }

  @ParameterizedTest(name = "tickets={0}")
  @ValueSource(booleans = {false, true})
  void aSessionWithoutEmsIsNotResumedByAHelloWithEms(boolean tickets) throws Exception {
    ServerConfig server = server(tickets);
    ClientConfig withEms = client(tickets);
    ClientConfig legacy = withEms.withExtendedMasterSecret(false);
    Connection.run(legacy, server, NOW, 10);
    ResumableSession stored = withEms.sessionStore().get(WebPki.HOST, NOW).orElseThrow();
    assertThat(stored.session().extendedMasterSecret()).isFalse();

    // Client side: RFC 7627 §5.3 "The client SHOULD NOT offer an abbreviated handshake to
    // resume a session that does not use an extended master secret."
    Connection fresh = Connection.run(withEms, server, NOW, 20);
    assertThat(fresh.clientHello().sessionId()).isEmpty();
    assertThat(fresh.clientEstablished().resumed()).isFalse();

    // Server side, with the offer of the session without EMS built by hand: the server still
    // knows it, but answers with a full handshake.
    byte[] sessionId = tickets ? filled(32, 9) : stored.session().sessionId();
    if (!tickets) {
      assertThat(server.sessionCache().get(sessionId, NOW)).isPresent();
    }
    ClientHello hello = ClientOffer.of(withEms, ProtocolVersion.TLS12, filled(32, 1),
        Optional.of(new ResumptionOffer(stored, sessionId, stored.ticket()))).hello();
    assertThat(hello.extensionsOrEmpty().find(ExtendedMasterSecret.class)).isPresent();
    TlsEndpoint endpoint = Tls12.server(server, Pipe.seeded(40), NOW);
    endpoint.receive(record(hello));
    List<TlsEvent> events = endpoint.drainEvents();
    assertThat(Connection.sent(events)).containsExactly(
        "server_hello", "certificate", "server_key_exchange", "server_hello_done");
    ServerHello answer = ServerHello.decode(
        Connection.firstFrame(endpoint.drainOutput()).body());
    assertThat(answer.sessionId()).isNotEqualTo(sessionId);
  }

  @Test
  void legacyResumptionWithoutEmsOnEitherSideIsAllowed() {
    ClientConfig legacy = TestPki.client12().withExtendedMasterSecret(false);
    ServerConfig server = server(false);
    Connection.run(legacy, server, NOW, 10);
    Connection resumed = Connection.run(legacy, server, NOW, 20);
    assertThat(resumed.clientEstablished().resumed()).isTrue();
    assertThat(resumed.clientEstablished().extendedMasterSecret()).isFalse();
    assertThat(resumed.serverEstablished().extendedMasterSecret()).isFalse();
  }

  @Test
  void aServerThatIgnoresEmsResumesItsOwnSessions() {
    ServerConfig legacyServer = server(false).withExtendedMasterSecret(false);
    ClientConfig legacyClient = TestPki.client12().withExtendedMasterSecret(false);
    Connection.run(legacyClient, legacyServer, NOW, 10);
    assertThat(Connection.run(legacyClient, legacyServer, NOW, 20).clientEstablished().resumed())
        .isTrue();
  }

  @Test
  void clientAbortsWhenTheServerResumesAnEmsSessionWithoutEms() throws Exception {
    ClientConfig client = client(false);
    Connection.run(client, server(false), NOW, 10);
    TlsEndpoint resuming = Tls12.client(client, Pipe.seeded(20), NOW);
    resuming.start();
    ClientHello hello = ClientHello.decode(
        Connection.firstFrame(resuming.drainOutput()).body());
    SessionParameters session = client.sessionStore().get(WebPki.HOST, NOW).orElseThrow()
        .session();
    assertThat(hello.sessionId()).isEqualTo(session.sessionId());

    resuming.receive(record(serverHello(hello, session.suite(), false)));
    assertThat(Pipe.of(resuming.drainEvents(), TlsEvent.AlertSent.class)).singleElement()
        .satisfies(a -> {
          assertThat(a.description()).isEqualTo(AlertDescription.HANDSHAKE_FAILURE);
          assertThat(a.reason()).contains("RFC 7627 §5.3");
        });
    assertThat(resuming.closed()).isTrue();
  }

  @Test
  void clientRefusesAResumptionWithAnotherCipherSuite() throws Exception {
    ClientConfig client = client(false);
    Connection.run(client, server(false), NOW, 10);
    TlsEndpoint resuming = Tls12.client(client, Pipe.seeded(20), NOW);
    resuming.start();
    ClientHello hello = ClientHello.decode(
        Connection.firstFrame(resuming.drainOutput()).body());
    resuming.receive(record(serverHello(hello,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, true)));
    // RFC 5246 §7.4.1.3: a resumed session keeps its cipher suite.
    assertThat(Pipe.of(resuming.drainEvents(), TlsEvent.AlertSent.class)).singleElement()
        .extracting(TlsEvent.AlertSent::description)
        .isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
  }

  private static ServerHello serverHello(ClientHello hello, CipherSuite suite, boolean ems) {
    List<Extension> extensions = new ArrayList<>(List.of(RenegotiationInfo.initial()));
    if (ems) {
      extensions.add(new ExtendedMasterSecret());
    }
    return ServerHello.of(ProtocolVersion.TLS12, filled(32, 5), hello.sessionId(), suite,
        new Extensions(extensions));
  }

  private static byte[] record(HandshakeMessage message) {
    return new TlsRecord(ContentType.HANDSHAKE, ProtocolVersion.TLS12, message.encode()).encode();
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

}
