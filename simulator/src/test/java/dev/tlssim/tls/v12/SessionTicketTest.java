package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.SessionTicket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Session tickets (RFC 5077): issuing, resuming, key rotation, and tickets that do not open. */
class SessionTicketTest {
  private static final Instant EPOCH = WebPki.NOW;
  private static final byte[] SEED = "tlssim ticket test seed".getBytes(StandardCharsets.US_ASCII);

  /** A new key every hour, the old one accepted for another hour; tickets good for 4 hours. */
  private static TicketKeys keys() {
    return new TicketKeys(SEED, EPOCH, Duration.ofHours(1), Duration.ofHours(1),
        Duration.ofHours(4));
  }

  private static ServerConfig ticketServer(TicketKeys keys) {
    return TestPki.ecServer12().withTicketKeys(keys);
  }

  @Test
  void aFullHandshakeIssuesATicketBeforeTheServersChangeCipherSpec() {
    ClientConfig client = TestPki.client12();
    Connection full = Connection.run(client, ticketServer(keys()), EPOCH, 10);

    assertThat(full.serverHello().extensionsOrEmpty().find(SessionTicket.class))
        .hasValueSatisfying(t -> assertThat(t.isEmpty()).isTrue());
    // RFC 5077 §3.4: a server issuing a ticket SHOULD send an empty session_id.
    assertThat(full.serverHello().sessionId()).isEmpty();
    assertThat(Connection.sent(full.serverEvents)).containsExactly("server_hello", "certificate",
        "server_key_exchange", "server_hello_done", "new_session_ticket", "change_cipher_spec",
        "finished");
    assertThat(Connection.crypto(full.serverEvents)).contains("ticket.seal");
    List<TlsEvent.TicketReceived> tickets = Pipe.of(full.clientEvents, TlsEvent.TicketReceived.class);
    assertThat(tickets).hasSize(1);
    assertThat(tickets.get(0).lifetimeHintSeconds()).isEqualTo(4 * 3600);

    ResumableSession stored = client.sessionStore().get(WebPki.HOST, EPOCH).orElseThrow();
    byte[] ticket = stored.ticket();
    assertThat(ticket.length).isEqualTo(tickets.get(0).length());
    // RFC 5077 §4: key_name(16) | iv(16) | encrypted_state<2-byte length> | mac(32).
    assertThat(Arrays.copyOf(ticket, 16)).isEqualTo(keys().current(EPOCH).keyName());
    int stateLength = ((ticket[32] & 0xff) << 8) | (ticket[33] & 0xff);
    assertThat(stateLength % 16).isZero();
    assertThat(ticket.length).isEqualTo(16 + 16 + 2 + stateLength + 32);
    assertThat(stored.hasSessionId()).isFalse();
    assertThat(stored.session().extendedMasterSecret()).isTrue();
  }

  @Test
  void aTicketResumesWithoutServerState() {
    ClientConfig client = TestPki.client12();
    Connection full = Connection.run(client, ticketServer(keys()), EPOCH, 10);
    // Another server: no session cache at all, only the same ticket keys.
    ServerConfig stateless = ticketServer(keys()).withSessionCache(null);
    Connection resumed = Connection.run(client, stateless, EPOCH.plusSeconds(600), 20);

    byte[] offeredId = resumed.clientHello().sessionId();
    assertThat(offeredId).hasSize(32);
    assertThat(resumed.clientHello().extensionsOrEmpty().find(SessionTicket.class).orElseThrow()
        .ticket()).isEqualTo(client.sessionStore().get(WebPki.HOST, EPOCH).orElseThrow().ticket());
    // RFC 5077 §3.4: the server accepts the ticket by echoing the client's session_id.
    assertThat(resumed.serverHello().sessionId()).isEqualTo(offeredId);
    assertThat(resumed.serverHello().extensionsOrEmpty().contains(ExtensionType.SESSION_TICKET))
        .as("the ticket's key is current: no new ticket").isFalse();
    assertThat(Connection.sent(resumed.serverEvents))
        .containsExactly("server_hello", "change_cipher_spec", "finished");
    assertThat(Connection.sent(resumed.clientEvents))
        .containsExactly("client_hello", "change_cipher_spec", "finished");
    assertThat(Connection.crypto(resumed.serverEvents))
        .containsExactly("ticket.open", "prf.key-block", "prf.finished", "prf.finished");
    assertThat(Connection.crypto(resumed.clientEvents))
        .containsExactly("prf.key-block", "prf.finished", "prf.finished");
    assertThat(resumed.clientEstablished().resumedBy()).isEqualTo("ticket");
    assertThat(resumed.serverEstablished().resumedBy()).isEqualTo("ticket");
    assertThat(resumed.serverEstablished().sessionId()).isEqualTo(offeredId);
    assertThat(Pipe.of(resumed.clientEvents, TlsEvent.SessionSecrets.class).get(0).masterSecret())
        .isEqualTo(Pipe.of(full.clientEvents, TlsEvent.SessionSecrets.class).get(0).masterSecret());
    assertThat(Tls12.session(resumed.server).orElseThrow().serverName()).isEqualTo(WebPki.HOST);
    assertThat(resumed.echo("ping")).isEqualTo("ping");
  }

