package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.TlsRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our client against our server, in memory, for every suite and group. */
class HandshakeTest {

  static Stream<Arguments> suitesAndGroups() {
    List<Arguments> cases = new ArrayList<>();
    for (CipherSuite suite : CipherSuite.values()) {
      if (suite.keyExchange().ephemeral()) {
        cases.add(Arguments.of(suite, NamedGroup.X25519));
        cases.add(Arguments.of(suite, NamedGroup.SECP256R1));
      } else {
        cases.add(Arguments.of(suite, null));
      }
    }
    return cases.stream();
  }

  /**
   * A client offering just {@code suite} and {@code group}. For ECDHE_ECDSA it also lists
   * secp256r1, the curve of the server's certificate, which RFC 8422 §5.1 requires in
   * supported_groups; the server still prefers x25519 when both are listed.
   */
  static ClientConfig clientFor(CipherSuite suite, NamedGroup group) {
    ClientConfig config = TestPki.client12().withCipherSuites(List.of(suite));
    if (group == null) {
      return config;
    }
    boolean needsP256 = suite.keyExchange() == CipherSuite.KeyExchange.ECDHE_ECDSA
        && group != NamedGroup.SECP256R1;
    return config.withGroups(needsP256 ? List.of(group, NamedGroup.SECP256R1) : List.of(group));
  }

