package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.ExtensionContext;
import dev.tlssim.tls.wire.MessageHash;
import dev.tlssim.tls.wire.OfferedPsks;
import dev.tlssim.tls.wire.Tls13Extensions;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Resumption through a HelloRetryRequest (RFC 8446 §4.1.4, §4.2.11.2): the client offers a
 * ticket with a key share in a group the server does not take; the server asks for another
 * share, and the second ClientHello offers the ticket again with its binder computed over
 * message_hash(ClientHello1), the HelloRetryRequest and the truncated second ClientHello.
 */
class Tls13PskHelloRetryRequestTest {
  private static final Tls13CipherSuite SUITE = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;
  private static final Instant LATER = Tls13ResumptionTest.T0.plusSeconds(600);

  @Test
  void secondClientHelloResumesWithBindersOverTheRetryTranscript() throws Exception {
    Tls13ClientSessionStore store = new Tls13ClientSessionStore();
    Tls13ServerConfig serverConfig = Tls13ResumptionTest.ticketServer(Duration.ofHours(1));
    Tls13ResumptionTicket ticket = ticketIn(store, serverConfig);
    TlsEndpoint client = x25519OnlyClient(store);
    TlsEndpoint server = Tls13.server(serverConfig.withGroups(List.of(NamedGroup.SECP256R1)),
        Pipe.seeded(3), LATER);
    client.start();
    Pipe.run(client, server);

    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    Tls13Parameters expected = Tls13Parameters.resumed(SUITE, NamedGroup.SECP256R1);
    assertThat(expected.keyExchangeMode()).isEqualTo(Tls13Parameters.KeyExchangeMode.PSK_DHE_KE);
    assertThat(Tls13.parameters(client)).contains(expected);
    assertThat(Tls13.parameters(server)).contains(expected);
    List<TlsEvent> clientEvents = client.drainEvents();
    List<TlsEvent> serverEvents = server.drainEvents();
    assertThat(Pipe.sent(clientEvents)).containsExactly("client_hello", "change_cipher_spec", "client_hello",
        "finished");
    // No Certificate or CertificateVerify: the PSK authenticated the server (§2.2).
    assertThat(Pipe.sent(serverEvents)).containsExactly("hello_retry_request", "change_cipher_spec",
        "server_hello", "encrypted_extensions", "finished", "new_session_ticket");
    assertThat(Pipe.received(serverEvents)).containsExactly("client_hello", "change_cipher_spec",
        "client_hello", "finished");

    List<byte[]> hellos = messages(clientEvents, "client_hello");
    byte[] clientHello1 = hellos.get(0);
    byte[] clientHello2 = hellos.get(1);
    byte[] helloRetryRequest = messages(serverEvents, "hello_retry_request").get(0);
    OfferedPsks offered1 = offeredPsks(clientHello1);
    OfferedPsks offered2 = offeredPsks(clientHello2);

    // §4.1.2: the second ClientHello recomputes obfuscated_ticket_age; the client's clock is the
    // same instant for both, so the value is the same, and it is the ticket's age plus age_add.
    long expectedAge = ticket.obfuscatedAge(LATER);
    assertThat(offered1.identities()).singleElement().satisfies(i -> {
      assertThat(i.identity()).isEqualTo(ticket.ticket());
      assertThat(i.obfuscatedTicketAge()).isEqualTo(expectedAge);
    });
    assertThat(offered2.identities()).singleElement().satisfies(i -> {
      assertThat(i.identity()).isEqualTo(ticket.ticket());
      assertThat(i.obfuscatedTicketAge()).isEqualTo(expectedAge);
    });

    // §4.2.11.2: ClientHello1's binder covers its own truncation; ClientHello2's covers
    // message_hash(ClientHello1) (§4.4.1), the HelloRetryRequest and its own truncation.
    byte[] binder1 = PskBinder.compute(SUITE, ticket.psk(), sha256(offered1.truncate(clientHello1)));
    byte[] binder2 = PskBinder.compute(SUITE, ticket.psk(), sha256(
        MessageHash.of(SUITE, clientHello1).encode(), helloRetryRequest, offered2.truncate(clientHello2)));
    assertThat(offered1.binders()).singleElement().isEqualTo(binder1);
    assertThat(offered2.binders()).singleElement().isEqualTo(binder2);
    assertThat(binder2).isNotEqualTo(binder1);
  }

