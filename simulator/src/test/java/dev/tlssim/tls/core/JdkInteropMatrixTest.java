package dev.tlssim.tls.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.testing.JdkPeer;
import dev.tlssim.tls.testing.Peers;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.Suites;
import dev.tlssim.tls.testing.TlsAssertions;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.v13.Tls13;
import dev.tlssim.tls.v13.Tls13Parameters;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof that our bytes are real TLS: full handshakes, application data both ways and
 * close_notify against the JDK's SSLEngine, in both roles, case × version × every suite, group
 * and server key the version negotiates ({@link Suites}; the group is forced from our side,
 * which the JDK must then use). The shape of {@link HandshakeMatrixTest}.
 */
class JdkInteropMatrixTest {
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

  private static final Set<ProtocolVersion> BOTH = Set.of(ProtocolVersion.TLS12, ProtocolVersion.TLS13);

  /** One check, run with one offer of one version. */
  @FunctionalInterface
  interface Check {
    void run(Suites.Offer offer) throws Exception;
  }

  /** A case: its name, the versions it applies to, and what it checks for each offer. */
  record InteropCase(String name, Set<ProtocolVersion> versions, Check check) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<InteropCase> cases() {
    return List.of(
        new InteropCase("JDK client -> our server", BOTH, JdkInteropMatrixTest::jdkClientToOurServer),
        new InteropCase("our client -> JDK server", BOTH, JdkInteropMatrixTest::ourClientToJdkServer));
  }

  static Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    for (InteropCase c : cases()) {
      for (ProtocolVersion v : List.of(ProtocolVersion.TLS12, ProtocolVersion.TLS13)) {
        if (c.versions().contains(v)) {
          Suites.of(v).forEach(offer -> rows.add(Arguments.of(c, v, offer)));
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} ({1}) {2}")
  @MethodSource("matrix")
  void interop(InteropCase c, ProtocolVersion version, Suites.Offer offer) throws Exception {
    c.check().run(offer);
  }

  private static String jdkProtocol(Suites.Offer o) {
    return o.tls13() ? "TLSv1.3" : "TLSv1.2";
  }

  private static void jdkClientToOurServer(Suites.Offer o) throws Exception {
    // TLS 1.3: the JDK 17 client sends key shares for x25519 and secp256r1, so the server's one
    // group is among them and no HelloRetryRequest is needed.
    TlsEndpoint server = o.server(21);
    JdkPeer client = JdkPeer.client(jdkProtocol(o), WebPki.rootCertificate(), WebPki.HOST, o.suite().name());
    client.beginHandshake();
    JdkPeer.shuttle(client, server);

    assertThat(server.established()).isTrue();
    assertThat(client.handshaking()).isFalse();
    assertThat(client.engine.getSession().getCipherSuite()).isEqualTo(o.suite().name());
    assertThat(client.engine.getSession().getProtocol()).isEqualTo(jdkProtocol(o));
    List<TlsEvent> events = server.drainEvents();
    if (o.tls13()) {
      assertThat(Tls13.parameters(server)).contains(new Tls13Parameters(o.suite13(), o.group(), o.scheme()));
      // SunJSSE runs in middlebox compatibility mode (RFC 8446 §D.4): its change_cipher_spec is
      // dropped, not processed.
      assertThat(Pipe.received(events)).containsExactly("client_hello", "change_cipher_spec", "finished");
    } else {
      TlsEvent.Established established = Pipe.of(events, TlsEvent.Established.class).get(0);
      assertThat(established.suite()).isEqualTo(o.suite12());
      assertThat(established.group()).isEqualTo(o.group());
      assertThat(established.extendedMasterSecret()).isTrue();
      assertThat(client.engine.getSession().getId()).isEqualTo(established.sessionId());
    }

    TlsAssertions.exchangeDataAndClose(client, server, false, o.tls13());
  }

  private static void ourClientToJdkServer(Suites.Offer o) throws Exception {
    // TLS 1.2, ECDHE_ECDSA: the client also lists secp256r1 (the certificate's curve, RFC 8422
    // §5.1); the JDK server takes the first group in the client's order that it supports.
    boolean rsa = o.key() == Peers.Key.RSA;
    JdkPeer server = JdkPeer.server(jdkProtocol(o), rsa ? WebPki.RSA_CHAIN : WebPki.EC_CHAIN,
        rsa ? WebPki.RSA_LEAF_KEY.getPrivate() : WebPki.EC_LEAF_KEY.getPrivate(), o.suite().name());
    TlsEndpoint client = o.client(22);
    client.start();
    JdkPeer.shuttle(server, client);

    assertThat(client.established()).isTrue();
    assertThat(server.handshaking()).isFalse();
    assertThat(server.engine.getSession().getProtocol()).isEqualTo(jdkProtocol(o));
    assertThat(server.engine.getSession().getCipherSuite()).isEqualTo(o.suite().name());
    List<TlsEvent> events = client.drainEvents();
    assertThat(Pipe.of(events, TlsEvent.CertificateCheck.class))
        .extracting(TlsEvent.CertificateCheck::status).hasSize(7).doesNotContain("failed");
    if (o.tls13()) {
      assertThat(Tls13.parameters(client)).contains(new Tls13Parameters(o.suite13(), o.group(), o.scheme()));
      assertThat(Pipe.received(events)).startsWith("server_hello", "change_cipher_spec",
          "encrypted_extensions", "certificate", "certificate_verify", "finished");
    } else {
      TlsEvent.Established established = Pipe.of(events, TlsEvent.Established.class).get(0);
      assertThat(established.suite()).isEqualTo(o.suite12());
      assertThat(established.group()).isEqualTo(o.group());
      // SunJSSE answers our empty session_ticket extension with a ticket (RFC 5077 §3.3), which
      // must be in the transcript of its Finished.
      assertThat(Pipe.received(events))
          .endsWith("server_hello_done", "new_session_ticket", "change_cipher_spec", "finished");
    }

    TlsAssertions.exchangeDataAndClose(server, client, true, o.tls13());
  }
}
