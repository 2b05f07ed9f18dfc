package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.crypto.EcdheKeyPair;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.HelloRetryRequest;
import dev.tlssim.tls.wire.KeyShareClientHello;
import dev.tlssim.tls.wire.KeyShareEntry;
import dev.tlssim.tls.wire.KeyShareHelloRetryRequest;
import dev.tlssim.tls.wire.RecordReader;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.ServerName;
import dev.tlssim.tls.wire.SignatureAlgorithms;
import dev.tlssim.tls.wire.SupportedGroups;
import dev.tlssim.tls.wire.SupportedVersions;
import dev.tlssim.tls.wire.TlsRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fatal alerts of RFC 8446 §6.2 where the handshake or the record layer must raise them. */
class Tls13AlertTest {
  private static final SupportedVersions.Offered TLS13 = SupportedVersions.Offered.of(ProtocolVersion.TLS13);
  private static final SupportedGroups GROUPS = SupportedGroups.of(NamedGroup.X25519, NamedGroup.SECP256R1);
  private static final SignatureAlgorithms SCHEMES = SignatureAlgorithms.of(SignatureScheme.ECDSA_SECP256R1_SHA256);

  // ---- the server judging a ClientHello ----

  @Test
  void clientHelloWithoutSupportedVersionsIsProtocolVersion() {
    assertServerAlert(clientHello(SUITES, GROUPS, SCHEMES, x25519Share()), AlertDescription.PROTOCOL_VERSION);
  }

  @Test
  void clientHelloOfferingOnlyTls12IsProtocolVersion() {
    assertServerAlert(clientHello(SUITES, SupportedVersions.Offered.of(ProtocolVersion.TLS12), GROUPS, SCHEMES,
        x25519Share()), AlertDescription.PROTOCOL_VERSION);
  }

  @Test
  void clientHelloWithoutKeyShareIsMissingExtension() {
    assertServerAlert(clientHello(SUITES, TLS13, GROUPS, SCHEMES), AlertDescription.MISSING_EXTENSION);
  }

  @Test
  void clientHelloWithoutSupportedGroupsIsMissingExtension() {
    assertServerAlert(clientHello(SUITES, TLS13, SCHEMES, x25519Share()), AlertDescription.MISSING_EXTENSION);
  }

  @Test
  void clientHelloWithoutSignatureAlgorithmsIsMissingExtension() {
    assertServerAlert(clientHello(SUITES, TLS13, GROUPS, x25519Share()), AlertDescription.MISSING_EXTENSION);
  }

  @Test
  void clientHelloWithNoGroupTheServerTakesIsHandshakeFailure() {
    // The client supports secp256r1 only and the server x25519 only: no HelloRetryRequest can
    // help (RFC 8446 §4.1.4), so "unable to negotiate a supported set of parameters" (§4.1.1).
    TlsEndpoint server = Tls13.server(
        TestPki.ecServer13().withGroups(List.of(NamedGroup.X25519)), Pipe.seeded(1), WebPki.NOW);
    assertServerAlert(server, clientHello(SUITES, TLS13, SupportedGroups.of(NamedGroup.SECP256R1), SCHEMES,
        p256Share()), AlertDescription.HANDSHAKE_FAILURE);
  }

  // ---- the server judging a second ClientHello after its HelloRetryRequest (RFC 8446 §4.1.4) ----

