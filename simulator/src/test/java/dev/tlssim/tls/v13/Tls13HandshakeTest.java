package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
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
    return scheme == SignatureScheme.RSA_PSS_RSAE_SHA256 ? Tls13TestPki.rsaServer() : Tls13TestPki.ecServer();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void ourClientAndOurServerCompleteTheHandshakeAndExchangeData(
      Tls13CipherSuite suite, NamedGroup group, SignatureScheme scheme) {
    // The server picks the suite and group: the only one it is configured with.
    TlsEndpoint server = Tls13.server(
        serverFor(scheme).withCipherSuites(List.of(suite)).withGroups(List.of(group)), Tls13Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint client = Tls13.client(Tls13TestPki.client(), Tls13Pipe.seeded(2), WebPki.NOW);
    client.start();
    Tls13Pipe.run(client, server);

    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
    Tls13Parameters expected = new Tls13Parameters(suite, group, scheme);
    assertThat(Tls13.parameters(client)).contains(expected);
    assertThat(Tls13.parameters(server)).contains(expected);

    List<TlsEvent> clientEvents = client.drainEvents();
    List<TlsEvent> serverEvents = server.drainEvents();
    assertThat(Tls13Pipe.sent(clientEvents))
        .containsExactly("client_hello", "change_cipher_spec", "finished");
    assertThat(Tls13Pipe.sent(serverEvents)).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "certificate", "certificate_verify", "finished");
    assertThat(Tls13Pipe.received(serverEvents))
        .containsExactly("client_hello", "change_cipher_spec", "finished");
    assertThat(Tls13Pipe.received(clientEvents)).containsExactly("server_hello", "change_cipher_spec",
        "encrypted_extensions", "certificate", "certificate_verify", "finished");
    assertThat(Tls13Pipe.of(clientEvents, TlsEvent.CertificateCheck.class))
        .isNotEmpty().extracting(TlsEvent.CertificateCheck::status).doesNotContain("failed");
    assertThat(Tls13Pipe.of(clientEvents, TlsEvent.AlertSent.class)).isEmpty();
    assertThat(Tls13Pipe.of(serverEvents, TlsEvent.AlertSent.class)).isEmpty();

    client.write("ping".getBytes(StandardCharsets.US_ASCII));
    server.receive(client.drainOutput());
    assertThat(Tls13Pipe.of(server.drainEvents(), TlsEvent.ApplicationData.class))
        .extracting(d -> new String(d.data(), StandardCharsets.US_ASCII)).containsExactly("ping");
    byte[] big = new byte[40_000];
    Tls13Pipe.seeded(3).nextBytes(big);
    server.write(big);
    client.receive(server.drainOutput());
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    Tls13Pipe.of(client.drainEvents(), TlsEvent.ApplicationData.class).forEach(d -> got.writeBytes(d.data()));
    assertThat(got.toByteArray()).isEqualTo(big);
  }

  @Test
  void closeNotifyIsAnsweredAndClosesBothEnds() {
    TlsEndpoint server = Tls13.server(Tls13TestPki.ecServer(), Tls13Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint client = Tls13.client(Tls13TestPki.client(), Tls13Pipe.seeded(2), WebPki.NOW);
    client.start();
    Tls13Pipe.run(client, server);
    client.drainEvents();
    server.drainEvents();

    client.close();
    Tls13Pipe.run(client, server);

    assertThat(client.closed()).isTrue();
    assertThat(server.closed()).isTrue();
    assertThat(Tls13Pipe.of(server.drainEvents(), TlsEvent.Closed.class))
        .containsExactly(new TlsEvent.Closed("close_notify"));
    assertThat(Tls13Pipe.of(client.drainEvents(), TlsEvent.Closed.class))
        .containsExactly(new TlsEvent.Closed("close_notify"));
  }

  @Test
  void bytesDeliveredOneAtATimeStillCompleteTheHandshake() {
    TlsEndpoint server = Tls13.server(Tls13TestPki.rsaServer(), Tls13Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint client = Tls13.client(Tls13TestPki.client(), Tls13Pipe.seeded(2), WebPki.NOW);
    client.start();
    for (int round = 0; round < 3; round++) {
      for (byte b : client.drainOutput()) {
        server.receive(new byte[] {b});
      }
      for (byte b : server.drainOutput()) {
        client.receive(new byte[] {b});
      }
    }
    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
  }

  @Test
  void aSeededRunReplaysByteForByte() {
    assertThat(transcriptOfOneRun()).isEqualTo(transcriptOfOneRun());
  }

  @Test
  void serverPrefersItsFirstGroupAmongTheClientsShares() {
    TlsEndpoint server = Tls13.server(
        Tls13TestPki.ecServer().withGroups(List.of(NamedGroup.SECP256R1, NamedGroup.X25519)), Tls13Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint client = Tls13.client(Tls13TestPki.client(), Tls13Pipe.seeded(2), WebPki.NOW);
    client.start();
    Tls13Pipe.run(client, server);
    assertThat(Tls13.parameters(server).orElseThrow().group()).isEqualTo(NamedGroup.SECP256R1);
    assertThat(Tls13.parameters(client).orElseThrow().group()).isEqualTo(NamedGroup.SECP256R1);
  }

  private static byte[] transcriptOfOneRun() {
    TlsEndpoint server = Tls13.server(Tls13TestPki.ecServer(), Tls13Pipe.seeded(5), WebPki.NOW);
    TlsEndpoint client = Tls13.client(Tls13TestPki.client(), Tls13Pipe.seeded(6), WebPki.NOW);
    client.start();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (int round = 0; round < 5; round++) {
      byte[] toServer = client.drainOutput();
      wire.writeBytes(toServer);
      server.receive(toServer);
      byte[] toClient = server.drainOutput();
      wire.writeBytes(toClient);
      client.receive(toClient);
    }
    assertThat(client.established()).isTrue();
    return wire.toByteArray();
  }
}
