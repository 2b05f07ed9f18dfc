package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.ExtensionType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 0-RTT data between our TLS 1.3 client and server (RFC 8446 §2.3, §4.2.10) and its replay (§8). */
class Tls13EarlyDataTest {
  private static final byte[] EARLY = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final Instant LATER = Tls13ResumptionTest.T0.plusSeconds(10);

  private static Tls13ServerConfig earlyDataServer(long maxEarlyDataSize, Tls13EarlyDataReplayGuard guard) {
    return TestPki.ecServer13().withReplayGuard(guard).withTickets(Tls13TicketPolicy.of(Tls13ResumptionTest.TICKET_KEY)
        .withLifetime(Duration.ofHours(1)).withMaxEarlyDataSize(maxEarlyDataSize));
  }

  /** A client that holds one ticket from {@code serverConfig} and has queued {@link #EARLY}. */
  private static TlsEndpoint earlyClient(Tls13ServerConfig serverConfig) {
    return earlyClient(serverConfig, TestPki.client13());
  }

  private static TlsEndpoint earlyClient(Tls13ServerConfig serverConfig, Tls13ClientConfig clientConfig) {
    Tls13ClientSessionStore store = new Tls13ClientSessionStore();
    Tls13ResumptionTest.firstConnection(store, serverConfig, Tls13ResumptionTest.T0);
    TlsEndpoint client = Tls13.client(clientConfig, Pipe.seeded(4), LATER, store);
    client.writeEarly(EARLY);
    return client;
  }

  private static List<byte[]> earlyData(List<TlsEvent> events) {
    return Pipe.of(events, TlsEvent.MessageReceived.class).stream()
        .filter(m -> m.name().equals("early_data")).map(TlsEvent.MessageReceived::bytes).toList();
  }

  @Test
  void acceptedEarlyDataArrivesBeforeTheClientFinished() {
    Tls13ServerConfig serverConfig = earlyDataServer(1024, Tls13EarlyDataReplayGuard.none());
    TlsEndpoint client = earlyClient(serverConfig);
    TlsEndpoint server = Tls13.server(serverConfig, Pipe.seeded(3), LATER);
    client.start();

    // The first flight alone: ClientHello, change_cipher_spec (§D.4) and the 0-RTT data.
    server.receive(client.drainOutput());
    List<TlsEvent> firstFlight = server.drainEvents();
    assertThat(Pipe.received(firstFlight)).containsExactly("client_hello", "change_cipher_spec", "early_data");
    assertThat(earlyData(firstFlight)).singleElement().isEqualTo(EARLY);
    assertThat(Pipe.of(firstFlight, TlsEvent.ApplicationData.class)).isEmpty();
    assertThat(Pipe.sent(firstFlight)).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "finished");
    assertThat(encryptedExtensionsHaveEarlyData(firstFlight)).isTrue();
    assertThat(server.established()).isFalse();