  static ServerConfig serverFor(CipherSuite suite) {
    return suite.keyExchange() == CipherSuite.KeyExchange.ECDHE_ECDSA
        ? TestPki.ecServer12() : TestPki.rsaServer12();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("suitesAndGroups")
  void fullHandshakeDataAndClose(CipherSuite suite, NamedGroup group) {
    ClientConfig clientConfig = clientFor(suite, group);
    TlsEndpoint client = Tls12.client(clientConfig, Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint server = Tls12.server(serverFor(suite), Pipe.seeded(2), WebPki.NOW);

    client.start();
    assertThat(Pipe.sent(client.drainEvents())).containsExactly("client_hello");
    server.receive(client.drainOutput());
    List<TlsEvent> serverFlight = server.drainEvents();
    byte[] serverBytes = server.drainOutput();
    assertThat(Pipe.sent(serverFlight)).containsExactlyElementsOf(suite.keyExchange().ephemeral()
        ? List.of("server_hello", "certificate", "server_key_exchange", "server_hello_done")
        : List.of("server_hello", "certificate", "server_hello_done"));
    // RFC 5246 §6.2.1 coalescing: the whole first server flight travels in one record.
    assertThat(Pipe.records(serverBytes)).hasSize(1);

    client.receive(serverBytes);
    List<TlsEvent> clientFlight = client.drainEvents();
    assertThat(Pipe.sent(clientFlight))
        .containsExactly("client_key_exchange", "change_cipher_spec", "finished");
    assertThat(Pipe.records(client.drainOutput())).extracting(TlsRecord::type).containsExactly(
        ContentType.HANDSHAKE, ContentType.CHANGE_CIPHER_SPEC, ContentType.HANDSHAKE);
    assertThat(Pipe.of(clientFlight, TlsEvent.CertificateCheck.class))
        .extracting(TlsEvent.CertificateCheck::status)
        .hasSize(7).doesNotContain("failed");
    assertThat(client.established()).isFalse();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("suitesAndGroups")
  void establishesAndCarriesDataBothWays(CipherSuite suite, NamedGroup group) {
    ClientConfig clientConfig = clientFor(suite, group);
    TlsEndpoint client = Tls12.client(clientConfig, Pipe.seeded(3), WebPki.NOW);
    TlsEndpoint server = Tls12.server(serverFor(suite), Pipe.seeded(4), WebPki.NOW);
    client.start();
    server.receive(client.drainOutput());
    client.receive(server.drainOutput());
    server.receive(client.drainOutput());
    List<TlsEvent> serverEvents = server.drainEvents();
    assertThat(Pipe.sent(serverEvents)).endsWith("change_cipher_spec", "finished");
    assertThat(server.established()).isTrue();
    client.receive(server.drainOutput());
    assertThat(client.established()).isTrue();

    TlsEvent.Established atClient = Pipe.of(client.drainEvents(), TlsEvent.Established.class).get(0);
    TlsEvent.Established atServer = Pipe.of(serverEvents, TlsEvent.Established.class).get(0);
    assertThat(atClient.suite()).isEqualTo(suite).isEqualTo(atServer.suite());
    assertThat(atClient.version()).isEqualTo(ProtocolVersion.TLS12);
    assertThat(atClient.group()).isEqualTo(group).isEqualTo(atServer.group());
    assertThat(atClient.extendedMasterSecret()).isTrue();
    assertThat(atServer.extendedMasterSecret()).isTrue();
    assertThat(atClient.sessionId()).hasSize(32).isEqualTo(atServer.sessionId());

    client.write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    server.receive(client.drainOutput());
    assertThat(Pipe.of(server.drainEvents(), TlsEvent.ApplicationData.class))
        .extracting(d -> new String(d.data(), StandardCharsets.US_ASCII))
        .containsExactly("GET / HTTP/1.1\r\n\r\n");
    byte[] big = new byte[40_000];
    Pipe.seeded(5).nextBytes(big);
    server.write(big);
    client.receive(server.drainOutput());
    List<TlsEvent.ApplicationData> received =
        Pipe.of(client.drainEvents(), TlsEvent.ApplicationData.class);
    assertThat(received).hasSize(3);
    java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
    received.forEach(d -> joined.writeBytes(d.data()));
    assertThat(joined.toByteArray()).isEqualTo(big);

    client.close();
    assertThat(client.closed()).isFalse();
    server.receive(client.drainOutput());
    assertThat(server.closed()).isTrue();
    client.receive(server.drainOutput());
    assertThat(client.closed()).isTrue();
    assertThat(Pipe.of(client.drainEvents(), TlsEvent.Closed.class))
        .containsExactly(new TlsEvent.Closed("close_notify"));
    assertThat(Pipe.of(server.drainEvents(), TlsEvent.Closed.class))
        .containsExactly(new TlsEvent.Closed("close_notify"));
  }

  @Test
  void traceOfAnEcdheRsaHandshake() {
    TlsEndpoint client = Tls12.client(
        TestPki.client12().withCipherSuites(
            List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)),
        Pipe.seeded(6), WebPki.NOW);
    TlsEndpoint server = Tls12.server(TestPki.rsaServer12(), Pipe.seeded(7), WebPki.NOW);
    client.start();
    Pipe.run(client, server);
    List<TlsEvent> c = client.drainEvents();
    List<TlsEvent> s = server.drainEvents();
    assertThat(Pipe.of(s, TlsEvent.CryptoOperation.class)).extracting(TlsEvent.CryptoOperation::name)
        .containsExactly("x25519.keygen", "rsa2048.sign", "x25519.agree", "prf.master-secret",
            "prf.key-block", "prf.finished", "prf.finished");
    assertThat(Pipe.of(c, TlsEvent.CryptoOperation.class)).extracting(TlsEvent.CryptoOperation::name)
        .containsExactly("ecdsa-p256.verify", "rsa2048.verify", "rsa2048.verify",
            "x25519.keygen", "x25519.agree", "prf.master-secret", "prf.key-block",
            "prf.finished", "prf.finished");
    assertThat(Pipe.of(c, TlsEvent.CertificateCheck.class))
        .extracting(TlsEvent.CertificateCheck::check)
        .containsExactly("chain", "signature", "validity", "basic_constraints", "key_usage",
            "hostname", "revocation");
    TlsEvent.SessionSecrets cs = Pipe.of(c, TlsEvent.SessionSecrets.class).get(0);
    TlsEvent.SessionSecrets ss = Pipe.of(s, TlsEvent.SessionSecrets.class).get(0);
    assertThat(cs.masterSecret()).hasSize(48).isEqualTo(ss.masterSecret());
    assertThat(cs.keyLogLine()).isEqualTo(ss.keyLogLine()).startsWith("CLIENT_RANDOM ");
    assertThat(Pipe.of(c, TlsEvent.MessageReceived.class))
        .extracting(TlsEvent.MessageReceived::name)
        .containsExactly("server_hello", "certificate", "server_key_exchange",
            "server_hello_done", "change_cipher_spec", "finished");
    assertThat(client.established()).isTrue();
    assertThat(server.established()).isTrue();
  }

  @Test
  void extendedMasterSecretOnlyWhenBothOfferIt() {
    ServerConfig legacy = TestPki.rsaServer12();
    legacy = new ServerConfig(legacy.minVersion(), legacy.maxVersion(), legacy.cipherSuites(),
        legacy.groups(), legacy.signatureSchemes(), legacy.chain(), legacy.privateKey(), false);
    TlsEndpoint client = Tls12.client(TestPki.client12(), Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint server = Tls12.server(legacy, Pipe.seeded(2), WebPki.NOW);
    client.start();
    Pipe.run(client, server);
    assertThat(Pipe.of(client.drainEvents(), TlsEvent.Established.class).get(0)
        .extendedMasterSecret()).isFalse();
    assertThat(server.established()).isTrue();
  }
}
