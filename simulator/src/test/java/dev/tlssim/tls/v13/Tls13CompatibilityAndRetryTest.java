package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.JdkPeer;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The middlebox compatibility mode as an option (RFC 8446 Appendix D.4), and a HelloRetryRequest
 * from the JDK's SSLEngine answered by our client (§4.1.4).
 */
class Tls13CompatibilityAndRetryTest {
  /** Byte 38 of a ClientHello or ServerHello message: the legacy_session_id length (after 4 + 2 + 32). */
  private static final int SESSION_ID_LENGTH_AT = 38;

  @Test
  void withoutCompatibilityModeTheSessionIdIsEmptyAndNoChangeCipherSpecGoesEitherWay() {
    TlsEndpoint client = Tls13.client(TestPki.client13().withMiddleboxCompatibility(false),
        Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint server = Tls13.server(TestPki.ecServer13(), Pipe.seeded(2), WebPki.NOW);
    client.start();
    Pipe.run(client, server);
    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    List<TlsEvent> clientEvents = client.drainEvents();
    List<TlsEvent> serverEvents = server.drainEvents();
    assertThat(Pipe.sent(clientEvents)).containsExactly("client_hello", "finished");
    assertThat(Pipe.sent(serverEvents)).containsExactly("server_hello", "encrypted_extensions", "certificate",
        "certificate_verify", "finished");
    byte[] hello = Pipe.of(clientEvents, TlsEvent.MessageSent.class).get(0).bytes();
    assertThat(hello[SESSION_ID_LENGTH_AT]).isEqualTo((byte) 0);
  }

  @Test
  void withCompatibilityModeBothSendOneChangeCipherSpec() {
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint server = Tls13.server(TestPki.ecServer13(), Pipe.seeded(2), WebPki.NOW);
    client.start();
    Pipe.run(client, server);
    List<TlsEvent> clientEvents = client.drainEvents();
    assertThat(Pipe.sent(clientEvents)).containsExactly("client_hello", "change_cipher_spec", "finished");
    assertThat(Pipe.sent(server.drainEvents())).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "certificate", "certificate_verify", "finished");
    byte[] hello = Pipe.of(clientEvents, TlsEvent.MessageSent.class).get(0).bytes();
    assertThat(hello[SESSION_ID_LENGTH_AT]).isEqualTo((byte) 32);
  }

  @Test
  void theJdkServerCompletesWithOurClientOutOfCompatibilityMode() throws Exception {
    JdkPeer server = JdkPeer.server("TLSv1.3", WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate(),
        "TLS_AES_128_GCM_SHA256");
    TlsEndpoint client = Tls13.client(TestPki.client13().withMiddleboxCompatibility(false),
        Pipe.seeded(3), WebPki.NOW);
    client.start();
    JdkPeer.shuttle(server, client);
    assertThat(client.established()).isTrue();
    assertThat(Pipe.received(client.drainEvents())).startsWith("server_hello", "encrypted_extensions");
  }

  /**
   * Our client offers its groups but no key share at all (RFC 8446 §4.2.8 allows an empty
   * client_shares "to request group selection from the server"): the JDK answers with a
   * HelloRetryRequest, our second ClientHello carries the share it asked for, and both complete.
   */
  @Test
  void ourClientAnswersTheJdkServersHelloRetryRequest() throws Exception {
    JdkPeer server = JdkPeer.server("TLSv1.3", WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate(),
        "TLS_AES_128_GCM_SHA256");
    TlsEndpoint client = Tls13.client(TestPki.client13()
        .withGroups(List.of(NamedGroup.SECP256R1, NamedGroup.X25519)).withKeyShareGroups(List.of()),
        Pipe.seeded(4), WebPki.NOW);
    client.start();
    JdkPeer.shuttle(server, client);
    assertThat(client.established()).isTrue();
    assertThat(server.handshaking()).isFalse();
    List<TlsEvent> events = client.drainEvents();
    assertThat(Pipe.received(events)).startsWith("hello_retry_request");
    assertThat(Collections.frequency(Pipe.sent(events), "client_hello")).isEqualTo(2);
    assertThat(Tls13.parameters(client).orElseThrow().group()).isIn(NamedGroup.SECP256R1, NamedGroup.X25519);
  }
}
