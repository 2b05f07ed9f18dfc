package dev.tlssim.tls.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlssim.pki.CertificateAuthority;
import dev.tlssim.pki.CertificateChain;
import dev.tlssim.pki.CertificateProfile;
import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.VerificationPolicy;
import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.testing.Peers;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.Suites;
import dev.tlssim.tls.testing.TlsAssertions;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.v12.ClientConfig;
import dev.tlssim.tls.v12.ServerConfig;
import dev.tlssim.tls.v12.Tls12;
import dev.tlssim.tls.v13.Tls13;
import dev.tlssim.tls.v13.Tls13ClientConfig;
import dev.tlssim.tls.v13.Tls13ServerConfig;
import dev.tlssim.tls.v13.Tls13Parameters;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.TlsRecord;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Handshake cases that hold in both versions, each run over the versions it applies to: a case
 * names its versions and its check; the matrix is case × version (the shape of BouncyCastle's
 * TlsTestSuite over TlsTestConfig). What differs by version is in the expected values, written
 * where the RFCs differ.
 */
class HandshakeMatrixTest {
  private static final Set<ProtocolVersion> BOTH = Set.of(ProtocolVersion.TLS12, ProtocolVersion.TLS13);

  /** One check, run with one version and, for a case run per offer, one of its offers. */
  @FunctionalInterface
  interface Check {
    void run(ProtocolVersion version, Suites.Offer offer);
  }

  /**
   * A case: its name, the versions it applies to, whether it runs once per suite × group × key
   * the version negotiates ({@link Suites}) or once with the defaults, and what it checks.
   */
  record HandshakeCase(String name, Set<ProtocolVersion> versions, boolean perOffer, Check check) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static HandshakeCase once(String name, java.util.function.Consumer<ProtocolVersion> check) {
    return new HandshakeCase(name, BOTH, false, (v, offer) -> check.accept(v));
  }

  private static HandshakeCase perOffer(String name, Check check) {
    return new HandshakeCase(name, BOTH, true, check);
  }

