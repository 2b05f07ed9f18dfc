package dev.tlssim.tls.v12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.pki.CertificateAuthority;
import dev.tlssim.pki.CertificateChain;
import dev.tlssim.pki.CertificateProfile;
import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.KeyPool;
import dev.tlssim.pki.VerificationPolicy;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact bytes on the wire and the exact event list of seeded runs, so a refactoring of
 * the engine that changes behaviour in any way (a byte, an event, their order) fails here. The
 * PKI is built at a fixed instant rather than {@link TestPki#NOW}, since certificates carry their
 * validity dates and would otherwise change the Certificate message every day. The expected
 * digests were recorded from the engine before it was split into one class per RFC concept; the
 * event digests again when the SIGNATURE check's detail began naming each link's algorithm (the
 * wire digests did not change).
 */
class PinnedHandshakeTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final String HOST = "www.example.com";
  private static final KeyPool KEYS = new KeyPool(7);
  private static final AsymmetricCipherKeyPair ROOT_KEY = KEYS.rsa("root", 2048);
  private static final AsymmetricCipherKeyPair RSA_LEAF_KEY = KEYS.rsa("leaf-rsa", 2048);
  private static final AsymmetricCipherKeyPair EC_LEAF_KEY = KEYS.ecP256("leaf-ec");
  private static final CertificateAuthority ROOT = CertificateAuthority.root(
      "tlssim Pinned Root", ROOT_KEY, NOW.minus(Duration.ofDays(3650)),
      NOW.plus(Duration.ofDays(3650)));
  private static final CertificateAuthority ISSUER = ROOT.intermediate(
      "tlssim Pinned Issuing CA", KEYS.ecP256("issuer"), NOW.minus(Duration.ofDays(365)),
      NOW.plus(Duration.ofDays(1825)));
  private static final CertificateChain RSA_CHAIN = chainFor(RSA_LEAF_KEY);
  private static final CertificateChain EC_CHAIN = chainFor(EC_LEAF_KEY);

  private static CertificateChain chainFor(AsymmetricCipherKeyPair leaf) {
    return ISSUER.chainFor(ISSUER.issue(CertificateProfile.tlsServer(HOST, leaf.getPublic(),
        NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(335))).build()));
  }

  private static ClientConfig client() {
    return ClientConfig.defaults(HOST,
        new CertificateVerifier(VerificationPolicy.strict(ROOT.certificate())));
  }

  @Test
  void ecdheEcdsaHandshakeDataAndClose() {
    Run run = new Run(client(), ServerConfig.defaults(EC_CHAIN, EC_LEAF_KEY.getPrivate()));
    run.handshake();
    run.clientWrites("GET / HTTP/1.1\r\n\r\n");
    run.serverWrites(20_000);
    run.clientCloses();
    assertThat(run.client.established()).isFalse();
    assertThat(run.client.closed()).isTrue();
    assertThat(run.server.closed()).isTrue();
    assertThat(run.clientEventNames()).containsExactly(
        "MessageSent client_hello", "MessageReceived server_hello",
        "MessageReceived certificate", "CryptoOperation", "CryptoOperation", "CertificateCheck",
        "CertificateCheck", "CertificateCheck", "CertificateCheck", "CertificateCheck",
        "CertificateCheck", "CertificateCheck", "MessageReceived server_key_exchange",
        "CryptoOperation", "MessageReceived server_hello_done", "CryptoOperation",
        "CryptoOperation", "MessageSent client_key_exchange", "CryptoOperation",
        "SessionSecrets", "CryptoOperation", "MessageSent change_cipher_spec",
        "CryptoOperation", "MessageSent finished", "MessageReceived change_cipher_spec",
        "MessageReceived finished", "CryptoOperation", "Established",
        "MessageSent application_data", "MessageReceived application_data", "ApplicationData",
        "MessageReceived application_data", "ApplicationData", "MessageSent alert",
        "AlertSent", "MessageReceived alert", "AlertReceived", "Closed");
    assertThat(run.wireDigest()).isEqualTo(
        "8a483991b592ec3e78f20e7f4e7ab79f7599746bb0f60af77865fb05f39af9b8");
    assertThat(run.eventDigest()).isEqualTo(
        "de78f5ab0946c4243d39a82526500879608798accd5feaa76accbddd17403257");
  }

  @Test
  void clientHelloBytes() {
    TlsEndpoint client = Tls12.client(client(), Pipe.seeded(1), NOW);
    client.start();
    assertThat(HexFormat.of().formatHex(client.drainOutput())).isEqualTo(
        "160303008401000080030396cb4cedc6d78a4666351950dd1d06af5561187421"
            + "0658966039dee8335b88fd00000cc02bc02fc030c013009c002f0100004b0000"
            + "0014001200000f7777772e6578616d706c652e636f6d000a00060004001d0017"
            + "000b00020100000d001200100403080404010503080505010806060100170000"
            + "00230000ff01000100");
  }

  @Test
  void rsaKeyExchangeHandshake() {
    Run run = new Run(
        client().withCipherSuites(List.of(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA)),
        ServerConfig.defaults(RSA_CHAIN, RSA_LEAF_KEY.getPrivate()));
    run.handshake();
    run.clientWrites("ping");
    assertThat(run.server.established()).isTrue();
    assertThat(run.wireDigest()).isEqualTo(
        "611be1cdc25e36eb26f22d7e5c9bdfe8ed8c53606d2054d4414bdb81ca3f7af5");
    assertThat(run.eventDigest()).isEqualTo(
        "ac58b73b97edf42ebdb3f1ab62c3fc433493eb533e13f74f03894d49ad04f622");
  }

  @Test
  void noCommonSuiteEndsInHandshakeFailure() {
    Run run = new Run(
        client().withCipherSuites(List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)),
        ServerConfig.defaults(RSA_CHAIN, RSA_LEAF_KEY.getPrivate()));
    run.handshake();
    assertThat(run.server.closed()).isTrue();
    assertThat(run.client.closed()).isTrue();
    assertThat(run.log.toString()).isEqualTo("""
        client MessageSent[name=client_hello, length=122]
        server MessageReceived[name=client_hello, length=122]
        server MessageSent[name=alert, length=2]
        server AlertSent[description=HANDSHAKE_FAILURE, fatal=true, reason=client_hello: \
        no cipher suite in common that this server's RSAPrivateCrtKeyParameters can serve]
        server Closed[reason=alert:handshake_failure]
        client MessageReceived[name=alert, length=2]
        client AlertReceived[description=HANDSHAKE_FAILURE, fatal=true]
        client Closed[reason=alert:handshake_failure]
        """);
  }

  /** Two endpoints, every byte between them and every event they reported, in order. */
  private static final class Run {
    final TlsEndpoint client;
    final TlsEndpoint server;
    final StringBuilder wire = new StringBuilder();
    final StringBuilder log = new StringBuilder();
    final List<String> clientNames = new ArrayList<>();

    Run(ClientConfig clientConfig, ServerConfig serverConfig) {
      client = Tls12.client(clientConfig, Pipe.seeded(1), NOW);
      server = Tls12.server(serverConfig, Pipe.seeded(2), NOW);
    }

    void handshake() {
      client.start();
      collect();
      for (int round = 0; round < 4; round++) {
        exchange();
      }
    }

    void clientWrites(String text) {
      client.write(text.getBytes(StandardCharsets.US_ASCII));
      exchange();
    }

    void serverWrites(int length) {
      byte[] data = new byte[length];
      Pipe.seeded(99).nextBytes(data);
      server.write(data);
      exchange();
    }

    void clientCloses() {
      client.close();
      exchange();
      exchange();
    }

    private void exchange() {
      byte[] toServer = client.drainOutput();
      wire.append("C>").append(HexFormat.of().formatHex(toServer)).append('\n');
      server.receive(toServer);
      collect();
      byte[] toClient = server.drainOutput();
      wire.append("S>").append(HexFormat.of().formatHex(toClient)).append('\n');
      client.receive(toClient);
      collect();
    }

    private void collect() {
      for (TlsEvent e : client.drainEvents()) {
        log.append("client ").append(render(e)).append('\n');
        clientNames.add(e.getClass().getSimpleName() + name(e));
      }
      for (TlsEvent e : server.drainEvents()) {
        log.append("server ").append(render(e)).append('\n');
      }
    }

    List<String> clientEventNames() {
      return clientNames;
    }

    String wireDigest() {
      return sha256(wire.toString());
    }

    String eventDigest() {
      return sha256(log.toString());
    }
  }

  private static String name(TlsEvent e) {
    if (e instanceof TlsEvent.MessageSent m) {
      return " " + m.name();
    }
    if (e instanceof TlsEvent.MessageReceived m) {
      return " " + m.name();
    }
    return "";
  }

  /** Records print byte arrays as identities, so those three events are spelled out in hex. */
  private static String render(TlsEvent e) {
    HexFormat hex = HexFormat.of();
    if (e instanceof TlsEvent.Established est) {
      return "Established[" + est.version() + ", " + est.suite() + ", " + est.group() + ", "
          + est.extendedMasterSecret() + ", " + hex.formatHex(est.sessionId()) + "]";
    }
    if (e instanceof TlsEvent.SessionSecrets s) {
      return "SessionSecrets[" + s.keyLogLine() + "]";
    }
    if (e instanceof TlsEvent.ApplicationData d) {
      return "ApplicationData[" + hex.formatHex(d.data()) + "]";
    }
    return e.toString();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
