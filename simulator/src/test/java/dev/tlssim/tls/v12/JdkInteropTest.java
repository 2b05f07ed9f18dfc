package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.JdkPeer;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.WebPki;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof that our bytes are real TLS 1.2: full handshakes, application data both ways and
 * close_notify against the JDK's SSLEngine, in both roles, for all six suites and, for ECDHE,
 * both groups (forced from our side's group list, which the JDK must then use).
 */
class JdkInteropTest {
  static {
    // Newer JDK builds list "TLS_RSA_*" in jdk.tls.disabledAlgorithms (JDK-8245545). The RSA key
    // exchange suites are part of what we must interoperate on, so re-enable them for this test
    // JVM if the running JDK disables them; on JDK 17.0.15 this is a no-op.
    String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
    if (disabled != null && disabled.contains("TLS_RSA_")) {
      Security.setProperty("jdk.tls.disabledAlgorithms", Arrays.stream(disabled.split(","))
          .map(String::trim).filter(a -> !a.startsWith("TLS_RSA_"))
          .collect(Collectors.joining(", ")));
    }
  }

  static Stream<Arguments> cases() {
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

  @ParameterizedTest(name = "JDK client -> our server: {0} {1}")
  @MethodSource("cases")
  void jdkClientToOurServer(CipherSuite suite, NamedGroup group) throws Exception {
    ServerConfig config = HandshakeTest.serverFor(suite);
    if (group != null) {
      config = config.withGroups(List.of(group));
    }
    TlsEndpoint server = Tls12.server(config, Pipe.seeded(21), WebPki.NOW);
    JdkPeer client = JdkPeer.client("TLSv1.2", WebPki.rootCertificate(), WebPki.HOST, suite.name());
    client.beginHandshake();
    shuttle(client, server);

    assertThat(server.established()).isTrue();
    assertThat(client.handshaking()).isFalse();
    assertThat(client.engine.getSession().getCipherSuite()).isEqualTo(suite.name());
    assertThat(client.engine.getSession().getProtocol()).isEqualTo("TLSv1.2");
    TlsEvent.Established established =
        Pipe.of(server.drainEvents(), TlsEvent.Established.class).get(0);
    assertThat(established.suite()).isEqualTo(suite);
    assertThat(established.group()).isEqualTo(group);
    assertThat(established.extendedMasterSecret()).isTrue();
    assertThat(client.engine.getSession().getId()).isEqualTo(established.sessionId());

    exchangeDataAndClose(client, server, false);
  }

  @ParameterizedTest(name = "our client -> JDK server: {0} {1}")
  @MethodSource("cases")
  void ourClientToJdkServer(CipherSuite suite, NamedGroup group) throws Exception {
    // For ECDHE_ECDSA the client also lists secp256r1 (the certificate's curve, RFC 8422 §5.1);
    // the JDK server takes the first group in the client's order that it supports.
    ClientConfig config = HandshakeTest.clientFor(suite, group);
    boolean ecdsa = suite.keyExchange() == CipherSuite.KeyExchange.ECDHE_ECDSA;
    JdkPeer server = JdkPeer.server("TLSv1.2", ecdsa ? WebPki.EC_CHAIN : WebPki.RSA_CHAIN,
        ecdsa ? WebPki.EC_LEAF_KEY.getPrivate() : WebPki.RSA_LEAF_KEY.getPrivate(),
        suite.name());
    TlsEndpoint client = Tls12.client(config, Pipe.seeded(22), WebPki.NOW);
    client.start();
    shuttle(server, client);

    assertThat(client.established()).isTrue();
    assertThat(server.handshaking()).isFalse();
    assertThat(server.engine.getSession().getCipherSuite()).isEqualTo(suite.name());
    List<TlsEvent> events = client.drainEvents();
    TlsEvent.Established established = Pipe.of(events, TlsEvent.Established.class).get(0);
    assertThat(established.suite()).isEqualTo(suite);
    assertThat(established.group()).isEqualTo(group);
    // SunJSSE answers our empty session_ticket extension with a ticket (RFC 5077 §3.3), which
    // must be in the transcript of its Finished.
    assertThat(Pipe.of(events, TlsEvent.MessageReceived.class))
        .extracting(TlsEvent.MessageReceived::name)
        .endsWith("server_hello_done", "new_session_ticket", "change_cipher_spec", "finished");
    assertThat(Pipe.of(events, TlsEvent.CertificateCheck.class))
        .extracting(TlsEvent.CertificateCheck::status).doesNotContain("failed");

    exchangeDataAndClose(server, client, true);
  }

  private static void exchangeDataAndClose(JdkPeer jdk, TlsEndpoint ours, boolean oursCloses)
      throws Exception {
    ours.write("hello from tlssim".getBytes(StandardCharsets.UTF_8));
    jdk.consume(ours.drainOutput());
    assertThat(new String(jdk.received(), StandardCharsets.UTF_8)).isEqualTo("hello from tlssim");

    byte[] big = new byte[20_000];
    Pipe.seeded(23).nextBytes(big);
    jdk.send(big);
    ours.receive(jdk.produce());
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    Pipe.of(ours.drainEvents(), TlsEvent.ApplicationData.class)
        .forEach(d -> got.writeBytes(d.data()));
    assertThat(got.toByteArray()).isEqualTo(big);

    if (oursCloses) {
      ours.close();
      jdk.consume(ours.drainOutput());
      assertThat(jdk.engine.isInboundDone()).isTrue();
      ours.receive(jdk.produce());
    } else {
      jdk.engine.closeOutbound();
      ours.receive(jdk.produce());
      jdk.consume(ours.drainOutput());
      assertThat(jdk.engine.isInboundDone()).isTrue();
    }
    assertThat(ours.closed()).isTrue();
    assertThat(Pipe.of(ours.drainEvents(), TlsEvent.Closed.class))
        .containsExactly(new TlsEvent.Closed("close_notify"));
  }

  /** Runs the handshake: whoever speaks first is {@code first}. */
  static void shuttle(JdkPeer jdk, TlsEndpoint ours) throws Exception {
    for (int round = 0; round < 20; round++) {
      byte[] fromJdk = jdk.produce();
      ours.receive(fromJdk);
      byte[] fromOurs = ours.drainOutput();
      jdk.consume(fromOurs);
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
