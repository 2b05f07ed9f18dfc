package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our TLS 1.3 client against our TLS 1.3 server (RFC 8446 §2, full 1-RTT handshake). */
class Tls13HandshakeTest {
  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Tls13CipherSuite suite : Tls13CipherSuite.values()) {
      for (NamedGroup group : List.of(NamedGroup.X25519, NamedGroup.SECP256R1)) {
        for (SignatureScheme scheme : List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256)) {
          cases.add(Arguments.of(suite, group, scheme));
        }
      }
    }
    return cases.stream();
  }

  static Tls13ServerConfig serverFor(SignatureScheme scheme) {
    return scheme == SignatureScheme.RSA_PSS_RSAE_SHA256 ? TestPki.rsaServer13() : TestPki.ecServer13();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void ourClientAndOurServerCompleteTheHandshakeAndExchangeData(
      Tls13CipherSuite suite, NamedGroup group, SignatureScheme scheme) {
    // The server picks the suite and group: the only one it is configured with.
    TlsEndpoint server = Tls13.server(
        serverFor(scheme).withCipherSuites(List.of(suite)).withGroups(List.of(group)), Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(2), WebPki.NOW);
    client.start();
    Pipe.run(client, server);

    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    Tls13Parameters expected = new Tls13Parameters(suite, group, scheme);
    assertThat(Tls13.parameters(client)).contains(expected);
    assertThat(Tls13.parameters(server)).contains(expected);

    List<TlsEvent> clientEvents = client.drainEvents();
    List<TlsEvent> serverEvents = server.drainEvents();
    assertThat(Pipe.sent(clientEvents))
        .containsExactly("client_hello", "change_cipher_spec", "finished");
    assertThat(Pipe.sent(serverEvents)).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "certificate", "certificate_verify", "finished");
    assertThat(Pipe.received(serverEvents))
        .containsExactly("client_hello", "change_cipher_spec", "finished");
    assertThat(Pipe.received(clientEvents)).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "certificate", "certificate_verify", "finished");
    assertThat(Pipe.of(clientEvents, TlsEvent.CertificateCheck.class))
        .isNotEmpty().extracting(TlsEvent.CertificateCheck::status).doesNotContain("failed");
    assertThat(Pipe.of(clientEvents, TlsEvent.AlertSent.class)).isEmpty();
    assertThat(Pipe.of(serverEvents, TlsEvent.AlertSent.class)).isEmpty();

    client.write("ping".getBytes(StandardCharsets.US_ASCII));
    server.receive(client.drainOutput());
    assertThat(Pipe.of(server.drainEvents(), TlsEvent.ApplicationData.class))
        .extracting(d -> new String(d.data(), StandardCharsets.US_ASCII)).containsExactly("ping");
    byte[] big = new byte[40_000];
    Pipe.seeded(3).nextBytes(big);
    server.write(big);
    client.receive(server.drainOutput());
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    Pipe.of(client.drainEvents(), TlsEvent.ApplicationData.class).forEach(d -> got.writeBytes(d.data()));
    assertThat(got.toByteArray()).isEqualTo(big);
  }

  @Test
  void serverPrefersItsFirstGroupAmongTheClientsShares() {
    TlsEndpoint server = Tls13.server(
        TestPki.ecServer13().withGroups(List.of(NamedGroup.SECP256R1, NamedGroup.X25519)), Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint client = Tls13.client(TestPki.client13(), Pipe.seeded(2), WebPki.NOW);
    client.start();
    Pipe.run(client, server);
    assertThat(Tls13.parameters(server).orElseThrow().group()).isEqualTo(NamedGroup.SECP256R1);
    assertThat(Tls13.parameters(client).orElseThrow().group()).isEqualTo(NamedGroup.SECP256R1);
  }
}
