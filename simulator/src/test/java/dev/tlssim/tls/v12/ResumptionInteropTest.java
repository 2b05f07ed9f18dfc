package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.JdkPeer;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.SessionTicket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** Resumption against the JDK's SSLEngine (JDK 17), in both roles, by session_id and ticket. */
class ResumptionInteropTest {
  private static final String SUITE = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";

  /** What one JDK-client connection to our server showed. */
  record Run(JdkPeer jdk, TlsEndpoint ours, ClientHello jdkHello, List<TlsEvent> events) {}

  private static Run jdkClientToOurServer(SSLContext context, ServerConfig config, long seed)
      throws Exception {
    JdkPeer client = JdkPeer.client(context, "TLSv1.2", WebPki.HOST, SUITE);
    TlsEndpoint server = Tls12.server(config, Pipe.seeded(seed), WebPki.NOW);
    client.beginHandshake();
    byte[] hello = client.produce();
    ClientHello jdkHello = ClientHello.decode(Connection.firstFrame(hello).body());
    server.receive(hello);
    client.consume(server.drainOutput());
    JdkPeer.shuttle(client, server);
    assertThat(server.established()).isTrue();
    return new Run(client, server, jdkHello, server.drainEvents());
  }

  private static List<TlsEvent> ourClientToJdkServer(SSLContext context, ClientConfig config,
      long seed, List<JdkPeer> servers) throws Exception {
    JdkPeer server = JdkPeer.server(context, "TLSv1.2", SUITE);
    TlsEndpoint client = Tls12.client(config, Pipe.seeded(seed), WebPki.NOW);
    client.start();
    JdkPeer.shuttle(server, client);
    assertThat(client.established()).isTrue();
    servers.add(server);
    List<TlsEvent> events = client.drainEvents();
    client.write("ping".getBytes(StandardCharsets.US_ASCII));
    server.consume(client.drainOutput());
    assertThat(new String(server.received(), StandardCharsets.US_ASCII)).isEqualTo("ping");
    return events;
  }

  /**
   * JDK 17 client, our server with its session cache: the JDK offers the session_id our server
   * gave it (with an empty session_ticket, having no ticket), and we resume.
   */
  @Test
  void jdkClientResumesBySessionId() throws Exception {
    SSLContext context = JdkPeer.clientContext("TLSv1.2", WebPki.rootCertificate());
    ServerConfig config = TestPki.ecServer12();
    Run first = jdkClientToOurServer(context, config, 1);
    Run second = jdkClientToOurServer(context, config, 2);

    byte[] sessionId = Pipe.of(first.events(), TlsEvent.Established.class).get(0).sessionId();
    assertThat(first.jdkHello().sessionId()).isEmpty();
    assertThat(second.jdkHello().sessionId()).isEqualTo(sessionId);
    assertThat(second.jdkHello().extensionsOrEmpty().find(SessionTicket.class)).hasValueSatisfying(
        t -> assertThat(t.isEmpty()).isTrue());
    TlsEvent.Established resumed = Pipe.of(second.events(), TlsEvent.Established.class).get(0);
    assertThat(resumed.resumedBy()).isEqualTo("session-id");
    assertThat(Connection.sent(second.events()))
        .containsExactly("server_hello", "change_cipher_spec", "finished");
    assertThat(Connection.crypto(second.events()))
        .containsExactly("prf.key-block", "prf.finished", "prf.finished");
    assertThat(second.jdk().engine.getSession().getId())
        .isEqualTo(first.jdk().engine.getSession().getId()).isEqualTo(sessionId);
    assertDataFlows(second);
  }

  /**
   * JDK 17 client, our server with tickets: the JDK asks for a ticket with an empty
   * session_ticket, and offers it next time with a random 32-byte session_id of its own, which
   * our server echoes to accept the ticket (RFC 5077 §3.4).
   */
  @Test
  void jdkClientResumesByTicket() throws Exception {
    SSLContext context = JdkPeer.clientContext("TLSv1.2", WebPki.rootCertificate());
    ServerConfig config = TestPki.ecServer12().withTicketKeys(new TicketKeys(
        "interop".getBytes(StandardCharsets.US_ASCII), WebPki.NOW, Duration.ofHours(1),
        Duration.ofHours(1), Duration.ofHours(2)));
    Run first = jdkClientToOurServer(context, config, 1);
    Run second = jdkClientToOurServer(context, config, 2);

    assertThat(first.jdkHello().extensionsOrEmpty().find(SessionTicket.class)).hasValueSatisfying(
        t -> assertThat(t.isEmpty()).isTrue());
    assertThat(Connection.sent(first.events())).containsSequence(
        "new_session_ticket", "change_cipher_spec", "finished");
    int ticketMessage = Pipe.of(first.events(), TlsEvent.MessageSent.class).stream()
        .filter(m -> m.name().equals("new_session_ticket")).findFirst().orElseThrow().length();
    byte[] offered = second.jdkHello().extensionsOrEmpty().find(SessionTicket.class)
        .orElseThrow().ticket();
    // The handshake header (4) and ticket_lifetime_hint (4) and the ticket's length (2) aside.
    assertThat(offered).hasSize(ticketMessage - 4 - 4 - 2);
    assertThat(second.jdkHello().sessionId()).hasSize(32);

    TlsEvent.Established resumed = Pipe.of(second.events(), TlsEvent.Established.class).get(0);
    assertThat(resumed.resumedBy()).isEqualTo("ticket");
    assertThat(resumed.sessionId()).isEqualTo(second.jdkHello().sessionId());
    assertThat(Connection.sent(second.events()))
        .containsExactly("server_hello", "change_cipher_spec", "finished");
    assertThat(Connection.crypto(second.events()))
        .containsExactly("ticket.open", "prf.key-block", "prf.finished", "prf.finished");
    assertThat(second.jdk().engine.getSession().getId()).isEqualTo(resumed.sessionId());
    assertDataFlows(second);
  }

