package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.EventQueue;
import dev.tlssim.tls.core.FragmentLimit;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.crypto.EcdheKeyPair;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.KeyShareEntry;
import dev.tlssim.tls.wire.KeyShareServerHello;
import dev.tlssim.tls.wire.PreSharedKey;
import dev.tlssim.tls.wire.PskKeyExchangeModes;
import dev.tlssim.tls.wire.RecordReader;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.SupportedVersions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PSK resumption with session tickets between our TLS 1.3 client and server (RFC 8446 §2.2). */
class Tls13ResumptionTest {
  static final byte[] TICKET_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final Instant T0 = WebPki.NOW;

  static Tls13ServerConfig ticketServer(Duration lifetime) {
    return TestPki.ecServer13().withTickets(Tls13TicketPolicy.of(TICKET_KEY).withLifetime(lifetime));
  }

  /** A full handshake at {@code at} that leaves one ticket in {@code store}. */
  static void firstConnection(Tls13ClientSessionStore store, Tls13ServerConfig serverConfig, Instant at) {
    TlsEndpoint server = Tls13.server(serverConfig, Pipe.seeded(1), at);
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(2), at, store);
    client.start();
    Pipe.run(client, server);
    assertThat(client.established()).isTrue();
    assertThat(Tls13.parameters(client).orElseThrow().resumed()).isFalse();
    assertThat(Pipe.sent(server.drainEvents())).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "certificate", "certificate_verify", "finished", "new_session_ticket");
    assertThat(Pipe.received(client.drainEvents())).endsWith("finished", "new_session_ticket");
    assertThat(store.size(WebPki.HOST)).isEqualTo(1);
  }

  @Test
  void secondConnectionResumesWithPskDheKe() {
    Tls13ClientSessionStore store = new Tls13ClientSessionStore();
    Tls13ServerConfig serverConfig = ticketServer(Duration.ofHours(1));
    firstConnection(store, serverConfig, T0);

    Instant later = T0.plusSeconds(600);
    TlsEndpoint server = Tls13.server(serverConfig, Pipe.seeded(3), later);
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(4), later, store);
    client.start();
    Pipe.run(client, server);

    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    Tls13Parameters expected = Tls13Parameters.resumed(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.X25519);
    assertThat(expected.keyExchangeMode()).isEqualTo(Tls13Parameters.KeyExchangeMode.PSK_DHE_KE);
    assertThat(Tls13.parameters(client)).contains(expected);
    assertThat(Tls13.parameters(server)).contains(expected);
    assertThat(expected.resumed()).isTrue();
    List<TlsEvent> clientEvents = client.drainEvents();
    List<TlsEvent> serverEvents = server.drainEvents();
    assertThat(Pipe.sent(clientEvents)).containsExactly("client_hello", "change_cipher_spec", "finished");
    assertThat(Pipe.received(clientEvents)).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "finished", "new_session_ticket");
    assertThat(Pipe.sent(serverEvents)).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "finished", "new_session_ticket");
    assertThat(Pipe.received(serverEvents)).containsExactly("client_hello", "change_cipher_spec", "finished");
    assertThat(Pipe.of(clientEvents, TlsEvent.CertificateCheck.class)).isEmpty();
    // The offered ticket was taken (RFC 8446 §C.4); the resumed connection brought a new one.
    assertThat(store.size(WebPki.HOST)).isEqualTo(1);

    client.write("resumed".getBytes(StandardCharsets.US_ASCII));
    server.receive(client.drainOutput());
    assertThat(Pipe.of(server.drainEvents(), TlsEvent.ApplicationData.class))
        .extracting(d -> new String(d.data(), StandardCharsets.US_ASCII)).containsExactly("resumed");
  }

  @Test
  void pskKeModeResumesWithoutKeyShare() {
    Tls13ClientSessionStore store = new Tls13ClientSessionStore();
    Tls13ServerConfig serverConfig = ticketServer(Duration.ofHours(1));
    firstConnection(store, serverConfig, T0);

    TlsEndpoint server = Tls13.server(serverConfig, Pipe.seeded(3), T0.plusSeconds(5));
    TlsEndpoint client = Tls13.client(
        TestPki.client13().withPskKeyExchangeModes(List.of(PskKeyExchangeModes.PSK_KE)),
        Pipe.seeded(4), T0.plusSeconds(5), store);
    client.start();
    Pipe.run(client, server);

    Tls13Parameters expected = Tls13Parameters.resumed(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, null);
    assertThat(expected.keyExchangeMode()).isEqualTo(Tls13Parameters.KeyExchangeMode.PSK_KE);
    assertThat(Tls13.parameters(client)).contains(expected);
    assertThat(Tls13.parameters(server)).contains(expected);
    List<TlsEvent> serverEvents = server.drainEvents();
    assertThat(Pipe.sent(serverEvents)).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "finished", "new_session_ticket");
    // psk_ke: no (EC)DHE on the server at all (RFC 8446 §4.2.9).
    assertThat(Pipe.of(serverEvents, TlsEvent.CryptoOperation.class)).isEmpty();
    assertThat(Pipe.received(client.drainEvents())).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "finished", "new_session_ticket");
  }

  @Test
  void expiredTicketLeadsToAFullHandshake() {
    Tls13ServerConfig serverConfig = ticketServer(Duration.ofHours(1));
    Tls13ClientSessionStore store = new Tls13ClientSessionStore();
    firstConnection(store, serverConfig, T0);

    // The client still thinks the ticket young (its clock says 10 minutes) and offers it; the
    // server's clock is past the lifetime, so it ignores the ticket (RFC 8446 §4.6.1).
    TlsEndpoint server = Tls13.server(serverConfig, Pipe.seeded(3), T0.plus(Duration.ofHours(2)));
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(4), T0.plusSeconds(600), store);
    client.start();
    Pipe.run(client, server);
    assertThat(client.established()).isTrue();
    assertThat(Tls13.parameters(server)).contains(new Tls13Parameters(
        Tls13CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.X25519, SignatureScheme.ECDSA_SECP256R1_SHA256));
    assertThat(Tls13.parameters(client).orElseThrow().resumed()).isFalse();
    assertThat(Pipe.sent(server.drainEvents())).contains("certificate", "certificate_verify");

    // With its own clock past the lifetime the client does not offer the ticket at all.
    Tls13ClientSessionStore store2 = new Tls13ClientSessionStore();
    firstConnection(store2, serverConfig, T0);
    Instant late = T0.plus(Duration.ofHours(2));
    TlsEndpoint server2 = Tls13.server(serverConfig, Pipe.seeded(5), late);
    TlsEndpoint client2 = Tls13.client(TestPki.client13(), Pipe.seeded(6), late, store2);
    client2.start();
    Pipe.run(client2, server2);
    assertThat(Tls13.parameters(client2).orElseThrow().resumed()).isFalse();
    assertThat(Pipe.received(client2.drainEvents())).contains("certificate", "certificate_verify");
  }

  @Test
  void tamperedBinderIsADecryptError() {
    Tls13ServerConfig serverConfig = ticketServer(Duration.ofHours(1));
    Tls13ClientSessionStore store = new Tls13ClientSessionStore();
    firstConnection(store, serverConfig, T0);
    TlsEndpoint server = Tls13.server(serverConfig, Pipe.seeded(3), T0);
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(4), T0, store);
    client.start();
    byte[] clientHello = client.drainOutput();
    // pre_shared_key is the last extension and its binders the last bytes of the ClientHello.
    clientHello[clientHello.length - 1] ^= 1;
    server.receive(clientHello);

    assertThat(Pipe.of(server.drainEvents(), TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description).containsExactly(AlertDescription.DECRYPT_ERROR);
    assertThat(server.closed()).isTrue();
  }

  @Test
  void selectedIdentityOutOfRangeIsAnIllegalParameter() throws Exception {
    Tls13ClientSessionStore store = new Tls13ClientSessionStore();
    firstConnection(store, ticketServer(Duration.ofHours(1)), T0);
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(4), T0, store);
    client.start();
    ClientHello hello = sentClientHello(client);

    // One identity was offered, so index 1 is out of range (RFC 8446 §4.2.11).
    EcdheKeyPair share = EcdheKeyPair.generate(NamedGroup.X25519, Pipe.seeded(7));
    ServerHello serverHello = new ServerHello(ProtocolVersion.TLS12, new byte[32], hello.sessionId(),
        Tls13CipherSuite.TLS_AES_128_GCM_SHA256.code(), ClientHello.COMPRESSION_NULL, Optional.of(Extensions.of(
            SupportedVersions.Selected.of(ProtocolVersion.TLS13),
            new KeyShareServerHello(KeyShareEntry.of(NamedGroup.X25519, share.publicKey())),
            new PreSharedKey.SelectedIdentity(1))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Tls13RecordLayer(new RecordReader(), out, new EventQueue(), new FragmentLimit()).send(ContentType.HANDSHAKE, serverHello.encode());
    client.receive(out.toByteArray());

    assertThat(Pipe.of(client.drainEvents(), TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description).containsExactly(AlertDescription.ILLEGAL_PARAMETER);
    assertThat(client.closed()).isTrue();
  }

  @Test
  void pskWithoutKeyExchangeModesIsAMissingExtension() throws Exception {
    Tls13ServerConfig serverConfig = ticketServer(Duration.ofHours(1));
    Tls13ClientSessionStore store = new Tls13ClientSessionStore();
    firstConnection(store, serverConfig, T0);
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(4), T0, store);
    client.start();
    ClientHello hello = sentClientHello(client);
    List<dev.tlssim.tls.wire.Extension> without = hello.extensionsOrEmpty().list().stream()
        .filter(e -> e.typeCode() != ExtensionType.PSK_KEY_EXCHANGE_MODES.code()).toList();
    ClientHello stripped = new ClientHello(hello.clientVersion(), hello.random(), hello.sessionId(),
        hello.cipherSuites(), hello.compressionMethods(), Optional.of(new Extensions(without)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Tls13RecordLayer(new RecordReader(), out, new EventQueue(), new FragmentLimit()).send(ContentType.HANDSHAKE, stripped.encode());
    TlsEndpoint server = Tls13.server(serverConfig, Pipe.seeded(3), T0);
    server.receive(out.toByteArray());

    assertThat(Pipe.of(server.drainEvents(), TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description).containsExactly(AlertDescription.MISSING_EXTENSION);
  }

  /** The ClientHello {@code client} has queued, as the one plaintext record it has to send. */
  private static ClientHello sentClientHello(TlsEndpoint client) throws Exception {
    client.drainEvents();
    RecordReader reader = new RecordReader();
    reader.feed(client.drainOutput());
    byte[] message = reader.next().orElseThrow().fragment();
    return ClientHello.decode(Arrays.copyOfRange(message, 4, message.length));
  }
}