  static List<HandshakeCase> cases() {
    return List.of(
        once("a seeded run replays byte for byte, another seed does not",
            HandshakeMatrixTest::seededRunsAreByteIdentical),
        once("bytes one at a time, RSA server", v -> byteAtATime(v, Peers.Key.RSA)),
        once("bytes one at a time, ECDSA server", v -> byteAtATime(v, Peers.Key.EC)),
        once("application data before the handshake is refused",
            HandshakeMatrixTest::writeBeforeEstablishedIsRejected),
        once("the server's close_notify is answered", v -> closeNotifyIsAnswered(v, true)),
        once("the client's close_notify is answered", v -> closeNotifyIsAnswered(v, false)),
        once("untrusted root: unknown_ca from the chain check", v -> assertRejected(v,
            rejected(v, WebPki.HOST, WebPki.strictVerifier(), IMPOSTOR_CHAIN, WebPki.RSA_LEAF_KEY.getPrivate(),
                WebPki.NOW), AlertDescription.UNKNOWN_CA, "chain")),
        once("expired certificate: certificate_expired from the validity check", v -> assertRejected(v,
            rejected(v, WebPki.HOST, WebPki.strictVerifier(), WebPki.RSA_CHAIN, WebPki.RSA_LEAF_KEY.getPrivate(),
                WebPki.NOT_AFTER.plus(Duration.ofDays(1))), AlertDescription.CERTIFICATE_EXPIRED, "validity")),
        once("wrong host: bad_certificate from the hostname check", v -> assertRejected(v,
            rejected(v, "wrong.example.org", WebPki.strictVerifier(), WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate(),
                WebPki.NOW), AlertDescription.BAD_CERTIFICATE, "hostname")),
        once("accept-anything policy lets an impostor for another host through",
            HandshakeMatrixTest::acceptAnythingLetsAnImpostorThrough),
        once("a record of no known content type: unexpected_message", v -> {
          TlsEndpoint server = Peers.server(v, Peers.Key.RSA, 42);
          server.receive(new byte[] {(byte) 0x99, 3, 3, 0, 2, 1, 2});
          TlsAssertions.assertFailedWith(server, AlertDescription.UNEXPECTED_MESSAGE, ContentType.ALERT);
        }),
        // 0x4801 = 18433 bytes: more than RFC 5246 §6.2.1 (2^14 + 2048) and RFC 8446 §5.1 allow.
        once("an oversized record: record_overflow", v -> {
          TlsEndpoint client = startedClient(v);
          client.receive(new byte[] {22, 3, 3, (byte) 0x48, 1});
          TlsAssertions.assertFailedWith(client, AlertDescription.RECORD_OVERFLOW, ContentType.ALERT);
        }),
        once("a ClientHello sent to a client: unexpected_message", v -> {
          TlsEndpoint client = startedClient(v);
          client.receive(startedClient(v).drainOutput());
          TlsAssertions.assertFailedWith(client, AlertDescription.UNEXPECTED_MESSAGE, ContentType.ALERT);
        }),
        once("Finished as the first message: unexpected_message", v -> {
          TlsEndpoint server = Peers.server(v, Peers.Key.RSA, 42);
          server.receive(new TlsRecord(ContentType.HANDSHAKE, ProtocolVersion.TLS12,
              HandshakeFrame.frame(HandshakeType.FINISHED, new byte[12]).raw()).encode());
          TlsAssertions.assertFailedWith(server, AlertDescription.UNEXPECTED_MESSAGE, ContentType.ALERT);
        }),
        once("application data before the handshake: unexpected_message", v -> {
          TlsEndpoint client = startedClient(v);
          client.receive(new TlsRecord(ContentType.APPLICATION_DATA, ProtocolVersion.TLS12, new byte[] {1}).encode());
          TlsAssertions.assertFailedWith(client, AlertDescription.UNEXPECTED_MESSAGE, ContentType.ALERT);
        }),
        once("a fatal alert from the peer closes the endpoint", HandshakeMatrixTest::peerFatalAlertCloses),
        once("change_cipher_spec after the handshake: refused", v -> {
          TlsEndpoint client = startedClient(v);
          TlsEndpoint server = Peers.server(v, Peers.Key.RSA, 42);
          Pipe.run(client, server);
          server.drainEvents();
          server.receive(new TlsRecord(ContentType.CHANGE_CIPHER_SPEC, ProtocolVersion.TLS12, new byte[] {1}).encode());
          // TLS 1.2: after the handshake every record must be protected, so a plaintext one
          // fails its MAC (RFC 5246 §6.2.3), bad_record_mac. TLS 1.3: change_cipher_spec is
          // never protected and is unexpected_message once the handshake is over (RFC 8446 §5);
          // the alert goes out under the application keys, an application_data record (§5.2).
          boolean tls13 = v.equals(ProtocolVersion.TLS13);
          TlsAssertions.assertFailedWith(server, tls13 ? AlertDescription.UNEXPECTED_MESSAGE : AlertDescription.BAD_RECORD_MAC,
              tls13 ? ContentType.APPLICATION_DATA : ContentType.ALERT);
        }),
        once("a tampered client Finished record: bad_record_mac at the server", v -> {
          TlsEndpoint client = startedClient(v);
          TlsEndpoint server = Peers.server(v, Peers.Key.RSA, 42);
          server.receive(client.drainOutput());
          client.receive(server.drainOutput());
          byte[] finished = client.drainOutput();
          finished[finished.length - 20] ^= (byte) 0x80; // in the ciphertext of the Finished record
          server.receive(finished);
          assertThat(Pipe.of(server.drainEvents(), TlsEvent.AlertSent.class))
              .extracting(TlsEvent.AlertSent::description).containsExactly(AlertDescription.BAD_RECORD_MAC);
          assertThat(server.established()).isFalse();
          assertThat(server.closed()).isTrue();
        }),
        perOffer("full handshake, flight by flight", (v, o) -> fullHandshakeFlightByFlight(o)),
        perOffer("established: parameters, data both ways, close", (v, o) -> establishedDataAndClose(o)));
  }

