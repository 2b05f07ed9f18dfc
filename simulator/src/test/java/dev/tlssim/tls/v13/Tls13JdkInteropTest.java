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
import dev.tlssim.tls.testing.WebPki;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof that our bytes are real TLS 1.3: full handshakes and application data both ways
 * against the JDK's SSLEngine (TLS 1.3 is its default in Java 17), in both roles, for all three
 * suites (both AES-GCM and ChaCha20-Poly1305, RFC 8446 §B.4) and both certificate types.
 */
class Tls13JdkInteropTest {
  static Stream<Arguments> serverCases() {
    List<Arguments> cases = new ArrayList<>();
    for (Tls13CipherSuite suite : Tls13CipherSuite.values()) {
      for (SignatureScheme scheme : List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256)) {
        cases.add(Arguments.of(suite, scheme));
      }
    }
    return cases.stream();
  }

  static Stream<Arguments> clientCases() {
    List<Arguments> cases = new ArrayList<>();
    serverCases().forEach(a -> {
      cases.add(Arguments.of(a.get()[0], a.get()[1], NamedGroup.X25519));
      cases.add(Arguments.of(a.get()[0], a.get()[1], NamedGroup.SECP256R1));
    });
    return cases.stream();
  }

  @ParameterizedTest(name = "JDK client -> our server: {0} {1}")
  @MethodSource("serverCases")
  void jdkClientToOurServer(Tls13CipherSuite suite, SignatureScheme scheme) throws Exception {
    // The JDK 17 client sends key shares for x25519 and secp256r1; our server's first
    // preference, x25519, is among them, so no HelloRetryRequest is needed.
    TlsEndpoint server = Tls13.server(
        Tls13HandshakeTest.serverFor(scheme).withCipherSuites(List.of(suite)), Pipe.seeded(21), WebPki.NOW);
    JdkPeer client = JdkPeer.client("TLSv1.3", WebPki.rootCertificate(), WebPki.HOST, suite.name());
    client.beginHandshake();
    shuttle(client, server);

    assertThat(server.established()).isTrue();
    assertThat(client.handshaking()).isFalse();
    assertThat(client.engine.getSession().getProtocol()).isEqualTo("TLSv1.3");
    assertThat(client.engine.getSession().getCipherSuite()).isEqualTo(suite.name());
    assertThat(Tls13.parameters(server)).contains(new Tls13Parameters(suite, NamedGroup.X25519, scheme));
    // SunJSSE runs in middlebox compatibility mode (RFC 8446 §D.4): its change_cipher_spec is
    // dropped, not processed.
    assertThat(Pipe.received(server.drainEvents()))
        .containsExactly("client_hello", "change_cipher_spec", "finished");

    exchangeData(client, server);
  }

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
    shuttle(client, server);

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

    exchangeData(client, server);
  }

  @ParameterizedTest(name = "our client -> JDK server: {0} {1} {2}")
  @MethodSource("clientCases")
  void ourClientToJdkServer(Tls13CipherSuite suite, SignatureScheme scheme, NamedGroup group) throws Exception {
    boolean rsa = scheme == SignatureScheme.RSA_PSS_RSAE_SHA256;
    JdkPeer server = JdkPeer.server("TLSv1.3", rsa ? WebPki.RSA_CHAIN : WebPki.EC_CHAIN,
        rsa ? WebPki.RSA_LEAF_KEY.getPrivate() : WebPki.EC_LEAF_KEY.getPrivate(), suite.name());
    TlsEndpoint client = Tls13.client(
        TestPki.client13().withGroups(List.of(group)).withSignatureSchemes(List.of(scheme)),
        Pipe.seeded(22), WebPki.NOW);
    client.start();
    shuttle(server, client);

    assertThat(client.established()).isTrue();
    assertThat(server.handshaking()).isFalse();
    assertThat(server.engine.getSession().getProtocol()).isEqualTo("TLSv1.3");
    assertThat(server.engine.getSession().getCipherSuite()).isEqualTo(suite.name());
    assertThat(Tls13.parameters(client)).contains(new Tls13Parameters(suite, group, scheme));
    List<TlsEvent> events = client.drainEvents();
    assertThat(Pipe.of(events, TlsEvent.CertificateCheck.class))
        .isNotEmpty().extracting(TlsEvent.CertificateCheck::status).doesNotContain("failed");
    assertThat(Pipe.received(events)).startsWith("server_hello", "change_cipher_spec",
        "encrypted_extensions", "certificate", "certificate_verify", "finished");

    exchangeData(server, client);
  }

  private static void exchangeData(JdkPeer jdk, TlsEndpoint ours) throws Exception {
    ours.write("hello from tlssim".getBytes(StandardCharsets.UTF_8));
    jdk.consume(ours.drainOutput());
    assertThat(new String(jdk.received(), StandardCharsets.UTF_8)).isEqualTo("hello from tlssim");

    byte[] big = new byte[20_000];
    Pipe.seeded(23).nextBytes(big);
    jdk.send(big);
    ours.receive(jdk.produce());
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    List<TlsEvent> events = ours.drainEvents();
    Pipe.of(events, TlsEvent.ApplicationData.class).forEach(d -> got.writeBytes(d.data()));
    assertThat(got.toByteArray()).isEqualTo(big);
    assertThat(Pipe.of(events, TlsEvent.AlertSent.class)).isEmpty();
    assertThat(ours.established()).isTrue();
  }

  /** Runs the handshake, {@code jdk} speaking first (a server's produce() is empty then). */
  static void shuttle(JdkPeer jdk, TlsEndpoint ours) throws Exception {
    for (int round = 0; round < 20; round++) {
      byte[] fromOurs = ours.drainOutput();
      jdk.consume(fromOurs);
      byte[] fromJdk = jdk.produce();
      ours.receive(fromJdk);
      if (ours.closed()) {
        throw new AssertionError("our endpoint closed: " + ours.drainEvents());
      }
      if (fromJdk.length == 0 && fromOurs.length == 0 && !jdk.handshaking()) {
        return;
      }
    }
    throw new AssertionError("handshake did not finish: " + ours.drainEvents());
  }
}