  @Test
  void withinTheGracePeriodTheOldKeyStillOpensAndAFreshTicketIsIssued() {
    ClientConfig client = TestPki.client12();
    TicketKeys keys = keys();
    Connection.run(client, ticketServer(keys), EPOCH, 10);
    Instant inGrace = EPOCH.plus(Duration.ofMinutes(90));
    Connection resumed = Connection.run(client, ticketServer(keys), inGrace, 20);

    assertThat(resumed.clientEstablished().resumedBy()).isEqualTo("ticket");
    // RFC 5077 §3.1 Figure 2: ServerHello, NewSessionTicket, ChangeCipherSpec, Finished.
    assertThat(Connection.sent(resumed.serverEvents)).containsExactly(
        "server_hello", "new_session_ticket", "change_cipher_spec", "finished");
    assertThat(Connection.received(resumed.clientEvents)).containsExactly(
        "server_hello", "new_session_ticket", "change_cipher_spec", "finished");
    assertThat(Connection.crypto(resumed.serverEvents)).containsExactly(
        "ticket.open", "ticket.seal", "prf.key-block", "prf.finished", "prf.finished");
    byte[] renewed = client.sessionStore().get(WebPki.HOST, inGrace).orElseThrow().ticket();
    assertThat(Arrays.copyOf(renewed, 16)).isEqualTo(keys.current(inGrace).keyName());

    // The renewed ticket outlives the first key: at 2h30 key 0 is retired, key 1 in grace.
    Connection later = Connection.run(client, ticketServer(keys),
        EPOCH.plus(Duration.ofMinutes(150)), 30);
    assertThat(later.clientEstablished().resumedBy()).isEqualTo("ticket");
  }

  @Test
  void afterTheGracePeriodTheTicketLeadsToAFullHandshake() {
    ClientConfig client = TestPki.client12();
    Connection.run(client, ticketServer(keys()), EPOCH, 10);
    // Key 0 was current until 1h and accepted until 2h.
    Connection retired = Connection.run(client, ticketServer(keys()), EPOCH.plus(
        Duration.ofHours(2)), 20);
    assertThat(retired.clientHello().extensionsOrEmpty().find(SessionTicket.class).orElseThrow()
        .isEmpty()).isFalse();
    assertThat(retired.clientEstablished().resumed()).isFalse();
    assertThat(Connection.received(retired.clientEvents)).contains("certificate");
    assertThat(Pipe.of(retired.clientEvents, TlsEvent.AlertReceived.class)).isEmpty();
    // A full handshake issues a ticket under the current key, which resumes again.
    assertThat(Connection.run(client, ticketServer(keys()), EPOCH.plus(Duration.ofHours(2)), 30)
        .clientEstablished().resumedBy()).isEqualTo("ticket");
  }

  @ParameterizedTest(name = "byte {0} flipped")
  @ValueSource(ints = {0, 20, 33, 40, -1})
  void aTamperedTicketLeadsToAFullHandshakeNotAnAlert(int position) {
    ClientConfig client = TestPki.client12();
    ServerConfig server = ticketServer(keys());
    Connection.run(client, server, EPOCH, 10);
    ResumableSession stored = client.sessionStore().get(WebPki.HOST, EPOCH).orElseThrow();
    byte[] ticket = stored.ticket();
    ticket[position < 0 ? ticket.length + position : position] ^= 0x01;
    client.sessionStore().put(WebPki.HOST, new ResumableSession(stored.session(), ticket,
        stored.ticketLifetimeHintSeconds(), stored.receivedAt()));

    Connection next = Connection.run(client, server, EPOCH, 20);
    assertThat(next.clientEstablished().resumed()).isFalse();
    assertThat(next.server.established()).isTrue();
    assertThat(Connection.crypto(next.serverEvents)).startsWith("ticket.open");
  }

