package dev.tlssim.tls.handshake13;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.crypto.EcdheKeyPair;
import dev.tlssim.tls.handshake.TlsEvent;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.KeyShareClientHello;
import dev.tlssim.tls.wire.KeyShareEntry;
import dev.tlssim.tls.wire.RecordReader;
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
  void clientHelloWithNoShareInAServerGroupIsHandshakeFailureUntilHelloRetryRequestIsBuilt() {
    // The client supports x25519, which the server takes, but sent a share for secp256r1 only: a
    // HelloRetryRequest (RFC 8446 §4.1.4) would fix that; without it, handshake_failure (§4.1.1).
    KeyShareClientHello p256Only = KeyShareClientHello.of(KeyShareEntry.of(NamedGroup.SECP256R1,
        EcdheKeyPair.generate(NamedGroup.SECP256R1, Tls13Pipe.seeded(4)).publicKey()));
    Tls13Endpoint server = Tls13Endpoint.server(
        Tls13TestPki.ecServer().withGroups(List.of(NamedGroup.X25519)), Tls13Pipe.seeded(1));
    assertServerAlert(server, clientHello(SUITES, TLS13, GROUPS, SCHEMES, p256Only), AlertDescription.HANDSHAKE_FAILURE);
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
    Tls13Endpoint server = Tls13Endpoint.server(Tls13TestPki.ecServer(), Tls13Pipe.seeded(1));
    ScriptedClient client = new ScriptedClient();
    server.receive(client.hello());

    server.receive(client.wrongFinished(server.drainOutput()));

    List<TlsEvent> events = server.drainEvents();
    assertThat(Tls13Pipe.of(events, TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description, TlsEvent.AlertSent::fatal)
        .containsExactly(tuple(AlertDescription.DECRYPT_ERROR, true));
    assertThat(Tls13Pipe.received(events)).containsExactly("client_hello", "finished");
    assertThat(server.established()).isFalse();
    assertThat(server.closed()).isTrue();
  }

  // ---- the record layer ----

  @Test
  void tamperedEncryptedRecordIsBadRecordMacAndTheAlertReachesThePeerUnderHandshakeKeys() {
    Tls13Endpoint server = Tls13Endpoint.server(Tls13TestPki.ecServer(), Tls13Pipe.seeded(1));
    Tls13Endpoint client = Tls13Endpoint.client(Tls13TestPki.client(), Tls13Pipe.seeded(2), Tls13TestPki.NOW);
    client.start();
    server.receive(client.drainOutput());
    byte[] flight = server.drainOutput();
    flight[flight.length - 1] ^= 1; // the last byte of the Finished record's AEAD tag

    client.receive(flight);

    List<TlsEvent> events = client.drainEvents();
    assertThat(Tls13Pipe.of(events, TlsEvent.AlertSent.class)).singleElement()
        .satisfies(a -> {
          assertThat(a.description()).isEqualTo(AlertDescription.BAD_RECORD_MAC);
          assertThat(a.fatal()).isTrue();
        });
    assertThat(Tls13Pipe.received(events)).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "certificate", "certificate_verify");
    assertThat(client.closed()).isTrue();
    byte[] alert = client.drainOutput();
    // One protected record: alert(2) + inner type(1) + tag(16) behind an application_data header.
    assertThat(Arrays.copyOf(alert, 5)).containsExactly(23, 3, 3, 0, 19);
    assertThat(alert).hasSize(24);

    server.receive(alert);
    assertThat(Tls13Pipe.of(server.drainEvents(), TlsEvent.AlertReceived.class))
        .containsExactly(new TlsEvent.AlertReceived(AlertDescription.BAD_RECORD_MAC, true));
    assertThat(server.closed()).isTrue();
  }

  @Test
  void tamperedClientFinishedRecordIsBadRecordMacAtTheServer() {
    Tls13Endpoint server = Tls13Endpoint.server(Tls13TestPki.ecServer(), Tls13Pipe.seeded(1));
    Tls13Endpoint client = Tls13Endpoint.client(Tls13TestPki.client(), Tls13Pipe.seeded(2), Tls13TestPki.NOW);
    client.start();
    server.receive(client.drainOutput());
    client.receive(server.drainOutput());
    byte[] finished = client.drainOutput();
    finished[finished.length - 20] ^= (byte) 0x80; // in the ciphertext of the Finished record

    server.receive(finished);

    assertThat(Tls13Pipe.of(server.drainEvents(), TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description).containsExactly(AlertDescription.BAD_RECORD_MAC);
    assertThat(server.established()).isFalse();
  }

  @Test
  void handshakeBytesAfterServerHelloInItsRecordAreUnexpectedMessage() throws Exception {
    // RFC 8446 §5.1: handshake messages must not span a key change; ServerHello is the last
    // message under no keys, so bytes after it in the same record are an unexpected_message.
    Tls13Endpoint server = Tls13Endpoint.server(Tls13TestPki.ecServer(), Tls13Pipe.seeded(1));
    Tls13Endpoint client = Tls13Endpoint.client(Tls13TestPki.client(), Tls13Pipe.seeded(2), Tls13TestPki.NOW);
    client.start();
    server.receive(client.drainOutput());
    RecordReader reader = new RecordReader();
    reader.feed(server.drainOutput());
    TlsRecord serverHello = reader.next().orElseThrow();
    byte[] extended = Arrays.copyOf(serverHello.fragment(), serverHello.length() + 2);
    extended[serverHello.length()] = 8; // the start of an encrypted_extensions header

    client.receive(new TlsRecord(ContentType.HANDSHAKE, ProtocolVersion.TLS12, extended).encode());

    List<TlsEvent> events = client.drainEvents();
    assertThat(Tls13Pipe.of(events, TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description).containsExactly(AlertDescription.UNEXPECTED_MESSAGE);
    assertThat(Tls13Pipe.received(events)).containsExactly("server_hello");
  }

  // ---- middlebox-compatibility change_cipher_spec (RFC 8446 §5, §D.4) ----

  @Test
  void changeCipherSpecAfterTheHandshakeIsUnexpectedMessage() {
    Tls13Endpoint server = Tls13Endpoint.server(Tls13TestPki.ecServer(), Tls13Pipe.seeded(1));
    Tls13Endpoint client = Tls13Endpoint.client(Tls13TestPki.client(), Tls13Pipe.seeded(2), Tls13TestPki.NOW);
    client.start();
    Tls13Pipe.run(client, server);
    server.drainEvents();

    server.receive(new TlsRecord(ContentType.CHANGE_CIPHER_SPEC, ProtocolVersion.TLS12, new byte[] {1}).encode());

    assertThat(Tls13Pipe.of(server.drainEvents(), TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description).containsExactly(AlertDescription.UNEXPECTED_MESSAGE);
  }

  @Test
  void changeCipherSpecOtherThanOneByteOfOneIsUnexpectedMessage() {
    Tls13Endpoint server = Tls13Endpoint.server(Tls13TestPki.ecServer(), Tls13Pipe.seeded(1));
    Tls13Endpoint client = Tls13Endpoint.client(Tls13TestPki.client(), Tls13Pipe.seeded(2), Tls13TestPki.NOW);
    client.start();
    server.receive(client.drainOutput());
    server.drainEvents();

    server.receive(new TlsRecord(ContentType.CHANGE_CIPHER_SPEC, ProtocolVersion.TLS12, new byte[] {2}).encode());

    assertThat(Tls13Pipe.of(server.drainEvents(), TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description).containsExactly(AlertDescription.UNEXPECTED_MESSAGE);
  }

  // ---- helpers ----

  private static final List<Integer> SUITES = List.of(Tls13CipherSuite.TLS_AES_128_GCM_SHA256.code());

  private static KeyShareClientHello x25519Share() {
    return KeyShareClientHello.of(KeyShareEntry.of(NamedGroup.X25519,
        EcdheKeyPair.generate(NamedGroup.X25519, Tls13Pipe.seeded(3)).publicKey()));
  }

  private static ClientHello clientHello(List<Integer> suites, Extension... extensions) {
    List<Extension> list = new ArrayList<>(List.of(ServerName.of(Tls13TestPki.HOST)));
    list.addAll(List.of(extensions));
    return new ClientHello(ProtocolVersion.TLS12, new byte[32], new byte[0], suites,
        List.of(ClientHello.COMPRESSION_NULL), Optional.of(new Extensions(list)));
  }

  private static void assertServerAlert(ClientHello hello, AlertDescription expected) {
    assertServerAlert(Tls13Endpoint.server(Tls13TestPki.ecServer(), Tls13Pipe.seeded(1)), hello, expected);
  }

  /** The server answers {@code hello} with exactly one plaintext fatal alert record and closes. */
  private static void assertServerAlert(Tls13Endpoint server, ClientHello hello, AlertDescription expected) {
    server.receive(new TlsRecord(ContentType.HANDSHAKE, ProtocolVersion.TLS12, hello.encode()).encode());

    assertThat(server.drainOutput()).containsExactly(21, 3, 3, 0, 2, 2, expected.code());
    assertThat(Tls13Pipe.of(server.drainEvents(), TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description, TlsEvent.AlertSent::fatal)
        .containsExactly(tuple(expected, true));
    assertThat(server.closed()).isTrue();
  }

  private static void assertClientAlert(ScriptedServer.Fault fault, AlertDescription expected) throws Exception {
    Tls13Endpoint client = Tls13Endpoint.client(Tls13TestPki.client(), Tls13Pipe.seeded(2), Tls13TestPki.NOW);
    client.start();

    client.receive(ScriptedServer.respond(client.drainOutput(), fault));

    List<TlsEvent> events = client.drainEvents();
    assertThat(Tls13Pipe.of(events, TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description, TlsEvent.AlertSent::fatal)
        .containsExactly(tuple(expected, true));
    assertThat(Tls13Pipe.of(events, TlsEvent.Closed.class))
        .containsExactly(new TlsEvent.Closed("alert:" + expected.rfcName()));
    assertThat(client.established()).isFalse();
  }
}