  /**
   * Our client, JDK 17 server, session IDs only: the JDK server's cache (one SSLContext) resumes
   * the session our client names.
   */
  @Test
  void ourClientResumesWithJdkServerBySessionId() throws Exception {
    SSLContext context = JdkPeer.serverContext("TLSv1.2", WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate());
    ClientConfig config = TestPki.client12().withResumption(true, false);
    List<JdkPeer> servers = new ArrayList<>();
    List<TlsEvent> first = ourClientToJdkServer(context, config, 1, servers);
    List<TlsEvent> second = ourClientToJdkServer(context, config, 2, servers);

    byte[] sessionId = Pipe.of(first, TlsEvent.Established.class).get(0).sessionId();
    TlsEvent.Established resumed = Pipe.of(second, TlsEvent.Established.class).get(0);
    assertThat(resumed.resumedBy()).isEqualTo("session-id");
    assertThat(resumed.sessionId()).isEqualTo(sessionId);
    assertThat(Connection.received(second))
        .containsExactly("server_hello", "change_cipher_spec", "finished");
    assertThat(Connection.sent(second))
        .containsExactly("client_hello", "change_cipher_spec", "finished");
    assertThat(Pipe.of(second, TlsEvent.CertificateCheck.class)).isEmpty();
    assertThat(servers.get(1).engine.getSession().getId())
        .isEqualTo(servers.get(0).engine.getSession().getId()).isEqualTo(sessionId);
  }

  /**
   * Our client, JDK 17 server, tickets: the JDK server sends a session_id and a ticket in the
   * full handshake, accepts the ticket by echoing our random session_id, and issues a fresh
   * ticket in the abbreviated handshake.
   */
  @Test
  void ourClientResumesWithJdkServerByTicket() throws Exception {
    SSLContext context = JdkPeer.serverContext("TLSv1.2", WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate());
    ClientConfig config = TestPki.client12();
    List<JdkPeer> servers = new ArrayList<>();
    List<TlsEvent> first = ourClientToJdkServer(context, config, 1, servers);
    assertThat(Pipe.of(first, TlsEvent.TicketReceived.class)).singleElement()
        .satisfies(t -> assertThat(t.lifetimeHintSeconds()).isPositive());
    ResumableSession stored = config.sessionStore().get(WebPki.HOST, WebPki.NOW).orElseThrow();
    assertThat(stored.ticket()).isNotEmpty();
    assertThat(stored.hasSessionId()).as("the JDK server sends a session_id with its ticket")
        .isTrue();

    List<TlsEvent> second = ourClientToJdkServer(context, config, 2, servers);
    TlsEvent.Established resumed = Pipe.of(second, TlsEvent.Established.class).get(0);
    assertThat(resumed.resumedBy()).isEqualTo("ticket");
    assertThat(resumed.sessionId()).isNotEqualTo(stored.session().sessionId());
    assertThat(Connection.received(second)).containsExactly(
        "server_hello", "new_session_ticket", "change_cipher_spec", "finished");
    assertThat(Pipe.of(second, TlsEvent.CertificateCheck.class)).isEmpty();
    assertThat(Connection.crypto(second))
        .containsExactly("prf.key-block", "prf.finished", "prf.finished");
    assertThat(servers.get(1).engine.getSession().getId()).isEqualTo(resumed.sessionId());
    assertThat(config.sessionStore().get(WebPki.HOST, WebPki.NOW).orElseThrow().ticket())
        .as("the renewed ticket replaces the first").isNotEqualTo(stored.ticket());
  }

  private static void assertDataFlows(Run run) throws Exception {
    run.jdk().send("ping".getBytes(StandardCharsets.US_ASCII));
    run.ours().receive(run.jdk().produce());
    assertThat(Pipe.of(run.ours().drainEvents(), TlsEvent.ApplicationData.class))
        .extracting(d -> new String(d.data(), StandardCharsets.US_ASCII))
        .containsExactly("ping");
  }
}