  @Test
  void secondClientHelloWithAShareForTheWrongGroupIsIllegalParameter() {
    assertSecondClientHelloAlert(clientHello(SUITES, TLS13, GROUPS, SCHEMES, x25519Share()),
        AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void secondClientHelloWithMoreThanTheOneRequestedShareIsIllegalParameter() {
    KeyShareClientHello both = KeyShareClientHello.of(x25519Share().clientShares().get(0),
        p256Share().clientShares().get(0));
    assertSecondClientHelloAlert(clientHello(SUITES, TLS13, GROUPS, SCHEMES, both), AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void secondClientHelloWithoutTheRetrySuiteIsIllegalParameter() {
    assertSecondClientHelloAlert(clientHello(List.of(Tls13CipherSuite.TLS_AES_256_GCM_SHA384.code()), TLS13, GROUPS,
        SCHEMES, p256Share()), AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void aCorrectSecondClientHelloIsAnsweredWithServerHelloNotASecondRetry() {
    TlsEndpoint server = p256Server();
    server.receive(record(clientHello(SUITES, TLS13, GROUPS, SCHEMES, x25519Share())));
    server.drainEvents();

    server.receive(record(clientHello(SUITES, TLS13, GROUPS, SCHEMES, p256Share())));

    assertThat(Pipe.sent(server.drainEvents())).containsExactly("server_hello",
        "encrypted_extensions", "certificate", "certificate_verify", "finished");
    assertThat(Tls13.parameters(server).orElseThrow().group()).isEqualTo(NamedGroup.SECP256R1);
  }

  // ---- the client judging a HelloRetryRequest (RFC 8446 §4.1.4, §4.2.8) ----

  @Test
  void helloRetryRequestForAGroupTheClientAlreadySentAShareForIsIllegalParameter() throws Exception {
    // The default client sends shares for x25519 and secp256r1.
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(2), WebPki.NOW);
    client.start();
    byte[] sessionId = sentClientHello(client).sessionId();

    client.receive(record(helloRetryRequest(sessionId, NamedGroup.X25519.code())));

    assertClientAlertAfterHelloRetryRequest(client, AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void helloRetryRequestForAGroupNotInSupportedGroupsIsIllegalParameter() throws Exception {
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(2), WebPki.NOW);
    client.start();
    byte[] sessionId = sentClientHello(client).sessionId();

    client.receive(record(helloRetryRequest(sessionId, NamedGroup.SECP384R1.code())));

    assertClientAlertAfterHelloRetryRequest(client, AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void secondHelloRetryRequestIsUnexpectedMessage() throws Exception {
    TlsEndpoint client = Tls13.client(
        TestPki.client13().withKeyShareGroups(List.of(NamedGroup.X25519)), Pipe.seeded(2), WebPki.NOW);
    client.start();
    byte[] sessionId = sentClientHello(client).sessionId();
    client.receive(record(helloRetryRequest(sessionId, NamedGroup.SECP256R1.code())));
    assertThat(Pipe.sent(client.drainEvents())).containsExactly("change_cipher_spec", "client_hello");
    client.drainOutput();

    client.receive(record(helloRetryRequest(sessionId, NamedGroup.SECP256R1.code())));

    List<TlsEvent> events = client.drainEvents();
    assertThat(Pipe.received(events)).containsExactly("hello_retry_request");
    assertThat(Pipe.of(events, TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description, TlsEvent.AlertSent::fatal)
        .containsExactly(tuple(AlertDescription.UNEXPECTED_MESSAGE, true));
    assertThat(client.drainOutput()).containsExactly(21, 3, 3, 0, 2, 2, AlertDescription.UNEXPECTED_MESSAGE.code());
    assertThat(client.closed()).isTrue();
  }

  @Test
  void clientHelloWithNoCommonSuiteIsHandshakeFailure() {
    // TLS_AES_128_CCM_SHA256 (0x1304, RFC 8446 §B.4) is a TLS 1.3 suite this simulator lacks.
    assertServerAlert(clientHello(List.of(0x1304), TLS13, GROUPS,
        SCHEMES, x25519Share()), AlertDescription.HANDSHAKE_FAILURE);
  }

  // ---- the client judging the server's flight ----

  @Test
  void tamperedServerFinishedIsDecryptError() throws Exception {
    assertClientAlert(ScriptedServer.Fault.FINISHED_VERIFY_DATA, AlertDescription.DECRYPT_ERROR);
  }

  @Test
  void badCertificateVerifySignatureIsDecryptError() throws Exception {
    assertClientAlert(ScriptedServer.Fault.CERTIFICATE_VERIFY_SIGNATURE, AlertDescription.DECRYPT_ERROR);
  }

  @Test
  void wrongClientFinishedIsDecryptErrorAtTheServer() throws Exception {
    TlsEndpoint server = Tls13.server(TestPki.ecServer13(), Pipe.seeded(1), WebPki.NOW);
    ScriptedClient client = new ScriptedClient();
    server.receive(client.hello());

    server.receive(client.wrongFinished(server.drainOutput()));

    List<TlsEvent> events = server.drainEvents();
    assertThat(Pipe.of(events, TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description, TlsEvent.AlertSent::fatal)
        .containsExactly(tuple(AlertDescription.DECRYPT_ERROR, true));
    assertThat(Pipe.received(events)).containsExactly("client_hello", "finished");
    assertThat(server.established()).isFalse();
    assertThat(server.closed()).isTrue();
  }

  // ---- the record layer ----

  @Test
  void tamperedEncryptedRecordIsBadRecordMacAndTheAlertReachesThePeerUnderHandshakeKeys() {
    TlsEndpoint server = Tls13.server(TestPki.ecServer13(), Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(2), WebPki.NOW);
    client.start();
    server.receive(client.drainOutput());
    byte[] flight = server.drainOutput();
    flight[flight.length - 1] ^= 1; // the last byte of the Finished record's AEAD tag

    client.receive(flight);

    List<TlsEvent> events = client.drainEvents();
    assertThat(Pipe.of(events, TlsEvent.AlertSent.class)).singleElement()
        .satisfies(a -> {
          assertThat(a.description()).isEqualTo(AlertDescription.BAD_RECORD_MAC);
          assertThat(a.fatal()).isTrue();
        });
    assertThat(Pipe.received(events)).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "certificate", "certificate_verify");
    assertThat(client.closed()).isTrue();
    byte[] alert = client.drainOutput();
    // One protected record: alert(2) + inner type(1) + tag(16) behind an application_data header.
    assertThat(Arrays.copyOf(alert, 5)).containsExactly(23, 3, 3, 0, 19);
    assertThat(alert).hasSize(24);

    server.receive(alert);
    assertThat(Pipe.of(server.drainEvents(), TlsEvent.AlertReceived.class))
        .containsExactly(new TlsEvent.AlertReceived(AlertDescription.BAD_RECORD_MAC, true));
    assertThat(server.closed()).isTrue();
  }


  @Test
  void handshakeBytesAfterServerHelloInItsRecordAreUnexpectedMessage() throws Exception {
    // RFC 8446 §5.1: handshake messages must not span a key change; ServerHello is the last
    // message under no keys, so bytes after it in the same record are an unexpected_message.
    TlsEndpoint server = Tls13.server(TestPki.ecServer13(), Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(2), WebPki.NOW);
    client.start();
    server.receive(client.drainOutput());
    RecordReader reader = new RecordReader();
    reader.feed(server.drainOutput());
    TlsRecord serverHello = reader.next().orElseThrow();
    byte[] extended = Arrays.copyOf(serverHello.fragment(), serverHello.length() + 2);
    extended[serverHello.length()] = 8; // the start of an encrypted_extensions header

    client.receive(new TlsRecord(ContentType.HANDSHAKE, ProtocolVersion.TLS12, extended).encode());

    List<TlsEvent> events = client.drainEvents();
    assertThat(Pipe.of(events, TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description).containsExactly(AlertDescription.UNEXPECTED_MESSAGE);
    assertThat(Pipe.received(events)).containsExactly("server_hello");
  }

  // ---- middlebox-compatibility change_cipher_spec (RFC 8446 §5, §D.4) ----


  @Test
  void changeCipherSpecOtherThanOneByteOfOneIsUnexpectedMessage() {
    TlsEndpoint server = Tls13.server(TestPki.ecServer13(), Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(2), WebPki.NOW);
    client.start();
    server.receive(client.drainOutput());
    server.drainEvents();

    server.receive(new TlsRecord(ContentType.CHANGE_CIPHER_SPEC, ProtocolVersion.TLS12, new byte[] {2}).encode());

    assertThat(Pipe.of(server.drainEvents(), TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description).containsExactly(AlertDescription.UNEXPECTED_MESSAGE);
  }

  // ---- helpers ----

  private static TlsEndpoint p256Server() {
    return Tls13.server(TestPki.ecServer13().withGroups(List.of(NamedGroup.SECP256R1)), Pipe.seeded(1), WebPki.NOW);
  }

  private static KeyShareClientHello p256Share() {
    return KeyShareClientHello.of(KeyShareEntry.of(NamedGroup.SECP256R1,
        EcdheKeyPair.generate(NamedGroup.SECP256R1, Pipe.seeded(4)).publicKey()));
  }

  private static byte[] record(HandshakeMessage message) {
    return new TlsRecord(ContentType.HANDSHAKE, ProtocolVersion.TLS12, message.encode()).encode();
  }

  /** A HelloRetryRequest for TLS_AES_128_GCM_SHA256 whose key_share selects {@code group}. */
  private static ServerHello helloRetryRequest(byte[] sessionId, int group) {
    return HelloRetryRequest.of(sessionId, Tls13CipherSuite.TLS_AES_128_GCM_SHA256.code(), Extensions.of(
        SupportedVersions.Selected.of(ProtocolVersion.TLS13), new KeyShareHelloRetryRequest(group)));
  }

  /** The ClientHello {@code client} has queued, as the one plaintext record it has to send. */
  private static ClientHello sentClientHello(TlsEndpoint client) throws Exception {
    client.drainEvents();
    RecordReader reader = new RecordReader();
    reader.feed(client.drainOutput());
    byte[] message = reader.next().orElseThrow().fragment();
    return ClientHello.decode(Arrays.copyOfRange(message, 4, message.length));
  }

  private static void assertClientAlertAfterHelloRetryRequest(TlsEndpoint client, AlertDescription expected) {
    List<TlsEvent> events = client.drainEvents();
    assertThat(Pipe.received(events)).containsExactly("hello_retry_request");
    assertThat(Pipe.sent(events)).isEmpty();
    assertThat(Pipe.of(events, TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description, TlsEvent.AlertSent::fatal)
        .containsExactly(tuple(expected, true));
    assertThat(client.drainOutput()).containsExactly(21, 3, 3, 0, 2, 2, expected.code());
    assertThat(client.closed()).isTrue();
  }

  /**
   * A server taking secp256r1 only answers a ClientHello with an x25519 share by a
   * HelloRetryRequest selecting secp256r1, and then {@code second} with {@code expected}.
   */
  private static void assertSecondClientHelloAlert(ClientHello second, AlertDescription expected) {
    TlsEndpoint server = p256Server();
    server.receive(record(clientHello(SUITES, TLS13, GROUPS, SCHEMES, x25519Share())));
    assertThat(Pipe.sent(server.drainEvents())).containsExactly("hello_retry_request");
    server.drainOutput();

    assertServerAlert(server, second, expected);
  }

  private static final List<Integer> SUITES = List.of(Tls13CipherSuite.TLS_AES_128_GCM_SHA256.code());

  private static KeyShareClientHello x25519Share() {
    return KeyShareClientHello.of(KeyShareEntry.of(NamedGroup.X25519,
        EcdheKeyPair.generate(NamedGroup.X25519, Pipe.seeded(3)).publicKey()));
  }

  private static ClientHello clientHello(List<Integer> suites, Extension... extensions) {
    List<Extension> list = new ArrayList<>(List.of(ServerName.of(WebPki.HOST)));
    list.addAll(List.of(extensions));
    return new ClientHello(ProtocolVersion.TLS12, new byte[32], new byte[0], suites,
        List.of(ClientHello.COMPRESSION_NULL), Optional.of(new Extensions(list)));
  }

  private static void assertServerAlert(ClientHello hello, AlertDescription expected) {
    assertServerAlert(Tls13.server(TestPki.ecServer13(), Pipe.seeded(1), WebPki.NOW), hello, expected);
  }

  /** The server answers {@code hello} with exactly one plaintext fatal alert record and closes. */
  private static void assertServerAlert(TlsEndpoint server, ClientHello hello, AlertDescription expected) {
    server.receive(new TlsRecord(ContentType.HANDSHAKE, ProtocolVersion.TLS12, hello.encode()).encode());

    assertThat(server.drainOutput()).containsExactly(21, 3, 3, 0, 2, 2, expected.code());
    assertThat(Pipe.of(server.drainEvents(), TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description, TlsEvent.AlertSent::fatal)
        .containsExactly(tuple(expected, true));
    assertThat(server.closed()).isTrue();
  }

  private static void assertClientAlert(ScriptedServer.Fault fault, AlertDescription expected) throws Exception {
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(2), WebPki.NOW);
    client.start();

    client.receive(ScriptedServer.respond(client.drainOutput(), fault));

    List<TlsEvent> events = client.drainEvents();
    assertThat(Pipe.of(events, TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description, TlsEvent.AlertSent::fatal)
        .containsExactly(tuple(expected, true));
    assertThat(Pipe.of(events, TlsEvent.Closed.class))
        .containsExactly(new TlsEvent.Closed("alert:" + expected.rfcName()));
    assertThat(client.established()).isFalse();
  }
}