  static Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    for (HandshakeCase c : cases()) {
      for (ProtocolVersion v : List.of(ProtocolVersion.TLS12, ProtocolVersion.TLS13)) {
        if (!c.versions().contains(v)) {
          continue;
        }
        if (c.perOffer()) {
          for (Suites.Offer offer : Suites.of(v)) {
            rows.add(Arguments.of(c, v, offer));
          }
        } else {
          rows.add(Arguments.of(c, v, null));
        }
      }
    }
    return rows.stream();
  }

  private static final CertificateAuthority IMPOSTOR = CertificateAuthority.root(
      "Impostor Root", WebPki.KEYS.ecP256("impostor-root"),
      WebPki.NOW.minus(Duration.ofDays(100)), WebPki.NOW.plus(Duration.ofDays(100)));
  private static final CertificateChain IMPOSTOR_CHAIN = IMPOSTOR.chainFor(IMPOSTOR.issue(
      CertificateProfile.tlsServer(WebPki.HOST, WebPki.RSA_LEAF_KEY.getPublic(),
          WebPki.NOT_BEFORE, WebPki.NOT_AFTER).build()));

  /** A handshake between a client of {@code host} and {@code verifier} at {@code clientNow} and a server. */
  private record Outcome(TlsEndpoint client, TlsEndpoint server, List<TlsEvent> clientEvents,
      List<TlsEvent> serverEvents) {
    List<TlsEvent.CertificateCheck> checks() {
      return Pipe.of(clientEvents, TlsEvent.CertificateCheck.class);
    }
  }

  private static Outcome rejected(ProtocolVersion v, String host, CertificateVerifier verifier,
      CertificateChain chain, AsymmetricKeyParameter key, Instant clientNow) {
    boolean tls13 = v.equals(ProtocolVersion.TLS13);
    TlsEndpoint client = tls13
        ? Tls13.client(Tls13ClientConfig.defaults(host, verifier), Pipe.seeded(31), clientNow)
        : Tls12.client(ClientConfig.defaults(host, verifier), Pipe.seeded(31), clientNow);
    TlsEndpoint server = tls13
        ? Tls13.server(Tls13ServerConfig.defaults(chain, key), Pipe.seeded(32), WebPki.NOW)
        : Tls12.server(ServerConfig.defaults(chain, key), Pipe.seeded(32), WebPki.NOW);
    client.start();
    Pipe.run(client, server);
    return new Outcome(client, server, client.drainEvents(), server.drainEvents());
  }

  /**
   * The client refuses the server's certificate: all seven checks reported, exactly the named
   * one failed, before the one fatal alert that names it; the server receives the alert and both
   * close. The alert is the same in both versions (RFC 5246 §7.2.2, RFC 8446 §6.2). The
   * MessageSent events differ, not by RFC but by engine: the TLS 1.2 engine reports the alert
   * record as a MessageSent "alert" as well as an AlertSent; the TLS 1.3 engine reports it only
   * as AlertSent (and sends no compatibility change_cipher_spec before it).
   */
  private static void assertRejected(ProtocolVersion v, Outcome o, AlertDescription alert, String failedCheck) {
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
    assertThat(o.clientEvents().indexOf(o.checks().get(6)))
        .isLessThan(o.clientEvents().indexOf(sent.get(0)));
    assertThat(Pipe.sent(o.clientEvents())).containsExactlyElementsOf(v.equals(ProtocolVersion.TLS13)
        ? List.of("client_hello") : List.of("client_hello", "alert"));
    assertThat(o.serverEvents()).contains(new TlsEvent.AlertReceived(alert, true),
        new TlsEvent.Closed("alert:" + alert.rfcName()));
    assertThat(o.clientEvents()).endsWith(new TlsEvent.Closed("alert:" + alert.rfcName()));
  }

  private static void acceptAnythingLetsAnImpostorThrough(ProtocolVersion v) {
    Outcome o = rejected(v, "wrong.example.org", new CertificateVerifier(VerificationPolicy.acceptAnything()),
        IMPOSTOR_CHAIN, WebPki.RSA_LEAF_KEY.getPrivate(), WebPki.NOW.plus(Duration.ofDays(3650)));
    assertThat(o.client().established()).isTrue();
    assertThat(o.server().established()).isTrue();
    assertThat(o.checks()).extracting(TlsEvent.CertificateCheck::status).hasSize(7).containsOnly("skipped");
  }

  private static TlsEndpoint startedClient(ProtocolVersion v) {
    TlsEndpoint client = Peers.client(v, 41);
    client.start();
    return client;
  }

  private static void peerFatalAlertCloses(ProtocolVersion v) {
    TlsEndpoint client = startedClient(v);
    client.drainEvents();
    client.drainOutput();
    client.receive(new TlsRecord(ContentType.ALERT, ProtocolVersion.TLS12, new byte[] {2, 40}).encode());
    assertThat(client.closed()).isTrue();
    assertThat(client.drainEvents()).containsExactly(
        new TlsEvent.MessageReceived("alert", 2, new byte[] {2, 40}),
        new TlsEvent.AlertReceived(AlertDescription.HANDSHAKE_FAILURE, true),
        new TlsEvent.Closed("alert:handshake_failure"));
    assertThat(client.drainOutput()).isEmpty();
  }

  @ParameterizedTest(name = "{0} ({1}) {2}")
  @MethodSource("matrix")
  void handshake(HandshakeCase c, ProtocolVersion version, Suites.Offer offer) {
    c.check().run(version, offer);
  }

  /**
   * Each flight's messages and records, then the client's certificate checks. The flights are
   * the RFCs': RFC 5246 §7.3 (ServerKeyExchange only for an ephemeral key exchange; the whole
   * first server flight coalesced into one record, §6.2.1; the client waits for the server's
   * Finished) and RFC 8446 §2 (a 1-RTT handshake, the middlebox compatibility
   * change_cipher_spec of §D.4, everything after ServerHello in application_data records, §5.2;
   * the client is established once it has sent its Finished).
   */
  private static void fullHandshakeFlightByFlight(Suites.Offer o) {
    TlsEndpoint client = o.client(1);
    TlsEndpoint server = o.server(2);
    client.start();
    assertThat(Pipe.sent(client.drainEvents())).containsExactly("client_hello");
    server.receive(client.drainOutput());
    List<TlsEvent> serverFlight = server.drainEvents();
    byte[] serverBytes = server.drainOutput();
    if (o.tls13()) {
      assertThat(Pipe.sent(serverFlight)).containsExactly("server_hello", "change_cipher_spec",
          "encrypted_extensions", "certificate", "certificate_verify", "finished");
      assertThat(Pipe.records(serverBytes)).extracting(TlsRecord::type).containsExactly(
          ContentType.HANDSHAKE, ContentType.CHANGE_CIPHER_SPEC, ContentType.APPLICATION_DATA,
          ContentType.APPLICATION_DATA, ContentType.APPLICATION_DATA, ContentType.APPLICATION_DATA);
    } else {
      assertThat(Pipe.sent(serverFlight)).containsExactlyElementsOf(o.suite12().keyExchange().ephemeral()
          ? List.of("server_hello", "certificate", "server_key_exchange", "server_hello_done")
          : List.of("server_hello", "certificate", "server_hello_done"));
      assertThat(Pipe.records(serverBytes)).hasSize(1);
    }

    client.receive(serverBytes);
    List<TlsEvent> clientFlight = client.drainEvents();
    List<TlsRecord> clientRecords = Pipe.records(client.drainOutput());
    if (o.tls13()) {
      assertThat(Pipe.sent(clientFlight)).containsExactly("change_cipher_spec", "finished");
      assertThat(clientRecords).extracting(TlsRecord::type)
          .containsExactly(ContentType.CHANGE_CIPHER_SPEC, ContentType.APPLICATION_DATA);
    } else {
      assertThat(Pipe.sent(clientFlight)).containsExactly("client_key_exchange", "change_cipher_spec", "finished");
      assertThat(clientRecords).extracting(TlsRecord::type).containsExactly(
          ContentType.HANDSHAKE, ContentType.CHANGE_CIPHER_SPEC, ContentType.HANDSHAKE);
    }
    assertThat(Pipe.of(clientFlight, TlsEvent.CertificateCheck.class))
        .extracting(TlsEvent.CertificateCheck::status)
        .hasSize(7).doesNotContain("failed");
    assertThat(Pipe.of(clientFlight, TlsEvent.CertificateCheck.class))
        .extracting(TlsEvent.CertificateCheck::check)
        .containsExactly("chain", "signature", "validity", "basic_constraints", "key_usage", "hostname", "revocation");
    assertThat(client.established()).isEqualTo(o.tls13());
  }

  /**
   * Both ends established with the offer's parameters, the messages each received, no alert,
   * a request and 40,000 bytes back (three records of at most 2^14 bytes, RFC 5246 §6.2.1,
   * RFC 8446 §5.1), then close_notify both ways.
   */
  private static void establishedDataAndClose(Suites.Offer o) {
    TlsEndpoint client = o.client(3);
    TlsEndpoint server = o.server(4);
    client.start();
    server.receive(client.drainOutput());
    client.receive(server.drainOutput());
    server.receive(client.drainOutput());
    List<TlsEvent> serverEvents = new ArrayList<>(server.drainEvents());
    // TLS 1.2: the server's change_cipher_spec and Finished come last, answering the client's
    // (RFC 5246 §7.3); TLS 1.3: the server sent everything in its first flight (RFC 8446 §2).
    assertThat(Pipe.sent(serverEvents)).containsExactlyElementsOf(o.tls13()
        ? List.of("server_hello", "change_cipher_spec", "encrypted_extensions", "certificate",
            "certificate_verify", "finished")
        : o.suite12().keyExchange().ephemeral()
            ? List.of("server_hello", "certificate", "server_key_exchange", "server_hello_done",
                "change_cipher_spec", "finished")
            : List.of("server_hello", "certificate", "server_hello_done", "change_cipher_spec", "finished"));
    assertThat(server.established()).isTrue();
    client.receive(server.drainOutput());
    assertThat(client.established()).isTrue();
    List<TlsEvent> clientEvents = client.drainEvents();
    assertThat(Pipe.of(clientEvents, TlsEvent.AlertSent.class)).isEmpty();
    assertThat(Pipe.of(serverEvents, TlsEvent.AlertSent.class)).isEmpty();

    if (o.tls13()) {
      Tls13Parameters expected = new Tls13Parameters(o.suite13(), o.group(), o.scheme());
      assertThat(Tls13.parameters(client)).contains(expected);
      assertThat(Tls13.parameters(server)).contains(expected);
      assertThat(Pipe.received(serverEvents)).containsExactly("client_hello", "change_cipher_spec", "finished");
      assertThat(Pipe.received(clientEvents)).containsExactly("server_hello", "change_cipher_spec",
          "encrypted_extensions", "certificate", "certificate_verify", "finished");
    } else {
      TlsEvent.Established atClient = Pipe.of(clientEvents, TlsEvent.Established.class).get(0);
      TlsEvent.Established atServer = Pipe.of(serverEvents, TlsEvent.Established.class).get(0);
      assertThat(atClient.suite()).isEqualTo(o.suite12()).isEqualTo(atServer.suite());
      assertThat(atClient.version()).isEqualTo(ProtocolVersion.TLS12);
      assertThat(atClient.group()).isEqualTo(o.group()).isEqualTo(atServer.group());
      assertThat(atClient.extendedMasterSecret()).isTrue();
      assertThat(atServer.extendedMasterSecret()).isTrue();
      assertThat(atClient.sessionId()).hasSize(32).isEqualTo(atServer.sessionId());
      assertThat(Pipe.received(serverEvents))
          .containsExactly("client_hello", "client_key_exchange", "change_cipher_spec", "finished");
      assertThat(Pipe.received(clientEvents)).containsExactlyElementsOf(o.suite12().keyExchange().ephemeral()
          ? List.of("server_hello", "certificate", "server_key_exchange", "server_hello_done",
              "change_cipher_spec", "finished")
          : List.of("server_hello", "certificate", "server_hello_done", "change_cipher_spec", "finished"));
    }

    client.write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    server.receive(client.drainOutput());
    assertThat(Pipe.of(server.drainEvents(), TlsEvent.ApplicationData.class))
        .extracting(d -> new String(d.data(), StandardCharsets.US_ASCII))
        .containsExactly("GET / HTTP/1.1\r\n\r\n");
    byte[] big = new byte[40_000];
    Pipe.seeded(5).nextBytes(big);
    server.write(big);
    client.receive(server.drainOutput());
    List<TlsEvent.ApplicationData> received = Pipe.of(client.drainEvents(), TlsEvent.ApplicationData.class);
    assertThat(received).hasSize(3);
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    received.forEach(d -> joined.writeBytes(d.data()));
    assertThat(joined.toByteArray()).isEqualTo(big);

    client.close();
    assertThat(client.closed()).isFalse();
    server.receive(client.drainOutput());
    assertThat(server.closed()).isTrue();
    client.receive(server.drainOutput());
    assertThat(client.closed()).isTrue();
    assertThat(Pipe.of(client.drainEvents(), TlsEvent.Closed.class)).containsExactly(new TlsEvent.Closed("close_notify"));
    assertThat(Pipe.of(server.drainEvents(), TlsEvent.Closed.class)).containsExactly(new TlsEvent.Closed("close_notify"));
  }

  private static void seededRunsAreByteIdentical(ProtocolVersion v) {
    assertThat(wireOf(v, 11, 12)).isEqualTo(wireOf(v, 11, 12));
    assertThat(wireOf(v, 11, 12)).isNotEqualTo(wireOf(v, 11, 13));
  }

  /** Every byte both ways of a whole handshake between seeded peers. */
  private static byte[] wireOf(ProtocolVersion v, long clientSeed, long serverSeed) {
    TlsEndpoint client = Peers.client(v, clientSeed);
    TlsEndpoint server = Peers.server(v, Peers.Key.RSA, serverSeed);
    client.start();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (int round = 0; round < 5; round++) {
      byte[] toServer = client.drainOutput();
      wire.writeBytes(toServer);
      server.receive(toServer);
      byte[] toClient = server.drainOutput();
      wire.writeBytes(toClient);
      client.receive(toClient);
    }
    assertThat(client.established()).isTrue();
    return wire.toByteArray();
  }

  private static void byteAtATime(ProtocolVersion v, Peers.Key key) {
    TlsEndpoint client = Peers.client(v, 8);
    TlsEndpoint server = Peers.server(v, key, 9);
    client.start();
    for (int round = 0; round < 4; round++) {
      for (byte b : client.drainOutput()) {
        server.receive(new byte[] {b});
      }
      for (byte b : server.drainOutput()) {
        client.receive(new byte[] {b});
      }
    }
    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
  }

  private static void writeBeforeEstablishedIsRejected(ProtocolVersion v) {
    TlsEndpoint client = Peers.client(v, 1);
    client.start();
    assertThat(client.canWrite()).isFalse();
    assertThatThrownBy(() -> client.write(new byte[] {1})).isInstanceOf(IllegalStateException.class);
    assertThat(client.side()).isEqualTo(ConnectionEnd.CLIENT);
  }

  /**
   * RFC 5246 §7.2.1, RFC 8446 §6.1: the peer answers close_notify with its own and both ends are
   * closed, each reporting Closed once. The answer's reason differs: the TLS 1.2 engine names it
   * a response, the TLS 1.3 engine closes as if locally.
   */
  private static void closeNotifyIsAnswered(ProtocolVersion v, boolean serverCloses) {
    TlsEndpoint client = Peers.client(v, 1);
    TlsEndpoint server = Peers.server(v, Peers.Key.RSA, 2);
    client.start();
    Pipe.run(client, server);
    client.drainEvents();
    server.drainEvents();
    TlsEndpoint closer = serverCloses ? server : client;
    TlsEndpoint peer = serverCloses ? client : server;

    closer.close();
    assertThat(closer.closed()).isFalse();
    peer.receive(closer.drainOutput());
    assertThat(peer.closed()).isTrue();
    List<TlsEvent> peerEvents = peer.drainEvents();
    String answer = v.equals(ProtocolVersion.TLS12) ? "response to close_notify" : "local close";
    assertThat(peerEvents).contains(
        new TlsEvent.AlertReceived(AlertDescription.CLOSE_NOTIFY, false),
        new TlsEvent.AlertSent(AlertDescription.CLOSE_NOTIFY, false, answer),
        new TlsEvent.Closed("close_notify"));
    closer.receive(peer.drainOutput());
    assertThat(closer.closed()).isTrue();
    assertThat(Pipe.of(peerEvents, TlsEvent.Closed.class)).containsExactly(new TlsEvent.Closed("close_notify"));
    assertThat(Pipe.of(closer.drainEvents(), TlsEvent.Closed.class))
        .containsExactly(new TlsEvent.Closed("close_notify"));
    assertThatThrownBy(() -> closer.write(new byte[] {1})).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> peer.write(new byte[] {1})).isInstanceOf(IllegalStateException.class);
  }
}