    Pipe.run(client, server);
    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    Tls13Parameters expected = Tls13Parameters.resumed(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.X25519)
        .withEarlyDataAccepted(true);
    assertThat(Tls13.parameters(client)).contains(expected);
    assertThat(Tls13.parameters(server)).contains(expected);
    List<TlsEvent> clientEvents = client.drainEvents();
    List<TlsEvent> serverEvents = server.drainEvents();
    assertThat(Pipe.sent(clientEvents)).containsExactly("client_hello", "change_cipher_spec", "early_data",
        "end_of_early_data", "finished");
    assertThat(Pipe.received(clientEvents)).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "finished", "new_session_ticket");
    assertThat(Pipe.sent(serverEvents)).containsExactly("new_session_ticket");
    assertThat(Pipe.received(serverEvents)).containsExactly("end_of_early_data", "finished");

    client.write("after".getBytes(StandardCharsets.US_ASCII));
    server.receive(client.drainOutput());
    assertThat(Pipe.of(server.drainEvents(), TlsEvent.ApplicationData.class))
        .extracting(d -> new String(d.data(), StandardCharsets.US_ASCII)).containsExactly("after");
  }

  @Test
  void ticketWithoutEarlyDataAllowanceSendsNoEarlyData() {
    Tls13ServerConfig serverConfig = earlyDataServer(0, Tls13EarlyDataReplayGuard.none());
    TlsEndpoint client = earlyClient(serverConfig);
    TlsEndpoint server = Tls13.server(serverConfig, Pipe.seeded(3), LATER);
    client.start();
    List<TlsEvent> started = client.drainEvents();
    assertThat(Pipe.sent(started)).containsExactly("client_hello");
    byte[] clientHello = Pipe.of(started, TlsEvent.MessageSent.class).get(0).bytes();
    assertThat(extensionTypes(decodeClientHello(clientHello))).doesNotContain(ExtensionType.EARLY_DATA.code());

    Pipe.run(client, server);
    assertThat(client.established()).isTrue();
    assertThat(Tls13.parameters(client).orElseThrow().resumed()).isTrue();
    assertThat(Tls13.parameters(client).orElseThrow().earlyDataAccepted()).isFalse();
    assertThat(Pipe.received(server.drainEvents())).doesNotContain("early_data", "end_of_early_data");
  }

  @Test
  void singleUseTicketsRefuseAReplayedFirstFlight() {
    Tls13EarlyDataReplayGuard guard = Tls13EarlyDataReplayGuard.singleUseTickets();
    assertReplay(earlyDataServer(1024, guard), LATER, false);
  }

  @Test
  void withoutAntiReplayTheReplayedEarlyDataIsDelivered() {
    // RFC 8446 §8: the attack anti-replay exists for; the second server acts on the data again.
    assertReplay(earlyDataServer(1024, Tls13EarlyDataReplayGuard.none()), LATER, true);
  }

  @Test
  void clientHelloRecordingRefusesAReplayInsideTheWindow() {
    assertReplay(earlyDataServer(1024, Tls13EarlyDataReplayGuard.clientHelloRecording(Duration.ofSeconds(10))),
        LATER.plusSeconds(5), false);
  }

  @Test
  void clientHelloRecordingRefusesAReplayWhoseTicketAgeIsOutsideTheWindow() {
    // §8.2: by now the record of the ClientHello may be gone, so the ticket age must not fit.
    assertReplay(earlyDataServer(1024, Tls13EarlyDataReplayGuard.clientHelloRecording(Duration.ofSeconds(10))),
        LATER.plusSeconds(60), false);
  }

  @Test
  void rejectedEarlyDataIsSkippedAndTheClientFinishesIn1Rtt() {
    Tls13ServerConfig serverConfig = earlyDataServer(1024, Tls13EarlyDataReplayGuard.singleUseTickets());
    TlsEndpoint client = earlyClient(serverConfig);
    client.start();
    // Another server has already seen the ticket (say, an attacker's copy got there first).
    TlsEndpoint first = Tls13.server(serverConfig, Pipe.seeded(6), LATER);
    TlsEndpoint server = Tls13.server(serverConfig, Pipe.seeded(3), LATER);
    byte[] firstFlight = client.drainOutput();
    first.receive(firstFlight);
    server.receive(firstFlight);
    Pipe.run(client, server);

    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    Tls13Parameters expected = Tls13Parameters.resumed(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.X25519);
    assertThat(Tls13.parameters(client)).contains(expected);
    assertThat(Tls13.parameters(server)).contains(expected);
    List<TlsEvent> clientEvents = client.drainEvents();
    List<TlsEvent> serverEvents = server.drainEvents();
    // RFC 8446 §4.5: no EndOfEarlyData after a rejection; the early data is not resent.
    assertThat(Pipe.sent(clientEvents)).containsExactly("client_hello", "change_cipher_spec", "early_data",
        "finished");
    assertThat(Pipe.received(serverEvents)).containsExactly("client_hello", "change_cipher_spec", "finished");
    assertThat(earlyData(serverEvents)).isEmpty();
    assertThat(encryptedExtensionsHaveEarlyData(serverEvents)).isFalse();
  }

  @Test
  void helloRetryRequestRejectsTheEarlyData() {
    Tls13ServerConfig serverConfig = earlyDataServer(1024, Tls13EarlyDataReplayGuard.none());
    TlsEndpoint client = earlyClient(serverConfig, TestPki.client13().withKeyShareGroups(List.of(NamedGroup.X25519)));
    // The client's only share is x25519; this server wants secp256r1, so it asks again (§4.1.4).
    TlsEndpoint server = Tls13.server(serverConfig.withGroups(List.of(NamedGroup.SECP256R1)),
        Pipe.seeded(3), LATER);
    client.start();
    Pipe.run(client, server);

    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    Tls13Parameters expected = Tls13Parameters.resumed(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.SECP256R1);
    assertThat(Tls13.parameters(client)).contains(expected);
    assertThat(Tls13.parameters(server)).contains(expected);
    List<TlsEvent> clientEvents = client.drainEvents();
    List<TlsEvent> serverEvents = server.drainEvents();
    assertThat(Pipe.sent(clientEvents)).containsExactly("client_hello", "change_cipher_spec", "early_data",
        "client_hello", "finished");
    assertThat(Pipe.received(serverEvents)).containsExactly("client_hello", "change_cipher_spec",
        "client_hello", "finished");
    byte[] secondHello = Pipe.of(clientEvents, TlsEvent.MessageSent.class).stream()
        .filter(m -> m.name().equals("client_hello")).toList().get(1).bytes();
    assertThat(extensionTypes(decodeClientHello(secondHello))).doesNotContain(ExtensionType.EARLY_DATA.code());
  }

  // ---- RFC 8446 §4.2.11.1, §8.3: the client's ticket age against the server's ----
  // The ticket is issued and received at T0; the client then offers it at clientNow and the
  // server judges it at serverNow, so the two views of its age differ by serverNow - clientNow.

  @Test
  void ticketAgeWithinTheDefaultWindowKeepsTheEarlyData() {
    assertTicketAgeCheck(Tls13ServerConfig.DEFAULT_TICKET_AGE_WINDOW, LATER, LATER.plusSeconds(9), true);
  }

  @Test
  void ticketAgeExactlyAtTheWindowKeepsTheEarlyData() {
    assertTicketAgeCheck(Tls13ServerConfig.DEFAULT_TICKET_AGE_WINDOW, LATER, LATER.plusSeconds(10), true);
  }

  @Test
  void ticketAgeOneMillisecondBeyondTheWindowRejectsTheEarlyDataButResumes() {
    assertTicketAgeCheck(Tls13ServerConfig.DEFAULT_TICKET_AGE_WINDOW, LATER, LATER.plusSeconds(10).plusMillis(1),
        false);
  }

  @Test
  void ticketAgeClaimedOlderThanTheServerKnowsRejectsTheEarlyDataButResumes() {
    // The client's clock is ahead: it claims 30 s, the server knows 15 s.
    assertTicketAgeCheck(Tls13ServerConfig.DEFAULT_TICKET_AGE_WINDOW, Tls13ResumptionTest.T0.plusSeconds(30),
        Tls13ResumptionTest.T0.plusSeconds(15), false);
  }

  @Test
  void aWiderConfiguredWindowKeepsTheEarlyData() {
    assertTicketAgeCheck(Duration.ofSeconds(30), LATER, LATER.plusSeconds(25), true);
  }

  @Test
  void aNarrowerConfiguredWindowRejectsTheEarlyData() {
    assertTicketAgeCheck(Duration.ofSeconds(1), LATER, LATER.plusSeconds(2), false);
  }

  private static void assertTicketAgeCheck(Duration window, Instant clientNow, Instant serverNow, boolean accepted) {
    Tls13ServerConfig serverConfig = earlyDataServer(1024, Tls13EarlyDataReplayGuard.none()).withTicketAgeWindow(window);
    Tls13ClientSessionStore store = new Tls13ClientSessionStore();
    Tls13ResumptionTest.firstConnection(store, serverConfig, Tls13ResumptionTest.T0);
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(4), clientNow, store);
    client.writeEarly(EARLY);
    TlsEndpoint server = Tls13.server(serverConfig, Pipe.seeded(3), serverNow);
    client.start();
    Pipe.run(client, server);

    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    // Either way the PSK resumes the session (§8.3 rejects 0-RTT, not the PSK).
    Tls13Parameters expected = Tls13Parameters.resumed(Tls13CipherSuite.TLS_AES_128_GCM_SHA256, NamedGroup.X25519)
        .withEarlyDataAccepted(accepted);
    assertThat(Tls13.parameters(client)).contains(expected);
    assertThat(Tls13.parameters(server)).contains(expected);
    List<TlsEvent> serverEvents = server.drainEvents();
    assertThat(encryptedExtensionsHaveEarlyData(serverEvents)).isEqualTo(accepted);
    if (accepted) {
      assertThat(earlyData(serverEvents)).singleElement().isEqualTo(EARLY);
      assertThat(Pipe.received(serverEvents)).containsExactly("client_hello", "change_cipher_spec",
          "early_data", "end_of_early_data", "finished");
    } else {
      assertThat(earlyData(serverEvents)).isEmpty();
      assertThat(Pipe.received(serverEvents)).containsExactly("client_hello", "change_cipher_spec", "finished");
    }
    assertThat(Pipe.sent(serverEvents)).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "finished", "new_session_ticket");
  }

  /**
   * The client's first flight goes to one server, which takes its 0-RTT data, and is then
   * replayed byte for byte to a second instance sharing the configuration (ticket key and
   * anti-replay state) at {@code replayAt}.
   */
  private static void assertReplay(Tls13ServerConfig serverConfig, Instant replayAt, boolean replayDelivered) {
    TlsEndpoint client = earlyClient(serverConfig);
    client.start();
    byte[] firstFlight = client.drainOutput();

    TlsEndpoint server = Tls13.server(serverConfig, Pipe.seeded(3), LATER);
    server.receive(firstFlight);
    assertThat(earlyData(server.drainEvents())).singleElement().isEqualTo(EARLY);
    client.receive(server.drainOutput());
    server.receive(client.drainOutput());
    assertThat(server.established()).isTrue();
    assertThat(Tls13.parameters(server).orElseThrow().earlyDataAccepted()).isTrue();

    TlsEndpoint replayed = Tls13.server(serverConfig, Pipe.seeded(5), replayAt);
    replayed.receive(firstFlight);
    List<TlsEvent> events = replayed.drainEvents();
    assertThat(replayed.closed()).isFalse();
    assertThat(replayed.drainOutput()).isNotEmpty();
    if (replayDelivered) {
      assertThat(earlyData(events)).singleElement().isEqualTo(EARLY);
      assertThat(Tls13.parameters(replayed).orElseThrow().earlyDataAccepted()).isTrue();
      assertThat(encryptedExtensionsHaveEarlyData(events)).isTrue();
    } else {
      // Rejected: the 0-RTT record is skipped unread (§4.2.10) and the handshake goes on in 1-RTT
      // (it would stall at the client's Finished, which the attacker cannot produce).
      assertThat(earlyData(events)).isEmpty();
      assertThat(Pipe.received(events)).containsExactly("client_hello", "change_cipher_spec");
      assertThat(Tls13.parameters(replayed).orElseThrow().resumed()).isTrue();
      assertThat(Tls13.parameters(replayed).orElseThrow().earlyDataAccepted()).isFalse();
      assertThat(encryptedExtensionsHaveEarlyData(events)).isFalse();
      assertThat(Pipe.sent(events)).containsExactly("server_hello", "change_cipher_spec",
          "encrypted_extensions", "finished");
    }
  }

  private static boolean encryptedExtensionsHaveEarlyData(List<TlsEvent> serverEvents) {
    byte[] ee = Pipe.of(serverEvents, TlsEvent.MessageSent.class).stream()
        .filter(m -> m.name().equals("encrypted_extensions")).findFirst().orElseThrow().bytes();
    // EncryptedExtensions (RFC 8446 §4.3.1): 4-byte header, then extensions<0..2^16-1>.
    for (int i = 6; i + 4 <= ee.length; ) {
      int type = ((ee[i] & 0xff) << 8) | (ee[i + 1] & 0xff);
      int length = ((ee[i + 2] & 0xff) << 8) | (ee[i + 3] & 0xff);
      if (type == ExtensionType.EARLY_DATA.code()) {
        return true;
      }
      i += 4 + length;
    }
    return false;
  }

  /** A ClientHello as sent, with its 4-byte handshake header (RFC 8446 §4). */
  private static ClientHello decodeClientHello(byte[] message) {
    try {
      return ClientHello.decode(Arrays.copyOfRange(message, 4, message.length));
    } catch (dev.tlssim.tls.TlsAlertException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Integer> extensionTypes(ClientHello hello) {
    return hello.extensionsOrEmpty().list().stream().map(Extension::typeCode).toList();
  }
}