  @Test
  void aTicketFromAnotherServersKeysDoesNotOpen() {
    ClientConfig client = TestPki.client12();
    Connection.run(client, ticketServer(keys()), EPOCH, 10);
    TicketKeys otherKeys = new TicketKeys("another seed".getBytes(StandardCharsets.US_ASCII),
        EPOCH, Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(4));
    Connection other = Connection.run(client, ticketServer(otherKeys), EPOCH, 20);
    assertThat(other.clientEstablished().resumed()).isFalse();
  }

  @Test
  void theClientDropsATicketPastItsLifetimeHint() {
    TicketKeys shortLived = new TicketKeys(SEED, EPOCH, Duration.ofDays(1), Duration.ZERO,
        Duration.ofMinutes(10));
    ClientConfig client = TestPki.client12();
    ServerConfig server = ticketServer(shortLived);
    Connection.run(client, server, EPOCH, 10);
    Connection late = Connection.run(client, server, EPOCH.plus(Duration.ofMinutes(10)), 20);
    // RFC 5077 §3.3: the client deletes the ticket when the hint's time has passed.
    assertThat(late.clientHello().extensionsOrEmpty().find(SessionTicket.class).orElseThrow()
        .isEmpty()).isTrue();
    assertThat(late.clientEstablished().resumed()).isFalse();
  }

  @Test
  void aClientThatDoesNotOfferTicketsResumesBySessionId() {
    ClientConfig client = TestPki.client12().withResumption(true, false);
    ServerConfig server = ticketServer(keys());
    Connection full = Connection.run(client, server, EPOCH, 10);
    assertThat(full.clientHello().extensionsOrEmpty().contains(ExtensionType.SESSION_TICKET))
        .isFalse();
    assertThat(Connection.sent(full.serverEvents)).doesNotContain("new_session_ticket");
    assertThat(full.serverHello().sessionId()).hasSize(32);
    assertThat(Connection.run(client, server, EPOCH, 20).clientEstablished().resumedBy())
        .isEqualTo("session-id");
  }

  @Test
  void sealAndOpen() {
    TicketKeys keys = keys();
    SessionParameters session = new SessionParameters(ProtocolVersion.TLS12,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, new byte[48], true, new byte[0],
        List.of(), WebPki.HOST);
    byte[] id = new byte[32];
    Arrays.fill(id, (byte) 7);
    byte[] ticket = TicketProtector.seal(session, EPOCH, keys, Pipe.seeded(1));
    TicketProtector.Opened opened = TicketProtector.open(ticket, id, EPOCH, keys).orElseThrow();
    assertThat(opened.session().suite()).isEqualTo(session.suite());
    assertThat(opened.session().masterSecret()).isEqualTo(session.masterSecret());
    assertThat(opened.session().extendedMasterSecret()).isTrue();
    assertThat(opened.session().serverName()).isEqualTo(WebPki.HOST);
    assertThat(opened.session().sessionId()).isEqualTo(id);
    assertThat(opened.key().period()).isZero();
    // Deterministic keys: another schedule from the same seed opens it too.
    assertThat(TicketProtector.open(ticket, id, EPOCH, keys())).isPresent();
    // Expired: the key is still accepted at 4h (period 4 is current) but the ticket is 4h old.
    TicketKeys longGrace = new TicketKeys(SEED, EPOCH, Duration.ofHours(1), Duration.ofDays(1),
        Duration.ofHours(4));
    assertThat(TicketProtector.open(ticket, id, EPOCH.plus(Duration.ofMinutes(239)), longGrace))
        .isPresent();
    assertThat(TicketProtector.open(ticket, id, EPOCH.plus(Duration.ofHours(4)), longGrace))
        .isEmpty();
    assertThat(TicketProtector.open(Arrays.copyOf(ticket, 40), id, EPOCH, keys)).isEmpty();
    assertThat(TicketProtector.open(new byte[0], id, EPOCH, keys)).isEmpty();
  }

  @Test
  void keyScheduleRotatesAndRetires() {
    TicketKeys keys = keys();
    TicketKey k0 = keys.current(EPOCH);
    TicketKey k1 = keys.current(EPOCH.plus(Duration.ofHours(1)));
    assertThat(k0.keyName()).isNotEqualTo(k1.keyName());
    assertThat(keys.current(EPOCH.plus(Duration.ofMinutes(59))).keyName())
        .isEqualTo(k0.keyName());
    assertThat(keys.accepting(k0.keyName(), EPOCH.plus(Duration.ofMinutes(119)))).isPresent();
    assertThat(keys.accepting(k0.keyName(), EPOCH.plus(Duration.ofHours(2)))).isEmpty();
    assertThat(keys.accepting(k1.keyName(), EPOCH)).as("a future key is not accepted").isEmpty();
    assertThat(keys.current(EPOCH.minusSeconds(1)).period()).isEqualTo(-1);
  }
}
