package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.EventQueue;
import dev.tlssim.tls.core.FragmentLimit;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.ExtensionContext;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HelloRetryRequest;
import dev.tlssim.tls.wire.KeyShareHelloRetryRequest;
import dev.tlssim.tls.wire.RecordReader;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.SupportedVersions;
import dev.tlssim.tls.wire.Tls13Extensions;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HelloRetryRequest between our client and our server (RFC 8446 §4.1.4, Figure 2). */
class Tls13HelloRetryRequestTest {
  /** A client that supports both groups but sends a share for x25519 only. */
  private static TlsEndpoint x25519ShareClient() {
    return Tls13.client(TestPki.client13().withKeyShareGroups(List.of(NamedGroup.X25519)),
        Pipe.seeded(2), WebPki.NOW);
  }

  /** A server that takes secp256r1 only. */
  private static TlsEndpoint p256Server() {
    return Tls13.server(TestPki.ecServer13().withGroups(List.of(NamedGroup.SECP256R1)), Pipe.seeded(1), WebPki.NOW);
  }

  @Test
  void aClientWithoutAShareInTheServersGroupIsAskedForOneAndTheHandshakeCompletes() {
    TlsEndpoint server = p256Server();
    TlsEndpoint client = x25519ShareClient();
    client.start();
    Pipe.run(client, server);

    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    Tls13Parameters expected = new Tls13Parameters(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.SECP256R1,
        SignatureScheme.ECDSA_SECP256R1_SHA256);
    assertThat(Tls13.parameters(client)).contains(expected);
    assertThat(Tls13.parameters(server)).contains(expected);

    List<TlsEvent> clientEvents = client.drainEvents();
    List<TlsEvent> serverEvents = server.drainEvents();
    // RFC 8446 §D.4: each side's one compatibility change_cipher_spec goes after the server's
    // first handshake message (here the HelloRetryRequest) and before the client's second flight
    // (here the second ClientHello).
    assertThat(Pipe.sent(clientEvents))
        .containsExactly("client_hello", "change_cipher_spec", "client_hello", "finished");
    assertThat(Pipe.received(serverEvents))
        .containsExactly("client_hello", "change_cipher_spec", "client_hello", "finished");
    assertThat(Pipe.sent(serverEvents)).containsExactly("hello_retry_request", "change_cipher_spec",
        "server_hello", "encrypted_extensions", "certificate", "certificate_verify", "finished");
    assertThat(Pipe.received(clientEvents)).containsExactly("hello_retry_request", "change_cipher_spec",
        "server_hello", "encrypted_extensions", "certificate", "certificate_verify", "finished");
    // The first ClientHello has no secp256r1 key; the second one makes it, and only it.
    assertThat(Pipe.of(clientEvents, TlsEvent.CryptoOperation.class)).extracting(TlsEvent.CryptoOperation::name)
        .startsWith("x25519.keygen", "secp256r1.keygen", "secp256r1.agree");
    assertThat(Pipe.of(clientEvents, TlsEvent.AlertSent.class)).isEmpty();
    assertThat(Pipe.of(serverEvents, TlsEvent.AlertSent.class)).isEmpty();
  }

  @Test
  void theHelloRetryRequestIsAServerHelloWithTheSpecialRandomAndTheSelectedGroup() throws Exception {
    TlsEndpoint server = p256Server();
    TlsEndpoint client = x25519ShareClient();
    client.start();
    server.receive(client.drainOutput());

    TlsEvent.MessageSent hrr = Pipe.of(server.drainEvents(), TlsEvent.MessageSent.class).get(0);
    HandshakeFrame frame = HandshakeFrame.frame(HandshakeType.SERVER_HELLO,
        Arrays.copyOfRange(hrr.bytes(), 4, hrr.bytes().length));
    ServerHello hello = ServerHello.decode(frame.body());
    assertThat(HelloRetryRequest.isHelloRetryRequest(hello)).isTrue();
    assertThat(hello.cipherSuite()).isEqualTo(Tls13CipherSuite.TLS_AES_128_GCM_SHA256.code());
    assertThat(hello.extensionsOrEmpty().list()).extracting(e -> e.typeCode())
        .containsExactly(0x002b, 0x0033); // supported_versions, key_share
    assertThat(Tls13Extensions.find(hello.extensionsOrEmpty(),
        ExtensionContext.HELLO_RETRY_REQUEST, KeyShareHelloRetryRequest.class))
        .contains(KeyShareHelloRetryRequest.of(NamedGroup.SECP256R1));
    assertThat(Tls13Extensions.find(hello.extensionsOrEmpty(),
        ExtensionContext.HELLO_RETRY_REQUEST, SupportedVersions.Selected.class))
        .contains(SupportedVersions.Selected.of(ProtocolVersion.TLS13));
  }

  @Test
  void theRetryCostsTheClientASecondClientHelloAndOneMoreRoundTrip() {
    assertThat(flights(Tls13.client(TestPki.client13(), Pipe.seeded(2), WebPki.NOW),
        p256Server())).containsExactly(
        List.of("client_hello"),
        List.of("server_hello", "change_cipher_spec", "encrypted_extensions", "certificate",
            "certificate_verify", "finished"));
    assertThat(flights(x25519ShareClient(), p256Server())).containsExactly(
        List.of("client_hello"),
        List.of("hello_retry_request", "change_cipher_spec"),
        List.of("change_cipher_spec", "client_hello"),
        List.of("server_hello", "encrypted_extensions", "certificate", "certificate_verify", "finished"));
  }

  @Test
  void afterTheRetryTheTranscriptStartsWithMessageHashInPlaceOfTheFirstClientHello() throws Exception {
    // RFC 8446 §4.4.1: Hash(message_hash || 00 00 Hash.length || Hash(ClientHello1) || HelloRetryRequest).
    EventQueue events = new EventQueue();
    Tls13HandshakeChannel channel = new Tls13HandshakeChannel(
        new Tls13RecordLayer(new RecordReader(), new ByteArrayOutputStream(), events, new FragmentLimit()), events);
    byte[] clientHello1 = {1, 0, 0, 2, 3, 3};
    byte[] hrr = {2, 0, 0, 1, 7};
    channel.received(HandshakeFrame.frame(HandshakeType.CLIENT_HELLO, new byte[] {3, 3}));
    channel.replaceClientHelloWithMessageHash(Tls13CipherSuite.TLS_AES_256_GCM_SHA384);
    channel.received(HandshakeFrame.frame(HandshakeType.SERVER_HELLO, new byte[] {7}));

    MessageDigest sha384 = MessageDigest.getInstance("SHA-384");
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(new byte[] {(byte) 254, 0, 0, 48});
    expected.writeBytes(sha384.digest(clientHello1));
    expected.writeBytes(hrr);
    assertThat(channel.transcriptHash(Tls13CipherSuite.TLS_AES_256_GCM_SHA384))
        .isEqualTo(sha384.digest(expected.toByteArray()));
  }

  /**
   * The handshake messages of each flight, in order, until the client is established: the
   * client's and the server's alternately, starting with the client's.
   */
  private static List<List<String>> flights(TlsEndpoint client, TlsEndpoint server) {
    List<List<String>> flights = new ArrayList<>();
    client.start();
    while (!client.established()) {
      server.receive(client.drainOutput());
      flights.add(Pipe.sent(client.drainEvents()));
      client.receive(server.drainOutput());
      flights.add(Pipe.sent(server.drainEvents()));
      assertThat(flights).hasSizeLessThan(10);
    }
    return flights;
  }
}