  @Test
  void secondClientHelloWhoseBinderLeavesOutTheRetryIsDecryptError() throws Exception {
    Tls13ClientSessionStore store = new Tls13ClientSessionStore();
    Tls13ServerConfig serverConfig = Tls13ResumptionTest.ticketServer(Duration.ofHours(1));
    Tls13ResumptionTicket ticket = ticketIn(store, serverConfig);
    TlsEndpoint client = x25519OnlyClient(store);
    TlsEndpoint server = Tls13.server(serverConfig.withGroups(List.of(NamedGroup.SECP256R1)),
        Pipe.seeded(3), LATER);
    client.start();
    server.receive(client.drainOutput());
    client.receive(server.drainOutput());
    client.drainOutput();
    byte[] clientHello2 = messages(client.drainEvents(), "client_hello").get(1);
    server.drainEvents();

    // The binder a server would expect if it forgot the HelloRetryRequest: over the truncated
    // second ClientHello alone. The binder is the last Hash.length bytes of the message.
    OfferedPsks offered = offeredPsks(clientHello2);
    byte[] forged = clientHello2.clone();
    byte[] wrongBinder = PskBinder.compute(SUITE, ticket.psk(), sha256(offered.truncate(clientHello2)));
    System.arraycopy(wrongBinder, 0, forged, forged.length - wrongBinder.length, wrongBinder.length);
    server.receive(plaintextHandshakeRecord(forged));

    // RFC 8446 §4.2.11: a binder that does not verify is a decrypt_error; no keys yet, so the
    // alert goes in plaintext.
    assertThat(server.drainOutput()).containsExactly(21, 3, 3, 0, 2, 2, AlertDescription.DECRYPT_ERROR.code());
    assertThat(Pipe.of(server.drainEvents(), TlsEvent.AlertSent.class))
        .extracting(TlsEvent.AlertSent::description).containsExactly(AlertDescription.DECRYPT_ERROR);
    assertThat(server.closed()).isTrue();
  }

  @Test
  void retryInASuiteOfAnotherHashDropsThePskAndTheHandshakeIsFull() throws Exception {
    // The ticket is for TLS_AES_128_GCM_SHA256; this server speaks only TLS_AES_256_GCM_SHA384,
    // so its HelloRetryRequest names a suite the PSK cannot be used with, and §4.1.4 has the
    // client leave the PSK out of the second ClientHello.
    Tls13ClientSessionStore store = new Tls13ClientSessionStore();
    Tls13ServerConfig serverConfig = Tls13ResumptionTest.ticketServer(Duration.ofHours(1));
    ticketIn(store, serverConfig);
    TlsEndpoint client = x25519OnlyClient(store);
    TlsEndpoint server = Tls13.server(serverConfig.withGroups(List.of(NamedGroup.SECP256R1))
        .withCipherSuites(List.of(Tls13CipherSuite.TLS_AES_256_GCM_SHA384)), Pipe.seeded(3), LATER);
    client.start();
    Pipe.run(client, server);

    assertThat(client.established()).isTrue();
    Tls13Parameters expected = new Tls13Parameters(Tls13CipherSuite.TLS_AES_256_GCM_SHA384, NamedGroup.SECP256R1,
        SignatureScheme.ECDSA_SECP256R1_SHA256);
    assertThat(Tls13.parameters(client)).contains(expected);
    assertThat(Tls13.parameters(server)).contains(expected);
    List<byte[]> hellos = messages(client.drainEvents(), "client_hello");
    assertThat(offeredPsksIn(hellos.get(0))).isPresent();
    assertThat(offeredPsksIn(hellos.get(1))).isEmpty();
    assertThat(Pipe.sent(server.drainEvents())).containsExactly("hello_retry_request", "change_cipher_spec",
        "server_hello", "encrypted_extensions", "certificate", "certificate_verify", "finished",
        "new_session_ticket");
  }

  /** Leaves one ticket in {@code store} from a full handshake at T0, and returns a copy of it. */
  private static Tls13ResumptionTicket ticketIn(Tls13ClientSessionStore store, Tls13ServerConfig serverConfig) {
    Tls13ResumptionTest.firstConnection(store, serverConfig, Tls13ResumptionTest.T0);
    Tls13ResumptionTicket ticket = store.take(WebPki.HOST, LATER).orElseThrow();
    store.add(WebPki.HOST, ticket);
    return ticket;
  }

  /** A client whose only key share is x25519, though it supports secp256r1 too. */
  private static TlsEndpoint x25519OnlyClient(Tls13ClientSessionStore store) {
    return Tls13.client(TestPki.client13().withKeyShareGroups(List.of(NamedGroup.X25519)),
        Pipe.seeded(4), LATER, store);
  }

  private static List<byte[]> messages(List<TlsEvent> events, String name) {
    return Pipe.of(events, TlsEvent.MessageSent.class).stream()
        .filter(m -> m.name().equals(name)).map(TlsEvent.MessageSent::bytes).toList();
  }

  private static OfferedPsks offeredPsks(byte[] clientHelloMessage) throws TlsAlertException {
    return offeredPsksIn(clientHelloMessage).orElseThrow();
  }

  private static Optional<OfferedPsks> offeredPsksIn(byte[] clientHelloMessage) throws TlsAlertException {
    ClientHello hello = ClientHello.decode(Arrays.copyOfRange(clientHelloMessage, 4, clientHelloMessage.length));
    return Tls13Extensions.find(hello.extensionsOrEmpty(), ExtensionContext.CLIENT_HELLO, OfferedPsks.class);
  }

  private static byte[] sha256(byte[]... parts) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  private static byte[] plaintextHandshakeRecord(byte[] message) {
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.writeBytes(new byte[] {22, 3, 3, (byte) (message.length >> 8), (byte) message.length});
    record.writeBytes(message);
    return record.toByteArray();
  }
}
