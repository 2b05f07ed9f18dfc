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
import dev.tlssim.tls.testing.TlsAssertions;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.EcPointFormats;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.RecordFragmenter;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.TlsRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TLS 1.2 negotiation failures and input that is wrong for the state: each ends in the RFC's
 * alert. Malformed input that both versions refuse alike is in {@code core/HandshakeMatrixTest}.
 */
class NegotiationAndMalformedInputTest {

  private static TlsEndpoint startedClient(ClientConfig config) {
    TlsEndpoint client = Tls12.client(config, Pipe.seeded(41), WebPki.NOW);
    client.start();
    return client;
  }

  private static TlsEndpoint server() {
    return Tls12.server(TestPki.rsaServer12(), Pipe.seeded(42), WebPki.NOW);
  }

  /** The endpoint sent exactly one alert, this fatal one, as a plaintext alert record, and is closed. */
  private static void assertFailedWith(TlsEndpoint endpoint, AlertDescription alert) {
    TlsAssertions.assertFailedWith(endpoint, alert, ContentType.ALERT);
  }

  private static byte[] record(ContentType type, ProtocolVersion version, byte[] payload) {
    return new TlsRecord(type, version, payload).encode();
  }

  private static byte[] handshakeRecord(HandshakeMessage... messages) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    new RecordFragmenter(ProtocolVersion.TLS12).fragmentHandshake(List.of(messages))
        .forEach(r -> out.writeBytes(r.encode()));
    return out.toByteArray();
  }

  @Test
  void clientBelowServerMinimumGetsProtocolVersion() {
    TlsEndpoint client = startedClient(
        TestPki.client12().withVersions(ProtocolVersion.TLS10, ProtocolVersion.TLS11));
    TlsEndpoint server = server();
    server.receive(client.drainOutput());
    assertFailedWith(server, AlertDescription.PROTOCOL_VERSION);
  }

  @Test
  void clientSeesTheServersProtocolVersionAlert() {
    TlsEndpoint client = startedClient(
        TestPki.client12().withVersions(ProtocolVersion.TLS10, ProtocolVersion.TLS11));
    TlsEndpoint server = server();
    Pipe.run(client, server);
    assertThat(client.closed()).isTrue();
    assertThat(client.drainEvents()).contains(
        new TlsEvent.AlertReceived(AlertDescription.PROTOCOL_VERSION, true),
        new TlsEvent.Closed("alert:protocol_version"));
  }

  @Test
  void serverAboveClientMaximumIsRefusedByTheClient() {
    TlsEndpoint client = startedClient(TestPki.client12());
    ServerHello hello = ServerHello.of(ProtocolVersion.TLS11, new byte[32], new byte[0],
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, Extensions.EMPTY);
    client.receive(handshakeRecord(hello));
    assertFailedWith(client, AlertDescription.PROTOCOL_VERSION);
  }

  @Test
  void noCommonSuiteIsHandshakeFailure() {
    TlsEndpoint client = startedClient(TestPki.client12().withCipherSuites(
        List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)));
    TlsEndpoint server = Tls12.server(TestPki.rsaServer12().withCipherSuites(
        List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)), Pipe.seeded(1), WebPki.NOW);
    server.receive(client.drainOutput());
    assertFailedWith(server, AlertDescription.HANDSHAKE_FAILURE);
  }

  @Test
  void suiteTheKeyCannotServeIsHandshakeFailure() {
    TlsEndpoint client = startedClient(TestPki.client12().withCipherSuites(List.of(
        CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)));
    TlsEndpoint server = Tls12.server(TestPki.ecServer12(), Pipe.seeded(1), WebPki.NOW);
    server.receive(client.drainOutput());
    assertFailedWith(server, AlertDescription.HANDSHAKE_FAILURE);
  }

  @Test
  void ecdsaCertificateCurveMustBeInSupportedGroups() {
    TlsEndpoint client = startedClient(TestPki.client12()
        .withCipherSuites(List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256))
        .withGroups(List.of(dev.tlssim.tls.NamedGroup.X25519)));
    TlsEndpoint server = Tls12.server(TestPki.ecServer12(), Pipe.seeded(1), WebPki.NOW);
    server.receive(client.drainOutput());
    assertFailedWith(server, AlertDescription.HANDSHAKE_FAILURE);
  }

  @Test
  void serverPickingAnUnofferedSuiteIsIllegalParameter() {
    TlsEndpoint client = startedClient(TestPki.client12().withCipherSuites(
        List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)));
    client.receive(handshakeRecord(ServerHello.of(ProtocolVersion.TLS12, new byte[32],
        new byte[0], CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, Extensions.EMPTY)));
    assertFailedWith(client, AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void serverPickingCompressionIsIllegalParameter() {
    TlsEndpoint client = startedClient(TestPki.client12());
    client.receive(handshakeRecord(new ServerHello(ProtocolVersion.TLS12, new byte[32],
        new byte[0], CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.code(), 1,
        java.util.Optional.empty())));
    assertFailedWith(client, AlertDescription.ILLEGAL_PARAMETER);
  }

  @Test
  void unsolicitedServerExtensionIsUnsupportedExtension() {
    TlsEndpoint client = startedClient(TestPki.client12().withCipherSuites(
        List.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)));
    client.receive(handshakeRecord(ServerHello.of(ProtocolVersion.TLS12, new byte[32],
        new byte[0], CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
        Extensions.of(EcPointFormats.uncompressedOnly()))));
    assertFailedWith(client, AlertDescription.UNSUPPORTED_EXTENSION);
  }






  @Test
  void changeCipherSpecBeforeClientKeyExchangeIsUnexpectedMessage() {
    TlsEndpoint client = startedClient(TestPki.client12());
    TlsEndpoint server = server();
    server.receive(client.drainOutput());
    server.drainEvents();
    server.drainOutput();
    server.receive(record(ContentType.CHANGE_CIPHER_SPEC, ProtocolVersion.TLS12, new byte[] {1}));
    assertFailedWith(server, AlertDescription.UNEXPECTED_MESSAGE);
  }

  @Test
  void nonEmptyServerHelloDoneIsDecodeError() {
    TlsEndpoint client = startedClient(TestPki.client12().withCipherSuites(
        List.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)));
    TlsEndpoint server = server();
    server.receive(client.drainOutput());
    byte[] flight = server.drainOutput();
    // Rewrite the last message (server_hello_done, 4 bytes) into one with a 1-byte body.
    byte[] bad = java.util.Arrays.copyOf(flight, flight.length + 1);
    bad[4] = (byte) (bad[4] + 1);
    bad[bad.length - 2] = 1;
    client.receive(bad);
    assertFailedWith(client, AlertDescription.DECODE_ERROR);
  }

  @Test
  void clientHelloWithoutNullCompressionIsIllegalParameter() {
    TlsEndpoint server = server();
    ClientHello hello = new ClientHello(ProtocolVersion.TLS12, new byte[32], new byte[0],
        List.of(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256.code()), List.of(1),
        java.util.Optional.empty());
    server.receive(handshakeRecord(hello));
    assertFailedWith(server, AlertDescription.ILLEGAL_PARAMETER);
  }


  @Test
  void unprotectedRecordAfterTheHandshakeIsBadRecordMac() {
    TlsEndpoint client = startedClient(TestPki.client12());
    TlsEndpoint server = server();
    Pipe.run(client, server);
    assertThat(server.established()).isTrue();
    server.drainEvents();
    TlsEndpoint another = startedClient(TestPki.client12());
    // A plaintext client_hello where only protected records may arrive (RFC 5246 §6.2.3).
    server.receive(another.drainOutput());
    assertFailedWith(server, AlertDescription.BAD_RECORD_MAC);
  }
}
