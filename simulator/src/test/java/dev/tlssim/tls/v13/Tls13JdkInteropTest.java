package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.JdkPeer;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.TlsAssertions;
import dev.tlssim.tls.testing.WebPki;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TLS 1.3 only: the JDK's SSLEngine answers our HelloRetryRequest, for all three suites. Full
 * handshakes, data and close with the JDK in both roles are cases of
 * {@code core/JdkInteropMatrixTest}.
 */
class Tls13JdkInteropTest {
  @ParameterizedTest(name = "JDK client -> our server with HelloRetryRequest: {0}")
  @EnumSource(Tls13CipherSuite.class)
  void jdkClientAnswersOurHelloRetryRequest(Tls13CipherSuite suite) throws Exception {
    // The JDK 17 client supports secp384r1 but sends no key share for it (its shares are for
    // x25519 and secp256r1); a server that takes secp384r1 only must ask for a share with a
    // HelloRetryRequest (RFC 8446 §4.1.4). The JDK completing the handshake
    // proves the HelloRetryRequest and the message_hash transcript (§4.4.1) that both Finished
    // messages and every later key depend on.
    TlsEndpoint server = Tls13.server(TestPki.ecServer13().withCipherSuites(List.of(suite))
        .withGroups(List.of(NamedGroup.SECP384R1)), Pipe.seeded(21), WebPki.NOW);
    JdkPeer client = JdkPeer.client("TLSv1.3", WebPki.rootCertificate(), WebPki.HOST, suite.name());
    client.beginHandshake();
    JdkPeer.shuttle(client, server);

    assertThat(server.established()).isTrue();
    assertThat(client.handshaking()).isFalse();
    assertThat(client.engine.getSession().getCipherSuite()).isEqualTo(suite.name());
    assertThat(Tls13.parameters(server)).contains(
        new Tls13Parameters(suite, NamedGroup.SECP384R1, SignatureScheme.ECDSA_SECP256R1_SHA256));
    List<TlsEvent> events = server.drainEvents();
    assertThat(Pipe.sent(events)).containsExactly("hello_retry_request", "change_cipher_spec",
        "server_hello", "encrypted_extensions", "certificate", "certificate_verify", "finished");
    // SunJSSE puts its compatibility change_cipher_spec before its encrypted flight, not before
    // the second ClientHello; RFC 8446 §D.4 allows both.
    assertThat(Pipe.received(events)).containsExactly(
        "client_hello", "client_hello", "change_cipher_spec", "finished");

    TlsAssertions.exchangeDataAndClose(client, server, false, true);
  }
}
