package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.JdkPeer;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * TLS 1.3 resumption (RFC 8446 §2.2) against the JDK: the JDK client resumes with our server's
 * ticket, and our client resumes with the JDK server's. Both sides run on the wall clock, since
 * the JDK measures ticket ages and lifetimes by it.
 */
class Tls13ResumptionJdkInteropTest {
  private static final Tls13CipherSuite SUITE = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;

  @Test
  void jdkClientResumesAgainstOurServer() throws Exception {
    Tls13ServerConfig config = TestPki.ecServer13().withCipherSuites(List.of(SUITE))
        .withTickets(Tls13TicketPolicy.of(Tls13ResumptionTest.TICKET_KEY).withLifetime(Duration.ofHours(1)));
    SSLContext context = JdkPeer.clientContext("TLSv1.3", WebPki.rootCertificate());

    TlsEndpoint first = Tls13.server(config, Pipe.seeded(31), Instant.now());
    JdkPeer firstClient = JdkPeer.client(context, "TLSv1.3", WebPki.HOST, SUITE.name());
    firstClient.beginHandshake();
    JdkPeer.shuttle(firstClient, first);
    List<TlsEvent> firstEvents = first.drainEvents();
    assertThat(Pipe.sent(firstEvents)).contains("certificate", "new_session_ticket");
    // The JDK reads the NewSessionTicket when it next unwraps: let it see application data.
    first.write(new byte[] {1});
    firstClient.consume(first.drainOutput());
    assertThat(firstClient.received()).containsExactly(1);

    TlsEndpoint second = Tls13.server(config, Pipe.seeded(32), Instant.now());
    JdkPeer secondClient = JdkPeer.client(context, "TLSv1.3", WebPki.HOST, SUITE.name());
    secondClient.beginHandshake();
    JdkPeer.shuttle(secondClient, second);

    assertThat(second.established()).isTrue();
    assertThat(secondClient.handshaking()).isFalse();
    assertThat(Tls13.parameters(second).orElseThrow().resumed()).isTrue();
    List<TlsEvent> events = second.drainEvents();
    assertThat(Pipe.sent(events)).containsSubsequence("server_hello", "encrypted_extensions", "finished")
        .doesNotContain("certificate", "certificate_verify");
    assertThat(Pipe.of(events, TlsEvent.AlertSent.class)).isEmpty();
    // The JDK session of the resumption still knows the server's certificate, from the ticket's session.
    assertThat(secondClient.engine.getSession().getPeerCertificates()).isNotEmpty();
  }

  @Test
  void ourClientResumesAgainstJdkServer() throws Exception {
    SSLContext context = JdkPeer.serverContext("TLSv1.3", WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate());
    Tls13ClientSessionStore store = new Tls13ClientSessionStore();

    JdkPeer firstServer = JdkPeer.server(context, "TLSv1.3", SUITE.name());
    TlsEndpoint first = Tls13.client(TestPki.client13(), Pipe.seeded(33), Instant.now(), store);
    first.start();
    JdkPeer.shuttle(firstServer, first);
    assertThat(first.established()).isTrue();
    assertThat(Pipe.received(first.drainEvents())).contains("certificate", "new_session_ticket");
    assertThat(store.size(WebPki.HOST)).isPositive();

    JdkPeer secondServer = JdkPeer.server(context, "TLSv1.3", SUITE.name());
    TlsEndpoint second = Tls13.client(TestPki.client13(), Pipe.seeded(34), Instant.now(), store);
    second.start();
    JdkPeer.shuttle(secondServer, second);

    assertThat(second.established()).isTrue();
    assertThat(secondServer.handshaking()).isFalse();
    assertThat(Tls13.parameters(second).orElseThrow().resumed()).isTrue();
    List<TlsEvent> events = second.drainEvents();
    assertThat(Pipe.received(events)).containsSubsequence("server_hello", "encrypted_extensions", "finished")
        .doesNotContain("certificate", "certificate_verify");
    assertThat(Pipe.of(events, TlsEvent.CertificateCheck.class)).isEmpty();
  }
}
